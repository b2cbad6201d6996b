"""`credit show` and `credit use`: a client's store credit, headless."""

from __future__ import annotations

from boutique.cli.common import MAX_ID, CliError, bounded_int, parse_date, print_json
from boutique.services.clients import get_client, parse_price
from boutique.services.returns import credit_json, use_credit
from boutique.services.text import money


def register(subparsers) -> None:
    group = subparsers.add_parser("credit", help="store credit: show, use as a tender",
                                  description="A client's store credit ledger.")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    show = actions.add_parser("show", help="the balance and every entry")
    show.add_argument("--client", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    show.add_argument("--date", metavar="YYYY-MM-DD", help="the balance on (default today)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(run=run_show)
    use = actions.add_parser("use", help="spend credit as a tender on a purchase")
    use.add_argument("--client", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    use.add_argument("--amount", required=True, metavar="PRICE", help="e.g. 250.00")
    use.add_argument("--purchase", type=bounded_int(1, MAX_ID), metavar="ID",
                     help="the purchase it pays toward")
    use.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today)")
    use.set_defaults(run=run_use)


def run_show(args) -> int:
    get_client(args.client)
    data = credit_json(args.client, parse_date(args.date))
    if args.json:
        print_json(data)
        return 0
    for line in data["ledger"]:
        print(f"{line['date']}  {line['kind']:<7} {money(line['amount_cents']):>12}  "
              f"{money(line['balance_cents']):>12}  {line['note']}")
    print(f"Balance: {money(data['balance_cents'])}")
    return 0


def run_use(args) -> int:
    try:
        cents = parse_price(args.amount)
    except ValueError as exc:
        raise CliError(f"--amount: {exc}") from None
    get_client(args.client)
    use_credit(args.client, cents, parse_date(args.date), args.purchase)
    print(f"Used {money(cents)} of store credit")
    return 0
