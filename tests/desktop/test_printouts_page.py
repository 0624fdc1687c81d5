"""The Printouts page with pytest-qt: preview, save (registering notices), print, cancel."""

from __future__ import annotations

import hashlib
import io
import re
import threading
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

import db.publications.notices as publications
from db.demo.project import DEMO_NAME
from desktop.printing.job import RenderJob, wait_for_renders
from desktop.printing.objections_models import countdown, notices_model
from desktop.printing.printouts_page import PrintoutsPage
from tests.desktop.conftest import context_on, settle

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(qapp, demo_url):
    """A copy of the demo project (199 households, frozen rules, no draw), current."""
    with context_on(qapp, demo_url, DEMO_NAME, create=False) as context:
        yield context


@pytest.fixture
def page(qtbot, demo):
    widget = PrintoutsPage(demo)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    widget.documents.cancel()
    wait_for_renders()


def preview(qtbot, page, kind: str, household: str = "") -> None:
    tab = page.documents
    tab.choose_kind(kind)
    tab.household.setText(household)
    tab.make_preview()
    settle(qtbot, lambda: wait_for_renders() or tab.rendered is not None or
           tab.prepared is None and not tab.cancel_button.isEnabled(), timeout=30000)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_preview_shows_every_page_and_saving_registers_the_notice(qtbot, page, demo, tmp_path,
                                                                  monkeypatch):
    """The preview holds the bytes Save writes; saving a notice registers it as 第1版."""
    preview(qtbot, page, "notice-flats")
    tab = page.documents
    assert tab.rendered is not None
    pages = len(PdfReader(io.BytesIO(tab.rendered.pdf)).pages)
    assert pages > 1 and tab.preview.page_count() == pages
    assert "第1版" in tab.status.text() and "第1版" in text_of(tab.rendered.pdf)
    out = tmp_path / "flats.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda: out)
    tab.save()
    settle(qtbot, lambda: "第1版" in tab.status.text() and "flats.pdf" in tab.status.text())
    written = out.read_bytes()
    assert "房源公示" in text_of(written)
    with demo.factory() as session:
        [notice] = publications.list_publications(session, demo.project_id)
    assert (notice.kind, notice.version) == ("notice-flats", 1)
    assert notice.content_sha256 == hashlib.sha256(written).hexdigest()
    assert not tab.save_button.isEnabled()  # used up: the next printing is 第2版
    settle(qtbot, lambda: page.objections.notices.rowCount() == 1)


def test_a_long_batch_can_be_cancelled(qtbot, page, monkeypatch):
    """199 trace sheets report progress per household; cancelling stops with nothing made.

    The render thread is held inside its very first progress report (whatever
    it counts, 0 included) until the page has cancelled, so the test does not
    race the renderer: without the gate a fast machine could finish all 199
    sheets before the click arrives, and a gate at the first *household* still
    let the cancel land in the report before it."""
    gate = threading.Event()
    reported: list[int] = []
    original = RenderJob._progress

    def held_progress(job, done, total):
        reported.append(done)
        if len(reported) == 1:
            gate.wait(timeout=60)
        return original(job, done, total)

    monkeypatch.setattr(RenderJob, "_progress", held_progress)
    tab = page.documents
    tab.choose_kind("traces")
    tab.make_preview()
    qtbot.waitUntil(lambda: bool(reported), timeout=30000)
    tab.cancel()
    gate.set()
    settle(qtbot, lambda: wait_for_renders() or not tab.cancel_button.isEnabled(),
           timeout=30000)
    assert tab.rendered is None and tab.preview.page_count() == 0
    # The held report was answered "stop": nothing was reported after it.
    assert len(reported) == 1
    assert not tab.save_button.isEnabled()


def test_one_household_only(qtbot, page):
    preview(qtbot, page, "traces", household="D007")
    tab = page.documents
    assert tab.rendered is not None and tab.prepared is not None
    assert tab.prepared.sections == 1
    text = text_of(tab.rendered.pdf)
    assert "户号：D007" in text and "D008" not in text


def test_refusals_are_worded_and_nothing_is_shown(qtbot, page):
    preview(qtbot, page, "notice-draw")
    assert page.documents.rendered is None
    assert "no active draw" in page.documents.status.text()
    preview(qtbot, page, "agreements")
    assert "no selection session" in page.documents.status.text()
    preview(qtbot, page, "notice-day")
    assert page.documents.rendered is None
    assert "no selection session" in page.documents.status.text()


def test_printing_registers_the_notice_then_prints_every_page(qtbot, page, demo, tmp_path,
                                                             monkeypatch):
    preview(qtbot, page, "notice-rules")
    tab = page.documents
    out = tmp_path / "printer.pdf"

    def printer() -> QPrinter:
        chosen = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(out))
        return chosen

    monkeypatch.setattr(tab, "ask_printer", printer)
    tab.print_document()
    settle(qtbot, lambda: "第1版" in tab.status.text() and out.exists())
    assert len(PdfReader(out).pages) == tab.preview.page_count()
    with demo.factory() as session:
        assert publications.next_version(session, demo.project_id, "notice-rules") == 2


def test_changing_an_option_makes_the_preview_stale(qtbot, page):
    preview(qtbot, page, "statistics")
    tab = page.documents
    assert tab.save_button.isEnabled()
    tab.office.textEdited.emit("别的单位")
    assert not tab.save_button.isEnabled() and not tab.print_button.isEnabled()


def test_objections_are_recorded_and_decided_in_the_view(qtbot, page, demo):
    """Record through the dialog (masked in the list), then decide it: it leaves the open list."""
    with demo.factory.begin() as session:
        publications.register_publication(
            session, project_id=demo.project_id, kind="notice-households",
            pdf_sha256="a" * 64, start=date.today(), end=date.today(), actor="tester")
    view = page.objections
    view.reload()
    settle(qtbot, lambda: view.notices.rowCount() == 1 and view.add_button.isEnabled())
    dialog = view.record_objection()
    dialog.objector.setText("张三丰")
    dialog.item.setText("D012")
    dialog.text.setPlainText("少算一人")
    dialog.save()
    settle(qtbot, lambda: view.objections.rowCount() == 1)
    model = view.objections
    assert model.data(model.index(0, 2)) == "张*丰"
    assert model.data(model.index(0, 8)).endswith(": 1")
    view.objection_table.selectRow(0)
    assert view.resolve_button.isEnabled()
    resolve = view.resolve_objection()
    assert resolve is not None
    resolve.resolution.setPlainText("经核实成立")
    resolve.save()
    settle(qtbot, lambda: view.objections.rowCount() == 0)
    view.open_only.setChecked(False)
    settle(qtbot, lambda: view.objections.rowCount() == 1)
    assert "upheld" in model.data(model.index(0, 6))


def test_an_empty_objection_is_refused_in_the_dialog(qtbot, page, demo):
    with demo.factory.begin() as session:
        publications.register_publication(
            session, project_id=demo.project_id, kind="notice-flats", pdf_sha256="b" * 64,
            start=date.today(), end=date.today(), actor="tester")
    view = page.objections
    view.reload()
    settle(qtbot, lambda: view.add_button.isEnabled())
    dialog = view.record_objection()
    dialog.save()
    settle(qtbot, lambda: dialog.error.text() != "")
    assert "objector" in dialog.error.text() and dialog.isVisible()


def test_countdown_wording():
    start, end = date(2026, 11, 23), date(2026, 11, 29)
    assert countdown(start, end, date(2026, 11, 23)) == "days left in the objection period: 7"
    assert countdown(start, end, date(2026, 11, 29)) == "days left in the objection period: 1"
    assert countdown(start, end, date(2026, 11, 30)) == "objection period over"
    assert countdown(start, end, date(2026, 11, 1)).startswith("starts")
    model = notices_model()
    notice = publications.PublishedNotice(1, "notice-pool", 2, start, end, "c" * 64, 3, "t",
                                          None, (4,))  # type: ignore[arg-type]
    model.set_rows([notice], date(2026, 11, 27))
    assert [model.data(model.index(0, c)) for c in (1, 3, 5)] == [
        "version 2", "days left in the objection period: 3", "4"]


def test_the_agreement_terms_are_asked_for_agreements_only(qtbot, page):
    """Payment term, place, moving deadline and handover day are fields of their own, on for
    agreements only; left at their "none" value the dates fall back to the defaults."""
    tab = page.documents
    tab.choose_kind("notice-rules")
    assert not any(term.isEnabled() for term in tab.terms)
    tab.choose_kind("agreements")
    assert all(term.isEnabled() for term in tab.terms)
    request = tab.request()
    assert request.moving_deadline is None and request.handover_date is None
    tab.location.setText("武昌区粮道街安置小区")
    tab.moving_deadline.setDate(date(2027, 1, 31))
    tab.handover.setDate(date(2028, 6, 30))
    request = tab.request()
    assert request.location == "武昌区粮道街安置小区"
    assert (request.moving_deadline, request.handover_date) == (date(2027, 1, 31),
                                                                date(2028, 6, 30))
    assert request.options.handover_date == date(2028, 6, 30)


def test_the_schedule_saved_from_the_page_is_registered_each_time_as_the_next_version(
        qtbot, page, demo, tmp_path, monkeypatch):
    """The demo drawn and its plan stored (anju demo's: two batches), then the schedule
    saved twice from the page: by hand, 第1版 then 第2版, each registered with the SHA-256
    of the file written, and the page says which."""
    from db import lottery as draws
    from desktop.cli.demo import DEMO_SOURCES, store_demo_plan

    with demo.factory.begin() as session:
        draws.publish_pool(session, project_id=demo.project_id, actor=demo.actor,
                           on=date.today())
        draws.announce_and_draw(session, project_id=demo.project_id, sources=DEMO_SOURCES,
                                actor=demo.actor)
    store_demo_plan(demo.factory, demo.project_id, demo.actor)
    tab = page.documents
    for version in (1, 2):
        preview(qtbot, page, "schedule")
        assert tab.rendered is not None, tab.status.text()
        assert f"（第{version}版）" in text_of(tab.rendered.pdf)
        out = tmp_path / f"schedule-{version}.pdf"
        monkeypatch.setattr(tab, "ask_save_path", lambda out=out: out)
        tab.save()
        said = (f"第{version}版", out.name)
        settle(qtbot, lambda said=said: all(word in tab.status.text() for word in said))
        written = out.read_bytes()
        assert "选房时间安排表" in text_of(written) and "分2批" in text_of(written)
        with demo.factory() as session:
            notice = publications.list_publications(session, demo.project_id, "schedule")[-1]
        assert notice.version == version
        assert notice.content_sha256 == hashlib.sha256(written).hexdigest()
