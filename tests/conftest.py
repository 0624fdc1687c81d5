"""Test-wide environment: headless Qt, a neutral locale, and no user data touched."""

import os
import tempfile

# Without a display Qt aborts the whole process; offscreen renders everything we test.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("ANJU_DATABASE_URL", None)
# Automatic backups (before freeze, draw, session) go to a throwaway folder, not the user's.
os.environ["ANJU_BACKUP_DIR"] = tempfile.mkdtemp(prefix="anju-test-backups-")
