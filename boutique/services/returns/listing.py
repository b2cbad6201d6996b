"""Returns as the Service tab and `returns list` read them: rows, and totals by reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Client, FollowUp, ItemReturn, PurchaseItem
from boutique.services.returns.recording import REASON_LABELS
from boutique.services.text import money


def _between(start: dt.date | None, end: dt.date | None):
    query = (ItemReturn.select(ItemReturn, PurchaseItem, Client)
             .join(PurchaseItem, on=(ItemReturn.item == PurchaseItem.id))
             .switch(ItemReturn).join(Client, on=(ItemReturn.client == Client.id)))
    if start is not None:
        query = query.where(ItemReturn.return_date >= start)
    if end is not None:
        query = query.where(ItemReturn.return_date <= end)
    return query.order_by(ItemReturn.return_date, ItemReturn.id)


def return_json(row: ItemReturn) -> dict:
    """One return as `returns list --json` prints it (a contract: keep the field names)."""
    return {
        "id": row.id, "client_id": row.client_id,
        "client_name": f"{row.client.first_name} {row.client.last_name}".strip(),
        "purchase_id": row.purchase_id, "item_id": row.item_id,
        "item": row.item.description, "return_date": str(row.return_date),
        "reason": row.reason, "reason_label": REASON_LABELS[row.reason],
        "reason_text": row.reason_text, "condition": row.condition,
        "resolution": row.resolution, "item_cents": row.item_cents,
        "fee_cents": row.fee_cents, "settled_cents": row.settled_cents,
        "policy": row.policy_note, "override_reason": row.override_reason,
        "exchange_purchase_id": row.exchange_purchase_id,
        "difference_cents": row.difference_cents, "thank_you_code": row.thank_you_code,
    }


def returns_between(start: dt.date | None = None, end: dt.date | None = None) -> list[dict]:
    return [return_json(row) for row in _between(start, end)]


@dataclass(frozen=True)
class ReasonTotal:
    reason: str
    label: str
    count: int
    value_cents: int  # what the pieces were sold for

    @property
    def text(self) -> str:
        return f"{self.label}: {self.count} ({money(self.value_cents)})"


def totals_by_reason(start: dt.date, end: dt.date) -> list[ReasonTotal]:
    """Every reason in a fixed order (zero when none), so a chart keeps its bars in place."""
    counts = {reason: [0, 0] for reason in REASON_LABELS}
    for row in _between(start, end):
        counts[row.reason][0] += 1
        counts[row.reason][1] += row.item_cents
    return [ReasonTotal(r, REASON_LABELS[r], c, v) for r, (c, v) in counts.items()]


def month_and_year(day: dt.date) -> tuple[list[ReasonTotal], list[ReasonTotal]]:
    """Returns of `day`'s month and of its year, by reason."""
    month = totals_by_reason(day.replace(day=1), day)
    year = totals_by_reason(day.replace(month=1, day=1), day)
    return month, year


def client_returns(client_id: int) -> list[dict]:
    return [return_json(r) for r in _between(None, None).where(ItemReturn.client == client_id)]


def after_return_words(followup_id: int) -> dict[str, str]:
    """What an after-return note or call may mention, for its wording's placeholders:
    the store credit, the thank-you code, and whether the piece let the client down (the
    only case where an apology belongs)."""
    followup = FollowUp.get_or_none(FollowUp.id == followup_id)
    if followup is None or followup.source_kind != "return" or followup.source_id is None:
        return {}
    row = ItemReturn.get_or_none(ItemReturn.id == followup.source_id)
    if row is None:
        return {}
    credit_cents = row.settled_cents if row.resolution == "credit" else max(
        0, -row.difference_cents)
    return {
        "credit": money(credit_cents) if credit_cents else "",
        "code": row.thank_you_code,
        "fault": "fault" if row.reason == "defect" else "",
        "returned": row.item.description,
    }
