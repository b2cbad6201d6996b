"""Stale items do not pile up (finding 4): each kind lapses at its age, leaves Today, stays
in the client's history as lapsed and is counted in the week's summary."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from boutique.models import FollowUp, close_database, open_database
from boutique.services.agenda import agenda_for, week_summary
from boutique.services.cadence import lapse_stale, save_rules
from boutique.services.cadence.followups import act, client_followups, complete
from boutique.services.errors import ValidationError
from tests.scenarios.test_contact_plan import buy, today_json

D = dt.date


def _ana(make_client, **extra):
    return make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567",
                       home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
                       home_postcode="12534", **extra)


def summary_json(db_path, day):
    close_database()
    try:
        done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(db_path), "today",
                               "--date", day.isoformat(), "--json", "--summary"],
                              capture_output=True, text=True, timeout=120)
    finally:
        open_database(db_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_two_years_on_only_the_live_service_call_shows(make_client, db_path):
    """A ring bought 1 March 2024 and nothing ever done: on 26 Feb 2027 the old note, the
    call and two service calls (909 and 544 days overdue) have lapsed; only the service
    call of September 2026 is on Today."""
    ana = _ana(make_client)
    ring = buy(ana, D(2024, 3, 1), ("Sapphire ring", 90000))
    day = D(2027, 2, 26)
    items = agenda_for(day)
    assert [(i.kind, i.due, i.days_overdue) for i in items] == [
        ("service_call", D(2026, 9, 1), 178)]
    _open, past = client_followups(ana.id, day)
    lapsed = {(r.kind, r.due): r.state_text() for r in past if r.status == "lapsed"}
    assert lapsed == {
        ("thank_you_note", D(2024, 3, 2)): "Lapsed 07 Apr 2024",
        ("satisfaction_call", D(2024, 3, 31)): "Lapsed 30 Apr 2024",
        ("service_call", D(2024, 9, 1)): "Lapsed 01 Sep 2025",
        ("service_call", D(2025, 9, 1)): "Lapsed 01 Sep 2026",
    }
    # Recorded once the day has come: the store says lapsed, and it cannot be acted on.
    assert lapse_stale(day) == 4
    assert {f.status for f in FollowUp.select().where(FollowUp.client == ana.id)} == {
        "lapsed", "open"}
    note = FollowUp.get(FollowUp.kind == "thank_you_note")
    assert (note.status, note.done_on) == ("lapsed", D(2024, 4, 7))
    with pytest.raises(ValidationError):
        complete(note.id, "sent", day)
    rows = today_json(db_path, day)
    assert [(r["kind"], r["due"], r["purchase_ids"]) for r in rows] == [
        ("service_call", "2026-09-01", [ring.id])]


def test_a_note_lapses_30_days_past_its_deadline(make_client):
    ana = _ana(make_client)
    buy(ana, D(2026, 3, 2), ("Pearl strand", 120000))  # note by 9 Mar, lapses 8 Apr
    def notes(day):
        return [i for i in agenda_for(day) if i.kind == "thank_you_note"]

    [note] = notes(D(2026, 4, 7))
    assert note.days_overdue == 29
    assert notes(D(2026, 4, 8)) == []
    save_rules({"note_lapse_days": 60})  # editable: a longer lapse age brings it back
    assert len(notes(D(2026, 4, 8))) == 1


def test_the_weeks_summary_counts_what_lapsed(make_client, db_path):
    ana = _ana(make_client)
    buy(ana, D(2026, 3, 2), ("Pearl strand", 120000))
    # The note lapses on Wed 8 April; the week is Mon 6 to Sun 12 April.
    assert week_summary(D(2026, 4, 7), agenda_for(D(2026, 4, 7))).lapsed == 0
    day = D(2026, 4, 9)
    summary = week_summary(day, agenda_for(day))
    assert summary.lapsed == 1
    assert summary_json(db_path, day)["lapsed"] == 1
    assert summary_json(db_path, day)["overdue"] == summary.overdue  # the old fields stay
    # The satisfaction call (due 1 April) lapses on 1 May, a week on.
    assert week_summary(D(2026, 5, 1), agenda_for(D(2026, 5, 1))).lapsed == 1
    assert week_summary(D(2026, 5, 11), agenda_for(D(2026, 5, 11))).lapsed == 0


def test_a_birthday_call_not_reached_lapses_the_day_after(make_client):
    ana = _ana(make_client, birthday_month=11, birthday_day=25)
    assert agenda_for(D(2026, 11, 24)) == []  # her own birthday: a greeting on the day
    [item] = agenda_for(D(2026, 11, 25))
    act(item, "done", D(2026, 11, 25), outcome="no_answer")  # the retry falls after the day
    assert agenda_for(D(2026, 11, 26)) == [] and agenda_for(D(2026, 11, 27)) == []
    lapse_stale(D(2026, 11, 27))  # as the Today tab does each morning: the retry's day came
    _open, past = client_followups(ana.id, D(2026, 11, 27))
    assert [(r.kind, r.status) for r in past] == [("key_date", "lapsed")]


def test_a_new_purchase_never_merges_into_a_lapsed_note(make_client):
    ana = _ana(make_client)
    buy(ana, D(2026, 3, 2), ("Pearl strand", 120000))
    later = buy(ana, D(2026, 4, 20), ("Gold hoops", 60000))
    [note] = [i for i in agenda_for(D(2026, 4, 21)) if i.kind == "thank_you_note"]
    assert note.purchase_ids == (later.id,)


def test_a_merged_note_lapses_by_its_newest_piece(make_client):
    """Pieces bought 1 and 17 April share a card; it stays until 30 days after the
    17 April piece's week, not the first one's."""
    ana = _ana(make_client)
    buy(ana, D(2026, 4, 1), ("Ruby pendant", 180000))  # its own note would lapse 8 May
    last = buy(ana, D(2026, 4, 17), ("Onyx cufflinks", 42000))  # deadline 24 Apr
    notes = [i for i in agenda_for(D(2026, 5, 20)) if i.kind == "thank_you_note"]
    assert len(notes) == 1 and last.id in notes[0].purchase_ids
    assert [i for i in agenda_for(D(2026, 5, 24)) if i.kind == "thank_you_note"] == []
