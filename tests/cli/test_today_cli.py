"""`today` and `followups export`, run as a user would: a real process on a real store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from icalendar import Calendar

from boutique.models import FollowUp, close_database
from boutique.services.clients.book import save_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase


def run_cli(*args, db):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def buy(client, when, description, **extra):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when, items=[ItemData(description=description, price_cents=900000)],
        **extra))


@pytest.fixture
def store(db, db_path):
    import datetime as dt

    D = dt.date
    zoe = save_client({
        "salutation": "Ms.", "first_name": "Zoë", "last_name": "Ødegård",
        "mobile_phone": "+15550134567", "home_phone": "+15550134568",
        "home_line1": "12 Oak Street", "home_city": "Springfield", "home_region": "IL",
        "home_postcode": "62701", "business_company": "Hartwell & Associates",
        "business_line1": "400 Main Street", "business_city": "Springfield",
        "business_region": "IL", "business_postcode": "62702"})
    ben = save_client({"first_name": "Ben", "last_name": "Okafor",
                       "home_phone": "+15550177777", "home_line1": "9 Elm Drive",
                       "home_city": "Madison", "home_region": "WI", "home_postcode": "53703"})
    quiet = save_client({"first_name": "Quiet", "last_name": "Client", "do_not_contact": True,
                         "home_line1": "1 Lane", "home_city": "Madison",
                         "home_postcode": "53703", "mobile_phone": "+15550100000"})
    solitaire = buy(zoe, D(2026, 11, 12), "1.8 ct solitaire", is_gift=True,
                    gift_recipient="Erik", gift_relation="husband")
    studs = buy(ben, D(2026, 10, 26), "Diamond studs")  # call due 25 Nov, note overdue
    buy(ben, D(2026, 11, 26), "Pearl strand")  # tomorrow's purchase: nothing yet
    buy(quiet, D(2026, 11, 20), "Gold hoops")
    close_database()
    return dict(path=db_path, zoe=zoe.id, ben=ben.id, solitaire=solitaire.id, studs=studs.id)


def test_today_json_lists_exactly_what_the_purchases_call_for(store):
    done = run_cli("today", "--date", "2026-11-25", "--json", db=store["path"])
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)
    summary = sorted((i["client_id"], i["kind"], i["due"], i["days_overdue"], i["channel"],
                      i["contact"]) for i in items)
    assert summary == sorted([
        # the gift's thank-you goes to the business address, on time until 19 Nov
        (store["zoe"], "thank_you_note", "2026-11-13", 6, "mail",
         "Hartwell & Associates, 400 Main Street, Springfield, IL 62702"),
        (store["ben"], "thank_you_note", "2026-10-27", 23, "mail",
         "9 Elm Drive, Madison, WI 53703"),
        (store["ben"], "satisfaction_call", "2026-11-25", 0, "phone", "(555) 017-7777"),
    ])
    zoe = next(i for i in items if i["client_id"] == store["zoe"])
    assert zoe["client_name"] == "Zoë Ødegård"
    assert zoe["reason"] == "Thank-you: 1.8 ct solitaire, 12 Nov, gift for husband"
    assert zoe["warnings"] == []
    assert set(items[0]) >= {"client_id", "client_name", "kind", "due", "days_overdue",
                             "reason", "channel", "contact", "warnings"}


def test_today_json_gift_call_avoids_the_home_line(store):
    done = run_cli("today", "--date", "2026-12-12", "--json", db=store["path"])
    calls = [i for i in json.loads(done.stdout)
             if i["client_id"] == store["zoe"] and i["kind"] == "satisfaction_call"]
    assert [c["contact"] for c in calls] == ["(555) 013-4567"]  # mobile, not home


def test_today_text_has_both_lists(store):
    done = run_cli("today", "--date", "2026-11-25", db=store["path"])
    assert done.returncode == 0, done.stderr
    assert "Notes to write (2)" in done.stdout and "Calls to make (1)" in done.stdout
    assert "Zoë Ødegård" in done.stdout


def test_today_rejects_a_bad_date(store):
    done = run_cli("today", "--date", "25/11/2026", db=store["path"])
    assert done.returncode == 2
    assert "--date must be a date as YYYY-MM-DD" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_followups_export_writes_a_calendar_with_one_event_per_open_follow_up(store, tmp_path):
    out = tmp_path / "follow-ups.ics"
    done = run_cli("followups", "export", "--out", str(out), "--date", "2026-11-25",
                   db=store["path"])
    assert done.returncode == 0, done.stderr
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    from boutique.models import open_database

    open_database(store["path"])
    try:
        open_ids = {f.id for f in FollowUp.select().where(FollowUp.status == "open",
                                                          FollowUp.merged_into.is_null())}
    finally:
        close_database()
    assert {str(e["UID"]) for e in events} == {f"followup-{i}@boutique.followups"
                                               for i in open_ids}
    assert f"{len(events)} follow-ups written" in done.stdout
    again = run_cli("followups", "export", "--out", str(out), "--date", "2026-11-25",
                    db=store["path"])
    assert again.returncode == 0
    assert ([str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
            == [str(e["UID"]) for e in events])


def test_followups_export_made_by_several_processes_is_the_same_calendar(store, tmp_path):
    files = {}
    for processes in ("1", "3"):
        files[processes] = tmp_path / f"by-{processes}.ics"
        done = run_cli("followups", "export", "--out", str(files[processes]), "--date",
                       "2026-11-25", "--processes", processes, db=store["path"])
        assert done.returncode == 0, done.stderr
    one, three = (Calendar.from_ical(files[n].read_bytes()) for n in ("1", "3"))
    assert len(one.walk("VEVENT")) > 3
    assert ([(str(e["UID"]), str(e["SUMMARY"]), str(e["DESCRIPTION"])) for e in one.walk("VEVENT")]
            == [(str(e["UID"]), str(e["SUMMARY"]), str(e["DESCRIPTION"]))
                for e in three.walk("VEVENT")])


def test_followups_export_needs_an_ics_name(store, tmp_path):
    done = run_cli("followups", "export", "--out", str(tmp_path / "x.txt"), db=store["path"])
    assert done.returncode == 2
    assert "--out must name an .ics file" in done.stderr
