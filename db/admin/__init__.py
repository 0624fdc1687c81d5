"""Keeping the database safe: users and roles checked where data is changed, backup and
restore (SQLite online backup or a portable archive), and the automatic backup taken
before an act that cannot be undone (freezing the rules, the draw, the session)."""

from db.admin.autobackup import automatic_backups, backup_before
from db.admin.backups import backup, restore
from db.admin.places import backup_folder
from db.admin.users import (
    ADMIN,
    OPERATOR,
    ROLES,
    SUPERVISOR,
    User,
    authenticate,
    change_user,
    create_user,
    holds_role,
    list_users,
    require_role,
    setup_mode,
    stored_snapshots,
)
from db.admin.witness import (
    WitnessLine,
    append_witness,
    choose_witness_file,
    default_witness_file,
    last_witnessed,
    lines_of_chain,
    read_witness,
    unwitnessed_chain,
    witness_file,
    witness_from_environment,
    witness_on_commit,
)

__all__ = [
    "ADMIN",
    "OPERATOR",
    "ROLES",
    "SUPERVISOR",
    "User",
    "WitnessLine",
    "append_witness",
    "choose_witness_file",
    "default_witness_file",
    "last_witnessed",
    "lines_of_chain",
    "read_witness",
    "unwitnessed_chain",
    "witness_file",
    "witness_from_environment",
    "witness_on_commit",
    "authenticate",
    "automatic_backups",
    "backup",
    "backup_before",
    "backup_folder",
    "change_user",
    "create_user",
    "holds_role",
    "list_users",
    "require_role",
    "restore",
    "setup_mode",
    "stored_snapshots",
]
