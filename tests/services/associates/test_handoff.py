"""The handoff: one letter and one introduction per moved client, within her contact cap;
largest spend first, spread over the days; a temporary handoff hands back on its day."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import AssociateChange, Client, FollowUp
from boutique.services.associates import (
    INTRODUCTIONS_PER_DAY,
    LETTER_ARRIVES_DAYS,
    associate_by_name,
    associate_history,
    hand_back_due,
    hand_off,
    mark_left,
    plan_handoff,
    save_associate,
)
from boutique.services.cadence import load_rules
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.errors import NotFound, ValidationError

D = dt.date
DAY = D(2026, 11, 25)


@pytest.fixture
def people(db):
    lea = save_associate({"name": "Lea Martin", "role": "Associate", "phone": "(617) 555-0101"})
    tom = save_associate({"name": "Tom Reyes", "role": "Associate", "phone": "(617) 555-0199"})
    return lea, tom


def _buy(client, when, cents):
    record_purchase(client.id, PurchaseData(purchase_date=when, items=[
        ItemData(description="Gold hoops", price_cents=cents)]))


def _open(client_id, kind):
    return list(FollowUp.select().where(FollowUp.client == client_id, FollowUp.kind == kind,
                                        FollowUp.status == "open"))


def _within_caps(client_id):
    """Every rolling window holding the introduction keeps within the caps (what stays
    put, the letter and the notes, counts but is never moved by the cap)."""
    rules = load_rules()
    days = sorted(f.due for f in FollowUp.select().where(
        FollowUp.client == client_id, FollowUp.status == "open",
        FollowUp.merged_into.is_null()))
    [intro] = _open(client_id, "re_introduction")
    for length, cap in ((7, rules.weekly_cap), (30, rules.monthly_cap)):
        for start in range(length):
            first = intro.due - dt.timedelta(days=start)
            inside = [d for d in days if 0 <= (d - first).days < length]
            assert len(inside) <= cap, (client_id, length, days)


def test_every_moved_client_gets_one_letter_and_one_introduction_within_her_cap(
        people, make_client):
    lea, tom = people
    clients = []
    for n in range(12):
        client = make_client(first_name=f"C{n}", last_name="Book", associate="Lea Martin",
                             mobile_phone="+16175550123")
        _buy(client, DAY - dt.timedelta(days=n), 100_000 * (n + 1))
        clients.append(client)
    # A sale the day before: her thank-you and the letter fill the week, the introduction waits.
    plan = hand_off("Lea Martin", "Tom Reyes", DAY)
    assert [m.spend_cents for m in plan.moves] == sorted(
        (m.spend_cents for m in plan.moves), reverse=True)
    assert len(plan.moves) == 12
    for client in clients:
        assert Client.get_by_id(client.id).associate_id == tom.id
        assert Client.get_by_id(client.id).associate == "Tom Reyes"
        [letter] = _open(client.id, "handoff_letter")
        [intro] = _open(client.id, "re_introduction")
        assert letter.due == DAY and letter.channel == "mail"
        assert intro.due >= DAY + dt.timedelta(days=LETTER_ARRIVES_DAYS)
        _within_caps(client.id)
    by_spend = [m.client_id for m in plan.moves]
    top = by_spend[0]
    assert _open(top, "re_introduction")[0].channel == "phone"  # a top client is called
    assert _open(by_spend[-1], "re_introduction")[0].channel == "mail"
    # the new associate's days: no more than so many introductions planned on one day
    first_days = [DAY + dt.timedelta(days=LETTER_ARRIVES_DAYS + i // INTRODUCTIONS_PER_DAY)
                  for i in range(12)]
    assert all(m.introduction_due >= want for m, want in zip(plan.moves, first_days,
                                                              strict=True))


def test_the_cap_moves_an_introduction_that_would_crowd_her_week(people, make_client):
    ana = make_client(associate="Lea Martin", mobile_phone="+16175550123")
    # Two contacts already that week: a key-date call fixed by hand and a thank-you note.
    _buy(ana, DAY + dt.timedelta(days=1), 50_000)
    from boutique.services.cadence.followups import add_custom
    add_custom(ana.id, DAY + dt.timedelta(days=4), "Bring the catalogue", "phone")
    plan = hand_off("Lea Martin", "Tom Reyes", DAY)
    [intro] = _open(ana.id, "re_introduction")
    assert intro.due > DAY + dt.timedelta(days=LETTER_ARRIVES_DAYS)  # moved by the cap
    assert plan.moves[0].introduction_due == intro.due  # the plan reports the day it took
    _within_caps(ana.id)


def test_only_the_clients_named_move_and_others_are_refused_by_name(people, make_client):
    ana = make_client(first_name="Ana", associate="Lea Martin")
    ben = make_client(first_name="Ben", associate="Lea Martin")
    cy = make_client(first_name="Cy", associate="Tom Reyes")
    hand_off("Lea Martin", "Tom Reyes", DAY, [ana.id])
    assert Client.get_by_id(ben.id).associate == "Lea Martin"
    assert len(_open(ben.id, "handoff_letter")) == 0
    with pytest.raises(ValidationError) as refused:
        plan_handoff("Lea Martin", "Tom Reyes", DAY, [cy.id])
    assert f"client {cy.id}" in refused.value.errors
    assert "Tom Reyes" in refused.value.errors[f"client {cy.id}"]
    with pytest.raises(NotFound):
        plan_handoff("Nobody Here", "Tom Reyes", DAY)
    with pytest.raises(ValidationError):
        plan_handoff("Tom Reyes", "Tom Reyes", DAY)


def test_a_dry_run_writes_nothing_and_a_client_who_asked_not_is_moved_in_silence(
        people, make_client):
    ana = make_client(associate="Lea Martin")
    quiet = make_client(first_name="Quiet", associate="Lea Martin", do_not_contact=True)
    before = FollowUp.select().count()
    plan = plan_handoff("Lea Martin", "Tom Reyes", DAY)
    assert len(plan.moves) == 2 and FollowUp.select().count() == before
    assert Client.get_by_id(ana.id).associate == "Lea Martin"
    hand_off("Lea Martin", "Tom Reyes", DAY)
    assert Client.get_by_id(quiet.id).associate == "Tom Reyes"
    assert FollowUp.select().where(FollowUp.client == quiet.id).count() == 0


def test_a_temporary_handoff_hands_back_on_its_end_date(people, make_client):
    lea, tom = people
    ana = make_client(associate="Lea Martin", mobile_phone="+16175550123")
    until = D(2027, 1, 10)
    hand_off("Lea Martin", "Tom Reyes", DAY, until=until, reason="Maternity leave")
    assert hand_back_due(until - dt.timedelta(days=1)) == []
    assert Client.get_by_id(ana.id).associate == "Tom Reyes"
    [ended] = hand_back_due(until)
    assert Client.get_by_id(ana.id).associate == "Lea Martin"
    [welcome] = _open(ana.id, "welcome_back")
    assert welcome.due == until and welcome.channel == "mail"
    assert _open(ana.id, "re_introduction") == []  # the stand-in's introduction is set aside
    history = associate_history(ana.id)
    assert [(h.from_name, h.to_name) for h in history] == [("Tom Reyes", "Lea Martin"),
                                                            ("Lea Martin", "Tom Reyes")]
    assert history[1].reason == "Maternity leave"
    assert hand_back_due(until + dt.timedelta(days=3)) == []  # once only
    assert len(_open(ana.id, "welcome_back")) == 1
    with pytest.raises(ValidationError):
        plan_handoff("Lea Martin", "Tom Reyes", DAY, until=DAY)


def test_a_client_given_to_someone_else_meanwhile_stays_there(people, make_client, db):
    ana = make_client(associate="Lea Martin")
    save_associate({"name": "Iris Moreau"})
    hand_off("Lea Martin", "Tom Reyes", DAY, until=D(2027, 1, 10))
    hand_off("Tom Reyes", "Iris Moreau", D(2026, 12, 1), [ana.id])
    hand_back_due(D(2027, 1, 10))
    assert Client.get_by_id(ana.id).associate == "Iris Moreau"


def test_an_associate_who_left_cannot_take_clients_and_the_owner_cannot_leave(people, db):
    mark_left("Tom Reyes", DAY)
    assert associate_by_name("tom reyes").active is False
    with pytest.raises(ValidationError) as refused:
        plan_handoff("Lea Martin", "Tom Reyes", DAY)
    assert "left" in refused.value.errors["to"]
    boss = save_associate({"name": "Elena Marsh", "is_owner": True})
    with pytest.raises(ValidationError):
        save_associate({"active": False}, boss.id)


def test_changing_the_associate_on_the_card_is_kept_in_her_history(people, make_client):
    from boutique.services.clients.book import save_client

    ana = make_client(associate="Lea Martin")
    save_client({"associate": "tom reyes"}, ana.id)
    assert Client.get_by_id(ana.id).associate == "Tom Reyes"  # matched, not a new person
    [change] = associate_history(ana.id)
    assert (change.from_name, change.to_name) == ("Lea Martin", "Tom Reyes")
    assert AssociateChange.select().count() == 1


def test_associate_fields_are_checked_and_named(db):
    with pytest.raises(ValidationError) as bad:
        save_associate({"name": "  ", "phone": "12", "email": "nope"})
    assert set(bad.value.errors) == {"name", "phone", "email"}
    first = save_associate({"name": "Zoë <b>&amp; 💍 دوده"})
    with pytest.raises(ValidationError) as twice:
        save_associate({"name": "ZOË <B>&AMP; 💍 دوده"})
    assert "already" in twice.value.errors["name"]
    assert first.name == "Zoë <b>&amp; 💍 دوده"
