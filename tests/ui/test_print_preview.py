"""The print preview: it opens, prints every page at its own size, saves; today's pack is
built in a worker with progress and cancel, then previewed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from boutique.printing.pack import render_pack
from boutique.printing.sheets import ENVELOPES
from boutique.services.stationery.letterhead import save_letterhead
from boutique.services.stationery.print_data import PackData
from boutique.ui.print_preview import PackRun, render_page, show_pdf_preview, show_todays_pack
from tests.printing.documents import DAY, LETTERHEAD, prompt, script
from tests.printing.stationery_pdf import page_sizes

PACK_PDF = render_pack(PackData(DAY, "Wednesday, November 25, 2026", (prompt(),), (script(),)),
                       LETTERHEAD)


@pytest.fixture
def preview(qtbot):
    dialog = show_pdf_preview(None, PACK_PDF, "Today’s pack")
    qtbot.addWidget(dialog)
    return dialog


def test_the_preview_opens_the_pdf(preview):
    assert preview.isVisible()
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == len(page_sizes(PACK_PDF)) == 4
    assert preview.pages_label.text().strip() == "4 pages"


def test_save_as_pdf_writes_the_same_bytes(preview, tmp_path, monkeypatch):
    target = tmp_path / "pack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.action_save.trigger()
    assert (tmp_path / "pack.pdf").read_bytes() == PACK_PDF


def test_print_sends_every_page_at_its_own_size(preview, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    preview.action_print.trigger()
    printed = page_sizes(out.read_bytes())
    expected = page_sizes(PACK_PDF)
    assert len(printed) == len(expected)
    for got, want in zip(printed, expected, strict=True):
        assert got == pytest.approx(want, abs=1.5)
    assert ENVELOPES["a2"].size in expected  # an envelope page really was in there


def test_cancelled_print_dialog_prints_nothing(preview, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert preview.print_dialog() is False
    assert not out.exists()


def test_a_page_renders_to_an_image(qapp):
    image = render_page(PACK_PDF, 300)
    assert image.width() == 300 and image.height() == round(300 * 792 / 612)


@pytest.fixture
def due_today(db, make_client, make_purchase, today):
    save_letterhead({"store_name": "Marsh & Finch Jewelers", "page_size": "letter"})
    client = make_client(salutation="Mrs.", mobile_phone="+15551230001",
                         home_line1="8 Orchard Lane", home_city="Hudson", home_postcode="12534")
    make_purchase(client.id, today - dt.timedelta(days=3))
    make_purchase(client.id, today - dt.timedelta(days=35), description="Pearl strand")


def test_todays_pack_is_built_off_the_gui_thread_then_previewed(window, qtbot, due_today,
                                                                today):
    run = show_todays_pack(window, today)
    qtbot.waitUntil(lambda: run.preview is not None, timeout=15000)
    assert run.worker.isFinished()
    assert run.preview.document.pageCount() >= 3  # contents, prompts, envelope, script
    assert "2026-11-25" in run.preview.windowTitle()
    run.preview.close()


def test_cancel_stops_the_pack(window, qtbot, due_today, today):
    run = PackRun(window, today)
    run.worker.cancel.set()
    with qtbot.waitSignal(run.worker.cancelled, timeout=15000):
        run.start()
    qtbot.waitUntil(run.worker.isFinished)
    assert run.preview is None


def test_closing_the_window_stops_the_worker(window, qtbot, due_today, today):
    run = show_todays_pack(window, today)
    window.close()
    assert run.worker.isFinished()
