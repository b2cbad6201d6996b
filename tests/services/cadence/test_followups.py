"""Acting on follow-ups: outcomes (the 'no answer' chain), snooze, skip, custom, after a
return, key-date reminders stored when acted on, and undo."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import FollowUp
from boutique.services.agenda import agenda_for, week_summary
from boutique.services.cadence import followups
from boutique.services.clients.book import save_client
from boutique.services.errors import NotFound, ValidationError

D = dt.date


@pytest.fixture
def call(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567")
    make_purchase(client.id, D(2026, 10, 26))  # satisfaction call due Wed 25 Nov
    return FollowUp.get(FollowUp.kind == "satisfaction_call")


def test_no_answer_tries_again_in_two_days_up_to_three_tries(call):
    day = D(2026, 11, 25)
    first = followups.complete(call.id, "no_answer", day)
    assert "try 1 of 3" in first.message
    row = FollowUp.get_by_id(call.id)
    assert (row.status, row.due, row.attempts) == ("open", D(2026, 11, 27), 1)
    assert call.id not in [i.followup_id for i in agenda_for(day)]
    assert [i.attempts for i in agenda_for(D(2026, 11, 27)) if i.followup_id == call.id] == [1]
    followups.complete(call.id, "no_answer", D(2026, 11, 27))
    assert FollowUp.get_by_id(call.id).due == D(2026, 11, 29)
    last = followups.complete(call.id, "no_answer", D(2026, 11, 29))
    row = FollowUp.get_by_id(call.id)
    assert (row.status, row.outcome, row.attempts) == ("done", "no_answer", 3)
    assert "3 tries" in last.message
    assert call.id not in [i.followup_id for i in agenda_for(D(2026, 12, 5))]


@pytest.mark.parametrize("outcome", ["reached", "left_message", "wrong_number"])
def test_other_outcomes_close_the_call(call, outcome):
    followups.complete(call.id, outcome, D(2026, 11, 25))
    row = FollowUp.get_by_id(call.id)
    assert (row.status, row.outcome, row.done_on) == ("done", outcome, D(2026, 11, 25))


def test_outcomes_must_fit_the_channel(call):
    with pytest.raises(ValidationError) as bad:
        followups.complete(call.id, "sent", D(2026, 11, 25))
    assert "outcome" in bad.value.errors
    note = FollowUp.get(FollowUp.kind == "thank_you_note")
    followups.complete(note.id, "sent", D(2026, 10, 28))
    with pytest.raises(ValidationError):
        followups.complete(note.id, "sent", D(2026, 10, 28))  # already done


def test_snooze_moves_it_and_keeps_where_it_was(call):
    followups.snooze(call.id, D(2026, 12, 2), D(2026, 11, 25))
    row = FollowUp.get_by_id(call.id)
    assert (row.due, row.deadline, row.snoozed_from, row.due_fixed) == (
        D(2026, 12, 2), D(2026, 12, 2), D(2026, 11, 25), True)
    with pytest.raises(ValidationError):
        followups.snooze(call.id, D(2026, 11, 25), D(2026, 11, 25))


def test_skip_needs_a_reason(call):
    with pytest.raises(ValidationError) as bad:
        followups.skip(call.id, "   ", D(2026, 11, 25))
    assert "reason" in bad.value.errors
    followups.skip(call.id, "Moved abroad <for now> & happy 🎉", D(2026, 11, 25))
    row = FollowUp.get_by_id(call.id)
    assert (row.status, row.skip_reason) == ("skipped", "Moved abroad <for now> & happy 🎉")


def test_undo_puts_everything_back(call):
    change = followups.complete(call.id, "no_answer", D(2026, 11, 25))
    followups.undo(change)
    row = FollowUp.get_by_id(call.id)
    assert (row.status, row.due, row.attempts, row.due_fixed) == (
        "open", D(2026, 11, 25), 0, False)


def test_a_merged_call_is_done_for_every_purchase(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567")
    make_purchase(client.id, D(2026, 10, 26), "Pearl strand")
    make_purchase(client.id, D(2026, 10, 28), "Diamond studs")
    [item] = [i for i in agenda_for(D(2026, 11, 25)) if i.kind == "satisfaction_call"]
    followups.complete(item.followup_id, "reached", D(2026, 11, 25))
    calls = FollowUp.select().where(FollowUp.kind == "satisfaction_call")
    assert {(c.status, c.outcome) for c in calls} == {("done", "reached")}


def test_custom_follow_up_by_hand(db, make_client):
    client = make_client(mobile_phone="+15550134567", email="ana@example.com",
                         consent_email=True)
    row = followups.add_custom(client.id, D(2026, 11, 27), "Engraving ready", "email")
    [item] = agenda_for(D(2026, 11, 27))
    assert (item.followup_id, item.kind, item.channel, item.contact, item.reason) == (
        row.id, "custom", "email", "ana@example.com", "Engraving ready")
    with pytest.raises(ValidationError) as bad:
        followups.add_custom(client.id, D(2026, 11, 27), "", "pigeon")
    assert set(bad.value.errors) == {"reason", "channel"}
    save_client({"do_not_contact": True}, client.id)
    with pytest.raises(ValidationError):
        followups.add_custom(client.id, D(2026, 11, 28), "Call", "phone")
    with pytest.raises(NotFound):
        followups.add_custom(999, D(2026, 11, 28), "Call", "phone")


def test_after_return_hook_schedules_once_per_return(db, make_client):
    client = make_client(mobile_phone="+15550134567")
    row = followups.schedule_after_return(client.id, D(2026, 11, 20), "Exchanged ring size",
                                          source_id=41)
    # The default: a note within 3 days.
    assert (row.kind, row.due, row.channel) == ("after_return", D(2026, 11, 23), "mail")
    again = followups.schedule_after_return(client.id, D(2026, 11, 21), "Exchanged ring size",
                                            source_id=41)
    assert again.id == row.id and again.due == D(2026, 11, 24)
    assert FollowUp.select().where(FollowUp.kind == "after_return").count() == 1
    [item] = agenda_for(D(2026, 11, 24))
    assert item.reason == "Exchanged ring size"
    quiet = make_client(first_name="Quiet", do_not_contact=True)
    assert followups.schedule_after_return(quiet.id, D(2026, 11, 20), "", 42) is None


def test_key_date_reminder_is_stored_when_acted_on(db, make_client):
    client = make_client(mobile_phone="+15550134567", partner_name="Erik",
                         anniversary_month=12, anniversary_day=12, anniversary_year=2016)
    [item] = agenda_for(D(2026, 11, 25))
    assert (item.followup_id, item.kind, item.due) == (0, "key_date", D(2026, 11, 21))
    assert item.reason == "Anniversary with Erik on Sat 12 Dec (10 years)"
    assert item.days_overdue == 0  # counted from the occasion, not the reminder
    change = followups.act(item, "snooze", D(2026, 11, 25), until=D(2026, 11, 30))
    stored = FollowUp.get(FollowUp.kind == "key_date")
    assert (stored.client_id, stored.occasion_date, stored.due) == (
        client.id, D(2026, 12, 12), D(2026, 11, 30))
    assert agenda_for(D(2026, 11, 25)) == []
    [again] = agenda_for(D(2026, 11, 30))
    assert again.followup_id == stored.id
    followups.undo(change)
    assert not FollowUp.select().exists()
    assert agenda_for(D(2026, 11, 25))[0].followup_id == 0
    followups.act(item, "done", D(2026, 11, 25), outcome="reached")
    assert agenda_for(D(2026, 11, 26)) == []
    # after the occasion the reminder has passed; next year's comes on time
    assert agenda_for(D(2026, 12, 13)) == []
    assert [i.occasion_date for i in agenda_for(D(2027, 11, 21))] == [D(2027, 12, 12)]


def test_week_summary_counts_on_time_and_overdue(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567",
                         home_line1="1 Oak St", home_city="Springfield", home_postcode="62701")
    make_purchase(client.id, D(2026, 11, 15))  # note due 16-22 Nov (the week of Mon 16 Nov)
    make_purchase(client.id, D(2026, 10, 19))  # call due Wed 18 Nov
    note = FollowUp.get(FollowUp.kind == "thank_you_note", FollowUp.rule_due == D(2026, 11, 16))
    followups.complete(note.id, "sent", D(2026, 11, 18))
    day = D(2026, 11, 20)
    summary = week_summary(day, agenda_for(day))
    # counted: the note done early (its week ends Sunday) and the call now late;
    # overdue: that call and the older purchase's note (due by 26 Oct)
    assert (summary.on_time, summary.counted, summary.overdue) == (1, 2, 2)
    assert summary.rate_text() == "50%"
