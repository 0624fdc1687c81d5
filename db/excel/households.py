"""Assembling Households from sheets 户 and 家庭成员, with the checks across both sheets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allocation.registry import VALUED_MODES, Condition, Household, Member, check_transition
from db.excel.columns import HOUSEHOLD_SHEET, MEMBER_SHEET, cell_text
from db.excel.problems import ImportProblem, freeze_params
from db.excel.results import HouseholdsRead, Places
from db.excel.sheets import Layout, Unreadable
from db.excel.workbook import ReadSession, corrupt


@dataclass(slots=True)
class _HouseholdRow:
    row: int
    values: dict[str, Any]
    ok: bool


class _MemberRows:
    """The members sheet as parallel lists.

    Hundreds of thousands of rows: one wrapper object per row would double
    what every garbage-collector pass has to walk (measured: ~10% of a read).
    """

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.codes: list[str | None] = []
        self.ids: list[str | None] = []
        self.members: list[Member | None] = []  # None when a cell of the row has a problem

    def add(self, row: int, values: dict[str, Any], ok: bool) -> Member | None:
        code = values.pop("code", None)
        member = Member(**values) if ok else None
        self.rows.append(row)
        self.codes.append(code)
        self.ids.append(values.get("id_number"))
        self.members.append(member)
        return member


class HouseholdAssembly:
    """Reads both sheets, then checks the file as a whole and builds Households.

    Together with the cell parsers these checks cover every rule of
    allocation.registry.check_household (the import service runs it again on
    what we return); repeating it here would validate every ID number twice.
    """

    def __init__(self, session: ReadSession) -> None:
        self.session = session
        self.problems = session.problems
        self.households: list[_HouseholdRow] = []
        self.people = _MemberRows()
        self.by_code: dict[str, _HouseholdRow] = {}
        self.members_of: dict[str, list[int]] = {}
        self.h_layout = self.m_layout = Layout("", None)  # until the sheet is read

    def run(self) -> HouseholdsRead:
        try:
            self._read()
        except Unreadable as error:
            self.problems.append(corrupt(error))
            return HouseholdsRead([], self.session.finish())
        self.session.progress.report()
        # Cross-sheet checks need both sheets whole; without them they would only echo.
        if self.h_layout.usable and self.m_layout.usable:
            self._check()
        items = [] if self.problems else self._build()
        return HouseholdsRead(items, self.session.finish(), len(self.households),
                              len(self.people.rows), self._places() if items else Places())

    def _places(self) -> Places:
        rows = {(HOUSEHOLD_SHEET.kind, h.values["code"]): h.row for h in self.households}
        rows.update(((MEMBER_SHEET.kind, i), r) for i, r in zip(self.people.ids,
                                                                  self.people.rows, strict=True)
                    if i is not None)
        return Places.of(((HOUSEHOLD_SHEET.kind, self.h_layout),
                          (MEMBER_SHEET.kind, self.m_layout)), rows)

    def _read(self) -> None:
        # A missing sheet is already a problem; the other sheet is still read for its own.
        if self.session.has(HOUSEHOLD_SHEET.kind):
            households = self.session.reader(HOUSEHOLD_SHEET.kind)
            self.h_layout = households.layout
            for row, values, ok in households.rows():
                self.households.append(_HouseholdRow(row, values, ok))
                if ok and values.get("compensation_mode") in VALUED_MODES:
                    self._check_assessed(row, values)
                if ok:
                    self._check_transition(row, values)
        if not self.session.has(MEMBER_SHEET.kind):
            return
        members = self.session.reader(MEMBER_SHEET.kind)
        self.m_layout = members.layout
        for row, values, ok in members.rows():
            member = self.people.add(row, values, ok)
            if member is not None and member.disability_grade is not None:
                self._check_grade(row, member)

    def _check_assessed(self, row: int, values: dict[str, Any]) -> None:
        """Value exchange and money compensation are reckoned on the assessed value.

        Placed on the 评估价值 cell, or on the 补偿方式 cell when the sheet has
        no 评估价值 column (the fix is then to add the column).
        """
        if values.get("assessed_value") is not None:
            return
        mode = values["compensation_mode"]
        on_value = self.h_layout.header("assessed_value") is not None
        self._problem(False, row, "assessed_value" if on_value else "compensation_mode",
                      None if on_value else mode.zh, "assessed_value_required",
                      field="assessed_value", code=values.get("code", ""), mode=mode.zh)

    def _check_transition(self, row: int, values: dict[str, Any]) -> None:
        """The 周转 dates need the 周转房地址 and must be in order (on the cell at fault)."""
        for p in check_transition(values.get("transition_housing", ""),
                                  values.get("transition_from"), values.get("transition_until")):
            self._problem(False, row, p.field, values.get(p.field), p.code,
                          field=p.field, code=values.get("code", ""), **p.params)

    def _check_grade(self, row: int, member: Member) -> None:
        if Condition.DISABILITY not in member.conditions:
            self._problem(True, row, "disability_grade", member.disability_grade,
                          "grade_without_disability", field="disability_grade")

    def _check(self) -> None:
        self._check_codes()
        self._check_people()
        self._group_members()
        for code, household in self.by_code.items():
            self._check_household(code, household, self.members_of.get(code, []))

    def _problem(self, on_members: bool, row: int, field_name: str | None, value: Any,
                 problem: str, /, **params: Any) -> None:
        # Positional-only: "code" is also a parameter name (the household's 户号).
        layout = self.m_layout if on_members else self.h_layout
        column = layout.header(field_name) if field_name else None
        self.problems.append(ImportProblem(layout.sheet, row, column, cell_text(value), problem,
                                           freeze_params(params)))

    def _check_codes(self) -> None:
        for household in self.households:
            code = household.values.get("code")
            if code is None:
                continue
            first = self.by_code.setdefault(code, household)
            if first is not household:
                self._problem(False, household.row, "code", code, "duplicate_code",
                              code=code, first_row=first.row, second_row=household.row)

    def _check_people(self) -> None:
        people = self.people
        seen: dict[str, int] = {}
        for index, id_number in enumerate(people.ids):
            if id_number is None:
                continue
            first = seen.setdefault(id_number, index)
            if first != index:
                self._problem(True, people.rows[index], "id_number", id_number,
                              "duplicate_person", id_number=id_number,
                              first_row=people.rows[first], second_row=people.rows[index],
                              first_code=people.codes[first] or "",
                              second_code=people.codes[index] or "")

    def _group_members(self) -> None:
        for index, code in enumerate(self.people.codes):
            if code is None:
                continue
            if code not in self.by_code:
                self._problem(True, self.people.rows[index], "code", code,
                              "member_without_household", code=code)
                continue
            self.members_of.setdefault(code, []).append(index)

    def _check_household(self, code: str, household: _HouseholdRow, indexes: list[int]) -> None:
        if not indexes:
            self._problem(False, household.row, "code", code, "household_without_members",
                          code=code)
            return
        # With a bad cell in any of its rows the household is not whole: checking its
        # head now would only echo that cell's problem.
        members = [self.people.members[i] for i in indexes]
        if household.ok and None not in members:
            rows = [self.people.rows[i] for i in indexes]
            self._check_heads(code, household, rows, members)  # type: ignore[arg-type]

    def _check_heads(self, code: str, household: _HouseholdRow, rows: list[int],
                     members: list[Member]) -> None:
        heads = [i for i, m in enumerate(members) if m.is_head]
        for extra in heads[1:]:
            self._problem(True, rows[extra], "relation", members[extra].relation,
                          "multiple_heads", code=code, first_row=rows[heads[0]],
                          second_row=rows[extra])
        head_id, head_name = household.values["head_id"], household.values["head_name"]
        match = next((i for i, m in enumerate(members) if m.id_number == head_id), None)
        if match is None:
            self._problem(False, household.row, "head_id", head_id, "head_not_member",
                          code=code, reason="not_listed")
        elif not members[match].is_head:
            self._problem(False, household.row, "head_id", head_id, "head_not_member",
                          code=code, reason="relation", relation=members[match].relation,
                          member_row=rows[match])
        elif members[match].name != head_name:
            self._problem(False, household.row, "head_name", head_name, "head_name_mismatch",
                          code=code, head_name=head_name, member_name=members[match].name,
                          member_row=rows[match])

    def _build(self) -> list[Household]:
        members = self.people.members
        return [Household(**h.values, members=tuple(
                    members[i] for i in self.members_of.get(h.values["code"], ())))  # type: ignore[misc]
                for h in self.households]
