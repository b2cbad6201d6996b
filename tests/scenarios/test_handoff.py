"""Lea leaves; Tom takes her clients. Each hears from the owner first (a letter on the
letterhead), then from Tom (a call for the top client, a note for the others), on the
agendas of the days after; a leave hands the clients back with a welcome-back note."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from boutique.models import close_database, open_database
from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.associates import hand_back_due, save_associate
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.stationery import demo_letterhead
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text

D = dt.date
DAY = D(2026, 11, 25)


def cli(db_path, *args):
    close_database()
    try:
        done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(db_path), *args],
                              capture_output=True, text=True, timeout=120)
    finally:
        open_database(db_path)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _book(make_client):
    save_associate({"name": "Elena Marsh", "role": "Owner", "is_owner": True})
    save_associate({"name": "Lea Martin", "role": "Associate", "phone": "(617) 555-0101"})
    save_associate({"name": "Tom Reyes", "role": "Senior associate",
                    "phone": "(617) 555-0199", "email": "tom@example.com"})
    top = make_client(salutation="Mrs.", first_name="Vera", last_name="Stone",
                      mobile_phone="+16175550123", associate="Lea Martin",
                      home_line1="9 Oak Lane", home_city="Hudson", home_postcode="12534")
    record_purchase(top.id, PurchaseData(purchase_date=D(2025, 6, 1), items=[
        ItemData(description="Diamond riviera necklace", price_cents=2_400_000)]))
    small = make_client(salutation="Mr.", first_name="Paul", last_name="Finch",
                        mobile_phone="+16175550124", associate="Lea Martin",
                        home_line1="3 Elm Street", home_city="Hudson", home_postcode="12534")
    record_purchase(small.id, PurchaseData(purchase_date=D(2025, 3, 1), items=[
        ItemData(description="Silver cufflinks", price_cents=18_000)]))
    return top, small


def test_lea_leaves_and_every_client_hears_from_the_owner_then_from_tom(
        make_client, db_path):
    demo_letterhead(DAY)
    top, small = _book(make_client)
    cli(db_path, "associates", "--left", "Lea Martin", "--date", DAY.isoformat())
    dry = json.loads(cli(db_path, "handoff", "--from", "Lea Martin", "--to", "Tom Reyes",
                         "--date", DAY.isoformat(), "--dry-run", "--json"))
    assert dry["dry_run"] and dry["clients"] == 2 and dry["letters"] == 2
    assert [m["client_id"] for m in dry["moves"]] == [top.id, small.id]  # largest first
    assert [m["introduction"] for m in dry["moves"]] == ["call", "note"]
    before = json.loads(cli(db_path, "today", "--date", DAY.isoformat(), "--json"))
    assert all(row["kind"] != "handoff_letter" for row in before)  # a dry run writes nothing
    done = json.loads(cli(db_path, "handoff", "--from", "Lea Martin", "--to", "Tom Reyes",
                          "--date", DAY.isoformat(), "--json"))
    assert not done["dry_run"] and done["handoff_id"]
    today = json.loads(cli(db_path, "today", "--date", DAY.isoformat(), "--json"))
    letters = [r for r in today if r["kind"] == "handoff_letter"]
    assert sorted(r["client_id"] for r in letters) == sorted([top.id, small.id])
    assert not [r for r in today if r["kind"] == "re_introduction"]
    intro_day = dt.date.fromisoformat(done["moves"][0]["introduction_due"])
    later = json.loads(cli(db_path, "today", "--date", intro_day.isoformat(), "--json"))
    intros = {r["client_id"]: r for r in later if r["kind"] == "re_introduction"}
    assert intros[top.id]["channel"] == "phone" and intros[small.id]["channel"] == "mail"

    # The owner's letters, on the letterhead.
    out = db_path.parent / "letters.pdf"
    cli(db_path, "print", "handoff-letters", "--date", DAY.isoformat(), "--out", str(out))
    letter = flat(all_text(out.read_bytes()))
    assert "Dear Mrs. Stone," in letter and "Dear Mr. Finch," in letter
    assert "Lea Martin is leaving Marsh & Finch Jewelers" in letter
    assert "Tom Reyes will look after you from now on" in letter
    assert "directly on (617) 555-0199 or at tom@example.com" in letter
    assert "Thank you for your loyalty" in letter and "Elena Marsh" in letter
    assert "Direct line: (617) 555-0199" in letter

    # Tom's call to the top client and note to the other, in his voice.
    items = [i for i in agenda_for(intro_day) if i.kind == "re_introduction"]
    pack = pack_from_items(intro_day, items)
    said = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "this is Tom Reyes from Marsh & Finch Jewelers" in said
    assert "My direct line is (617) 555-0199" in said
    assert "Diamond riviera necklace" in said  # the brief's facts on the script
    written = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "Tom Reyes" in written and "Paul" in written

    # The history, and the brief before the call.
    brief = db_path.parent / "brief.pdf"
    cli(db_path, "print", "brief", "--client", str(top.id), "--date", intro_day.isoformat(),
        "--out", str(brief))
    text = flat(all_text(brief.read_bytes()))
    assert "Vera Stone" in text and "Lea Martin → Tom Reyes" in text
    people = {a["name"]: a for a in json.loads(cli(db_path, "associates", "--json"))}
    assert people["Lea Martin"]["active"] is False and people["Tom Reyes"]["clients"] == 2


def test_a_leave_hands_the_clients_back_with_a_welcome_back_note(make_client, db_path):
    demo_letterhead(DAY)
    top, small = _book(make_client)
    until = D(2027, 2, 1)
    cli(db_path, "handoff", "--from", "Lea Martin", "--to", "Tom Reyes", "--client",
        str(small.id), "--date", DAY.isoformat(), "--until", until.isoformat())
    out = db_path.parent / "letters.pdf"
    cli(db_path, "print", "handoff-letters", "--date", DAY.isoformat(), "--out", str(out))
    letter = flat(all_text(out.read_bytes()))
    assert "Lea Martin will be away until February 1, 2027" in letter
    assert "Dear Mrs. Stone" not in letter  # only the client named moved
    hand_back_due(until)
    [welcome] = [i for i in agenda_for(until) if i.kind == "welcome_back"]
    assert welcome.client_id == small.id
    pack = pack_from_items(until, [welcome])
    note = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "I am back at Marsh & Finch Jewelers" in note
    assert "Lea Martin" in note and "(617) 555-0101" in note
