"""The service desk: pieces taken in for cleaning, sizing, repair, until they are picked up.

Owns the ServiceTicket records: intake, the status flow with its pickup call and the
overdue flag (`tickets`), the ticket a booked service call opens (`booking`), and what the
printed intake ticket says (`intake`).

May use: the models, the top-level `settings`, `errors` and `text`, `clients` (phones) and
`cadence` (the pickup call).
"""

from boutique.models.after_sale import TICKET_KINDS, TICKET_STATUSES
from boutique.services.service_desk import booking
from boutique.services.service_desk.intake import IntakeTicket, intake_ticket
from boutique.services.service_desk.tickets import (
    KIND_LABELS,
    MOVES,
    STATUS_LABELS,
    TicketData,
    client_tickets,
    get_ticket,
    is_overdue,
    move_ticket,
    open_ticket,
    overdue_tickets,
    ticket_json,
    ticket_number,
    tickets,
)

__all__ = [
    "KIND_LABELS", "MOVES", "STATUS_LABELS", "TICKET_KINDS", "TICKET_STATUSES",
    "IntakeTicket", "TicketData", "client_tickets", "get_ticket", "intake_ticket", "is_overdue", "move_ticket",
    "open_ticket", "overdue_tickets", "ticket_json", "ticket_number", "tickets",
]

# Wherever the service desk is loaded (window, command line), a booked call opens a ticket.
booking.register()
