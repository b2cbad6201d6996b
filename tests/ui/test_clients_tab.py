"""The Clients tab driven like a user: keyboard, dialogs, search, delete and undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from boutique.models import Client
from boutique.services.clients.book import save_client
from boutique.ui.client_profile import ClientProfileDialog
from boutique.ui.client_table_model import NAME, ClientTableModel


def _fill(count: int = 3):
    names = [("Zoë", "Ødegård", "+1 555 013 4567"), ("Ana", "Alvarez", "555 222 1111"),
             ("Mark", "Anderson", "555 987 6543"), ("Ελένη", "Παπαδοπούλου", "")]
    return [save_client({"first_name": f, "last_name": last, "mobile_phone": phone}).id
            for f, last, phone in names[:count]]


def test_table_model_passes_the_model_tester(qtmodeltester, db):
    _fill(4)
    model = ClientTableModel()
    qtmodeltester.check(model)
    model.set_search("an")
    qtmodeltester.check(model)


def test_model_fetches_rows_a_page_at_a_time(db):
    from boutique.services.demo.build import build_demo
    from boutique.ui.client_table_model import PAGE_SIZE

    build_demo(700, seed=3, today=dt.date(2026, 11, 25))
    model = ClientTableModel()
    assert model.rowCount() == 700
    assert model.rows_fetched == 0
    model.data(model.index(699, NAME))
    assert model.rows_fetched <= PAGE_SIZE
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, NAME)) >= model.data(model.index(699, NAME))


def test_search_filters_the_table(qtbot, window):
    ids = _fill(3)
    tab = window.show_tab("Clients")
    tab.reload()
    assert tab.model.rowCount() == 3
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "555 0134")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.selected_client_id() == ids[0]
    assert "1 client found" in tab.count.text()
    tab.search.clear()
    qtbot.keyClicks(tab.search, "zoe")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.client_id_at(0) == ids[0]


def test_create_a_client_through_the_dialog(qtbot, window, close_modal_later):
    tab = window.show_tab("Clients")

    def fill_and_save(dialog):
        assert isinstance(dialog, ClientProfileDialog)
        form = dialog.form
        form.inputs["first_name"].insert("Светлана")  # QTest types ASCII only: paste it
        qtbot.keyClicks(form.inputs["last_name"], "O'Brien <&>")
        qtbot.keyClicks(form.inputs["mobile_phone"], "(555) 013-4567")
        qtbot.keyClicks(form.inputs["email"], "svetlana@example.com")
        form.inputs["birthday"].set_parts(None, 2, 29)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        qtbot.keyClick(form.inputs["email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert dialog.status.text() == "Saved."
        assert "Purchases" in dialog.pages
        dialog.reject()

    close_modal_later(fill_and_save)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    client = Client.get()
    assert (client.first_name, client.last_name, client.mobile_phone) == (
        "Светлана", "O'Brien <&>", "+15550134567")
    assert (client.birthday_month, client.birthday_day) == (2, 29)
    assert tab.model.rowCount() == 1
    assert tab.selected_client_id() == client.id


def test_invalid_email_shows_a_message_and_saves_nothing(qtbot, window):
    dialog = ClientProfileDialog(window, client_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.inputs["first_name"], "Ana")
    qtbot.keyClicks(dialog.form.inputs["email"], "ana@@example")
    assert dialog.save() is False
    label = dialog.form.error_labels["email"]
    assert label.isVisible() and label.text()
    assert dialog.form.inputs["email"].property("invalid") is True
    assert "Not saved" in dialog.status.text()
    assert Client.select().count() == 0
    dialog.form.inputs["email"].setText("ana@example.com")
    assert dialog.save() is True
    assert not label.isVisible()
    assert Client.get().email == "ana@example.com"


def test_delete_asks_then_undo_brings_the_client_back(qtbot, window, monkeypatch):
    ids = _fill(3)
    tab = window.show_tab("Clients")
    tab.reload()
    tab.view.setFocus()
    tab._select_row(tab.model.row_of(ids[1]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == 2
    assert Client.get_by_id(ids[1]).deleted_at is not None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 3
    assert Client.get_by_id(ids[1]).deleted_at is None


def test_enter_opens_the_selected_client(qtbot, window, close_modal_later):
    ids = _fill(2)
    tab = window.show_tab("Clients")
    tab.reload()
    tab.view.setFocus()
    tab._select_row(tab.model.row_of(ids[0]))
    seen = []

    def look(dialog):
        seen.append((dialog.client_id, dialog.header.name.text()))
        dialog.reject()

    close_modal_later(look)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert seen == [(ids[0], "Zoë Ødegård")]


def test_a_bad_phone_is_flagged_when_leaving_the_field(qtbot, window):
    dialog = ClientProfileDialog(window, client_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    mobile = dialog.form.inputs["mobile_phone"]
    qtbot.keyClicks(mobile, "12")
    mobile.editingFinished.emit()
    assert dialog.form.error_labels["mobile_phone"].isVisible()
    mobile.setText("(555) 013-4567")
    mobile.editingFinished.emit()
    assert not dialog.form.error_labels["mobile_phone"].isVisible()


def test_profile_header_shows_pinned_facts(qtbot, window):
    from boutique.services.notes.notebook import add_note

    client_id = _fill(1)[0]
    add_note(client_id, "Ring size 6.5 <b>&</b>", category="sizes", pinned=True)
    add_note(client_id, "Not pinned", category="other")
    dialog = ClientProfileDialog(window, client_id=client_id)
    qtbot.addWidget(dialog)
    assert dialog.header.pinned.text() == "Pinned: Ring size 6.5 <b>&</b>"


def test_ctrl_n_opens_a_new_client_from_any_tab(qtbot, window, close_modal_later):
    window.show_tab("Notes")
    window.activateWindow()
    seen = []
    close_modal_later(lambda dialog: seen.append(dialog.windowTitle()))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["New client"]
    assert window.tabs.currentWidget() is window.tab_widgets["Clients"]
