"""`returns list` and `return add`: returns and exchanges, headless.

    returns list [--json] [--from D --to D]
    return add --purchase ID --item N --reason R --resolution refund|credit|exchange [--date D]
"""

from __future__ import annotations

from boutique.cli.common import MAX_ID, CliError, bounded_int, parse_date, print_json
from boutique.services.clients import ItemData, PurchaseData, parse_price
from boutique.services.returns import (
    REASON_LABELS,
    RESOLUTIONS,
    RETURN_REASONS,
    ReturnData,
    record_return,
    return_json,
    returns_between,
)
from boutique.services.text import money


def register(subparsers) -> None:
    returns = subparsers.add_parser("returns", help="returns and exchanges: list",
                                    description="Returns and exchanges, headless.")
    listed = returns.add_subparsers(dest="action", metavar="ACTION")
    listed.required = True
    listing = listed.add_parser("list", help="returns and exchanges, oldest first",
                                description="Returns and exchanges, oldest first.")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="from this day")
    listing.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="up to this day")
    listing.set_defaults(run=run_list)

    group = subparsers.add_parser("return", help="record a return or an exchange",
                                  description="Record the return of one item of a purchase.")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser(
        "add", help="return one item of a purchase",
        description="Return one item (numbered from 1 as the purchase lists them): refund "
                    "or store credit of its price less any fee, or an exchange for a new "
                    "piece. Outside the policy it needs --override.")
    add.add_argument("--purchase", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    add.add_argument("--item", required=True, type=bounded_int(1, 10_000), metavar="N")
    add.add_argument("--reason", required=True, choices=RETURN_REASONS)
    add.add_argument("--resolution", required=True, choices=RESOLUTIONS)
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the return (default today)")
    add.add_argument("--note", default="", help="the reason in words (needed for 'other')")
    add.add_argument("--condition", default="", help="the piece's condition")
    add.add_argument("--override", default="", metavar="WHY",
                     help="why a return outside the policy is accepted")
    add.add_argument("--new-item", default="", metavar="TEXT",
                     help="an exchange: the new piece's description")
    add.add_argument("--new-price", default="", metavar="PRICE",
                     help="an exchange: the new piece's price, e.g. 950.00")
    add.add_argument("--json", action="store_true", help="print the return as JSON")
    add.set_defaults(run=run_add)


def run_list(args) -> int:
    start = parse_date(args.start, "--from") if args.start else None
    end = parse_date(args.end, "--to") if args.end else None
    if start and end and end < start:
        raise CliError("--to is before --from")
    rows = returns_between(start, end)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No returns" + (f" from {start}" if start else "") + (f" to {end}" if end else "")
              + ".")
    for r in rows:
        print(f"{r['id']:>6}  {r['return_date']}  {r['client_name'][:28]:<28} "
              f"{r['item'][:30]:<30} {REASON_LABELS[r['reason']]:<18} {r['resolution']:<8} "
              f"{money(r['settled_cents']):>12}")
    return 0


def _exchange(args, day):
    if args.resolution != "exchange":
        if args.new_item or args.new_price:
            raise CliError("--new-item and --new-price are for an exchange")
        return None
    if not args.new_item.strip():
        raise CliError("an exchange needs --new-item (and --new-price)")
    try:
        cents = parse_price(args.new_price)
    except ValueError as exc:
        raise CliError(f"--new-price: {exc}") from None
    return PurchaseData(purchase_date=day,
                        items=[ItemData(description=args.new_item.strip(), price_cents=cents)])


def run_add(args) -> int:
    day = parse_date(args.date)
    row = record_return(ReturnData(
        purchase_id=args.purchase, item_number=args.item, reason=args.reason,
        resolution=args.resolution, return_date=day, reason_text=args.note,
        condition=args.condition, override_reason=args.override,
        exchange=_exchange(args, day)))
    if args.json:
        print_json(return_json(row))
        return 0
    print(f"Return {row.id} recorded: {args.resolution} {money(row.settled_cents)}"
          + (f", fee {money(row.fee_cents)}" if row.fee_cents else "")
          + (f", new purchase {row.exchange_purchase_id}" if row.exchange_purchase_id else ""))
    return 0
