"""`today`: the morning agenda, exactly as the Today tab computes it."""

from __future__ import annotations

import datetime as dt

from boutique.cli.common import parse_date, print_json
from boutique.services.agenda import agenda_for, calls_to_make, notes_to_write, week_summary
from boutique.services.associates import hand_back_due
from boutique.services.cadence import lapse_stale


def register(subparsers) -> None:
    today = subparsers.add_parser(
        "today", help="the notes to write and calls to make on a day",
        description="Notes to write and calls to make: due on the day or overdue, top "
                    "clients first, then the most overdue.")
    today.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    today.add_argument("--json", action="store_true",
                       help="print a JSON list (client_id, client_name, kind, due, "
                            "days_overdue, reason, channel, contact, warnings, ...)")
    today.add_argument("--summary", action="store_true",
                       help="with --json: print the week's summary instead (on_time, "
                            "counted, rate, overdue, lapsed)")
    today.set_defaults(run=run_today)


def _lines(item, day) -> list[str]:
    star = "★" if item.is_top else " "
    out = [f" {star} {item.client_name:<30} {item.kind_label:<18} {item.when_text(day)}",
           f"     {item.reason}"]
    label = "Send to" if item.channel == "mail" else "Use"
    out.append(f"     {label}: {item.contact or f'({item.contact_text})'}")
    out += [f"     ! {warning}" for warning in item.warnings]
    if item.recall:
        out.append(f"     Remember: {item.recall}")
    return out


def run_today(args) -> int:
    day = parse_date(args.date)
    # Only what has lapsed by the real day is recorded; a day ahead just leaves it out.
    lapse_stale(min(day, dt.date.today()))
    hand_back_due(min(day, dt.date.today()))
    items = agenda_for(day)
    if args.json and not args.summary:
        print_json([item.to_json(day) for item in items])
        return 0
    summary = week_summary(day, items)
    if args.json:
        print_json({"day": day.isoformat(), **summary.to_json()})
        return 0
    print(f"{day:%A %d %B %Y}: on time this week {summary.rate_text()}"
          f" ({summary.on_time} of {summary.counted}), overdue {summary.overdue},"
          f" lapsed this week {summary.lapsed}")
    for title, part in (("Notes to write", notes_to_write(items)),
                        ("Calls to make", calls_to_make(items))):
        print(f"\n{title} ({len(part)})")
        for item in part:
            print("\n".join(_lines(item, day)))
    return 0
