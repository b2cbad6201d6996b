"""The contact plan, scenario by scenario: a client, her purchases, the days that pass;
the agenda, the `today --json` output and the printed words (read back with pypdf)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from boutique.models import close_database, open_database
from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.stationery.print_data import pack_from_items
from boutique.services.stationery.seasons import season_on
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text

D = dt.date


def buy(client, when, *pieces):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when,
        items=[ItemData(description=name, price_cents=cents) for name, cents in pieces]))


def today_json(db_path, day):
    """`today --json`, run as a user would, on the store as it stands."""
    close_database()
    try:
        done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(db_path), "today",
                               "--date", day.isoformat(), "--json"],
                              capture_output=True, text=True, timeout=120)
    finally:
        open_database(db_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def script_text(day, item):
    pack = pack_from_items(day, [item])
    assert len(pack.calls) == 1
    return flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))


def test_a_merged_call_names_every_purchase(make_client, db_path):
    """Finding 2: two purchases four days apart, one call; the watch is named too."""
    mia = make_client(first_name="Mia", last_name="Laurent", mobile_phone="+15550134567")
    pendant = buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    watch = buy(mia, D(2026, 4, 5), ("Cartier Tank watch", 312400))
    day = D(2026, 5, 1)
    [call] = [i for i in agenda_for(day) if i.kind == "satisfaction_call"]
    assert set(call.purchase_ids) == {pendant.id, watch.id}
    [row] = [r for r in today_json(db_path, day) if r["kind"] == "satisfaction_call"]
    assert sorted(row["purchase_ids"]) == sorted([pendant.id, watch.id])
    text = script_text(day, call)
    assert "Ruby pendant" in text and "Cartier Tank watch" in text
    assert "ruby pendant and Cartier Tank watch" in text  # the spoken line names both
    assert "PURCHASES" in text.upper()


def test_the_clients_own_birthday_is_a_greeting_on_the_day(make_client, db_path):
    """Finding 5: on the birthday, not "21 days overdue", no gift talk; "today"."""
    luis = make_client(first_name="Luis", last_name="Ortega", mobile_phone="+15550134567",
                       partner_name="Carmen", birthday_month=11, birthday_day=25)
    day = D(2026, 11, 25)
    [item] = [i for i in agenda_for(day) if i.kind == "key_date"]
    assert item.client_id == luis.id
    assert item.days_overdue == 0
    assert item.when_text(day) == "today"
    [row] = [r for r in today_json(db_path, day) if r["kind"] == "key_date"]
    assert row["days_overdue"] == 0 and row["deadline"] == "2026-11-25"
    text = script_text(day, item)
    assert "happy birthday" in text
    assert "overdue" not in text
    assert "gift is in mind" not in text and "Think of what" not in text
    # a greeting is on the day, not three weeks before it
    assert not [i for i in agenda_for(D(2026, 11, 4)) if i.kind == "key_date"]
    assert not [i for i in agenda_for(D(2026, 11, 24)) if i.kind == "key_date"]
    assert [r["when"] for r in today_json(db_path, day) if r["kind"] == "key_date"] == ["today"]


def test_an_anniversary_is_a_reminder_ahead_with_the_gift_lines(make_client):
    """Finding 5: the couple's anniversary keeps the gift reminder three weeks ahead."""
    make_client(first_name="Luis", last_name="Ortega", mobile_phone="+15550134567",
                partner_name="Carmen", anniversary_month=12, anniversary_day=12)
    day = D(2026, 11, 21)
    [item] = [i for i in agenda_for(day) if i.kind == "key_date"]
    assert item.days_overdue == 0 and item.when_text(day) == "in 21 days"
    text = script_text(day, item)
    assert "Think of what Carmen likes" in text and "happy birthday" not in text
    # a week on it is still not "overdue": the deadline is the date itself
    [later] = [i for i in agenda_for(D(2026, 11, 30)) if i.kind == "key_date"]
    assert later.days_overdue == 0 and later.when_text(D(2026, 11, 30)) == "in 12 days"
    [on_the_day] = [i for i in agenda_for(D(2026, 12, 12)) if i.kind == "key_date"]
    assert on_the_day.when_text(D(2026, 12, 12)) == "today"


def test_a_birthday_note_is_a_greeting(make_client):
    make_client(first_name="Luis", last_name="Ortega", birthday_month=11, birthday_day=25,
                home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
                home_postcode="12534")
    from boutique.services.cadence import save_rules
    save_rules({"key_date_channel": "mail"})
    # a card is posted just before the day (three days by default), not three weeks
    assert not [i for i in agenda_for(D(2026, 11, 21)) if i.kind == "key_date"]
    day = D(2026, 11, 22)
    items = [i for i in agenda_for(day) if i.kind == "key_date"]
    assert [i.when_text(day) for i in items] == ["in 3 days"]
    pack = pack_from_items(day, items)
    text = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "Wishing you a very happy birthday" in text
    assert "thinking of a gift" not in text


def test_the_seasonal_cue_only_in_its_season(make_client):
    """Finding 8: "Is the holiday list growing?" in November, never in May."""
    ana = make_client(mobile_phone="+15550134567")
    buy(ana, D(2025, 5, 1), ("Sapphire ring", 90000))  # service calls 1 Nov 2025, 1 Nov 2026
    [november] = [i for i in agenda_for(D(2025, 11, 1)) if i.kind == "service_call"]
    assert "Is the holiday list growing?" in script_text(D(2025, 11, 1), november)
    buy(ana, D(2025, 11, 10), ("Gold hoops", 50000))  # service call 10 May 2026
    [may] = [i for i in agenda_for(D(2026, 5, 10)) if i.kind == "service_call"
             and i.due == D(2026, 5, 10)]
    text = script_text(D(2026, 5, 10), may)
    assert "complimentary cleaning" in text and "holiday" not in text


def test_seasons_are_an_editable_list(db):
    from boutique.services.stationery.seasons import save_seasons
    assert season_on(D(2026, 11, 1)) == "holiday" and season_on(D(2026, 12, 25)) == ""
    save_seasons("holiday: 11-01 to 12-24\nsummer: 06-21 to 09-22\nnew year: 12-28 to 01-06")
    assert season_on(D(2026, 7, 4)) == "summer"
    assert season_on(D(2027, 1, 2)) == "new year"
    assert season_on(D(2026, 5, 1)) == ""


def test_a_bad_season_line_is_named(db):
    import pytest

    from boutique.services.errors import ValidationError
    from boutique.services.stationery.seasons import save_seasons
    with pytest.raises(ValidationError, match="line 2"):
        save_seasons("holiday: 11-01 to 12-24\nsummer: 06-31 to 09-22")
    assert season_on(D(2026, 11, 1)) == "holiday"  # nothing saved
