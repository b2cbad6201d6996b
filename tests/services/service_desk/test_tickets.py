"""Service tickets: intake, the status flow, the pickup call, the overdue flag."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import FollowUp, ServiceTicket
from boutique.services.agenda import agenda_for
from boutique.services.errors import NotFound, ValidationError
from boutique.services.service_desk import (
    TicketData,
    intake_ticket,
    move_ticket,
    open_ticket,
    overdue_tickets,
    ticket_json,
    tickets,
)

D = dt.date


@pytest.fixture
def ana(make_client):
    return make_client(mobile_phone="+15550134567")


def ticket_for(client, **extra):
    values = dict(client_id=client.id, kind="sizing", received_on=D(2026, 11, 20),
                  promised_on=D(2026, 11, 27), piece="Gold band", work="Size 6 to 7")
    values.update(extra)
    return open_ticket(TicketData(**values))


def test_a_ticket_runs_from_received_to_picked_up_with_its_pickup_call(ana):
    ticket = ticket_for(ana)
    assert ticket.status == "received"
    move_ticket(ticket.id, "sent_out", D(2026, 11, 21), workshop="Atelier Rue 5")
    move_ticket(ticket.id, "in_work", D(2026, 11, 23))
    assert not FollowUp.select().where(FollowUp.source_kind == "service_ticket").exists()
    move_ticket(ticket.id, "ready", D(2026, 11, 26))
    [call] = FollowUp.select().where(FollowUp.source_kind == "service_ticket")
    assert (call.channel, call.due, call.status) == ("phone", D(2026, 11, 26), "open")
    assert "Gold band is ready" in call.reason and "S000001" in call.reason
    assert any("Gold band is ready" in item.reason for item in agenda_for(D(2026, 11, 26)))
    done = move_ticket(ticket.id, "picked_up", D(2026, 11, 28))
    assert (done.picked_up_on, done.workshop) == (D(2026, 11, 28), "Atelier Rue 5")
    assert FollowUp.get_by_id(call.id).status == "done"


def test_moves_outside_the_flow_are_refused_with_what_is_allowed(ana):
    ticket = ticket_for(ana)
    with pytest.raises(ValidationError) as bad:
        move_ticket(ticket.id, "picked_up", D(2026, 11, 21))
    assert "can move to sent_out, in_work, ready" in bad.value.errors["status"]
    with pytest.raises(ValidationError) as bad:
        move_ticket(ticket.id, "sent_out", D(2026, 11, 21))
    assert "workshop" in bad.value.errors
    with pytest.raises(ValidationError):
        move_ticket(ticket.id, "lost", D(2026, 11, 21))
    with pytest.raises(NotFound):
        move_ticket(999, "ready", D(2026, 11, 21))
    assert ServiceTicket.get_by_id(ticket.id).status == "received"


def test_ready_again_after_more_work_keeps_one_pickup_call(ana):
    ticket = ticket_for(ana)
    move_ticket(ticket.id, "ready", D(2026, 11, 24))
    move_ticket(ticket.id, "in_work", D(2026, 11, 24))
    move_ticket(ticket.id, "ready", D(2026, 11, 25))
    assert FollowUp.select().where(FollowUp.source_kind == "service_ticket").count() == 1


def test_a_ticket_past_its_promised_day_is_overdue_until_ready(ana):
    ticket = ticket_for(ana)
    assert overdue_tickets(D(2026, 11, 27)) == []  # the promised day itself is on time
    assert [t.id for t in overdue_tickets(D(2026, 11, 28))] == [ticket.id]
    assert ticket_json(tickets()[0], D(2026, 11, 28))["overdue"] is True
    move_ticket(ticket.id, "ready", D(2026, 11, 28))
    assert overdue_tickets(D(2026, 11, 29)) == []


def test_intake_checks_are_named(ana, make_client, make_purchase):
    other = make_client(first_name="Bea")
    theirs = make_purchase(other.id, D(2026, 10, 1))
    with pytest.raises(ValidationError) as bad:
        ticket_for(ana, kind="engraving", promised_on=D(2026, 11, 1), estimate_cents=1000,
                   deposit_cents=5000, purchase_id=theirs.id, photo_path="/no/such.jpg")
    assert set(bad.value.errors) == {"kind", "promised_on", "purchase_id", "photo_path"}
    with pytest.raises(ValidationError) as bad:
        ticket_for(ana, piece="", estimate_cents=1000, deposit_cents=5000)
    assert set(bad.value.errors) == {"deposit_cents"}
    with pytest.raises(ValidationError) as bad:
        ticket_for(ana, piece="")
    assert "describe the piece" in bad.value.errors["piece"]
    with pytest.raises(NotFound):
        ticket_for(ana, client_id=999)


def test_a_piece_from_the_clients_purchases_is_named_by_it(ana, make_purchase, tmp_path):
    bought = make_purchase(ana.id, D(2026, 3, 1), description="Diamond tennis bracelet")
    photo = tmp_path / "intake.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    ticket = ticket_for(ana, piece="", purchase_id=bought.id, kind="clasp_check",
                        photo_path=str(photo), condition="Light scratches <& 💎>")
    assert ticket.piece == "Diamond tennis bracelet"
    printed = intake_ticket(ticket.id)
    assert (printed.number, printed.kind, printed.condition) == (
        "S000001", "Clasp check", "Light scratches <& 💎>")
    assert printed.promised_text == "Friday, 27 November 2026"


def test_lists_filter_by_status(ana):
    first = ticket_for(ana)
    second = ticket_for(ana, kind="cleaning", promised_on=D(2026, 11, 22))
    move_ticket(first.id, "ready", D(2026, 11, 24))
    assert [t.id for t in tickets()] == [second.id, first.id]
    assert [t.id for t in tickets("ready")] == [first.id]
    with pytest.raises(ValidationError):
        tickets("lost")
