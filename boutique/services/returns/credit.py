"""The store credit ledger: issued by a return, used as a tender on a purchase, may expire.

Entries are never edited: issued is positive, used negative. A use draws on the credit
that expires first; what is left of a lot past its day no longer counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Client, Purchase, StoreCreditEntry, database
from boutique.services.clients import PurchaseData, record_purchase
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import money


@dataclass(frozen=True)
class LedgerLine:
    entry_date: dt.date
    kind: str  # "issued" or "used"
    amount_cents: int
    expires_on: dt.date | None
    note: str
    balance_cents: int  # after this line, as of its day

    def as_json(self) -> dict:
        return {"date": str(self.entry_date), "kind": self.kind,
                "amount_cents": self.amount_cents,
                "expires_on": str(self.expires_on) if self.expires_on else None,
                "note": self.note, "balance_cents": self.balance_cents}


def _entries(client_id: int) -> list[StoreCreditEntry]:
    return list(StoreCreditEntry.select().where(StoreCreditEntry.client == client_id)
                .order_by(StoreCreditEntry.entry_date, StoreCreditEntry.id))


def _lots_after(entries: list[StoreCreditEntry]) -> list[list]:
    """[expires_on, remaining] of each issued lot once the uses drew on them."""
    lots: list[list] = []
    for entry in entries:
        if entry.kind == "issued":
            lots.append([entry.expires_on, entry.amount_cents])
            continue
        owed = -entry.amount_cents
        live = sorted((lot for lot in lots if lot[1] > 0
                       and (lot[0] is None or lot[0] >= entry.entry_date)),
                      key=lambda lot: (lot[0] is None, lot[0] or dt.date.max))
        for lot in live:
            take = min(owed, lot[1])
            lot[1] -= take
            owed -= take
            if not owed:
                break
    return lots


def _balance(lots: list[list], day: dt.date) -> int:
    return sum(left for expires, left in lots if expires is None or expires >= day)


def balance(client_id: int, day: dt.date) -> int:
    entries = [e for e in _entries(client_id) if e.entry_date <= day]
    return _balance(_lots_after(entries), day)


def ledger(client_id: int) -> list[LedgerLine]:
    entries = _entries(client_id)
    lines = []
    for index, entry in enumerate(entries):
        after = _balance(_lots_after(entries[: index + 1]), entry.entry_date)
        lines.append(LedgerLine(entry.entry_date, entry.kind, entry.amount_cents,
                                entry.expires_on, entry.note, after))
    return lines


def credit_json(client_id: int, day: dt.date) -> dict:
    """The client's credit for her JSON: the balance on `day` and every line."""
    return {"balance_cents": balance(client_id, day),
            "ledger": [line.as_json() for line in ledger(client_id)]}


def balances(client_ids: list[int], day: dt.date) -> dict[int, int]:
    """Balance on `day` for each client who ever had credit (others are 0)."""
    if not client_ids:
        return {}
    # Few clients ever had credit: read who did, not a condition on every id asked about.
    holders = {row[0] for row in StoreCreditEntry.select(StoreCreditEntry.client)
               .distinct().tuples()}
    return {cid: balance(cid, day) if cid in holders else 0 for cid in client_ids}


def issue_credit(client_id: int, cents: int, day: dt.date, note: str = "",
                 return_id: int | None = None, expiry_days: int = 0) -> StoreCreditEntry:
    if not isinstance(cents, int) or cents <= 0:
        raise ValidationError({"amount_cents": "store credit issued must be more than 0"})
    if Client.get_or_none(Client.id == client_id) is None:
        raise NotFound(f"no client with id {client_id}")
    expires = day + dt.timedelta(days=expiry_days) if expiry_days else None
    return StoreCreditEntry.create(client=client_id, entry_date=day, kind="issued",
                                   amount_cents=cents, expires_on=expires,
                                   item_return=return_id, note=note)


def use_credit(client_id: int, cents: int, day: dt.date,
               purchase_id: int | None = None) -> StoreCreditEntry:
    """Spend credit as a tender (on a purchase when given); never more than the balance."""
    with database.atomic():
        if not isinstance(cents, int) or cents <= 0:
            raise ValidationError({"credit_cents": "credit used must be more than 0"})
        available = balance(client_id, day)
        if cents > available:
            raise ValidationError({"credit_cents": f"only {money(available)} of store credit "
                                                   f"is available on {day.isoformat()}"})
        note = ""
        if purchase_id is not None:
            purchase = Purchase.get_or_none(Purchase.id == purchase_id)
            if purchase is None or purchase.client_id != client_id:
                raise NotFound(f"no purchase {purchase_id} for client {client_id}")
            if cents > purchase.total_cents:
                raise ValidationError({"credit_cents": "credit used is more than the "
                                                       "purchase's total"})
            note = f"Tender on purchase {purchase_id}"
        return StoreCreditEntry.create(client=client_id, entry_date=day, kind="used",
                                       amount_cents=-cents, purchase=purchase_id, note=note)


def purchase_paid_with_credit(client_id: int, data: PurchaseData, credit_cents: int) -> Purchase:
    """A new purchase with part (or all) of it paid in store credit, in one transaction:
    refused whole when the credit is not there."""
    with database.atomic():
        purchase = record_purchase(client_id, data)
        if credit_cents:
            use_credit(client_id, credit_cents, data.purchase_date, purchase.id)
    return purchase
