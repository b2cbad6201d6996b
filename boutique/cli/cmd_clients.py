"""`clients` (list and search) and `demo` (fill a store with a believable boutique)."""

from __future__ import annotations

from boutique.cli.common import MAX_ID, CliError, bounded_int, parse_date, print_json_list
from boutique.services.clients.listing import client_ids, iter_client_summaries
from boutique.services.demo.build import build_demo
from boutique.services.returns import balances
from boutique.services.text import money


def register(subparsers) -> None:
    clients = subparsers.add_parser("clients", help="list clients, optionally searched",
                                    description="List clients sorted by name.")
    clients.add_argument("--search", metavar="TEXT", default="",
                         help="name or email prefix, or phone digits in any format")
    clients.add_argument("--json", action="store_true", help="print a JSON list")
    clients.add_argument("--limit", type=bounded_int(0, 1_000_000), default=0, help="at most this many (0: all)")
    clients.set_defaults(run=run_clients)

    demo = subparsers.add_parser("demo", help="fill the store with demo clients",
                                 description="Add a believable demo boutique to the store.")
    demo.add_argument("--clients", type=bounded_int(1, 1_000_000), required=True, metavar="N")
    demo.add_argument("--seed", type=bounded_int(0, MAX_ID), default=7, metavar="S")
    demo.add_argument("--date", metavar="YYYY-MM-DD",
                      help="the demo's 'today' (purchases run up to it); default today")
    demo.set_defaults(run=run_demo)


def run_clients(args) -> int:
    if args.limit < 0:
        raise CliError("--limit must be 0 or more")
    ids = client_ids(args.search)
    if args.limit:
        ids = ids[: args.limit]
    summaries = iter_client_summaries(ids)
    if args.json:
        credit = balances(ids, parse_date(None))

        def with_credit(summary: dict) -> dict:
            summary["store_credit_cents"] = credit.get(summary["id"], 0)  # (a fresh dict)
            return summary

        print_json_list(map(with_credit, summaries))
        return 0
    for s in summaries:
        phone = next(iter(s["phones_display"].values()), "")
        name = f"{s['last_name']}, {s['first_name']}".strip(", ")
        print(f"{s['id']:>7}  {name:<32} {phone:<16} {s['email']:<36} "
              f"{money(s['lifetime_spend_cents']):>12}  {s['tier']}")
    return 0


def run_demo(args) -> int:
    if args.clients < 1:
        raise CliError("--clients must be 1 or more")
    today = parse_date(args.date)
    counts = build_demo(args.clients, seed=args.seed, today=today)
    print(", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0
