"""Recording a return or an exchange, and everything it changes, in one transaction.

The piece's value less any fee goes back as a refund, as store credit, or toward the new
piece of an exchange; the purchase keeps that figure (`refunded_cents`), so lifetime spend
and the tier count it. When no piece of the purchase is left with the client, its open
satisfaction and service calls are skipped. The after-return follow-up is planned (the
cadence's "After a return" rule).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import ItemReturn, Purchase, PurchaseItem, database
from boutique.models.after_sale import RESOLUTIONS, RETURN_REASONS
from boutique.services.cadence import cancel_for_return, schedule_after_return
from boutique.services.clients import PurchaseData, get_purchase, record_purchase
from boutique.services.clients import refresh_client_value as refresh_value
from boutique.services.errors import NotFound, ValidationError
from boutique.services.returns import credit
from boutique.services.returns.policy import PolicyCheck, check, load_policy
from boutique.services.text import clean_multi_line, money

REASON_LABELS = {"wrong_size": "Wrong size", "change_of_heart": "Change of heart",
                 "defect": "Defect or quality", "gift_not_wanted": "Gift not wanted",
                 "other": "Other"}
RESOLUTION_LABELS = {"refund": "Refund", "credit": "Store credit", "exchange": "Exchange"}
MAX_TEXT = 2000


@dataclass
class ReturnData:
    purchase_id: int
    item_number: int  # 1 for the purchase's first item, as the receipt lists them
    reason: str
    resolution: str
    return_date: dt.date
    reason_text: str = ""
    condition: str = ""
    override_reason: str = ""
    # An exchange: the new piece, recorded as a purchase in the same transaction.
    exchange: PurchaseData | None = None


def purchase_items(purchase_id: int) -> list[PurchaseItem]:
    return list(PurchaseItem.select().where(PurchaseItem.purchase == purchase_id)
                .order_by(PurchaseItem.position, PurchaseItem.id))


def returned_item_ids(purchase_id: int) -> set[int]:
    return {row[0] for row in ItemReturn.select(ItemReturn.item)
            .where(ItemReturn.purchase == purchase_id).tuples()}


def _item(purchase: Purchase, number: int) -> PurchaseItem:
    items = purchase_items(purchase.id)
    if not 1 <= number <= len(items):
        raise ValidationError({"item": f"purchase {purchase.id} has items 1 to {len(items)}, "
                                       f"not {number}"})
    return items[number - 1]


def policy_check(purchase_id: int, item_number: int, day: dt.date,
                 resolution: str) -> PolicyCheck:
    """What the policy says of returning this item on this day, before anything is written."""
    purchase = get_purchase(purchase_id)
    item = _item(purchase, item_number)
    words = " ".join((item.category, item.description, purchase.remarks))
    return check(load_policy(), purchase.purchase_date, day, resolution, item.price_cents,
                 bool(purchase.is_custom), words)


def _validate(data: ReturnData, purchase: Purchase, item: PurchaseItem,
              verdict: PolicyCheck) -> None:
    errors: dict[str, str] = {}
    if data.reason not in RETURN_REASONS:
        errors["reason"] = f"choose one of {', '.join(RETURN_REASONS)}"
    elif data.reason == "other" and not (data.reason_text or "").strip():
        errors["reason_text"] = "say what the other reason is"
    if data.resolution not in RESOLUTIONS:
        errors["resolution"] = f"choose one of {', '.join(RESOLUTIONS)}"
    elif data.resolution == "exchange" and data.exchange is None:
        errors["exchange"] = "an exchange needs the new piece"
    if not isinstance(data.return_date, dt.date):
        errors["return_date"] = "a return needs its day"
    elif data.return_date < purchase.purchase_date:
        errors["return_date"] = (f"{data.return_date.isoformat()} is before the purchase "
                                 f"({purchase.purchase_date.isoformat()})")
    if item.id in returned_item_ids(purchase.id):
        errors["item"] = f"item {data.item_number} of purchase {purchase.id} is already returned"
    if purchase.voided:
        errors["purchase"] = f"purchase {purchase.id} is {purchase.voided}: nothing to return"
    for name in ("reason_text", "condition", "override_reason"):
        if len(getattr(data, name) or "") > MAX_TEXT:
            errors[name] = f"keep it under {MAX_TEXT} characters"
    if not errors and not verdict.allowed and not (data.override_reason or "").strip():
        why = "; ".join(verdict.lines[:2])
        errors["override_reason"] = f"outside the policy ({why}): record why it is accepted"
    if errors:
        raise ValidationError(errors)


def record_return(data: ReturnData) -> ItemReturn:
    with database.atomic():
        purchase = get_purchase(data.purchase_id)
        item = _item(purchase, data.item_number)
        verdict = policy_check(purchase.id, data.item_number, data.return_date,
                               data.resolution) if isinstance(data.return_date, dt.date) \
            else None
        _validate(data, purchase, item, verdict)
        policy = load_policy()
        new_purchase = (record_purchase(purchase.client_id, data.exchange)
                        if data.resolution == "exchange" else None)
        difference = (new_purchase.total_cents - verdict.settled_cents) if new_purchase else 0
        row = ItemReturn.create(
            client=purchase.client_id, purchase=purchase.id, item=item.id,
            return_date=data.return_date, reason=data.reason,
            reason_text=clean_multi_line(data.reason_text or "").strip(),
            condition=clean_multi_line(data.condition or "").strip(), resolution=data.resolution,
            item_cents=item.price_cents, fee_cents=verdict.fee_cents,
            settled_cents=verdict.settled_cents, policy_note="; ".join(verdict.lines),
            override_reason=clean_multi_line(data.override_reason or "").strip(),
            exchange_purchase=new_purchase.id if new_purchase else None,
            difference_cents=difference, thank_you_code=policy.thank_you_code)
        (Purchase.update(refunded_cents=Purchase.refunded_cents + verdict.settled_cents)
         .where(Purchase.id == purchase.id).execute())
        refresh_value(purchase.client_id)
        credit_cents = (verdict.settled_cents if data.resolution == "credit"
                        else max(0, -difference))
        if credit_cents:
            credit.issue_credit(purchase.client_id, credit_cents, data.return_date,
                                note=f"Return of {item.description}", return_id=row.id,
                                expiry_days=policy.credit_expiry_days)
        still_kept = [i for i in purchase_items(purchase.id)
                      if i.id not in returned_item_ids(purchase.id)]
        if not still_kept:
            cancel_for_return(purchase.id, data.return_date,
                              f"Returned on {data.return_date.isoformat()}")
        # No surprise is left to keep after a return: the note goes to the client as usual
        # (not to one in the Trash).
        if purchase.client.deleted_at is None:
            schedule_after_return(purchase.client_id, data.return_date,
                                  after_return_reason(row, item.description), row.id)
    return row


def after_return_reason(row: ItemReturn, description: str) -> str:
    """The agenda's line: what came back, why, and how it was settled."""
    how = {"refund": f"refunded {money(row.settled_cents)}",
           "credit": f"store credit {money(row.settled_cents)}",
           "exchange": "exchanged"}[row.resolution]
    why = REASON_LABELS[row.reason].lower()
    return f"After the return of the {description.strip() or 'piece'} ({why}): {how}"


def get_return(return_id: int) -> ItemReturn:
    row = ItemReturn.get_or_none(ItemReturn.id == return_id)
    if row is None:
        raise NotFound(f"no return with id {return_id}")
    return row
