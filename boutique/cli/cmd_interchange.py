"""`import` (other systems' files into the book) and `export` (the book out)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from boutique.cli.common import CliError, print_json
from boutique.services.interchange import (
    FORMATS,
    apply_plan,
    build_plan,
    export_clients_csv,
    export_vcard,
)

SHOWN_PROBLEMS = 5


def register(subparsers) -> None:
    imp = subparsers.add_parser("import", help="import clients from another system's file",
                                description="Import a Shopify, Square or Boutique CSV file, or a vCard.")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", default="auto", choices=("auto",) + FORMATS)
    imp.add_argument("--dry-run", action="store_true", help="preview only, write nothing")
    imp.add_argument("--good-rows-only", action="store_true",
                     help="import the rows without problems, skip the others")
    imp.add_argument("--report", metavar="FILE", help="save the problems as CSV")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(run=run_import)

    exp = subparsers.add_parser("export", help="export the book",
                                description="Export clients to a Boutique CSV file.")
    exp.add_argument("what", choices=("clients-csv", "vcard"))
    exp.add_argument("--out", metavar="FILE", required=True)
    exp.set_defaults(run=run_export)


def _write_report(plan, path: str) -> None:
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("row", "field", "reason"))
        writer.writerows((p.row, p.field, p.reason) for p in plan.problems)


def run_import(args) -> int:
    if not Path(args.file).is_file():
        raise CliError(f"no file {args.file}")
    plan = build_plan(Path(args.file), args.format)
    if args.report:
        _write_report(plan, args.report)
    failed = bool(plan.problems) and not args.good_rows_only
    if not failed and not args.dry_run:
        apply_plan(plan, good_rows_only=args.good_rows_only)
    summary = plan.summary()
    summary["written"] = not failed and not args.dry_run
    if args.json:
        print_json(summary)
    else:
        merges = [f"  row {r.row}: merged ({r.rule})" for r in plan.rows if r.action == "merge"]
        print(f"{plan.format}: {summary['created']} new, {summary['merged']} merged, "
              f"{summary['skipped']} skipped, {len(plan.problems)} problems"
              + ("" if summary["written"] else " (nothing written)"))
        print("\n".join(merges)) if merges else None
    if failed:
        shown = "; ".join(f"row {p.row} {p.field}: {p.reason}"
                          for p in plan.problems[:SHOWN_PROBLEMS])
        more = len(plan.problems) - SHOWN_PROBLEMS
        sys.stderr.write(f"boutique import: nothing imported, {len(plan.problems)} problems: "
                         f"{shown}" + (f" (and {more} more)" if more > 0 else "") + "\n")
        return 2
    return 0


def run_export(args) -> int:
    write = export_clients_csv if args.what == "clients-csv" else export_vcard
    count = write(Path(args.out))
    print(f"{count} clients written to {args.out}")
    return 0
