"""Finding 6, consent decides the channel: a client who agreed to email only gets no mailed
note, no call and no label; a client who agreed to nothing is shown as unreachable and is
not counted overdue. Printing one piece by hand stays possible, with the warning."""

from __future__ import annotations

import datetime as dt

from boutique.printing.envelopes import envelope_pdf
from boutique.services.agenda import agenda_for, notes_to_write, week_summary
from boutique.services.clients import NO_AGREED_WAY, choose_mail
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD
from tests.printing.stationery_pdf import all_text
from tests.scenarios.test_contact_plan import buy, today_json

D = dt.date
ADDRESS = dict(home_line1="12 Rue de la Paix", home_city="Boulder", home_region="CO",
               home_postcode="80302")


def test_a_client_who_agreed_to_email_only_is_reached_by_email(make_client, db_path):
    ana = make_client(first_name="Ana", last_name="Silva", email="ana@example.com",
                      mobile_phone="+15550134567", consent_mail=False, consent_phone=False,
                      consent_email=True, **ADDRESS)
    buy(ana, D(2026, 4, 1), ("Gold hoops", 45000))
    note_day, call_day = D(2026, 4, 3), D(2026, 5, 1)
    [note] = [i for i in agenda_for(note_day) if i.kind == "thank_you_note"]
    assert (note.channel, note.contact) == ("email", "ana@example.com")
    assert "the client agreed to email instead" in note.warnings[0]
    [call] = [i for i in agenda_for(call_day) if i.kind == "satisfaction_call"]
    assert call.channel == "email" and call.contact == "ana@example.com"
    rows = today_json(db_path, call_day)
    assert {r["channel"] for r in rows if r["client_id"] == ana.id} == {"email"}
    pack = pack_from_items(call_day, [call])
    assert not pack.notes and not pack.calls  # no mailed note, no call script, no envelope
    assert pack.not_printed == (("Ana Silva", "Satisfaction call to send by email"),)


def test_a_client_who_agreed_to_nothing_is_unreachable_not_overdue(make_client, db_path):
    leo = make_client(first_name="Leo", last_name="Marsh", mobile_phone="+15550134568",
                      consent_mail=False, consent_phone=False, **ADDRESS)
    buy(leo, D(2026, 4, 1), ("Silver cufflinks", 22000))
    late = D(2026, 4, 30)  # the note's week is long past
    [note] = [i for i in agenda_for(late) if i.kind == "thank_you_note"]
    assert (note.channel, note.days_overdue) == ("none", 0)
    assert note.warnings == (NO_AGREED_WAY,)
    assert note.contact_text == "no agreed way to reach"
    assert week_summary(late, agenda_for(late)).overdue == 0
    assert note in notes_to_write(agenda_for(late))  # shown once, where notes are looked for
    [row] = [r for r in today_json(db_path, late) if r["kind"] == "thank_you_note"]
    assert row["channel"] == "none" and row["days_overdue"] == 0


def test_a_piece_printed_by_hand_still_prints_with_the_warning(make_client):
    leo = make_client(first_name="Leo", last_name="Marsh", consent_mail=False, **ADDRESS)
    choice = choose_mail(leo, is_gift=False)
    assert choice.contact and "Client has not agreed to mail" in choice.warnings
    assert "12 Rue de la Paix" in all_text(envelope_pdf(LETTERHEAD, choice.address.envelope_lines()))


def test_a_call_moved_to_mail_goes_to_the_address_on_file(make_client, tmp_path):
    """Her only open item is a call she has not agreed to: it moves to mail, and the agenda,
    the day's list and the calendar file give her address (not "no postal address")."""
    from boutique.services.agenda.calendar import items_due_on
    from boutique.services.agenda.calendar_file import export_ics
    from boutique.services.cadence.followups import SENT, complete

    mia = make_client(first_name="Mia", last_name="Roth", mobile_phone="+15550134569",
                      consent_mail=True, consent_phone=False, **ADDRESS)
    buy(mia, D(2026, 4, 1), ("Gold hoops", 45000))
    call_day = D(2026, 5, 1)
    [note] = [i for i in agenda_for(D(2026, 4, 3)) if i.kind == "thank_you_note"]
    complete(note.followup_id, SENT, D(2026, 4, 3))
    for items in (agenda_for(call_day), items_due_on(call_day, call_day)):
        [call] = [i for i in items if i.kind == "satisfaction_call"]
        assert (call.channel, call.contact) == ("mail", "12 Rue de la Paix, Boulder, CO 80302")
        assert call.address is not None and "No postal address on file" not in call.warnings
    out = tmp_path / "calls.ics"
    export_ics(out, call_day)
    unfolded = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Send to: 12 Rue de la Paix\\, Boulder\\, CO 80302" in unfolded
    assert "No postal address" not in unfolded
