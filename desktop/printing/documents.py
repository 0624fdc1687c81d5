"""Printing: load a project's data through db/, build a printouts/ document, write the PDF.

This is the one place that joins the database and the documents; printouts/
never sees a session. Three steps, so that the GUI can preview before it
saves and render off the database worker:

1. :func:`prepare` reads the data (in the caller's transaction) and builds
   the document; a public notice gets the version it will be registered as
   (第N版) and the upheld objections that version answers;
2. :func:`render` lays it out (the slow part: progress, and cancelling);
3. :func:`publish` registers a public notice in the publications registry
   (db.publications) with the PDF's SHA-256 and writes the file, in the
   caller's transaction: a notice is never posted without being registered.

:func:`print_to` does all three (the CLI), :func:`print_split` writes one
file per household for agreements, slips and trace sheets.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy.orm import Session

from allocation.errors import NotFoundError
from allocation.lottery import DEFAULT_METHOD
from allocation.rules import policy_text
from db import lottery as draws
from db import papers, publications, registry, selection
from db.papers import Skipped
from db.publications import NOTICE_KINDS, PublishedNotice
from desktop.printing import data
from desktop.printing.chances_papers import chances_sheets, supply_report
from desktop.printing.data import DEFAULT_OFFICE, DEFAULT_PAYMENT_TERM, PaperOptions
from desktop.printing.plan_papers import (
    PLAN_KINDS,
    PlanRequest,
    plan_document,
    schedule_document,
)
from desktop.printing.progress import PrintCancelled, Progress, report, reporting
from desktop.printing.void_notice import void_session_notice
from printouts import (
    Agreement,
    Appointment,
    BaseDocument,
    ChancesSheet,
    DayNotice,
    DrawNotice,
    FlatNotice,
    HouseholdNotice,
    MoneyAgreement,
    PoolNotice,
    Publication,
    ResultsNotice,
    RulesNotice,
    ScheduleNotice,
    Slip,
    Statistics,
    SupplyNotice,
    SupplyReport,
    TraceSheet,
    VoidNotice,
    household_lines,
)

#: The chances sheets and the office's supply and demand report (issue 14).
CHANCES_KINDS: Final = (ChancesSheet.kind, SupplyReport.kind)
#: The Printouts page's kinds: the public notices (the schedule among them: it prints the
#: stored plan), the households' papers, statistics and the chances papers.
KINDS: Final = (*NOTICE_KINDS, Agreement.kind, MoneyAgreement.kind, Slip.kind, TraceSheet.kind,
                Statistics.kind, *CHANCES_KINDS)
#: With the session plan's appointment notices, which may be cut from a request before
#: a plan is stored (``PrintRequest.plan``, the CLI's plan options): not on the page.
ALL_KINDS: Final = (*KINDS, *(kind for kind in PLAN_KINDS if kind not in KINDS))
#: One section per household: ``--household`` and ``--split`` apply to these.
BATCH_KINDS: Final = (Agreement.kind, MoneyAgreement.kind, Slip.kind, TraceSheet.kind,
                      Appointment.kind, ChancesSheet.kind)
#: The word in a split file's name: D001-agreement.pdf.
FILE_WORDS: Final = {Agreement.kind: "agreement", MoneyAgreement.kind: "money-agreement",
                     Slip.kind: "slip", TraceSheet.kind: "trace",
                     Appointment.kind: "appointment", ChancesSheet.kind: "chances"}
KIND_LABELS: Final = {
    "notice-households": QT_TRANSLATE_NOOP("Printing", "Household notice"),
    "notice-flats": QT_TRANSLATE_NOOP("Printing", "Housing stock notice"),
    "notice-rules": QT_TRANSLATE_NOOP("Printing", "Allocation rules notice"),
    "notice-pool": QT_TRANSLATE_NOOP("Printing", "Lottery list notice"),
    "notice-draw": QT_TRANSLATE_NOOP("Printing", "Lottery result notice"),
    "notice-results": QT_TRANSLATE_NOOP("Printing", "Allocation result notice"),
    "notice-supply": QT_TRANSLATE_NOOP("Printing", "Supply and demand notice"),
    "notice-day": QT_TRANSLATE_NOOP("Printing", "Day's selection results notice"),
    "notice-void": QT_TRANSLATE_NOOP("Printing", "Selection session void notice"),
    "schedule": QT_TRANSLATE_NOOP("Printing", "Selection schedule"),
    "agreements": QT_TRANSLATE_NOOP("Printing", "Resettlement agreements"),
    "agreements-money": QT_TRANSLATE_NOOP("Printing", "Money compensation agreements"),
    "slips": QT_TRANSLATE_NOOP("Printing", "Selection confirmation slips"),
    "traces": QT_TRANSLATE_NOOP("Printing", "Household explanation sheets"),
    "statistics": QT_TRANSLATE_NOOP("Printing", "Statistics"),
    "chances-sheet": QT_TRANSLATE_NOOP("Printing", "Chances sheets (estimate)"),
    "report-supply": QT_TRANSLATE_NOOP("Printing", "Supply and demand report (internal)"),
}
_UNSAFE = re.compile(r"[^\w.-]+")

__all__ = ["ALL_KINDS", "KINDS", "PrintCancelled", "PrintRequest", "Progress", "Skipped", "prepare",
           "print_split", "print_to", "publish", "render"]


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """What to print, the notice's objection period (公示期), and the agreement's terms.

    ``household`` restricts agreements, slips and trace sheets to one
    household; ``actor`` is who registers a public notice; ``day`` is the
    session day a 当日选房结果公告 reports (default: ``start``, posted that day).
    """

    kind: str
    project: str
    start: date
    days: int = 7
    office: str = DEFAULT_OFFICE
    household: str | None = None
    moving_deadline: date | None = None
    payment_term: str = DEFAULT_PAYMENT_TERM
    location: str = ""
    handover_date: date | None = None
    actor: str = "operator"
    plan: PlanRequest | None = None
    day: date | None = None

    @property
    def end(self) -> date:
        return self.start + timedelta(days=max(self.days, 1) - 1)

    @property
    def options(self) -> PaperOptions:
        return PaperOptions(office=self.office, payment_term=self.payment_term,
                            moving_deadline=self.moving_deadline, location=self.location,
                            handover_date=self.handover_date)


@dataclass
class Prepared:
    """A document ready to render, with what publishing it needs.

    ``version`` is set for a public notice: the version it prints as and will
    be registered as. ``items`` are a batch's sections (one per household),
    ``skipped`` the households a batch leaves out.
    """

    request: PrintRequest
    project_id: int
    document: BaseDocument
    version: int | None = None
    answers: tuple[int, ...] = ()
    items: list[Any] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def sections(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class Rendered:
    pdf: bytes
    pages: int
    missing: str  # characters the font lacks: they print blank
    sha256: str


@dataclass(frozen=True, slots=True)
class Printed:
    """A written PDF; ``publication`` is its registry entry when it is a public notice."""

    path: Path
    pages: int
    missing: str
    publication: PublishedNotice | None
    sections: int
    skipped: tuple[Skipped, ...]


# --- 1. prepare ---------------------------------------------------------------------


def prepare(session: Session, request: PrintRequest) -> Prepared:
    """Read the data and build the document, in the caller's transaction.

    Raises:
        NotFoundError: ``project_not_found``, ``policy_not_frozen``,
            ``pool_not_published``, ``draw_not_found``,
            ``no_selection_session``, ``household_not_found``,
            ``household_has_no_selection``, ``household_not_money``,
            ``no_voided_session`` (the void notice), ``session_plan_not_found``
            (the schedule, before a plan is stored and without a request).
        ValidationError: ``chances_mixed_pricing`` (chances sheets).
    """
    facts = data.project_facts(session, request.project)
    if request.kind in NOTICE_KINDS:
        return _notice(session, facts, request)
    if request.kind in PLAN_KINDS:
        document, items = plan_document(session, facts, request.kind,
                                        request.plan or PlanRequest(), office=request.office,
                                        household=request.household)
        return Prepared(request, facts.id, document, items=items)
    if request.kind in CHANCES_KINDS:
        return _chances(session, facts, request)
    if request.kind in BATCH_KINDS:
        return _batch(session, facts, request)
    if request.kind == Statistics.kind:
        return _statistics(session, facts, request)
    raise NotFoundError("unknown_document_kind", kind=request.kind, allowed=ALL_KINDS)


def build_document(session: Session, request: PrintRequest) -> BaseDocument:
    """The document for ``request`` (see :func:`prepare`)."""
    return prepare(session, request).document


def version_label(version: int, answers: tuple[int, ...]) -> str:
    """第2版, or 第2版（据异议第1、3号更正） when it corrects upheld objections."""
    if not answers:
        return f"第{version}版"
    return f"第{version}版（据异议第{'、'.join(map(str, answers))}号更正）"


def _notice(session: Session, facts: data.ProjectFacts, request: PrintRequest) -> Prepared:
    version = publications.next_version(session, facts.id, request.kind)
    answers = publications.pending_answers(session, facts.id, request.kind)
    info = data.document_info(session, facts, version_label(version, answers))
    posted = Publication(start=request.start, end=request.end, office=request.office)
    document = _notice_document(session, facts, request, info, posted)
    return Prepared(request, facts.id, document, version, answers)


def _notice_document(session: Session, facts: data.ProjectFacts, request: PrintRequest,
                     info: Any, posted: Publication) -> BaseDocument:
    kind = request.kind
    if kind == ScheduleNotice.kind:
        return schedule_document(session, facts, request.plan or PlanRequest(), info, posted)
    if kind == VoidNotice.kind:
        return void_session_notice(session, facts, info, posted)
    if kind == FlatNotice.kind:
        flats = [stored.flat for stored in registry.load_flats(session, facts.id)]
        return reporting(FlatNotice)(info, flats, posted)
    if kind == RulesNotice.kind:
        policy = data.require_policy(facts)
        assert facts.policy is not None
        text = policy_text(policy, "zh", sha256=facts.policy.sha256)
        return reporting(RulesNotice)(info, text, facts.policy.sha256, posted)
    if kind in (PoolNotice.kind, DrawNotice.kind):
        return _lottery_notice(session, facts, kind, info, posted)
    if kind == ResultsNotice.kind:
        return reporting(ResultsNotice)(info, data.results(session, facts), posted)
    if kind == DayNotice.kind:
        figures, lines = data.day_results(session, facts, request.day or request.start)
        return reporting(DayNotice)(info, figures, lines, posted)
    if kind == SupplyNotice.kind:
        data.require_policy(facts)  # "may take" is the frozen rules' word
        table = selection.project_supply_demand(session, facts.id, on=request.start)
        return reporting(SupplyNotice)(info, table, posted)
    households = registry.load_households(session, facts.id)
    policy = facts.policy.policy if facts.policy is not None else None
    counts = data.tallies(households, policy, request.start,
                          data.published_groups(session, facts))
    lines = household_lines(households, entitlements=counts.entitlements, groups=counts.groups)
    return reporting(HouseholdNotice)(info, lines, posted)


def _lottery_notice(session: Session, facts: data.ProjectFacts, kind: str, info: Any,
                    posted: Publication) -> BaseDocument:
    """摇号名单公示 (needs the published pool) or 摇号结果公示 (needs the active draw)."""
    names = {h.code: h.head_name for h in registry.load_households(session, facts.id)}
    draw = draws.counting_draw(session, facts.id)
    if kind == DrawNotice.kind:
        if draw is None or draw.record is None:
            raise NotFoundError("draw_not_found", project=facts.id)
        return reporting(DrawNotice)(info, draw.record, names, posted)
    pool = draws.current_pool(session, facts.id)
    if pool is None:
        raise NotFoundError("pool_not_published", project=facts.id)
    latest = draws.standing_draw_of(pool, draws.draw_history(session, facts.id))
    method = latest.method if latest is not None else DEFAULT_METHOD
    sources = latest.sources if latest is not None else []
    return reporting(PoolNotice)(info, pool.entries, names, pool.pool_sha256, method, sources,
                                 posted, money=len(pool.money))


def _batch(session: Session, facts: data.ProjectFacts, request: PrintRequest) -> Prepared:
    info = data.document_info(session, facts)
    if request.kind == TraceSheet.kind:
        on = papers.judged_on(session, facts.id, request.start)
        sheets = data.trace_items(session, facts, on, request.household)
        return Prepared(request, facts.id, reporting(TraceSheet)(info, sheets), items=sheets)
    if request.kind == MoneyAgreement.kind:
        on = papers.judged_on(session, facts.id, request.start)
        money = papers.money_papers(session, facts.id, on, request.household)
        deeds = data.money_agreement_items(money, facts, request.options)
        return Prepared(request, facts.id, reporting(MoneyAgreement)(info, deeds), items=deeds)
    batch = papers.session_papers(session, facts.id, request.kind, request.household)
    if request.kind == Agreement.kind:
        items, skipped = data.agreement_items(batch, facts, request.options)
        return Prepared(request, facts.id, reporting(Agreement)(info, items), items=items,
                        skipped=skipped)
    slips, skipped = data.slip_items(session, batch, facts)
    return Prepared(request, facts.id, reporting(Slip)(info, slips), items=slips,
                    skipped=skipped)


def _chances(session: Session, facts: data.ProjectFacts, request: PrintRequest) -> Prepared:
    if request.kind == SupplyReport.kind:
        return Prepared(request, facts.id, supply_report(session, facts, start=request.start))
    document, sheets = chances_sheets(session, facts, start=request.start,
                                      office=request.office, household=request.household)
    return Prepared(request, facts.id, document, items=sheets)


def _statistics(session: Session, facts: data.ProjectFacts, request: PrintRequest) -> Prepared:
    chosen = papers.active_selections(session, facts.id)
    households = data.households_at_their_stage(session, facts.id)
    flats = [stored.flat for stored in registry.load_flats(session, facts.id)]
    policy = facts.policy.policy if facts.policy is not None else None
    counts = data.tallies(households, policy, papers.judged_on(session, facts.id, request.start),
                          data.published_groups(session, facts))
    document = reporting(Statistics)(
        data.document_info(session, facts), households, flats,
        entitlements=counts.entitlements, groups=counts.groups, group_order=counts.group_order,
        selections=chosen)
    return Prepared(request, facts.id, document)


# --- 2. render ----------------------------------------------------------------------


def render(prepared: Prepared, progress: Progress | None = None) -> Rendered:
    """Lay the document out; ``progress(done, total)`` returning False cancels.

    Needs no session: the GUI runs it on its own thread.

    Raises:
        PrintCancelled: the operator cancelled.
        FontNotFound: no Chinese TrueType font is installed.
    """
    return _render(prepared.document, progress)


def _render(document: BaseDocument, progress: Progress | None) -> Rendered:
    document.progress = progress  # type: ignore[attr-defined]  # see printing_progress
    try:
        pdf = document.render_bytes()
    finally:
        document.progress = None  # type: ignore[attr-defined]
    missing = "".join(sorted(set(document.missing_characters)))
    return Rendered(pdf, document.page_count, missing, hashlib.sha256(pdf).hexdigest())


# --- 3. publish ---------------------------------------------------------------------


def publish(session: Session, prepared: Prepared, rendered: Rendered,
            out: Path | None) -> PublishedNotice | None:
    """Register a public notice (none for other kinds) and write the PDF to ``out``.

    Both in the caller's transaction: if the file cannot be written the
    registration rolls back. ``out`` None registers only (printing on paper).

    Raises:
        ConflictError: ``publication_version_taken`` — another workstation
            registered this version since the document was prepared:
            prepare it again.
    """
    notice = None
    if prepared.version is not None:
        request = prepared.request
        notice = publications.register_publication(
            session, project_id=prepared.project_id, kind=request.kind,
            pdf_sha256=rendered.sha256, start=request.start, end=request.end,
            actor=request.actor, pages=rendered.pages, version=prepared.version,
            answers=prepared.answers)
    if out is not None:
        write_atomically(out, rendered.pdf)
    return notice


def print_to(session: Session, request: PrintRequest, out: Path,
             progress: Progress | None = None) -> Printed:
    """Prepare, render and publish one PDF (the CLI's ``anju print``)."""
    prepared = prepare(session, request)
    rendered = render(prepared, progress)
    notice = publish(session, prepared, rendered, out)
    return Printed(out, rendered.pages, rendered.missing, notice, prepared.sections,
                   tuple(prepared.skipped))


def print_split(session: Session, request: PrintRequest, folder: Path,
                progress: Progress | None = None) -> list[Printed]:
    """One PDF per household (``D001-agreement.pdf``) for agreements, slips or trace sheets.

    ``progress(files written, files)`` after each file; returning False stops
    between files (those written stay). The skipped households are on each
    result.
    """
    if request.kind not in BATCH_KINDS:
        raise NotFoundError("unknown_document_kind", kind=request.kind, allowed=BATCH_KINDS)
    prepared = prepare(session, request)
    written: list[Printed] = []
    for code, document in split_documents(prepared):
        rendered = _render(document, None)
        path = folder / f"{_UNSAFE.sub('_', code)}-{FILE_WORDS[request.kind]}.pdf"
        write_atomically(path, rendered.pdf)
        written.append(Printed(path, rendered.pages, rendered.missing, None, 1,
                               tuple(prepared.skipped)))
        report(progress, len(written), prepared.sections)
    return written


def split_documents(prepared: Prepared) -> Iterator[tuple[str, BaseDocument]]:
    """(household code, a document of its section alone) for each section of a batch."""
    document = prepared.document
    for item in prepared.items:
        yield item.household.code, type(document)(document.info, [item])


def write_atomically(path: Path, pdf: bytes) -> None:
    """Write through a temporary file in the same folder: never a half-written PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
