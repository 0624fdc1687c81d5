"""Test-wide environment: headless Qt, a neutral locale, and no user data touched."""

import os

# Without a display Qt aborts the whole process; offscreen renders everything we test.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("ANJU_DATABASE_URL", None)
