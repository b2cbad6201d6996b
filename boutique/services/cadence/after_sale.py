"""What a returned piece and a finished repair change in the cadence.

A returned item owes no satisfaction call and no service visits: those of its purchase are
skipped when no other piece of that purchase stays with the client (follow-ups belong to
the purchase, so the pieces kept still carry them). A thank-you not yet written goes too:
the after-return note thanks the client instead, so she gets one letter, not two. A piece ready at the service desk
owes a pickup call.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import Client, FollowUp, database, utcnow
from boutique.models.followup import (
    CUSTOM,
    OPEN,
    SATISFACTION_CALL,
    SERVICE_CALL,
    SKIPPED,
    THANK_YOU_NOTE,
)
from boutique.services.cadence import engine

RETURN_CANCELS = (SATISFACTION_CALL, SERVICE_CALL, THANK_YOU_NOTE)
PICKUP_SOURCE = "service_ticket"


def cancel_for_return(purchase_id: int, day: dt.date, why: str) -> int:
    """Skip the purchase's open calls and unwritten thank-you; returns how many."""
    with database.atomic():
        rows = list(FollowUp.select().where(FollowUp.purchase == purchase_id,
                                            FollowUp.kind.in_(RETURN_CANCELS),
                                            FollowUp.status == OPEN))
        for row in rows:
            (FollowUp.update(status=SKIPPED, skip_reason=why, done_on=day, done_at=utcnow(),
                             merged_into=None, updated_at=utcnow())
             .where(FollowUp.id == row.id).execute())
        if rows:
            engine.respace_client(Client.get_by_id(rows[0].client_id))
    return len(rows)


def schedule_pickup_call(client_id: int, ticket_id: int, day: dt.date,
                         reason: str) -> FollowUp | None:
    """A call the day a piece is ready (once per ticket); None if she asked for no contact."""
    with database.atomic():
        client = Client.get_by_id(client_id)
        if client.do_not_contact or client.deleted_at is not None:
            return None
        existing = FollowUp.get_or_none(FollowUp.source_kind == PICKUP_SOURCE,
                                        FollowUp.source_id == ticket_id,
                                        FollowUp.status == OPEN)
        if existing is not None:
            return existing
        now = utcnow()
        row = FollowUp.create(client=client_id, kind=CUSTOM, channel="phone", reason=reason,
                              rule_due=day, due=day, deadline=day, due_fixed=True,
                              source_kind=PICKUP_SOURCE, source_id=ticket_id,
                              created_at=now, updated_at=now)
        engine.respace_client(client)
    return row


def close_pickup_call(ticket_id: int, day: dt.date) -> None:
    """The piece was collected: the pickup call is done."""
    (FollowUp.update(status="done", outcome="picked_up", done_on=day, done_at=utcnow(),
                     updated_at=utcnow())
     .where(FollowUp.source_kind == PICKUP_SOURCE, FollowUp.source_id == ticket_id,
            FollowUp.status == OPEN).execute())
