"""Administration in the desktop app: signing in (the first start creates the
administrator), the users dialog, File › Back up… and Restore…, and the Audit page with
the check that nothing changed behind the log; where this computer witnesses the chain
head (Settings › Witness file)."""

from desktop.admin.audit_model import audit_line, changed_fields
from desktop.admin.audit_page import AuditPage
from desktop.admin.backup_actions import back_up, restore
from desktop.admin.backup_status import last_backup, status_text
from desktop.admin.sign_in import SignedInBar, SignInDialog
from desktop.admin.users_dialog import UsersDialog
from desktop.admin.witness_setting import (
    WitnessFileBox,
    remember_witness_file,
    use_remembered_witness_file,
    witnessed_text,
)

__all__ = [
    "AuditPage",
    "SignInDialog",
    "SignedInBar",
    "UsersDialog",
    "WitnessFileBox",
    "audit_line",
    "changed_fields",
    "back_up",
    "last_backup",
    "restore",
    "status_text",
    "remember_witness_file",
    "use_remembered_witness_file",
    "witnessed_text",
]
