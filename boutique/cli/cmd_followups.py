"""`followups export`: open follow-ups as an .ics calendar for a phone or desktop."""

from __future__ import annotations

from pathlib import Path

from boutique.cli.common import CliError, bounded_int, parse_date
from boutique.services.agenda.calendar_file import export_ics


def register(subparsers) -> None:
    followups = subparsers.add_parser("followups", help="follow-ups: export to a calendar",
                                      description="Work with follow-ups headless.")
    actions = followups.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    export = actions.add_parser(
        "export", help="write open follow-ups as an iCalendar (.ics) file",
        description="Write every open follow-up, and the birthday and anniversary reminders "
                    "of the coming year, as all-day events with stable UIDs.")
    export.add_argument("--out", required=True, metavar="FILE.ics", help="the file to write")
    export.add_argument("--date", metavar="YYYY-MM-DD", help="from this day (default: today)")
    export.add_argument("--days", type=bounded_int(0, 3660), default=365, metavar="N",
                        help="key-date reminders this many days ahead (default 365)")
    export.add_argument("--processes", type=bounded_int(1, 64), metavar="N",
                        help="make the file with N processes (default: one per core, up "
                             "to four, for a big book)")
    export.set_defaults(run=run_export)


def run_export(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".ics":
        raise CliError(f"--out must name an .ics file, not '{args.out}'")
    if not 0 <= args.days <= 3660:
        raise CliError("--days must be between 0 and 3660")
    if not out.parent.exists():
        raise CliError(f"--out: the folder {out.parent} does not exist")
    count = export_ics(out, parse_date(args.date), args.days, args.processes)
    print(f"{count} follow-ups written to {out}")
    return 0
