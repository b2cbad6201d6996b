"""`associates` and `handoff`: who looks after the clients, and moving them with care."""

from __future__ import annotations

import datetime as dt

from boutique.cli.common import bounded_int, parse_date, print_json
from boutique.services.associates import (
    associate_json,
    associates,
    client_counts,
    hand_back_due,
    hand_off,
    mark_left,
    plan_handoff,
)


def register(subparsers) -> None:
    listing = subparsers.add_parser(
        "associates", help="the associates and how many clients each looks after",
        description="The owner, the associates who are here and those who left.")
    listing.add_argument("--json", action="store_true",
                         help="print a JSON list (id, name, role, phone, email, active, "
                              "is_owner, left_on, clients)")
    listing.add_argument("--left", metavar="NAME", help="mark this associate as having left "
                         "(on --date, default today); their clients wait for a handoff")
    listing.add_argument("--date", metavar="YYYY-MM-DD", help="the day they left")
    listing.set_defaults(run=run_associates)

    handoff = subparsers.add_parser(
        "handoff", help="move clients to another associate, with letters and introductions",
        description="Move every client of an associate (or the ones named) to another, "
                    "largest spend first: each gets a letter from the owner and an "
                    "introduction from the new associate (a call for top clients, a note "
                    "for the others). With --until the clients go back on that day.")
    handoff.add_argument("--from", dest="source", required=True, metavar="NAME")
    handoff.add_argument("--to", dest="target", required=True, metavar="NAME")
    handoff.add_argument("--client", type=bounded_int(1, 2**63 - 1), action="append",
                         metavar="ID", help="only this client (repeat for several)")
    handoff.add_argument("--until", metavar="YYYY-MM-DD",
                         help="a temporary handoff: the clients go back on this day")
    handoff.add_argument("--date", metavar="YYYY-MM-DD", help="the day it happens (default: "
                         "today)")
    handoff.add_argument("--reason", default="", help="why, kept in each client's history")
    handoff.add_argument("--dry-run", action="store_true", help="show what it would create")
    handoff.add_argument("--json", action="store_true", help="print the plan as JSON")
    handoff.set_defaults(run=run_handoff)


def run_associates(args) -> int:
    if args.left:
        mark_left(args.left, parse_date(args.date))
    counts = client_counts()
    found = [associate_json(a, counts) for a in associates()]
    if args.json:
        print_json(found)
        return 0
    for a in found:
        state = "owner" if a["is_owner"] else ("here" if a["active"] else "left")
        print(f"{a['name']:<24} {a['role']:<18} {state:<6} {a['phone']:<14} "
              f"{a['clients']} clients")
    return 0


def run_handoff(args) -> int:
    day = parse_date(args.date)
    until = parse_date(args.until, "--until") if args.until else None
    hand_back_due(min(day, dt.date.today()))
    if args.dry_run:
        plan = plan_handoff(args.source, args.target, day, args.client, until)
    else:
        plan = hand_off(args.source, args.target, day, args.client, until, args.reason)
    if args.json:
        print_json({"dry_run": bool(args.dry_run), **plan.as_json()})
        return 0
    verb = "Would move" if args.dry_run else "Moved"
    print(f"{verb} {len(plan.moves)} clients from {plan.from_name} to {plan.to_name}"
          + (f" until {plan.until:%d %b %Y}" if plan.until else ""))
    for move in plan.moves:
        intro = (f"introduction {move.introduction} {move.introduction_due}"
                 if move.introduction else "nothing sent")
        letter = f"letter {move.letter_due}" if move.letter_due else ""
        print(f"  {move.client_name:<30} ${move.spend_cents / 100:>11,.2f}  {letter}  {intro}")
    for warning in plan.warnings:
        print(f"  ! {warning}")
    return 0
