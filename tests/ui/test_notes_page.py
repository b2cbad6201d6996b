"""The profile's Notes page: pinned facts on top, add, edit, pin, delete, all undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from boutique.services.notes import notebook as notes
from boutique.ui.note_list_model import NoteItemRole
from boutique.ui.notes_page import NotesPage


@pytest.fixture
def client(make_client, make_purchase, today):
    zoe = make_client(first_name="Zoë", last_name="Ødegård")
    sale = make_purchase(zoe.id, today, description="Sapphire halo ring")
    size = notes.add_note(zoe.id, "Ring size 6.5", category="sizes", pinned=True,
                          now=dt.datetime(2026, 1, 5))
    chat = notes.add_note(zoe.id, "Off to Italy in May", category="conversation",
                          purchase_id=sale.id, now=dt.datetime(2026, 3, 1))
    return dict(id=zoe.id, sale=sale, size=size, chat=chat)


@pytest.fixture
def page(qtbot, window, client):
    widget = NotesPage(client["id"], window)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def timeline(page):
    return [page.model.index(r).data(NoteItemRole).text for r in range(page.model.rowCount())]


def pinned(page):
    model = page.pinned_model
    return [model.index(r).data(NoteItemRole).text for r in range(model.rowCount())]


def test_pinned_facts_on_top_and_timeline_newest_first(page, client):
    assert pinned(page) == ["Ring size 6.5"]
    assert page.pinned_view.isVisible() and not page.pinned_empty.isVisible()
    assert timeline(page) == ["Off to Italy in May", "Ring size 6.5"]
    header = page.model.index(0).data(NoteItemRole).header
    assert "Conversation" in header and "Sapphire halo ring" in header


def test_add_from_the_keyboard_with_undo(qtbot, page, window, client):
    assert page.category.currentData() == "conversation"
    assert page.purchase.currentData() == client["sale"].id  # the latest sale, offered
    page.editor.setFocus()
    page.editor.setPlainText("Second line follows\nВторая строка <b>&</b> 🎉" + " long" * 1100)
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    newest = notes.timeline(client["id"])[0]
    assert newest.text.startswith("Second line follows\nВторая строка <b>&</b> 🎉")
    assert len(newest.text) > 5000 and newest.purchase_id == client["sale"].id
    assert page.editor.toPlainText() == "" and page.selected_note_id() == newest.id
    window.undo_stack.undo()
    assert timeline(page) == ["Off to Italy in May", "Ring size 6.5"]


def test_empty_note_shows_why(qtbot, page, client):
    page.editor.setPlainText("   ")
    page.add_from_editor()
    assert page.error.isVisible() and "needs some text" in page.error.text()
    assert len(notes.timeline(client["id"])) == 2


def test_pin_delete_and_undo(qtbot, page, window, client):
    page.select_note(client["chat"].id)
    page.view.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pinned(page) == ["Off to Italy in May", "Ring size 6.5"]
    assert notes.get_note(client["chat"].id).edited_at is None  # pinning is not an edit
    window.undo_stack.undo()
    assert pinned(page) == ["Ring size 6.5"]
    page.select_note(client["size"].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert timeline(page) == ["Off to Italy in May"] and pinned(page) == []
    assert page.pinned_empty.isVisible()
    window.undo_stack.undo()
    assert pinned(page) == ["Ring size 6.5"]


def test_edit_stamps_and_undo_restores(qtbot, page, window, client, close_modal_later):
    def change(dialog):
        dialog.text.setPlainText("Off to Italy in June, Lake Como")
        dialog.category.setCurrentIndex(dialog.category.findData("family"))
        dialog.accept()

    page.select_note(client["chat"].id)
    close_modal_later(change)
    page.edit_selected()
    edited = notes.get_note(client["chat"].id)
    assert (edited.text, edited.category) == ("Off to Italy in June, Lake Como", "family")
    assert edited.edited_at is not None
    assert "edited" in page.model.index(0).data(NoteItemRole).header
    window.undo_stack.undo()
    back = notes.get_note(client["chat"].id)
    assert (back.text, back.category, back.edited_at) == ("Off to Italy in May",
                                                          "conversation", None)
