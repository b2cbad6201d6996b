"""The toolbar search: grouped results as you type, keyboard through them, open the client."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boutique.services.notes import notebook as notes
from boutique.ui.global_search import RESULTS_PER_KIND
from boutique.ui.results_popup import HEADER, HIT, MORE


@pytest.fixture
def book(make_client, make_purchase, today):
    zoe = make_client(first_name="Zoë", last_name="Ødegård", email="zoe@example.com")
    ben = make_client(first_name="Ben", last_name="Sapphire-Smith")
    ring = make_purchase(zoe.id, today, description="Sapphire halo ring")
    note = notes.add_note(ben.id, "Asked about a sapphire <b>&</b> pearl pendant for Zoë")
    return dict(zoe=zoe, ben=ben, ring=ring, note=note)


@pytest.fixture
def opened(monkeypatch):
    """Profiles opened (the modal exec is replaced by recording the dialog)."""
    from boutique.ui.client_profile import ClientProfileDialog

    dialogs = []
    monkeypatch.setattr(ClientProfileDialog, "exec", lambda self: dialogs.append(self) or 0)
    yield dialogs
    for dialog in dialogs:
        dialog.done(0)


def type_search(qtbot, window, text):
    field = window.global_search
    window.action_search_everything.trigger()
    qtbot.keyClicks(field, text)
    qtbot.waitUntil(lambda: field.popup.isVisible())
    return field


def shown(field):
    return [(e.kind, e.data.kind if e.kind == HIT else e.title)
            for e in field.popup.model.entries]


def test_results_grouped_clients_notes_purchases(qtbot, window, book):
    field = type_search(qtbot, window, "sapph")
    assert shown(field) == [(HEADER, "Clients"), (HIT, "client"), (HEADER, "Notes"),
                            (HIT, "note"), (HEADER, "Purchases"), (HIT, "purchase")]
    note_entry = field.popup.model.entries[3]
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in note_entry.detail_html
    assert ">sapphire</b>" in note_entry.detail_html
    assert field.popup.current_entry() is field.popup.model.entries[1]  # headers skipped


def test_enter_opens_the_right_client(qtbot, window, book, opened):
    field = type_search(qtbot, window, "zoe")
    entries = [e for e in field.popup.model.entries if e.kind == HIT]
    assert entries[0].data.client_id == book["zoe"].id
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [d.client_id for d in opened] == [book["zoe"].id]
    assert not field.popup.isVisible()


def test_note_result_opens_the_client_at_the_note(qtbot, window, book, opened):
    field = type_search(qtbot, window, "pendant")
    assert shown(field) == [(HEADER, "Notes"), (HIT, "note")]
    qtbot.keyClick(field, Qt.Key.Key_Enter)
    dialog = opened[0]
    assert dialog.client_id == book["ben"].id
    assert dialog.tabs.currentWidget() is dialog.pages["Notes"]
    assert dialog.pages["Notes"].selected_note_id() == book["note"].id


def test_arrows_then_click_a_purchase(qtbot, window, book, opened):
    field = type_search(qtbot, window, "sapph")
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.popup.current_entry().data.kind == "purchase"
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.popup.current_entry().data.kind == "note"
    view = field.popup.view
    rect = view.visualRect(field.popup.model.index(5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = opened[0]
    assert dialog.client_id == book["zoe"].id
    assert dialog.tabs.currentWidget() is dialog.pages["Purchases"]


def test_escape_hides_then_clears(qtbot, window, book):
    field = type_search(qtbot, window, "zoe")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.popup.isVisible() and field.text() == "zoe"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""


def test_query_syntax_is_harmless(qtbot, window, book):
    field = window.global_search
    for text in ('"', "NEAR(", "'", "(((", ")-(", "*", "^:"):
        field.clear()
        qtbot.keyClicks(field, text)
        field.run_search()  # must not raise
        assert all(e.kind != HIT for e in field.popup.model.entries)


def test_many_notes_lead_on_to_the_notes_tab(qtbot, window, make_client):
    client = make_client()
    for i in range(RESULTS_PER_KIND + 3):
        notes.add_note(client.id, f"tanzanite ring idea {i}",
                       now=dt.datetime(2026, 1, 1) + dt.timedelta(hours=i))
    field = type_search(qtbot, window, "tanzan")
    assert field.popup.model.entries[-1].kind == MORE
    for _ in range(RESULTS_PER_KIND):
        qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.popup.current_entry().kind == MORE
    qtbot.keyClick(field, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert tab is window.tab_widgets["Notes"]
    assert tab.search.text() == "tanzan" and tab.model.rowCount() == RESULTS_PER_KIND + 3
    assert QApplication.focusWidget() is tab.view
