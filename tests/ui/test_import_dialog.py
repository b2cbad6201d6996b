"""The import preview and the erase dialog, as real widgets."""

from __future__ import annotations

from pathlib import Path

from boutique.services.clients import Client
from boutique.ui.erase_dialog import EraseDialog
from boutique.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_preview_shows_problems_and_imports_only_when_asked(qtbot, db, tmp_path):
    dialog = ImportDialog(FIXTURES / "shopify_customers_broken.csv")
    qtbot.addWidget(dialog)
    problems = dialog.problems_view.model()
    assert problems.rowCount() == 3
    assert [problems.item(0, c).text() for c in range(2)] == ["3", "email"]
    assert not dialog.import_button.isEnabled()
    dialog.save_problems_to(tmp_path / "p.csv")
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()[2].startswith("4,")
    dialog.good_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)
    assert [c.first_name for c in Client.select()] == ["Ada"]


def test_cancelled_import_leaves_the_book(qtbot, db, make_client):
    make_client(first_name="Kept")
    dialog = ImportDialog(FIXTURES / "shopify_customers.csv")
    qtbot.addWidget(dialog)
    assert dialog.rows_view.model().rowCount() == 3
    dialog.start_import()
    dialog.worker.cancel()
    qtbot.waitUntil(lambda: not dialog.worker.isRunning(), timeout=20000)
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=20000)
    assert [c.first_name for c in Client.select()] == ["Kept"]


def test_erase_dialog_names_the_backup_date_and_needs_confirming(qtbot, db, make_client):
    ana = make_client(first_name="Ana")
    dialog = EraseDialog(ana.id)
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    dialog.confirm.setText("ERASE")
    dialog.erase_button.click()
    assert Client.select().count() == 0
