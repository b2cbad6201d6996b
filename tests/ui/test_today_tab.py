"""The Today tab driven from the keyboard: Done (with outcomes), Snooze, Skip, Open client,
undo, print; and the lists, order and figures it shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton

from boutique.models import FollowUp
from boutique.services.agenda import agenda_for
from boutique.ui.signals import bus
from boutique.ui.today_table_model import CONTACT, DUE, AgendaTableModel

D = dt.date
DAY = D(2026, 11, 25)
ALT = Qt.KeyboardModifier.AltModifier
HOME = dict(home_line1="12 Oak Street", home_city="Springfield", home_region="IL",
            home_postcode="62701")


@pytest.fixture
def book(make_client, make_purchase):
    big = make_client(first_name="Zoë", last_name="Ødegård", mobile_phone="+15550134567",
                      **HOME)
    ben = make_client(first_name="Ben", last_name="Okafor", mobile_phone="+15550177777",
                      **HOME)
    make_purchase(big.id, D(2026, 11, 20), "1.8 ct solitaire", price_cents=2_400_000,
                  is_gift=True, gift_recipient="Erik", gift_relation="husband")  # note
    make_purchase(ben.id, D(2026, 10, 26), "Diamond studs", price_cents=90_000)  # call today
    FollowUp.update(status="done", outcome="sent", done_on=D(2026, 10, 28)).where(
        FollowUp.client == ben.id, FollowUp.kind == "thank_you_note").execute()
    return dict(big=big, ben=ben)


@pytest.fixture
def tab(window, book):
    tab = window.show_tab("Today")
    tab.set_day(DAY)
    tab.reload()
    window.activateWindow()
    return tab


def alt(qtbot, widget, key):
    """Press Alt+key, as on a keyboard. A button's mnemonic clicks it after its short
    press animation, so wait for that click to land."""
    sequence = QKeySequence(ALT | key)
    target = next((b for b in widget.window().findChildren(QAbstractButton)
                   if b.isVisible() and b.isEnabled()
                   and b.shortcut().matches(sequence) == QKeySequence.SequenceMatch.ExactMatch),
                  None)
    if target is None:
        qtbot.keyClick(widget, key, ALT)
        return
    with qtbot.waitSignal(target.clicked, timeout=2000):
        qtbot.keyClick(widget, key, ALT)


def call_row(tab):
    tab._select(tab.calls_view, 0)
    tab.calls_view.setFocus()
    return tab.selected_item()


def test_today_is_the_first_tab_and_calendar_second(window):
    assert [window.tabs.tabText(i) for i in range(2)] == ["Today", "Calendar"]
    assert window.tabs.currentIndex() == 0


def test_model_is_a_sound_qt_model(qtmodeltester, book):
    model = AgendaTableModel()
    model.set_items(agenda_for(DAY), DAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_lists_figures_and_rows(tab, book):
    assert tab.notes_title.text() == "Notes to write (1)"
    assert tab.calls_title.text() == "Calls to make (1)"
    assert tab.overdue.text() == "Overdue: 0"
    assert tab.on_time.text() == "On time this week: —"
    note = tab.notes_model.item_at(0)
    assert note.client_name == "Zoë Ødegård" and note.is_top
    assert tab.notes_model.index(0, DUE).data() == "by Fri 27 Nov"
    assert tab.notes_model.index(0, CONTACT).data().startswith("⚠ 12 Oak Street")
    assert "Gift to a shared home: the wording names neither" in tab.notes_model.index(
        0, CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    # the panel shows the selected one in full
    assert tab.panel.name.text() == "★ Zoë Ødegård"
    assert tab.panel.reason.text() == "Thank-you: 1.8 ct solitaire, 20 Nov, gift for husband"


def test_done_reached_from_the_keyboard_and_undo(qtbot, tab, book, window):
    item = call_row(tab)
    assert item.kind == "satisfaction_call"
    assert tab.panel.outcome_box.isVisible()
    alt(qtbot, tab.calls_view, Qt.Key.Key_D)
    row = FollowUp.get_by_id(item.followup_id)
    assert (row.status, row.outcome, row.done_on) == ("done", "reached", DAY)
    assert tab.calls_model.rowCount() == 0
    assert "Done: reached" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.calls_model.rowCount() == 1)
    assert FollowUp.get_by_id(item.followup_id).status == "open"
    window.undo_stack.redo()
    assert FollowUp.get_by_id(item.followup_id).status == "done"


def test_no_answer_from_the_keyboard_tries_again_in_two_days(qtbot, tab, book):
    item = call_row(tab)
    alt(qtbot, tab.calls_view, Qt.Key.Key_N)  # the "No answer" outcome
    assert tab.panel.selected_outcome() == "no_answer"
    alt(qtbot, tab.calls_view, Qt.Key.Key_D)
    row = FollowUp.get_by_id(item.followup_id)
    assert (row.status, row.due, row.attempts) == ("open", D(2026, 11, 27), 1)
    assert tab.calls_model.rowCount() == 0
    alt(qtbot, tab, Qt.Key.Key_Right)
    alt(qtbot, tab, Qt.Key.Key_Right)
    assert tab.day == D(2026, 11, 27)
    assert tab.calls_model.index(0, 1).data() == "Satisfaction call (try 2)"


def test_snooze_tomorrow_and_next_week_from_the_keyboard(qtbot, tab, book):
    item = call_row(tab)
    alt(qtbot, tab.calls_view, Qt.Key.Key_T)
    assert FollowUp.get_by_id(item.followup_id).due == D(2026, 11, 26)
    note = tab.selected_item()  # the selection moved to the note list's row
    assert note.kind == "thank_you_note"
    alt(qtbot, tab.notes_view, Qt.Key.Key_W)
    assert FollowUp.get_by_id(note.followup_id).due == D(2026, 12, 2)
    assert tab.notes_model.rowCount() == tab.calls_model.rowCount() == 0
    assert tab.panel.name.text() == "Nothing selected"


def test_snooze_to_a_chosen_date(qtbot, tab, book):
    item = call_row(tab)
    tab.panel.snooze_date.setDate(D(2026, 12, 9))
    alt(qtbot, tab.calls_view, Qt.Key.Key_U)
    assert FollowUp.get_by_id(item.followup_id).due == D(2026, 12, 9)


def test_skip_needs_a_reason_typed_from_the_keyboard(qtbot, tab, book, window):
    item = call_row(tab)
    alt(qtbot, tab.calls_view, Qt.Key.Key_K)
    assert tab.panel.skip_reason.hasFocus()
    qtbot.keyClick(tab.panel.skip_reason, Qt.Key.Key_Return)
    assert FollowUp.get_by_id(item.followup_id).status == "open"
    assert "say why" in window.statusBar().currentMessage()
    qtbot.keyClicks(tab.panel.skip_reason, "Moved to Lisbon <for good> & happy")
    tab.panel.skip_reason.insert(" 🎉")  # QTest types ASCII only
    qtbot.keyClick(tab.panel.skip_reason, Qt.Key.Key_Return)
    row = FollowUp.get_by_id(item.followup_id)
    assert (row.status, row.skip_reason) == ("skipped", "Moved to Lisbon <for good> & happy 🎉")


def test_enter_opens_the_client_on_follow_ups(qtbot, tab, book, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_client", lambda cid, page=None: opened.append((cid, page)))
    call_row(tab)
    qtbot.keyClick(tab.calls_view, Qt.Key.Key_Return)
    alt(qtbot, tab.calls_view, Qt.Key.Key_O)
    assert opened == [(book["ben"].id, "Follow-ups")] * 2


def test_print_button_and_ctrl_p_print_the_days_pack(qtbot, tab, window, monkeypatch):
    from boutique.ui import print_preview

    printed = []
    monkeypatch.setattr(print_preview, "show_todays_pack", lambda w, day: printed.append(day))
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    window.action_print.trigger()
    assert printed == [DAY, DAY]


def test_refreshes_when_a_purchase_is_recorded_elsewhere(qtbot, tab, book, make_purchase):
    make_purchase(book["ben"].id, D(2026, 11, 24), "Pearl strand")
    bus().purchases_changed.emit(book["ben"].id)
    qtbot.waitUntil(lambda: tab.notes_model.rowCount() == 2)


def test_an_anniversary_reminder_can_be_done(qtbot, tab, window, make_client):
    make_client(first_name="Mia", mobile_phone="+15550100000", anniversary_month=12,
                anniversary_day=1)
    tab.reload()
    calls = [tab.calls_model.item_at(r) for r in range(tab.calls_model.rowCount())]
    row = next(r for r, item in enumerate(calls) if item.kind == "key_date")
    assert tab.calls_model.index(row, DUE).data() == "in 6 days"
    tab._select(tab.calls_view, row)
    tab.calls_view.setFocus()
    alt(qtbot, tab.calls_view, Qt.Key.Key_D)
    stored = FollowUp.get(FollowUp.kind == "key_date")
    assert (stored.status, stored.occasion_date) == ("done", D(2026, 12, 1))
    assert all(i.kind != "key_date" for i in tab.calls_model.items)


def test_a_birthday_greeting_says_today_and_a_partners_birthday_three_weeks_ahead(
        qtbot, tab, make_client):
    from boutique.services.clients import save_relation

    luis = make_client(first_name="Luis", mobile_phone="+15550100001", birthday_month=11,
                       birthday_day=25)
    save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 12,
                            "birthday_day": 16})
    tab.reload()
    shown = {tab.calls_model.item_at(r).kind_label: tab.calls_model.index(r, DUE).data()
             for r in range(tab.calls_model.rowCount())
             if tab.calls_model.item_at(r).kind == "key_date"}
    assert shown == {"Birthday": "today", "Their birthday": "in 21 days"}
def test_the_week_line_counts_what_lapsed_and_it_leaves_the_list(window, make_client,
                                                                 make_purchase):
    """Finding 4: a note never written lapses 30 days past its deadline."""
    ana = make_client(first_name="Ana", last_name="Alvarez", **HOME)
    make_purchase(ana.id, D(2026, 3, 2), "Pearl strand")  # note by 9 Mar, lapses 8 Apr
    tab = window.show_tab("Today")
    tab.set_day(D(2026, 4, 7))
    tab.reload()
    assert tab.notes_title.text() == "Notes to write (1)"
    assert tab.lapsed.text() == "Lapsed this week: 0"
    tab.set_day(D(2026, 4, 9))
    tab.reload()
    assert tab.notes_title.text() == "Notes to write (0)"
    assert tab.lapsed.text() == "Lapsed this week: 1"
    assert FollowUp.get(FollowUp.kind == "thank_you_note").status == "lapsed"
