"""Excel import and export of the registry (households with members, flats), no database needed.

Read a file (.xlsx, .xlsm, .xlsb, .xls or .ods, by content, through
python-calamine) with :func:`read_households` / :func:`read_flats`: the result's
``problems`` lists everything wrong in the file (and then ``items`` is
empty: import nothing); :func:`inspect_workbook` serves the column-mapping
step. Write with :func:`write_households` / :func:`write_flats`, and blank
templates with :func:`write_household_template` / :func:`write_flat_template`.
"""

from db.excel.casework_export import write_case_log, write_progress
from db.excel.columns import (
    FLAT_SHEET,
    FLATS,
    HOUSEHOLD_SHEET,
    HOUSEHOLDS,
    MEMBER_SHEET,
    MEMBERS,
    SHEETS,
    ColumnSpec,
    Kind,
    SheetSpec,
)
from db.excel.intentions import (
    IntentionLine,
    IntentionsRead,
    add_intentions_sheet,
    read_intentions,
    write_intentions,
)
from db.excel.problems import PROBLEM_CODES, ImportProblem, ReadCancelled, freeze_params
from db.excel.reader import (
    ColumnMapping,
    FlatsRead,
    HeaderCell,
    HouseholdsRead,
    Places,
    Progress,
    SheetHeaders,
    WorkbookHeaders,
    inspect_workbook,
    read_flats,
    read_households,
)
from db.excel.visits import VisitLine, VisitsRead, read_visits, write_visits_template
from db.excel.writer import (
    INSTRUCTIONS_SHEET,
    write_flat_template,
    write_flats,
    write_household_template,
    write_households,
)

__all__ = [
    "write_visits_template",
    "Places",
    "ColumnMapping",
    "ColumnSpec",
    "FLATS",
    "FLAT_SHEET",
    "FlatsRead",
    "HOUSEHOLDS",
    "HOUSEHOLD_SHEET",
    "HeaderCell",
    "HouseholdsRead",
    "IntentionLine",
    "IntentionsRead",
    "INSTRUCTIONS_SHEET",
    "ImportProblem",
    "Kind",
    "MEMBERS",
    "MEMBER_SHEET",
    "PROBLEM_CODES",
    "Progress",
    "ReadCancelled",
    "SHEETS",
    "SheetHeaders",
    "SheetSpec",
    "VisitLine",
    "VisitsRead",
    "WorkbookHeaders",
    "add_intentions_sheet",
    "freeze_params",
    "inspect_workbook",
    "read_flats",
    "read_households",
    "read_intentions",
    "read_visits",
    "write_case_log",
    "write_flat_template",
    "write_flats",
    "write_household_template",
    "write_households",
    "write_intentions",
    "write_progress",
]
