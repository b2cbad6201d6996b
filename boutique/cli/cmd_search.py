"""`search TEXT`: clients, notes and purchases in one search, grouped by kind."""

from __future__ import annotations

import sys

from boutique.cli.common import CliError, bounded_int, print_json
from boutique.services.notes import search as search_service

_BOLD, _PLAIN = "\033[1m", "\033[0m"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "search", help="find clients, notes and purchases",
        description="Search names, emails, phone digits, note text and purchase descriptions."
                    " Words match as prefixes, accents ignored. Text starting with '-' goes"
                    " after '--'.")
    parser.add_argument("text", nargs="+", metavar="TEXT")
    parser.add_argument("--json", action="store_true",
                        help="print a ranked JSON list of {kind, client_id, client_name, snippet}")
    parser.add_argument("--limit", type=bounded_int(1, 1_000_000), default=10, metavar="N",
                        help="at most N results of each kind (default 10)")
    parser.set_defaults(run=run_search)


def run_search(args) -> int:
    if args.limit < 1:
        raise CliError("--limit must be 1 or more")
    results = search_service.search(" ".join(args.text), limit=args.limit)
    if args.json:
        print_json([hit.to_json() for hit in results.ranked()])
        return 0
    if not len(results):
        print("No matches.")
        return 0
    bold = sys.stdout.isatty()
    for _kind, title, hits in results.groups():
        print(title)
        for hit in hits:
            text = "".join(f"{_BOLD}{piece}{_PLAIN}" if hit_ and bold else piece
                           for piece, hit_ in hit.snippet.segments())
            where = f"{hit.client_name} (client {hit.client_id})"
            when = f"  {hit.date}" if hit.date else ""
            print(f"  {where}{when}")
            if hit.kind != "client" or text != hit.client_name:
                print(f"      {text}")
    return 0
