"""What the printed intake ticket says, as plain data (the printing floor draws it)."""

from __future__ import annotations

from dataclasses import dataclass

from boutique.services import settings
from boutique.services.clients import display_phone
from boutique.services.service_desk.tickets import KIND_LABELS, get_ticket, ticket_number
from boutique.services.text import money

DEFAULT_TERMS = (
    "The estimate may change once the piece is opened; we call before any extra work.",
    "Please bring this stub to collect the piece.",
    "Pieces not collected within 90 days of the promised date may be sold to cover costs.",
)
settings.register_defaults({"service.terms": "\n".join(DEFAULT_TERMS)})


@dataclass(frozen=True)
class IntakeTicket:
    number: str  # "S000012": printed and carried by the stub's barcode
    client_name: str
    client_phone: str
    piece: str
    kind: str
    work: str
    condition: str
    received_text: str
    promised_text: str
    estimate_text: str
    deposit_text: str
    terms: tuple[str, ...]


def _long(day) -> str:
    return f"{day.strftime('%A')}, {day.day} {day.strftime('%B %Y')}"


def intake_ticket(ticket_id: int) -> IntakeTicket:
    ticket = get_ticket(ticket_id)
    client = ticket.client
    region = settings.get("store.default_region")
    phone = next((getattr(client, f) for f in ("mobile_phone", "work_phone", "home_phone")
                  if getattr(client, f)), "")
    symbol = settings.get("store.currency_symbol") or "$"
    terms = tuple(line.strip() for line in str(settings.get("service.terms")).splitlines()
                  if line.strip())
    return IntakeTicket(
        number=ticket_number(ticket.id),
        client_name=f"{client.first_name} {client.last_name}".strip(),
        client_phone=display_phone(phone, region) if phone else "",
        piece=ticket.piece, kind=KIND_LABELS[ticket.kind], work=ticket.work,
        condition=ticket.condition, received_text=_long(ticket.received_on),
        promised_text=_long(ticket.promised_on),
        estimate_text=money(ticket.estimate_cents, symbol) if ticket.estimate_cents else "",
        deposit_text=money(ticket.deposit_cents, symbol) if ticket.deposit_cents else "",
        terms=terms)
