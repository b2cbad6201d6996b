"""The Calendar tab, the client's Follow-ups page and the Follow-ups settings page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from boutique.models import FollowUp
from boutique.services.cadence.settings import load_rules
from boutique.ui.calendar_tab import KeyDatesModel
from boutique.ui.followups_page import FollowupRowsModel, FollowupsPage
from boutique.ui.settings_cadence_page import CadenceSettingsPage

D = dt.date
DAY = D(2026, 11, 25)


@pytest.fixture
def book(make_client, make_purchase):
    ana = make_client(first_name="Ana", mobile_phone="+15550134567", anniversary_month=12,
                      anniversary_day=10, home_line1="1 Oak St", home_city="Springfield",
                      home_postcode="62701")
    make_purchase(ana.id, D(2026, 11, 2), "Pearl strand")  # note 3 Nov, call 2 Dec
    return dict(ana=ana)


@pytest.fixture
def calendar(window, book):
    tab = window.show_tab("Calendar")
    tab.today = DAY
    tab.calendar.setSelectedDate(QDate(DAY))
    tab.reload()
    return tab


def test_month_counts_and_the_days_list(qtbot, calendar, book):
    counts = calendar.calendar.counts
    assert (counts[D(2026, 11, 3)].notes, counts[D(2026, 12, 2)].calls) == (1, 1)
    assert counts[D(2026, 11, 19)].calls == 1  # the anniversary reminder, 21 days ahead
    calendar.calendar.setSelectedDate(QDate(2026, 12, 2))
    assert calendar.day_title.text() == "Wednesday 02 December: 0 notes, 1 call"
    assert calendar.day_model.item_at(0).reason == "Satisfaction call: Pearl strand, 2 Nov"
    calendar.calendar.setSelectedDate(QDate(2026, 11, 3))
    assert calendar.day_model.item_at(0).kind == "thank_you_note"
    assert [e.client_name for e in calendar.key_model.entries] == ["Ana Alvarez"]


def test_key_dates_model_is_sound(qtmodeltester, calendar):
    qtmodeltester.check(calendar.key_model)
    qtmodeltester.check(KeyDatesModel())


def test_open_the_day_in_today(qtbot, calendar, window):
    calendar.calendar.setSelectedDate(QDate(2026, 12, 2))
    qtbot.mouseClick(calendar.open_day_button, Qt.MouseButton.LeftButton)
    today = window.tabs.currentWidget()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Today"
    assert today.day == D(2026, 12, 2)
    # the anniversary reminder (due 19 Nov) first, then the call due that day
    assert [i.kind for i in today.calls_model.items] == ["key_date", "satisfaction_call"]


def test_calendar_refreshes_after_an_action(qtbot, calendar, book):
    from boutique.services.cadence import followups
    from boutique.ui.signals import bus

    note = FollowUp.get(FollowUp.kind == "thank_you_note")
    followups.complete(note.id, "sent", D(2026, 11, 4))
    bus().followups_changed.emit()
    qtbot.waitUntil(lambda: D(2026, 11, 3) not in calendar.calendar.counts)


def test_profile_page_lists_open_and_past_and_adds_by_hand(qtbot, db, book, window):
    from boutique.services.cadence import followups

    note = FollowUp.get(FollowUp.kind == "thank_you_note")
    followups.complete(note.id, "sent", D(2026, 11, 4))
    page = FollowupsPage(book["ana"].id, window, today=DAY)
    qtbot.addWidget(page)
    open_kinds = [r.kind for r in page.open_model.rows]
    assert open_kinds[:2] == ["key_date", "satisfaction_call"]  # reminder due 19 Nov
    assert [r.state_text() for r in page.past_model.rows] == ["Sent"]
    assert page.past_title.text() == "Done, skipped and lapsed (1)"
    page.due.setDate(QDate(2026, 12, 1))
    page.reason.setFocus()
    qtbot.keyClicks(page.reason, "Engraving ready <pick-up> & gift wrap")
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    custom = FollowUp.get(FollowUp.kind == "custom")
    assert (custom.due, custom.reason, custom.channel) == (
        D(2026, 12, 1), "Engraving ready <pick-up> & gift wrap", "phone")
    assert any(r.kind == "custom" for r in page.open_model.rows)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)  # empty: refused, said why
    assert page.message.text() == "say what the follow-up is about"
    assert FollowUp.select().where(FollowUp.kind == "custom").count() == 1


def test_profile_page_models_are_sound(qtmodeltester, db, book, window, qtbot):
    page = FollowupsPage(book["ana"].id, window, today=DAY)
    qtbot.addWidget(page)
    qtmodeltester.check(page.open_model)
    qtmodeltester.check(page.past_model)
    qtmodeltester.check(FollowupRowsModel(past=True))


def test_settings_page_saves_numbers_and_reschedules_on_request(qtbot, db, book):
    page = CadenceSettingsPage()
    qtbot.addWidget(page)
    page.inputs["satisfaction_days"].setValue(40)
    page.inputs["key_date_channel"].setCurrentIndex(1)  # mail
    page.save()
    rules = load_rules()
    assert (rules.satisfaction_days, rules.key_date_channel) == (40, "mail")
    call = FollowUp.get(FollowUp.kind == "satisfaction_call")
    assert call.due == D(2026, 12, 2)  # open ones keep their day unless asked
    page.reschedule.setChecked(True)
    page.save()
    assert FollowUp.get_by_id(call.id).due == D(2026, 12, 12)


def test_the_profile_keeps_a_lapsed_note_in_its_history(qtbot, db, window, make_client,
                                                       make_purchase):
    """Finding 4: a note never written lapses and stays in the client's history."""
    ana = make_client(first_name="Ana", last_name="Alvarez")
    make_purchase(ana.id, D(2026, 3, 2), "Pearl strand")
    page = FollowupsPage(ana.id, window, today=D(2026, 4, 9))
    qtbot.addWidget(page)
    assert "thank_you_note" not in [r.kind for r in page.open_model.rows]
    [lapsed] = [r for r in page.past_model.rows if r.kind == "thank_you_note"]
    assert lapsed.state_text() == "Lapsed 08 Apr 2026"
    row = page.past_model.rows.index(lapsed)
    assert page.past_model.index(row, 4).data() == "Lapsed 08 Apr 2026"
    assert page.past_model.index(row, 0).data() == "Wed 08 Apr 2026"
