"""What the printed return slip says, as plain data (the printing floor draws it)."""

from __future__ import annotations

from dataclasses import dataclass

from boutique.services.returns.policy import load_policy
from boutique.services.returns.recording import REASON_LABELS, RESOLUTION_LABELS, get_return
from boutique.services.text import money


@dataclass(frozen=True)
class ReturnSlip:
    number: str  # "R000007"
    client_name: str
    return_date: str
    purchase_date: str
    item: str
    reason: str
    condition: str
    resolution: str
    amounts: tuple[tuple[str, str], ...]  # ("Price", "$450.00"), ("Refund", ...)
    policy_lines: tuple[str, ...]  # the check as recorded, and an override's reason
    policy_text: str  # as the client reads it


def return_slip(return_id: int) -> ReturnSlip:
    row = get_return(return_id)
    amounts = [("Price paid", money(row.item_cents))]
    if row.fee_cents:
        amounts.append(("Restocking fee", money(-row.fee_cents)))
    amounts.append(({"refund": "Refunded", "credit": "Store credit",
                     "exchange": "Toward the new piece"}[row.resolution],
                     money(row.settled_cents)))
    if row.resolution == "exchange":
        amounts.append(("Paid for the difference" if row.difference_cents >= 0
                        else "Rest as store credit", money(abs(row.difference_cents))))
    lines = [p for p in row.policy_note.split("; ") if p]
    if row.override_reason:
        lines.append(f"Accepted outside the policy: {row.override_reason}")
    reason = REASON_LABELS[row.reason] + (f": {row.reason_text}" if row.reason_text else "")
    return ReturnSlip(
        number=f"R{row.id:06d}",
        client_name=f"{row.client.first_name} {row.client.last_name}".strip(),
        return_date=row.return_date.isoformat(), purchase_date=row.purchase.purchase_date
        .isoformat(), item=row.item.description, reason=reason, condition=row.condition,
        resolution=RESOLUTION_LABELS[row.resolution], amounts=tuple(amounts),
        policy_lines=tuple(lines), policy_text=load_policy().client_text)
