"""The cadence engine on the store: purchases schedule, move and remove their follow-ups;
gift and consent rules pick the contact; rule changes apply to new or, on request, open."""

from __future__ import annotations

import datetime as dt

from boutique.models import FollowUp
from boutique.services.agenda import agenda_for, calls_to_make, notes_to_write
from boutique.services.cadence.bulk import reschedule_open
from boutique.services.cadence.followups import complete
from boutique.services.cadence.settings import save_rules
from boutique.services.clients.book import save_client
from boutique.services.clients.purchases import (
    ItemData,
    PurchaseData,
    delete_purchase,
    purchase_data,
    update_purchase,
)

D = dt.date
HOME = dict(home_line1="12 Oak Street", home_city="Springfield", home_region="IL",
            home_postcode="62701")
WORK = dict(business_company="Hartwell & Associates", business_line1="400 Main Street",
            business_city="Springfield", business_region="IL", business_postcode="62702")
PHONES = dict(mobile_phone="+15550130001", home_phone="+15550130002",
              work_phone="+15550130003")


def kinds(client_id):
    return sorted((f.kind, str(f.due)) for f in
                  FollowUp.select().where(FollowUp.client == client_id))


def test_a_purchase_schedules_its_follow_ups(db, make_client, make_purchase):
    client = make_client(**HOME)
    make_purchase(client.id, D(2026, 11, 12))
    assert kinds(client.id) == [
        ("satisfaction_call", "2026-12-12"), ("service_call", "2027-05-12"),
        ("service_call", "2028-05-12"), ("service_call", "2029-05-12"),
        ("thank_you_note", "2026-11-13"),
    ]


def test_a_gift_note_goes_to_the_business_address(db, make_client, make_purchase):
    client = make_client(**HOME, **WORK, **PHONES)
    make_purchase(client.id, D(2026, 11, 12), "1.8 ct solitaire", is_gift=True,
                  gift_recipient="Ana", gift_relation="wife")
    [note] = notes_to_write(agenda_for(D(2026, 11, 13)))
    assert note.reason == "Thank-you: 1.8 ct solitaire, 12 Nov, gift for wife"
    assert note.address.kind == "business"
    assert note.contact == "Hartwell & Associates, 400 Main Street, Springfield, IL 62702"
    assert note.warnings == ()


def test_a_gift_note_without_business_address_says_the_rule_in_force(db, make_client,
                                                                    make_purchase):
    client = make_client(**HOME)
    make_purchase(client.id, D(2026, 11, 12), is_gift=True, gift_recipient="Ana")
    [note] = notes_to_write(agenda_for(D(2026, 11, 13)))
    assert note.address.kind == "home"
    assert note.warnings == ("Gift to a shared home: the wording names neither the recipient "
                             "nor the piece",)


def test_a_gift_call_uses_mobile_or_work_never_home(db, make_client, make_purchase):
    client = make_client(home_phone="+15550130002", work_phone="+15550130003")
    make_purchase(client.id, D(2026, 11, 1), is_gift=True, gift_recipient="Ana")
    [call] = calls_to_make(agenda_for(D(2026, 12, 1)))
    assert call.contact == "(555) 013-0003"  # work, although a home number is on file
    only_home = make_client(first_name="Bo", home_phone="+15550130009")
    make_purchase(only_home.id, D(2026, 11, 1), is_gift=True, gift_recipient="Cy")
    [bo] = [i for i in calls_to_make(agenda_for(D(2026, 12, 1))) if i.client_id == only_home.id]
    assert bo.contact == ""
    assert any("home number" in w for w in bo.warnings)
    own = make_client(first_name="Di", home_phone="+15550130010")
    make_purchase(own.id, D(2026, 11, 1))
    [di] = [i for i in calls_to_make(agenda_for(D(2026, 12, 1))) if i.client_id == own.id]
    assert di.contact == "(555) 013-0010"  # not a gift: the home line is fine


def test_do_not_contact_clients_get_no_follow_ups(db, make_client, make_purchase):
    quiet = make_client(do_not_contact=True, birthday_month=12, birthday_day=1, **HOME)
    make_purchase(quiet.id, D(2026, 11, 12))
    assert kinds(quiet.id) == []
    assert agenda_for(D(2026, 11, 25)) == []
    # marked later: what was scheduled before no longer shows
    later = make_client(first_name="Later", **HOME)
    make_purchase(later.id, D(2026, 11, 12))
    assert agenda_for(D(2026, 11, 25))
    save_client({"do_not_contact": True}, later.id)
    assert agenda_for(D(2026, 11, 25)) == []


def test_editing_the_purchase_date_moves_open_follow_ups_only(db, make_client, make_purchase):
    client = make_client(**HOME)
    purchase = make_purchase(client.id, D(2026, 11, 12))
    note = FollowUp.get(FollowUp.kind == "thank_you_note")
    complete(note.id, "sent", D(2026, 11, 14))
    data = purchase_data(purchase)
    data.purchase_date = D(2026, 11, 20)
    update_purchase(purchase.id, data)
    assert kinds(client.id) == [
        ("satisfaction_call", "2026-12-20"), ("service_call", "2027-05-20"),
        ("service_call", "2028-05-20"), ("service_call", "2029-05-20"),
        ("thank_you_note", "2026-11-13"),  # done: history stays as it happened
    ]


def test_editing_items_and_gift_refreshes_reasons(db, make_client, make_purchase):
    client = make_client(**HOME, **WORK)
    purchase = make_purchase(client.id, D(2026, 11, 12), "Ring")
    update_purchase(purchase.id, PurchaseData(
        D(2026, 11, 12), [ItemData("Sapphire halo ring", "ring", price_cents=400000)],
        is_gift=True, gift_recipient="Erik", gift_relation="husband"))
    [note] = notes_to_write(agenda_for(D(2026, 11, 13)))
    assert note.reason == "Thank-you: Sapphire halo ring, 12 Nov, gift for husband"
    assert note.address.kind == "business"


def test_deleting_a_purchase_removes_its_follow_ups_and_unmerges(db, make_client,
                                                                  make_purchase):
    client = make_client(mobile_phone="+15550134567")
    first = make_purchase(client.id, D(2026, 10, 1), "Pearl strand")
    make_purchase(client.id, D(2026, 10, 4), "Diamond studs")
    make_purchase(client.id, D(2026, 10, 6), "Gold hoops")
    delete_purchase(first.id)
    assert not FollowUp.select().where(FollowUp.purchase == first.id).exists()
    calls = [i for i in agenda_for(D(2026, 11, 10)) if i.kind == "satisfaction_call"]
    assert [c.reason for c in calls] == [
        "Satisfaction call: Diamond studs, 4 Oct; Gold hoops, 6 Oct"]
    assert calls[0].due == D(2026, 11, 3)


def test_a_changed_rule_applies_to_new_follow_ups(db, make_client, make_purchase):
    client = make_client(**HOME)
    old = make_purchase(client.id, D(2026, 11, 1))
    # (each piece its own service call here: the merging has its own tests)
    save_rules({"satisfaction_days": 45, "service_years": 0, "service_merge_days": 0})
    new = make_purchase(client.id, D(2026, 11, 2))

    def calls(purchase):
        return [str(f.due) for f in FollowUp.select().where(
            FollowUp.purchase == purchase.id, FollowUp.kind != "thank_you_note")
            .order_by(FollowUp.due)]

    assert calls(old) == ["2026-12-01", "2027-05-01", "2028-05-01", "2029-05-01"]
    assert calls(new) == ["2026-12-17", "2027-05-02"]
    # on request, open follow-ups are rescheduled under the new rules
    assert reschedule_open() > 0
    assert calls(old) == ["2026-12-16", "2027-05-01"]
    assert reschedule_open() == 0  # settled


def test_rescheduling_leaves_days_the_user_chose(db, make_client, make_purchase):
    from boutique.services.cadence.followups import snooze

    client = make_client(**HOME)
    make_purchase(client.id, D(2026, 11, 1))
    call = FollowUp.get(FollowUp.kind == "satisfaction_call")
    snooze(call.id, D(2026, 12, 9), D(2026, 12, 1))
    save_rules({"satisfaction_days": 20})
    reschedule_open()
    assert FollowUp.get_by_id(call.id).due == D(2026, 12, 9)


def test_trashed_clients_leave_the_agenda(db, make_client, make_purchase):
    from boutique.services.clients.book import restore_client, trash_client

    client = make_client(**HOME)
    make_purchase(client.id, D(2026, 11, 12))
    trash_client(client.id)
    assert agenda_for(D(2026, 11, 20)) == []
    restore_client(client.id)
    assert len(agenda_for(D(2026, 11, 20))) == 1
