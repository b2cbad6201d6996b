"""`client add --json` and `purchase add --json`: feeding the book from a script."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from boutique.cli.common import CliError
from boutique.services.clients import (
    EDITABLE_FIELDS,
    ItemData,
    PurchaseData,
    record_purchase,
    save_client_with_relations,
)

# Fields of `clients --json` that are worked out by the book, not given to it.
READ_ONLY = {"id", "phones_display", "lifetime_spend_cents", "purchase_count",
             "last_purchase_date", "tier", "total_cents"}
PURCHASE_FIELDS = {"associate", "is_gift", "gift_recipient", "gift_relation", "gift_occasion",
                   "gift_relation_id", "gift_given_on", "gift_delivery", "is_custom", "remarks"}


def register(subparsers) -> None:
    for noun, run in (("client", run_client_add), ("purchase", run_purchase_add)):
        parser = subparsers.add_parser(noun, help=f"add a {noun} from JSON")
        actions = parser.add_subparsers(dest="action", metavar="ACTION")
        actions.required = True
        add = actions.add_parser("add", help=f"add a {noun}; prints the new id")
        add.add_argument("--json", metavar="FILE|-", required=True,
                         help=f"the {noun}'s fields as JSON (the same names as `clients --json`"
                         " prints); - reads stdin")
        add.set_defaults(run=run)


def _read(source: str) -> dict:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise CliError(f"{source} is not JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise CliError(f"{source} must hold one JSON object")
    return data


def run_client_add(args) -> int:
    data = {k: v for k, v in _read(args.json).items() if k not in READ_ONLY}
    for kind, number in (data.pop("phones", None) or {}).items():
        data[f"{kind}_phone"] = number
    relations = data.pop("relations", None) or []
    if not isinstance(relations, list):
        raise CliError("relations must be a JSON list")
    unknown = sorted(set(data) - set(EDITABLE_FIELDS))
    if unknown:
        raise CliError(f"not a client field: {', '.join(unknown)}")
    print(save_client_with_relations(data, relations).id)
    return 0


def run_purchase_add(args) -> int:
    data = {k: v for k, v in _read(args.json).items() if k not in READ_ONLY}
    try:
        client_id = int(data.pop("client_id"))
        day = dt.date.fromisoformat(str(data.pop("purchase_date")))
        items = [ItemData(**item) for item in data.pop("items", [])]
        if data.get("gift_given_on"):
            data["gift_given_on"] = dt.date.fromisoformat(str(data["gift_given_on"]))
        data["gift_delivery"] = data.get("gift_delivery") or ""
    except KeyError as exc:
        raise CliError(f"a purchase needs {exc.args[0]}") from exc
    except (TypeError, ValueError) as exc:
        raise CliError(f"bad purchase: {exc}") from exc
    unknown = sorted(set(data) - PURCHASE_FIELDS)
    if unknown:
        raise CliError(f"not a purchase field: {', '.join(unknown)}")
    print(record_purchase(client_id, PurchaseData(purchase_date=day, items=items, **data)).id)
    return 0
