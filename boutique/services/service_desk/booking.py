"""A service call that booked the piece in opens its ticket, so the desk expects it."""

from __future__ import annotations

import datetime as dt

from boutique.models import FollowUp, ServiceTicket
from boutique.services.cadence import BOOKED, done_hooks
from boutique.services.service_desk.tickets import TicketData, open_ticket

BOOKED_PROMISE_DAYS = 7


def open_for_booked_call(followup: FollowUp, outcome: str, day: dt.date):
    """The ticket for a booked call; returns how to take it back (for Undo)."""
    if outcome != BOOKED:
        return None
    ticket = open_ticket(TicketData(
        client_id=followup.client_id, kind="cleaning", received_on=day,
        promised_on=day + dt.timedelta(days=BOOKED_PROMISE_DAYS),
        purchase_id=followup.purchase_id,
        piece="" if followup.purchase_id else "The piece booked on the call",
        work=followup.reason))

    def take_back() -> None:
        # Only while nothing was done with it: a ticket moved on is real work.
        (ServiceTicket.delete().where(ServiceTicket.id == ticket.id,
                                      ServiceTicket.status == "received").execute())

    return take_back


def register() -> None:
    if open_for_booked_call not in done_hooks:
        done_hooks.append(open_for_booked_call)
