"""The import preview and the erase dialog, as real widgets."""

from __future__ import annotations

from pathlib import Path

from boutique.services.clients import Client
from boutique.ui.erase_dialog import EraseDialog
from boutique.ui.import_dialog import PREVIEW_FIELDS, ImportDialog

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


def test_erase_dialog_shows_a_name_with_markup_as_written(qtbot, db, make_client):
    from PySide6.QtWidgets import QLabel

    odd = make_client(first_name="<b>Ana</b> & Co", last_name="Ødegård")
    dialog = EraseDialog(odd.id)
    qtbot.addWidget(dialog)
    [text] = [w.text() for w in dialog.findChildren(QLabel) if "erased" in w.text()]
    assert "&lt;b&gt;Ana&lt;/b&gt; &amp; Co" in text


def test_changing_a_column_in_the_preview_changes_what_is_saved(qtbot, db):
    from PySide6.QtWidgets import QComboBox

    dialog = ImportDialog(FIXTURES / "spreadsheet_clients.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.mapping_model
    assert "spreadsheet" in dialog.counts.text()
    rows = dialog.rows_view.model()
    phone_column = 2 + PREVIEW_FIELDS.index("mobile_phone")
    assert rows.item(0, phone_column).text() == "+15035550123"
    mobile = model.index(model.header.index("Mobile"), 2)
    dialog.mapping_view.edit(mobile)
    combo = dialog.mapping_view.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData(""))  # (not imported)
    combo.activated.emit(combo.currentIndex())
    assert "Mobile" not in model.current()
    assert dialog.plan.mapping == model.current()
    assert dialog.rows_view.model().item(0, phone_column).text() == ""
    # A field takes one column: giving "email" to Surname lets E-mail go.
    model.setData(model.index(model.header.index("Surname"), 2), "email")
    assert "E-mail" not in model.current()
    assert dialog.plan.problems and dialog.plan.problems[0].field == "email"
    assert not dialog.import_button.isEnabled()


def test_a_failed_import_says_the_book_is_as_it_was(db):
    from boutique.services.errors import ValidationError
    from boutique.services.interchange import ImportCancelled, failure_message

    assert failure_message(ImportCancelled()) == "The import was cancelled; the book is as it was."
    text = failure_message(ValidationError({"row 4": "email: is not valid"}))
    assert "row 4: email: is not valid" in text and "as it was" in text
    text = failure_message(PermissionError(13, "Permission denied", "/backups/x.sqlite3"))
    assert text.startswith("Nothing was imported: Permission denied (/backups/x.sqlite3)")


def test_the_preview_says_how_many_follow_ups_the_orders_will_add(qtbot, db):
    from boutique.models import FollowUp
    from boutique.services.interchange import apply_plan, build_plan

    expected = apply_plan(build_plan(FIXTURES / "shopify_orders.csv"), dry_run=True)
    dialog = ImportDialog(FIXTURES / "shopify_orders.csv")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "will schedule" in dialog.followups.text(), timeout=20000)
    assert f"{expected['followups_added']} follow-ups" in dialog.followups.text()
    assert FollowUp.select().count() == 0 and Client.select().count() == 0  # a dry run
    customers = ImportDialog(FIXTURES / "shopify_customers.csv")
    qtbot.addWidget(customers)
    assert customers.followups.text() == "" and customers.counter is None
