"""Quick capture at the counter, driven from the keyboard only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boutique.models import Note
from boutique.services.notes import notebook as notes

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def clients(make_client, make_purchase):
    today = dt.date.today()
    zoe = make_client(first_name="Zoë", last_name="Ødegård", mobile_phone="+1 555 013 4567")
    zoey = make_client(first_name="Zoey", last_name="Odell")
    sale = make_purchase(zoe.id, today - dt.timedelta(days=2), description="Pearl studs")
    return dict(zoe=zoe, zoey=zoey, sale=sale)


def start_capture(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    capture = window.quick_capture
    qtbot.waitUntil(lambda: QApplication.focusWidget() is capture.field)
    return capture


def pick(qtbot, capture, typed, downs=0):
    qtbot.keyClicks(capture.field, typed)
    qtbot.waitUntil(lambda: capture.popup.isVisible())
    for _ in range(downs):
        qtbot.keyClick(capture.field, Qt.Key.Key_Down)
    qtbot.keyClick(capture.field, Qt.Key.Key_Return)


def test_shortcut_name_enter_note_enter_saves(qtbot, window, clients):
    capture = start_capture(qtbot, window)
    pick(qtbot, capture, "zoe ode")
    assert capture.client_id == clients["zoe"].id
    assert capture.chip.isVisible() and "Zoë Ødegård" in capture.chip.text()
    assert capture.about.isVisible() and capture.about.isChecked()
    qtbot.keyClicks(capture.field, "Off to Italy in May <b>&</b> ")
    capture.field.insert("🎉")  # QTest types one UTF-16 unit at a time: no emoji
    qtbot.keyClick(capture.field, Qt.Key.Key_Return)
    saved = Note.get()
    assert (saved.client_id, saved.text, saved.category, saved.purchase_id) == (
        clients["zoe"].id, "Off to Italy in May <b>&</b> 🎉", "conversation", clients["sale"].id)
    assert "Note saved for Zoë Ødegård" in window.statusBar().currentMessage()
    assert capture.client_id is None and capture.field.text() == ""
    assert QApplication.focusWidget() is capture.field  # ready for the next one
    window.undo_stack.undo()
    assert notes.timeline(clients["zoe"].id) == []
    window.undo_stack.redo()
    assert [n.id for n in notes.timeline(clients["zoe"].id)] == [saved.id]


def test_down_picks_the_next_client_and_phone_digits_work(qtbot, window, clients):
    capture = start_capture(qtbot, window)
    pick(qtbot, capture, "zoe", downs=1)
    first_two = {clients["zoe"].id, clients["zoey"].id}
    assert capture.client_id in first_two
    qtbot.keyClick(capture.field, Qt.Key.Key_Escape)  # nothing typed: forget the client
    assert capture.client_id is None
    pick(qtbot, capture, "4567")
    assert capture.client_id == clients["zoe"].id


def test_escape_clears_then_forgets_and_empty_note_is_not_saved(qtbot, window, clients):
    capture = start_capture(qtbot, window)
    pick(qtbot, capture, "odell")
    assert capture.client_id == clients["zoey"].id and not capture.about.isVisible()
    qtbot.keyClick(capture.field, Qt.Key.Key_Return)  # empty note
    assert Note.select().count() == 0
    assert "A note needs some text" in window.statusBar().currentMessage()
    qtbot.keyClicks(capture.field, "draft")
    qtbot.keyClick(capture.field, Qt.Key.Key_Escape)
    assert capture.field.text() == "" and capture.client_id == clients["zoey"].id
    qtbot.keyClick(capture.field, Qt.Key.Key_Escape)
    assert capture.client_id is None and not capture.chip.isVisible()
    assert Note.select().count() == 0


def test_other_category_is_not_filed_with_the_sale(qtbot, window, clients):
    capture = start_capture(qtbot, window)
    pick(qtbot, capture, "ZOE ODE")
    capture.category.setCurrentIndex(capture.category.findData("family"))
    assert not capture.about.isChecked()
    qtbot.keyClicks(capture.field, "Daughter Mia, 9")
    qtbot.keyClick(capture.field, Qt.Key.Key_Enter)
    saved = Note.get()
    assert saved.category == "family" and saved.purchase_id is None


def test_picking_by_click(qtbot, window, clients):
    capture = start_capture(qtbot, window)
    qtbot.keyClicks(capture.field, "odegard")
    qtbot.waitUntil(lambda: capture.popup.isVisible())
    view = capture.popup.view
    rect = view.visualRect(capture.popup.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert capture.client_id == clients["zoe"].id
