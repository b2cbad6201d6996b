"""A service call whose outcome is 'booked' opens a ticket for the piece."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import FollowUp, ServiceTicket
from boutique.services import service_desk  # noqa: F401 - registers the booked-call hook
from boutique.services.cadence import followups
from boutique.services.errors import ValidationError

D = dt.date


def test_a_booked_service_call_opens_a_ticket_for_its_piece(make_client, make_purchase):
    ana = make_client(mobile_phone="+15550134567")
    bought = make_purchase(ana.id, D(2026, 3, 1), description="Sapphire ring")
    call = FollowUp.get(FollowUp.kind == "service_call", FollowUp.sequence == 1)
    change = followups.complete(call.id, "booked", D(2026, 9, 1))
    assert change.message == "Done: booked a service visit"
    ticket = ServiceTicket.get()
    assert (ticket.client_id, ticket.purchase_id, ticket.piece, ticket.kind) == (
        ana.id, bought.id, "Sapphire ring", "cleaning")
    assert (ticket.received_on, ticket.promised_on) == (D(2026, 9, 1), D(2026, 9, 8))
    assert "free cleaning" in ticket.work
    followups.undo(change)  # Edit > Undo takes the ticket back with the outcome
    assert ServiceTicket.select().count() == 0
    assert FollowUp.get_by_id(call.id).status == "open"


def test_only_a_service_call_can_be_booked(make_client, make_purchase):
    ana = make_client(mobile_phone="+15550134567")
    make_purchase(ana.id, D(2026, 3, 1))
    call = FollowUp.get(FollowUp.kind == "satisfaction_call")
    with pytest.raises(ValidationError) as bad:
        followups.complete(call.id, "booked", D(2026, 3, 31))
    assert "'booked' is not an outcome here" in bad.value.errors["outcome"]
    assert ServiceTicket.select().count() == 0
