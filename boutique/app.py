"""Start the window: `python main.py [--db PATH] [--demo]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from boutique.paths import APP_NAME, resolve_db_path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="boutique", description="Open the Boutique window.")
    parser.add_argument("--db", metavar="PATH", help="store file (default: user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the separate demo store, filled with a demo boutique on first use")
    parser.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)
    # For timing start-up on a fixed day (a benchmark store): Today shows that day.
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=dt.date.fromisoformat,
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from boutique.system_check import window_problem

    problem = window_problem()
    if problem:
        sys.stderr.write(problem + "\n")
        return 3
    db_path = resolve_db_path(args.db, args.demo)
    # First, before the window's own imports: the agenda's work begins on the other core.
    from boutique.services.today_ahead import start_today_ahead

    ahead = start_today_ahead(db_path, args.today or dt.date.today())
    from boutique.services.store import open_store
    from boutique.ui.application import run

    return run(db_path, lambda path: open_store(path, demo=args.demo, explicit=bool(args.db)),
               demo=args.demo, quit_after_ready=args.quit_after_ready, app_name=APP_NAME,
               today=args.today, ahead=ahead)


if __name__ == "__main__":
    sys.exit(main())
