"""Test-wide environment: headless Qt, a neutral locale, no user data touched, and property
tests that give the same examples on every run unless asked to explore."""

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import settings

# A suite that lands must not fail on a new random example: by default every property
# test draws the same examples (derandomize). HYPOTHESIS_PROFILE=explore searches afresh
# each run, as a developer should now and then; what it finds becomes a worked test.
settings.register_profile("steady", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "steady"))

# Without a display Qt aborts the whole process; offscreen renders everything we test.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("ANJU_DATABASE_URL", None)
# A failed sign-in waits before it answers; tests count failures, not seconds.
os.environ["ANJU_SIGN_IN_DELAY"] = "0"
# Automatic backups (before freeze, draw, session) go to a throwaway folder, not the user's.
# Removed at exit: every run used to leave one behind in /tmp.
os.environ["ANJU_BACKUP_DIR"] = tempfile.mkdtemp(prefix="anju-test-backups-")
atexit.register(shutil.rmtree, os.environ["ANJU_BACKUP_DIR"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _own_witness_file(tmp_path_factory, monkeypatch):
    """Each test witnesses its irreversible acts into a file of its own: a shared one would
    hold the heads of every test's database, and a restore would refuse them all."""
    folder = tmp_path_factory.mktemp("witness")
    monkeypatch.setenv("ANJU_WITNESS_FILE", str(folder / "witness.log"))
