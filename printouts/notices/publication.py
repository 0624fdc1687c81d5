"""The objection period of a public notice (公示期) and the closing lines every notice prints.

A notice is posted for a period during which anyone may object; the
notice says from when to when, to whom and how, and what happens after
(no objection raised means none). The issuing office and the date close it,
right-aligned, where the seal goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from printouts.document import clean, escape, zh_date


@dataclass(frozen=True, slots=True, kw_only=True)
class Publication:
    """When and where a notice is posted, and where objections go.

    Args:
        start: first day of the objection period (公示期).
        end: last day, inclusive.
        office: who receives objections, e.g. 粮道街片区征收安置指挥部.
        address: where to bring them.
        phone: the office's phone (an office number: printed as it is).
        issuer: the issuing body in the closing lines; defaults to ``office``.
        issued_on: the date in the closing lines; defaults to ``start``.

    Raises:
        ValueError: if ``end`` is before ``start`` or ``office`` is empty.
    """

    start: date
    end: date
    office: str
    address: str = ""
    phone: str = ""
    issuer: str = ""
    issued_on: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"objection period ends before it starts: {self.start} > {self.end}")
        if not clean(self.office):
            raise ValueError("Publication.office must name who receives objections")

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1


def objection_period(publication: Publication, styles: StyleSheet1) -> list[Flowable]:
    """The paragraphs on the objection period: dates, where to object, and the default."""
    where = escape(publication.office)
    details = [
        f"地址：{escape(publication.address)}" if clean(publication.address) else "",
        f"电话：{escape(publication.phone)}" if clean(publication.phone) else "",
    ]
    contact = "，".join(filter(None, details))
    contact_text = f"（{contact}）" if contact else ""
    return [
        Paragraph(
            f"公示期：自{zh_date(publication.start)}起至{zh_date(publication.end)}止，"
            f"共{publication.days}日。",
            styles["Body"],
        ),
        Paragraph(
            f"对公示内容有异议的，请于公示期内以书面形式向{where}{contact_text}提出，"
            "并提供相关证明材料。逾期未提出异议的，视为对公示内容无异议。",
            styles["Body"],
        ),
    ]


def closing_lines(publication: Publication, styles: StyleSheet1) -> Paragraph:
    """The issuer and the date, right-aligned under the notice."""
    issuer = escape(publication.issuer) or escape(publication.office)
    issued = publication.issued_on or publication.start
    return Paragraph(f"{issuer}<br/>{zh_date(issued)}", styles["Signature"])


def notice_ending(publication: Publication, styles: StyleSheet1) -> KeepTogether:
    """The objection period and the issuer under a notice, kept on one page: a long list
    must not leave the issuer's name and date alone on a last page, away from the period
    it closes."""
    return KeepTogether([*objection_period(publication, styles),
                         closing_lines(publication, styles)])

