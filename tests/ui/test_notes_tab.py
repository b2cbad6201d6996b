"""The Notes tab: newest first, filters, highlighted snippets, paging, opening at a note."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from boutique.services.notes import notebook as notes
from boutique.ui.notes_table_model import (
    CLIENT,
    NOTE,
    PAGE_SIZE,
    ClientIdRole,
    NoteIdRole,
    NotesTableModel,
)
from boutique.ui.rich_text import HtmlRole


def now_minus(days: int, hour: int = 12) -> dt.datetime:
    moment = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    return moment.replace(hour=hour) - dt.timedelta(days=days)


@pytest.fixture
def book(make_client):
    zoe = make_client(first_name="Zoë", last_name="Ødegård")
    ben = make_client(first_name="Ben", last_name="Okafor")
    made = {
        "italy": notes.add_note(zoe.id, "Off to Italy in May <b>&</b> travel cases",
                                category="conversation", now=now_minus(40)),
        "size": notes.add_note(zoe.id, "Ring size 6.5", category="sizes", pinned=True,
                               now=now_minus(3)),
        "pearls": notes.add_note(ben.id, "Wife loves pearls; Italy next year",
                                 category="preferences", now=now_minus(1)),
    }
    return dict(zoe=zoe, ben=ben, **made)


@pytest.fixture
def tab(window, book):
    return window.show_tab("Notes")


def ids(tab):
    return [tab.model.index(r, 0).data(NoteIdRole) for r in range(tab.model.rowCount())]


def test_model_is_a_sound_qt_model(qtmodeltester, book):
    model = NotesTableModel()
    qtmodeltester.check(model)
    model.set_filters(notes.NoteFilter(text="italy"))
    qtmodeltester.check(model)


def test_newest_first_with_count(tab, book):
    assert ids(tab) == [book["pearls"].id, book["size"].id, book["italy"].id]
    assert tab.count.text() == "3 notes"
    assert tab.model.index(0, CLIENT).data() == "Ben Okafor"


def test_search_highlights_words_and_escapes_user_markup(qtbot, tab, book):
    qtbot.keyClicks(tab.search, "ital")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert ids(tab) == [book["pearls"].id, book["italy"].id]
    html = tab.model.index(1, NOTE).data(HtmlRole)
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html and ">Italy</b>" in html
    assert tab.model.index(1, NOTE).data() == "Off to Italy in May <b>&</b> travel cases"
    assert tab.count.text() == "2 notes"


def test_category_range_and_client_filters_combine(qtbot, tab, book):
    tab.category.setCurrentIndex(tab.category.findData("sizes"))
    assert ids(tab) == [book["size"].id]
    tab.category.setCurrentIndex(0)
    tab.range.setCurrentIndex(tab.range.findText("Last 7 days"))
    assert ids(tab) == [book["pearls"].id, book["size"].id]
    qtbot.keyClicks(tab.client, "odeg")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert ids(tab) == [book["size"].id]
    tab.range.setCurrentIndex(tab.range.findText("Between…"))
    assert tab.date_from.isVisible() and tab.date_to.isVisible()
    first = (dt.date.today() - dt.timedelta(days=45))
    tab.date_from.setDate(first)
    tab.date_to.setDate(dt.date.today() - dt.timedelta(days=30))
    assert ids(tab) == [book["italy"].id]
    qtbot.keyClicks(tab.search, '"NEAR(*')  # query syntax is only text: nothing, no error
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.count.text() == "0 notes"


def test_notes_change_elsewhere_refreshes_the_tab(qtbot, tab, window, book):
    from boutique.ui import note_commands

    note_commands.delete_note(window, book["pearls"].id, book["ben"].id)
    assert ids(tab) == [book["size"].id, book["italy"].id]
    window.undo_stack.undo()
    assert ids(tab)[0] == book["pearls"].id


def test_rows_arrive_a_page_at_a_time(make_client, qtbot, window):
    client = make_client()
    for i in range(PAGE_SIZE + 50):
        notes.add_note(client.id, f"note number {i}", now=now_minus(0) - dt.timedelta(minutes=i))
    tab = window.show_tab("Notes")
    tab.reload()
    assert tab.model.rowCount() == PAGE_SIZE
    assert tab.count.text() == f"{PAGE_SIZE + 50} notes"
    tab.view.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == PAGE_SIZE + 50)
    assert tab.model.index(PAGE_SIZE + 49, NOTE).data() == "note number 249"


def test_enter_opens_the_client_at_that_note(qtbot, tab, window, book, monkeypatch):
    from boutique.ui.client_profile import ClientProfileDialog

    opened = []
    monkeypatch.setattr(ClientProfileDialog, "exec", lambda self: opened.append(self) or 0)
    tab.view.setFocus()
    tab._select_row(2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert len(opened) == 1
    dialog = opened[0]
    assert dialog.client_id == book["zoe"].id
    assert dialog.tabs.currentWidget() is dialog.pages["Notes"]
    assert dialog.pages["Notes"].selected_note_id() == book["italy"].id
    index = tab.model.index(2, 0)
    assert (index.data(ClientIdRole), index.data(NoteIdRole)) == (book["zoe"].id,
                                                                 book["italy"].id)
    dialog.done(0)


def test_ctrl_f_focuses_the_tab_search(qtbot, tab, window):
    from PySide6.QtWidgets import QApplication

    window.action_find.trigger()
    assert QApplication.focusWidget() is tab.search
    window.action_search_everything.trigger()
    assert QApplication.focusWidget() is window.global_search
