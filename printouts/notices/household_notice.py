"""被安置户公示 (kind ``notice-households``): every household's code, masked head, people and areas.

The notice is public: the head's name is printed only masked (张*明), no
ID number is ever given to the document, and free text (group names) is
scrubbed of anything shaped like an ID number. Entitlement and priority
group are printed when known and as — until the policy decides them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import Household, mask_name
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    area,
    cell,
    clean,
    data_table,
    optional_area,
    redact_ids,
    total_row,
)
from printouts.notices.publication import Publication, notice_ending


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseholdLine:
    """One household as the notice shows it.

    Args:
        code: the household code (户号).
        head_name: the head's full name; the notice prints it masked.
        people: registered members (登记人口).
        recognised: recognised members (认定人口).
        legal_area: original legal floor area, m².
        entitlement: entitled area (安置面积), m²; None until decided.
        group: priority group name; None for none or not decided.
    """

    code: str
    head_name: str
    people: int
    recognised: int
    legal_area: Decimal
    entitlement: Decimal | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class HouseholdTotals:
    """The sums printed under the table; ``entitlement`` only when every line has one."""

    households: int
    people: int
    recognised: int
    legal_area: Decimal
    entitlement: Decimal | None


def household_lines(
    households: Sequence[Household],
    *,
    entitlements: Mapping[str, Decimal] | None = None,
    groups: Mapping[str, str] | None = None,
) -> list[HouseholdLine]:
    """Lines for the notice from domain households, in the order given.

    Args:
        households: the registry's households.
        entitlements: entitled area by household code (e.g. from
            ``allocation.rules.compute_entitlement``); missing codes print —.
        groups: priority group name by household code; missing codes print —.
    """
    entitlements = entitlements or {}
    groups = groups or {}
    return [
        HouseholdLine(
            code=h.code,
            head_name=h.head_name,
            people=len(h.members),
            recognised=h.recognised_count,
            legal_area=h.legal_area,
            entitlement=entitlements.get(h.code),
            group=groups.get(h.code),
        )  # fmt: skip
        for h in households
    ]


def household_totals(lines: Sequence[HouseholdLine]) -> HouseholdTotals:
    """Counts and area sums over ``lines``."""
    known = [line.entitlement for line in lines if line.entitlement is not None]
    return HouseholdTotals(
        households=len(lines),
        people=sum(line.people for line in lines),
        recognised=sum(line.recognised for line in lines),
        legal_area=sum((line.legal_area for line in lines), Decimal(0)),
        entitlement=sum(known, Decimal(0)) if lines and len(known) == len(lines) else None,
    )


class HouseholdNotice(BaseDocument):
    """被安置户公示: the household table, its totals, the objection period and the issuer."""

    kind = "notice-households"
    title = "被安置户公示"

    HEADER = ("序号", "户号", "户主", "登记<br/>人口", "认定<br/>人口",
              "合法面积<br/>（㎡）", "安置面积<br/>（㎡）", "优先组别")  # fmt: skip
    WIDTHS = tuple(w * mm for w in (12, 21, 24, 17, 17, 27, 27, 29))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "CENTER", "CENTER",
                                "RIGHT", "RIGHT", "LEFT")  # fmt: skip

    def __init__(
        self, info: DocumentInfo, lines: Sequence[HouseholdLine], publication: Publication
    ) -> None:
        super().__init__(info)
        self.lines = list(lines)
        self.publication = publication
        self.totals = household_totals(self.lines)

    def _story(self) -> list[Flowable]:
        return [
            *self._section_intro(),
            self._section_table(),
            *self._section_totals(),
            *self._section_objection(),
        ]

    def _section_intro(self) -> list[Flowable]:
        body, small = self.styles["Body"], self.styles["Small"]
        return [
            Paragraph(
                "经入户调查和审核认定，现将本项目被安置户的户号、人口和面积等情况予以公示，"
                "接受群众监督。为保护个人信息，户主姓名已作部分隐去处理。",
                body,
            ),
            Paragraph(
                "说明：认定人口为经审核认定的安置人口；合法面积为被征收房屋经认定的合法建筑面积；"
                f"安置面积和优先组别依分房方案确定，“{DASH}”表示尚未核定或不适用。",
                small,
            ),
            Spacer(1, 3 * mm),
        ]

    def _section_table(self) -> Flowable:
        rows: list[list[object]] = [self._row(n, line) for n, line in enumerate(self.lines, 1)]
        rows.append(self._total_row())
        last = len(rows)  # the header is row 0, so the total row's index is len(rows)
        extra = [("SPAN", (0, last), (2, last)), *total_row(last)]
        return data_table(self.HEADER, rows, self.WIDTHS, self._align(), self.styles, extra)

    def _align(self) -> list[Align]:
        """Column alignment; a column of nothing but — is centred rather than pushed to one side."""
        align = list(self.ALIGN)
        if all(line.entitlement is None for line in self.lines):
            align[6] = "CENTER"
        if not any(redact_ids(line.group) for line in self.lines):
            align[7] = "CENTER"
        return align

    def _row(self, number: int, line: HouseholdLine) -> list[object]:
        group = redact_ids(line.group)
        return [
            str(number), redact_ids(line.code), mask_name(clean(line.head_name)),
            str(line.people), str(line.recognised), area(line.legal_area),
            optional_area(line.entitlement), cell(group, self.styles) if group else DASH,
        ]  # fmt: skip

    def _total_row(self) -> list[object]:
        t = self.totals
        return [f"合计（{t.households}户）", "", "", str(t.people), str(t.recognised),
                area(t.legal_area), optional_area(t.entitlement), ""]  # fmt: skip

    def _section_totals(self) -> list[Flowable]:
        t = self.totals
        entitled = f"，安置面积合计{area(t.entitlement)}平方米" if t.entitlement is not None else ""
        text = (
            f"本次公示被安置户共{t.households}户，登记人口{t.people}人，认定人口{t.recognised}人，"
            f"合法面积合计{area(t.legal_area)}平方米{entitled}。"
        )
        return [Spacer(1, 4 * mm), Paragraph(text, self.styles["Body"])]

    def _section_objection(self) -> list[Flowable]:
        return [
            notice_ending(self.publication, self.styles),
        ]
