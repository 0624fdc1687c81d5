"""Excel import and export of the registry (households with members, flats), no database needed.

Read a file with :func:`read_households` / :func:`read_flats`: the result's
``problems`` lists everything wrong in the file (and then ``items`` is
empty: import nothing); :func:`inspect_workbook` serves the column-mapping
step. Write with :func:`write_households` / :func:`write_flats`, and blank
templates with :func:`write_household_template` / :func:`write_flat_template`.
"""

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
from db.excel.problems import PROBLEM_CODES, ImportProblem, ReadCancelled
from db.excel.reader import (
    ColumnMapping,
    FlatsRead,
    HeaderCell,
    HouseholdsRead,
    Progress,
    SheetHeaders,
    WorkbookHeaders,
    inspect_workbook,
    read_flats,
    read_households,
)
from db.excel.writer import (
    INSTRUCTIONS_SHEET,
    write_flat_template,
    write_flats,
    write_household_template,
    write_households,
)

__all__ = [
    "FLATS",
    "FLAT_SHEET",
    "HOUSEHOLDS",
    "HOUSEHOLD_SHEET",
    "INSTRUCTIONS_SHEET",
    "MEMBERS",
    "MEMBER_SHEET",
    "PROBLEM_CODES",
    "SHEETS",
    "ColumnMapping",
    "ColumnSpec",
    "FlatsRead",
    "HeaderCell",
    "HouseholdsRead",
    "ImportProblem",
    "Kind",
    "Progress",
    "ReadCancelled",
    "SheetHeaders",
    "SheetSpec",
    "WorkbookHeaders",
    "inspect_workbook",
    "read_flats",
    "read_households",
    "write_flat_template",
    "write_flats",
    "write_household_template",
    "write_households",
]
