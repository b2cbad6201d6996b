"""`import` (other systems' files into the book) and `export` (the book out)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from boutique.cli.common import CliError, print_json
from boutique.services.interchange import (
    FORMATS,
    apply_plan,
    build_plan,
    client_record,
    erase_client,
    export_clients_csv,
    export_purchases_csv,
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
                                description="Export clients or purchases to a Boutique CSV file, clients to "
                                "vCard, or one client's whole record as JSON.")
    exp.add_argument("what", choices=("clients-csv", "purchases-csv", "vcard", "client"))
    exp.add_argument("--id", type=int, metavar="ID", help="the client, for `export client`")
    exp.add_argument("--out", metavar="FILE", required=True)
    exp.set_defaults(run=run_export)

    erase = subparsers.add_parser("erase", help="erase a client for good, on her request",
                                  description="Erase a client with every purchase, note, "
                                  "follow-up and search entry.")
    erase.add_argument("--id", type=int, metavar="ID", required=True)
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    erase.set_defaults(run=run_erase)


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
    if not failed:
        apply_plan(plan, good_rows_only=args.good_rows_only, dry_run=args.dry_run)
    summary = plan.summary()
    summary["written"] = not failed and not args.dry_run
    if args.json:
        print_json(summary)
    else:
        merges = [f"  row {r.row}: merged ({r.rule})" for r in plan.rows if r.action == "merge"]
        print(f"{plan.format}: {summary['created']} new, {summary['merged']} merged, "
              f"{summary['skipped']} skipped, {summary['purchases_added']} purchases, "
              f"{summary['followups_added']} follow-ups ahead, {len(plan.problems)} problems"
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
    if args.what == "client":
        if args.id is None:
            raise CliError("export client needs --id ID")
        record = client_record(args.id)
        Path(args.out).write_text(json.dumps(record, ensure_ascii=False, indent=2, default=str),
                                  encoding="utf-8")
        print(f"client {args.id} written to {args.out}")
        return 0
    if args.what == "purchases-csv":
        print(f"{export_purchases_csv(Path(args.out))} purchases written to {args.out}")
        return 0
    write = export_clients_csv if args.what == "clients-csv" else export_vcard
    count = write(Path(args.out))
    print(f"{count} clients written to {args.out}")
    return 0


def run_erase(args) -> int:
    if not args.yes:
        raise CliError(f"erasing client {args.id} cannot be undone: add --yes to confirm")
    clear_on = erase_client(args.id)
    print(f"client {args.id} erased; backups keep the data until they rotate out, "
          f"by {clear_on.isoformat()}")
    return 0
