"""One plan per client: thank-you notes due close together are one note naming every
piece; service calls for pieces bought within a season are one call (finding 3)."""

from __future__ import annotations

import datetime as dt

from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.cadence import save_rules
from boutique.services.cadence.followups import client_followups, complete
from boutique.services.clients.purchases import delete_purchase
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text
from tests.scenarios.test_contact_plan import buy, script_text, today_json

D = dt.date


def _mia(make_client):
    return make_client(first_name="Mia", last_name="Laurent", mobile_phone="+15550134567",
                       home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
                       home_postcode="12534")


def _notes(day):
    return [i for i in agenda_for(day) if i.kind == "thank_you_note"]


def test_three_purchases_in_17_days_give_one_thank_you_note(make_client, db_path):
    """Three purchases on 1, 10 and 17 April, no note written yet: one card names all three."""
    mia = _mia(make_client)
    pendant = buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    earrings = buy(mia, D(2026, 4, 10), ("Pearl drop earrings", 64000))
    cufflinks = buy(mia, D(2026, 4, 17), ("Onyx cufflinks", 42000))
    day = D(2026, 4, 18)
    [note] = _notes(day)
    assert note.purchase_ids == (pendant.id, earrings.id, cufflinks.id)
    assert note.due == D(2026, 4, 2)  # the first piece's thank-you still leads
    for name in ("Ruby pendant", "Pearl drop earrings", "Onyx cufflinks"):
        assert name in note.reason
    rows = [r for r in today_json(db_path, day) if r["kind"] == "thank_you_note"]
    assert len(rows) == 1
    assert rows[0]["purchase_ids"] == [pendant.id, earrings.id, cufflinks.id]
    pack = pack_from_items(day, [note])
    [prompt] = pack.notes
    assert [p.purchase_id for p in prompt.all_purchases] == [pendant.id, earrings.id,
                                                             cufflinks.id]
    pdf = note_prompts_pdf(list(pack.notes), LETTERHEAD)
    text = flat(all_text(pdf))
    assert "PURCHASES" in text.upper()
    for name in ("Ruby pendant", "Pearl drop earrings", "Onyx cufflinks"):
        assert name in text
    (tmp := db_path.parent / "merged-note.pdf").write_bytes(pdf)
    assert tmp.exists()
    # Writing the one card closes the note for every piece.
    complete(note.followup_id, "sent", day)
    assert _notes(day) == []
    _open, past = client_followups(mia.id, day)
    assert [r.kind for r in past].count("thank_you_note") == 1


def test_a_note_already_written_is_not_merged_into(make_client):
    """Only open notes merge: the card written on 2 April stays its own."""
    mia = _mia(make_client)
    buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    [first] = _notes(D(2026, 4, 2))
    complete(first.followup_id, "sent", D(2026, 4, 2))
    earrings = buy(mia, D(2026, 4, 10), ("Pearl drop earrings", 64000))
    [second] = _notes(D(2026, 4, 11))
    assert second.purchase_ids == (earrings.id,)


def test_notes_far_apart_stay_separate_and_the_window_is_editable(make_client):
    mia = _mia(make_client)
    buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    buy(mia, D(2026, 5, 1), ("Pearl drop earrings", 64000))  # 30 days on: its own note
    assert len(_notes(D(2026, 5, 2))) == 2
    save_rules({"note_merge_days": 0})
    buy(mia, D(2026, 5, 3), ("Onyx cufflinks", 42000))
    assert len(_notes(D(2026, 5, 4))) == 3


def test_deleting_the_first_purchase_leaves_one_note_for_the_others(make_client):
    mia = _mia(make_client)
    pendant = buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    earrings = buy(mia, D(2026, 4, 10), ("Pearl drop earrings", 64000))
    cufflinks = buy(mia, D(2026, 4, 17), ("Onyx cufflinks", 42000))
    delete_purchase(pendant.id)
    [note] = _notes(D(2026, 4, 18))
    assert note.purchase_ids == (earrings.id, cufflinks.id)


def test_service_calls_for_pieces_bought_in_one_season_share_one_call(make_client, db_path):
    """Three pieces bought in March: one service call each year, not three."""
    mia = _mia(make_client)
    ring = buy(mia, D(2026, 3, 2), ("Sapphire ring", 90000))
    bracelet = buy(mia, D(2026, 3, 12), ("Gold bangle", 150000))
    watch = buy(mia, D(2026, 3, 28), ("Cartier Tank watch", 312400))
    for year, month in ((2026, 9), (2027, 9), (2028, 9)):
        day = D(year, month, 30)
        calls = [i for i in agenda_for(day)
                 if i.kind == "service_call" and i.due.year == year]
        assert len(calls) == 1, (day, calls)
        assert calls[0].due == D(year, month, 2)
        assert set(calls[0].purchase_ids) == {ring.id, bracelet.id, watch.id}
    day = D(2026, 9, 30)
    rows = [r for r in today_json(db_path, day) if r["kind"] == "service_call"]
    assert len(rows) == 1 and sorted(rows[0]["purchase_ids"]) == sorted(
        [ring.id, bracelet.id, watch.id])
    [call] = [i for i in agenda_for(day) if i.kind == "service_call"]
    text = script_text(day, call)
    for name in ("Sapphire ring", "Gold bangle", "Cartier Tank watch"):
        assert name in text
    # A piece bought in the summer has its own call.
    later = buy(mia, D(2026, 7, 15), ("Diamond studs", 240000))
    calls = [i for i in agenda_for(D(2027, 1, 20))
             if i.kind == "service_call" and i.due.year == 2027]
    assert [c.purchase_ids for c in calls] == [(later.id,)]


def test_a_gifts_note_never_shares_a_card_with_her_own(make_client, db_path):
    """A gift's thank-you may have to keep the surprise: it stays its own card."""
    mia = _mia(make_client)
    own = buy(mia, D(2026, 4, 1), ("Ruby pendant", 180000))
    from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
    gift = record_purchase(mia.id, PurchaseData(
        purchase_date=D(2026, 4, 5), is_gift=True, gift_recipient="Luc",
        items=[ItemData(description="Onyx cufflinks", price_cents=42000)]))
    later = buy(mia, D(2026, 4, 12), ("Pearl drop earrings", 64000))
    notes = _notes(D(2026, 4, 13))
    assert sorted(n.purchase_ids for n in notes) == sorted([(own.id, later.id), (gift.id,)])
    rows = [r for r in today_json(db_path, D(2026, 4, 13)) if r["kind"] == "thank_you_note"]
    assert sorted(r["purchase_ids"] for r in rows) == sorted([[own.id, later.id], [gift.id]])
