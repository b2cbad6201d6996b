"""Recording, editing and deleting purchases; keeps the client's value figures current.

Other features react to purchase changes through `purchase_hooks` (the cadence engine
schedules and moves follow-ups there) inside the same transaction, so a purchase and
what depends on it are written together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from boutique.models import (
    GIFT_DELIVERIES,
    Client,
    ItemReturn,
    Purchase,
    PurchaseItem,
    Relation,
    database,
)
from boutique.services.clients import value
from boutique.services.clients.item_wording import wording_problem
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import all_one_line, one_line_problem

MAX_PRICE_CENTS = 100_000_000_00  # a hundred million: anything above is a typing slip


@dataclass
class ItemData:
    description: str = ""
    category: str = ""
    metal: str = ""
    stone: str = ""
    sku: str = ""
    price_cents: int = 0
    wording: str = ""  # how a sentence names it; "": from the description
    wording_number: str = ""  # "singular" (it), "plural" (them); "": judged from the words


@dataclass
class PurchaseData:
    purchase_date: dt.date
    items: list[ItemData] = field(default_factory=list)
    associate: str = ""
    is_gift: bool = False
    gift_recipient: str = ""
    gift_relation: str = ""
    gift_occasion: str = ""
    # The relation the gift is for (its name becomes the recipient), the day it is given,
    # and how its note reaches a shared home ("" = as the Settings say).
    gift_relation_id: int | None = None
    gift_given_on: dt.date | None = None
    gift_delivery: str = ""
    is_custom: bool = False
    remarks: str = ""
    source_ref: str = ""  # an imported order's reference in the system it came from
    voided: str = ""  # "refunded" or "cancelled" there: kept, not counted


# Each hook is called as hook(event, purchase, previous_date) with event in
# {"created", "updated"}, inside the transaction. Deletion cascades in the store.
PurchaseHook = Callable[[str, Purchase, dt.date | None], None]
purchase_hooks: list[PurchaseHook] = []
# Called as hook(client_id, purchase_id) inside the transaction, after the purchase and the
# rows that cascade from it are gone (the cadence engine re-spaces what is left).
purchase_delete_hooks: list[Callable[[int, int], None]] = []


def parse_price(text: str) -> int:
    """'1,250.50' or '$1250.5' -> 125050 cents. Raises ValueError with a clear message."""
    cleaned = (text or "").strip().replace(",", "").lstrip("$€£").strip()
    if not cleaned:
        return 0
    whole, _, fraction = cleaned.partition(".")
    if not whole.isdigit() and whole != "" or (fraction and not fraction.isdigit()) or len(fraction) > 2:
        raise ValueError(f"'{text}' is not a price (use digits, e.g. 1250.00)")
    return int(whole or 0) * 100 + int((fraction + "00")[:2])


_ONE_LINE_FIELDS = ("associate", "gift_recipient", "gift_relation", "gift_occasion")
_ONE_LINE_ITEM_FIELDS = ("category", "metal", "stone", "sku")


def validate(data: PurchaseData) -> None:
    errors: dict[str, str] = {}
    if not isinstance(data.purchase_date, dt.date):
        errors["purchase_date"] = "a purchase needs a date"
    if not data.items:
        errors["items"] = "a purchase needs at least one item"
    for index, item in enumerate(data.items, start=1):
        if not (item.description or "").strip():
            errors[f"items[{index}].description"] = f"item {index} needs a description"
        if not isinstance(item.price_cents, int) or not 0 <= item.price_cents <= MAX_PRICE_CENTS:
            errors[f"items[{index}].price_cents"] = f"item {index}: price must be 0 or more"
    if data.voided not in ("", "refunded", "cancelled"):
        errors["voided"] = "voided is '', 'refunded' or 'cancelled'"
    if data.is_gift and not data.gift_recipient.strip() and data.gift_relation_id is None:
        errors["gift_recipient"] = "a gift needs the recipient's name"
    if data.gift_delivery not in GIFT_DELIVERIES:
        errors["gift_delivery"] = ("how the note reaches a shared home is one of counter, "
                                   f"discreet or hold, not '{data.gift_delivery}'")
    given = data.gift_given_on
    if given is not None:
        if not isinstance(given, dt.date):
            errors["gift_given_on"] = "the day the gift is given must be a date"
        elif isinstance(data.purchase_date, dt.date) and not (
                data.purchase_date <= given <= data.purchase_date + dt.timedelta(days=730)):
            errors["gift_given_on"] = ("the day the gift is given must be on or after the "
                                       "purchase, and within two years of it")
    one_line = [getattr(data, name) or "" for name in _ONE_LINE_FIELDS]
    one_line += [getattr(item, name, "") or "" for item in data.items
                 for name in _ONE_LINE_ITEM_FIELDS]
    look = not all_one_line(one_line)  # nearly always: nothing to find field by field
    for name in _ONE_LINE_FIELDS if look else ():
        problem = one_line_problem(getattr(data, name) or "")
        if problem:
            errors[name] = problem
    for index, item in enumerate(data.items, start=1):
        for name in _ONE_LINE_ITEM_FIELDS if look else ():
            problem = one_line_problem(getattr(item, name, "") or "")
            if problem:
                errors[f"items[{index}].{name}"] = problem
        problem = wording_problem(item.wording or "", item.wording_number or "")
        if problem:
            errors[f"items[{index}].wording"] = f"item {index}: {problem}"
    if errors:
        raise ValidationError(errors)


# A client's value figures from her purchases; `{which}` picks the clients to refresh.
REFRESH_VALUES = """UPDATE client SET
     lifetime_spend_cents = spend_before_cents
         + COALESCE((SELECT SUM(p.total_cents - p.refunded_cents) FROM purchase p
                     WHERE p.client_id = client.id AND p.voided = ''), 0),
     purchase_count = (SELECT COUNT(*) FROM purchase p
                       WHERE p.client_id = client.id AND p.voided = ''),
     last_purchase_date = (SELECT MAX(p.purchase_date) FROM purchase p
                           WHERE p.client_id = client.id)
   WHERE {which}"""


def refresh_client_value(client_id: int) -> None:
    """Recompute lifetime spend, purchase count and last purchase from the purchases."""
    database.execute_sql(REFRESH_VALUES.format(which="id = ?"), (client_id,))
    value.invalidate()


def set_spend_before(client_id: int, cents: int) -> None:
    """Keep what a client spent before Boutique; it counts in her value and tier."""
    if not isinstance(cents, int) or not 0 <= cents <= MAX_PRICE_CENTS:
        raise ValidationError({"spend_before_cents": "spend before Boutique must be 0 or more"})
    with database.atomic():
        Client.update(spend_before_cents=cents).where(Client.id == client_id).execute()
        refresh_client_value(client_id)


def _gift_relation(client_id: int, data: PurchaseData) -> Relation | None:
    if not data.is_gift or data.gift_relation_id is None:
        return None
    relation = Relation.get_or_none(Relation.id == data.gift_relation_id)
    if relation is None or relation.client_id != client_id:
        raise ValidationError({"gift_relation_id": f"relation {data.gift_relation_id} is not "
                                                   "one of this client's"})
    return relation


def _write_fields(purchase: Purchase, data: PurchaseData) -> None:
    for name in ("purchase_date", "associate", "is_gift", "gift_recipient", "gift_relation",
                 "gift_occasion", "gift_given_on", "gift_delivery", "is_custom", "remarks",
                 "source_ref", "voided"):
        setattr(purchase, name, getattr(data, name))
    relation = _gift_relation(purchase.client_id, data)
    purchase.gift_relation_ref = relation.id if relation else None
    if relation is not None:
        purchase.gift_recipient = relation.name
        purchase.gift_relation = data.gift_relation.strip() or relation.kind
    if not data.is_gift:
        purchase.gift_recipient = purchase.gift_relation = purchase.gift_occasion = ""
        purchase.gift_given_on, purchase.gift_delivery = None, ""
    purchase.total_cents = sum(item.price_cents for item in data.items)


def _write_items(purchase: Purchase, items: list[ItemData]) -> None:
    PurchaseItem.delete().where(PurchaseItem.purchase == purchase).execute()
    rows = [dict(purchase=purchase.id, position=i, **vars(item)) for i, item in enumerate(items)]
    PurchaseItem.insert_many(rows).execute()


def record_purchase(client_id: int, data: PurchaseData) -> Purchase:
    validate(data)
    with database.atomic():
        client = Client.get_or_none(Client.id == client_id)
        if client is None:
            raise NotFound(f"no client with id {client_id}")
        purchase = Purchase(client=client_id)
        _write_fields(purchase, data)
        purchase.save()
        _write_items(purchase, data.items)
        refresh_client_value(client_id)
        for hook in purchase_hooks:
            hook("created", purchase, None)
    return purchase


def update_purchase(purchase_id: int, data: PurchaseData) -> Purchase:
    validate(data)
    with database.atomic():
        purchase = get_purchase(purchase_id)
        previous_date = purchase.purchase_date
        has_returns = ItemReturn.select().where(ItemReturn.purchase == purchase_id).exists()
        if has_returns and purchase_data(purchase).items != data.items:
            raise ValidationError({"items": f"purchase {purchase_id} has a returned item: "
                                            "its items stay as sold (record an exchange "
                                            "instead)"})
        _write_fields(purchase, data)
        purchase.save()
        if not has_returns:
            _write_items(purchase, data.items)
        refresh_client_value(purchase.client_id)
        for hook in purchase_hooks:
            hook("updated", purchase, previous_date)
    return purchase


def delete_purchase(purchase_id: int) -> None:
    with database.atomic():
        purchase = get_purchase(purchase_id)
        client_id = purchase.client_id
        if ItemReturn.select().where(ItemReturn.purchase == purchase_id).exists():
            # The return holds the refund or the credit issued: the history stays whole.
            raise ValidationError({"purchase": f"purchase {purchase_id} has a returned item: "
                                               "it stays in the history"})
        purchase.delete_instance()
        refresh_client_value(client_id)
        for hook in purchase_delete_hooks:
            hook(client_id, purchase_id)


def get_purchase(purchase_id: int) -> Purchase:
    purchase = Purchase.get_or_none(Purchase.id == purchase_id)
    if purchase is None:
        raise NotFound(f"no purchase with id {purchase_id}")
    return purchase


def purchase_data(purchase: Purchase) -> PurchaseData:
    """The editable form of a stored purchase (for the edit dialog)."""
    items = [
        ItemData(i.description, i.category, i.metal, i.stone, i.sku, i.price_cents,
                 i.wording, i.wording_number)
        for i in purchase.items.order_by(PurchaseItem.position)
    ]
    return PurchaseData(
        purchase_date=purchase.purchase_date, items=items, associate=purchase.associate,
        is_gift=purchase.is_gift, gift_recipient=purchase.gift_recipient,
        gift_relation=purchase.gift_relation, gift_occasion=purchase.gift_occasion,
        gift_relation_id=purchase.gift_relation_id, gift_given_on=purchase.gift_given_on,
        gift_delivery=purchase.gift_delivery or "", is_custom=purchase.is_custom, remarks=purchase.remarks,
        source_ref=purchase.source_ref, voided=purchase.voided,
    )


def imported_purchase(source_ref: str) -> Purchase | None:
    """The purchase an import wrote for this order reference, if any."""
    if not source_ref:
        return None
    return Purchase.get_or_none(Purchase.source_ref == source_ref)


def client_purchases(client_id: int) -> list[Purchase]:
    return list(
        Purchase.select().where(Purchase.client == client_id)
        .order_by(Purchase.purchase_date.desc(), Purchase.id.desc())
    )


def purchase_json(purchase: Purchase) -> dict[str, Any]:
    data = purchase_data(purchase)
    return {
        "id": purchase.id, "client_id": purchase.client_id,
        "purchase_date": str(purchase.purchase_date), "total_cents": purchase.total_cents,
        "refunded_cents": purchase.refunded_cents,
        "is_gift": data.is_gift, "gift_recipient": data.gift_recipient,
        "gift_relation": data.gift_relation, "gift_occasion": data.gift_occasion,
        "gift_relation_id": data.gift_relation_id,
        "gift_given_on": data.gift_given_on.isoformat() if data.gift_given_on else None,
        "gift_delivery": data.gift_delivery or None,
        "is_custom": data.is_custom, "associate": data.associate,
        "items": [vars(item) for item in data.items],
    }


def _register_cadence() -> None:
    # Follow-ups are scheduled wherever a purchase is recorded (window, command line,
    # import), so the cadence engine is wired here, not by whoever happens to import it.
    from boutique.services.cadence import on_purchase_changed, on_purchase_deleted

    purchase_hooks.append(on_purchase_changed)
    purchase_delete_hooks.append(on_purchase_deleted)


_register_cadence()
