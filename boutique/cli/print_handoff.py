"""`print brief` and `print handoff-letters`: what the new associate reads, what the
owner sends."""

from __future__ import annotations

from boutique.cli.common import MAX_ID, bounded_int, parse_date
from boutique.cli.print_service import _write
from boutique.printing.brief import brief_pdf
from boutique.printing.handoff_letters import handoff_letters_pdf
from boutique.printing.templates import Wording
from boutique.services.stationery import client_brief, handoff_letters_for
from boutique.services.stationery.letterhead import load_letterhead, load_template_overrides


def register(sub) -> None:
    brief = sub.add_parser("brief", help="one client's brief, before a call or a visit",
                           description="One or two pages: how to address them, family and "
                                       "dates, sizes and preferences, pinned facts, wish "
                                       "list, purchases and gifts, the last notes, open "
                                       "follow-ups and service tickets.")
    brief.add_argument("--client", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    brief.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    brief.add_argument("--out", required=True, metavar="FILE.pdf")
    brief.set_defaults(run=run_brief)
    letters = sub.add_parser("handoff-letters", help="the owner's letters of a day's handoffs",
                             description="One letter per client moved to another associate "
                                         "on the day, on the letterhead.")
    letters.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    letters.add_argument("--out", required=True, metavar="FILE.pdf")
    letters.set_defaults(run=run_letters)


def run_brief(args) -> int:
    _write(args.out, brief_pdf(client_brief(args.client, parse_date(args.date)),
                               load_letterhead()))
    return 0


def run_letters(args) -> int:
    letters = handoff_letters_for(parse_date(args.date))
    _write(args.out, handoff_letters_pdf(letters, load_letterhead(),
                                         Wording.from_overrides(load_template_overrides())))
    print(f"{len(letters)} letters")
    return 0
