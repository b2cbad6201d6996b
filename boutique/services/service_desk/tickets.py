"""Service tickets: a piece taken in for cleaning, sizing or repair, until it is picked up.

Status runs received -> (sent out to a workshop) -> in work -> ready -> picked up; a
piece may go back from ready to work. "Ready" plans the pickup call; picking up closes it.
A ticket not ready by its promised day is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from boutique.models import Client, Purchase, ServiceTicket, database, utcnow
from boutique.models.after_sale import TICKET_KINDS, TICKET_STATUSES
from boutique.services.cadence import close_pickup_call, schedule_pickup_call
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import clean_multi_line, one_line_problem

KIND_LABELS = {"cleaning": "Cleaning", "polish": "Polish", "sizing": "Sizing",
               "prong_check": "Prong check", "clasp_check": "Clasp check",
               "stone_tightening": "Stone tightening", "watch_battery": "Watch battery",
               "repair": "Repair", "appraisal": "Appraisal"}
STATUS_LABELS = {"received": "Received", "sent_out": "Sent out", "in_work": "In work",
                 "ready": "Ready", "picked_up": "Picked up"}
MOVES = {"received": ("sent_out", "in_work", "ready"),
         "sent_out": ("in_work", "ready"),
         "in_work": ("sent_out", "ready"),
         "ready": ("in_work", "picked_up"),
         "picked_up": ()}
NOT_READY = ("received", "sent_out", "in_work")
MAX_TEXT = 2000


@dataclass
class TicketData:
    client_id: int
    kind: str
    promised_on: dt.date
    received_on: dt.date
    purchase_id: int | None = None
    piece: str = ""  # described, when it is not one of the client's purchases
    work: str = ""
    condition: str = ""
    photo_path: str = ""
    estimate_cents: int = 0
    deposit_cents: int = 0


def ticket_number(ticket_id: int) -> str:
    """The number on the ticket and its claim stub."""
    return f"S{ticket_id:06d}"


def _validate(data: TicketData) -> dict:
    errors: dict[str, str] = {}
    if data.kind not in TICKET_KINDS:
        errors["kind"] = f"choose one of {', '.join(TICKET_KINDS)}"
    if not isinstance(data.received_on, dt.date):
        errors["received_on"] = "give the day the piece came in"
    if not isinstance(data.promised_on, dt.date):
        errors["promised_on"] = "give the day it is promised"
    elif isinstance(data.received_on, dt.date) and data.promised_on < data.received_on:
        errors["promised_on"] = (f"{data.promised_on.isoformat()} is before the piece came in "
                                 f"({data.received_on.isoformat()})")
    for name in ("estimate_cents", "deposit_cents"):
        value = getattr(data, name)
        if not isinstance(value, int) or value < 0:
            errors[name] = "must be 0 or more"
    if not errors and data.estimate_cents and data.deposit_cents > data.estimate_cents:
        errors["deposit_cents"] = "the deposit is more than the estimate"
    problem = one_line_problem(data.piece or "")
    if problem:
        errors["piece"] = problem
    for name in ("piece", "work", "condition"):
        if len(getattr(data, name) or "") > MAX_TEXT:
            errors[name] = f"keep it under {MAX_TEXT} characters"
    if data.photo_path and not Path(data.photo_path).expanduser().is_file():
        errors["photo_path"] = f"no photo file at {data.photo_path}"
    client = Client.get_or_none(Client.id == data.client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound(f"no client with id {data.client_id}")
    purchase = None
    if data.purchase_id is not None:
        purchase = Purchase.get_or_none(Purchase.id == data.purchase_id)
        if purchase is None or purchase.client_id != data.client_id:
            errors["purchase_id"] = f"purchase {data.purchase_id} is not one of this client's"
    if not errors and purchase is None and not (data.piece or "").strip():
        errors["piece"] = "describe the piece (or choose one of the client's purchases)"
    if errors:
        raise ValidationError(errors)
    return {"piece": (data.piece or "").strip() or (purchase.summary() if purchase else "")}


def open_ticket(data: TicketData) -> ServiceTicket:
    with database.atomic():
        found = _validate(data)
        now = utcnow()
        return ServiceTicket.create(
            client=data.client_id, purchase=data.purchase_id, kind=data.kind,
            piece=found["piece"], work=clean_multi_line(data.work or "").strip(),
            condition=clean_multi_line(data.condition or "").strip(),
            photo_path=str(Path(data.photo_path).expanduser()) if data.photo_path else "",
            estimate_cents=data.estimate_cents, deposit_cents=data.deposit_cents,
            received_on=data.received_on, promised_on=data.promised_on, status="received",
            status_on=data.received_on, created_at=now, updated_at=now)


def get_ticket(ticket_id: int) -> ServiceTicket:
    ticket = ServiceTicket.get_or_none(ServiceTicket.id == ticket_id)
    if ticket is None:
        raise NotFound(f"no service ticket with id {ticket_id}")
    return ticket


def pickup_reason(ticket: ServiceTicket) -> str:
    return (f"Pickup: the {ticket.piece} is ready ({KIND_LABELS[ticket.kind].lower()}, "
            f"ticket {ticket_number(ticket.id)})")


def move_ticket(ticket_id: int, status: str, day: dt.date, workshop: str = "") -> ServiceTicket:
    """Move a ticket on; 'ready' plans the pickup call, 'picked up' closes it."""
    with database.atomic():
        ticket = get_ticket(ticket_id)
        if status not in TICKET_STATUSES:
            raise ValidationError({"status": f"choose one of {', '.join(TICKET_STATUSES)}"})
        if status not in MOVES[ticket.status]:
            allowed = ", ".join(MOVES[ticket.status]) or "nothing (it is picked up)"
            raise ValidationError({"status": f"ticket {ticket_number(ticket.id)} is "
                                             f"{ticket.status}: it can move to {allowed}"})
        workshop = (workshop or "").strip()
        if status == "sent_out" and not workshop:
            raise ValidationError({"workshop": "say which workshop the piece goes to"})
        if one_line_problem(workshop):
            raise ValidationError({"workshop": one_line_problem(workshop)})
        values = {"status": status, "status_on": day, "updated_at": utcnow()}
        if workshop:
            values["workshop"] = workshop
        if status == "picked_up":
            values["picked_up_on"] = day
        ServiceTicket.update(**values).where(ServiceTicket.id == ticket.id).execute()
        ticket = get_ticket(ticket.id)
        if status == "ready":
            schedule_pickup_call(ticket.client_id, ticket.id, day, pickup_reason(ticket))
        elif status == "picked_up":
            close_pickup_call(ticket.id, day)
    return ticket


def is_overdue(ticket: ServiceTicket, day: dt.date) -> bool:
    return ticket.status in NOT_READY and ticket.promised_on < day


def tickets(status: str | None = None, open_only: bool = False) -> list[ServiceTicket]:
    """Tickets by promised day; `open_only`: not yet picked up."""
    if status is not None and status not in TICKET_STATUSES:
        raise ValidationError({"status": f"choose one of {', '.join(TICKET_STATUSES)}"})
    query = ServiceTicket.select(ServiceTicket, Client).join(Client)
    if status is not None:
        query = query.where(ServiceTicket.status == status)
    elif open_only:
        query = query.where(ServiceTicket.status != "picked_up")
    return list(query.order_by(ServiceTicket.promised_on, ServiceTicket.id))


def client_tickets(client_id: int) -> list[ServiceTicket]:
    return [t for t in tickets() if t.client_id == client_id]


def overdue_tickets(day: dt.date) -> list[ServiceTicket]:
    """Not ready by the promised day: for Today's flag."""
    return list(ServiceTicket.select(ServiceTicket, Client).join(Client)
                .where(ServiceTicket.status.in_(NOT_READY), ServiceTicket.promised_on < day)
                .order_by(ServiceTicket.promised_on, ServiceTicket.id))


def ticket_json(ticket: ServiceTicket, day: dt.date) -> dict:
    """One ticket as `service list --json` prints it (a contract: keep the field names)."""
    client = ticket.client
    return {
        "id": ticket.id, "number": ticket_number(ticket.id), "client_id": ticket.client_id,
        "client_name": f"{client.first_name} {client.last_name}".strip(),
        "purchase_id": ticket.purchase_id, "kind": ticket.kind,
        "kind_label": KIND_LABELS[ticket.kind], "piece": ticket.piece, "work": ticket.work,
        "condition": ticket.condition, "photo_path": ticket.photo_path,
        "estimate_cents": ticket.estimate_cents, "deposit_cents": ticket.deposit_cents,
        "received_on": str(ticket.received_on), "promised_on": str(ticket.promised_on),
        "status": ticket.status, "status_label": STATUS_LABELS[ticket.status],
        "workshop": ticket.workshop, "status_on": str(ticket.status_on),
        "picked_up_on": str(ticket.picked_up_on) if ticket.picked_up_on else None,
        "overdue": is_overdue(ticket, day),
    }
