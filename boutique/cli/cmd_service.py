"""`service list`, `service add`, `service move`: the service desk, headless."""

from __future__ import annotations

import datetime as dt

from boutique.cli.common import MAX_ID, CliError, bounded_int, parse_date, print_json
from boutique.services.clients import parse_price
from boutique.services.service_desk import (
    STATUS_LABELS,
    TICKET_KINDS,
    TICKET_STATUSES,
    TicketData,
    move_ticket,
    open_ticket,
    ticket_json,
    ticket_number,
    tickets,
)


def register(subparsers) -> None:
    group = subparsers.add_parser("service", help="service tickets: list, take in, move on",
                                  description="Pieces in for cleaning, sizing or repair.")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    listing = actions.add_parser("list", help="tickets by promised day",
                                 description="Tickets by promised day; 'overdue' marks those "
                                             "not ready by it.")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.add_argument("--status", choices=TICKET_STATUSES, help="only this status")
    listing.add_argument("--date", metavar="YYYY-MM-DD", help="overdue as of (default today)")
    listing.set_defaults(run=run_list)

    add = actions.add_parser("add", help="take a piece in",
                             description="Open a service ticket for a client's piece.")
    add.add_argument("--client", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    add.add_argument("--kind", required=True, choices=TICKET_KINDS)
    add.add_argument("--promised", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day it came in (default today)")
    add.add_argument("--purchase", type=bounded_int(1, MAX_ID), metavar="ID",
                     help="the piece is one of the client's purchases")
    add.add_argument("--piece", default="", help="the piece, described")
    add.add_argument("--work", default="", help="the work asked for")
    add.add_argument("--condition", default="", help="the condition at intake")
    add.add_argument("--photo", default="", metavar="FILE", help="a photo taken at intake")
    add.add_argument("--estimate", default="", metavar="PRICE")
    add.add_argument("--deposit", default="", metavar="PRICE")
    add.add_argument("--json", action="store_true", help="print the ticket as JSON")
    add.set_defaults(run=run_add)

    move = actions.add_parser("move", help="move a ticket to a status",
                              description="Received, sent out (with --workshop), in work, "
                                          "ready (plans the pickup call), picked up.")
    move.add_argument("--ticket", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    move.add_argument("--status", required=True, choices=TICKET_STATUSES)
    move.add_argument("--workshop", default="", help="where it is sent out")
    move.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today)")
    move.set_defaults(run=run_move)


def run_list(args) -> int:
    day = parse_date(args.date)
    rows = [ticket_json(t, day) for t in tickets(args.status)]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No open tickets." if not args.status
              else f"No tickets {STATUS_LABELS[args.status].lower()}.")
    for r in rows:
        flag = "OVERDUE" if r["overdue"] else ""
        print(f"{r['number']}  {r['promised_on']}  {r['status_label']:<10} "
              f"{r['client_name'][:26]:<26} {r['kind_label']:<16} {r['piece'][:30]:<30} {flag}")
    return 0


def _cents(text: str, flag: str) -> int:
    try:
        return parse_price(text)
    except ValueError as exc:
        raise CliError(f"{flag}: {exc}") from None


def run_add(args) -> int:
    day = parse_date(args.date)
    ticket = open_ticket(TicketData(
        client_id=args.client, kind=args.kind, received_on=day,
        promised_on=parse_date(args.promised, "--promised"), purchase_id=args.purchase,
        piece=args.piece, work=args.work, condition=args.condition, photo_path=args.photo,
        estimate_cents=_cents(args.estimate, "--estimate"),
        deposit_cents=_cents(args.deposit, "--deposit")))
    if args.json:
        print_json(ticket_json(ticket, day))
        return 0
    print(f"Ticket {ticket_number(ticket.id)} (id {ticket.id}) opened, promised "
          f"{ticket.promised_on.isoformat()}")
    return 0


def run_move(args) -> int:
    day: dt.date = parse_date(args.date)
    ticket = move_ticket(args.ticket, args.status, day, args.workshop)
    print(f"Ticket {ticket_number(ticket.id)} is now {STATUS_LABELS[ticket.status].lower()}")
    return 0
