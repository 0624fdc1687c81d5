"""The casework in the database, each change audited: teams and staff, who looks after each
household, visits, notes, attached files, requests and special cases, progress steps and
signing; the case log, request lists, progress table and daily report read back as plain
data; visits and intentions (选房意向) imported from Excel, case logs exported."""

from db.casework.base import FlagEntry, RequestEntry
from db.casework.bulk import insert_logged
from db.casework.files import export_case_log_file, export_progress_file, import_visits_file
from db.casework.intention_files import export_intentions_file, import_intentions_file
from db.casework.intentions import (
    IntentionEntry,
    clear_intention,
    intention_columns,
    intention_entries,
    record_intention,
)
from db.casework.operations import (
    add_attachment,
    add_note,
    add_staff,
    add_team,
    add_visit,
    assign_household,
    attachment_state,
    delete_attachment,
    delete_note,
    delete_visit,
    set_staff_active,
)
from db.casework.progress import record_signing, record_step, remove_step, sync_status
from db.casework.progress_report import (
    ProgressRow,
    daily_report,
    household_rows_at_their_stage,
    progress_rows,
    project_stages,
)
from db.casework.queries import (
    CaseLog,
    RequestLine,
    StaffInfo,
    TeamInfo,
    case_log,
    find_requests,
    teams,
)
from db.casework.requests import (
    add_request,
    answer_request,
    close_request,
    raise_flag,
    reopen_request,
    set_flag_status,
)
from db.casework.snapshots import ENTITIES, CaseworkReplay, casework_key, stored_snapshots

__all__ = [
    "ENTITIES",
    "CaseLog",
    "CaseworkReplay",
    "FlagEntry",
    "IntentionEntry",
    "ProgressRow",
    "RequestEntry",
    "RequestLine",
    "StaffInfo",
    "TeamInfo",
    "add_attachment",
    "add_note",
    "add_request",
    "add_staff",
    "add_team",
    "add_visit",
    "answer_request",
    "assign_household",
    "attachment_state",
    "case_log",
    "casework_key",
    "clear_intention",
    "close_request",
    "daily_report",
    "delete_attachment",
    "delete_note",
    "delete_visit",
    "export_case_log_file",
    "export_intentions_file",
    "export_progress_file",
    "find_requests",
    "import_intentions_file",
    "import_visits_file",
    "insert_logged",
    "intention_columns",
    "intention_entries",
    "household_rows_at_their_stage",
    "progress_rows",
    "project_stages",
    "raise_flag",
    "record_intention",
    "record_signing",
    "record_step",
    "remove_step",
    "reopen_request",
    "set_flag_status",
    "set_staff_active",
    "stored_snapshots",
    "sync_status",
    "teams",
]
