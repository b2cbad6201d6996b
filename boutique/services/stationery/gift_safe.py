"""Gift-safe by rule: nothing addressed to a shared home names the recipient or the piece.

A gift's note (thank-you, a note in place of a call, a service note) that would go to a
home the buyer may share with the recipient is kept safe as the Settings or the purchase
say (services/cadence/gifts.py): handed over at the counter (no address, nothing posted),
or posted with wording that names neither the recipient nor the piece (also when held
until after the occasion). A reminder of someone's birthday posted home names neither
them nor last year's gift.
"""

from __future__ import annotations

from dataclasses import replace

from boutique.services.cadence import GIFT_RULE_TEXT as RULE_TEXT
from boutique.services.cadence import delivery_for, gift_day_of, load_rules
from boutique.services.clients import HOME_GIFT_WARNING

COUNTER = "counter"
DISCREET = ("discreet", "hold")
PRIVATE_ITEM = "A gift (kept private: this note goes to a shared home)"
PRIVATE_REASON = "A note about a gift, kept private: it goes to a shared home"
PRIVATE_REMINDER = "A date to remember, kept private: this note goes to a shared home"


def mode_for(client, purchase, address_kind: str) -> str:
    """How a note about `purchase` keeps the surprise: "" (no risk), "counter",
    "discreet" or "hold". Only a note going home (or with no address yet) is at risk."""
    if purchase is None or not purchase.is_gift or address_kind == "business":
        return ""
    return delivery_for(True, purchase.gift_delivery or "", client,
                        load_rules().gift_shared_home, gift_day_of(purchase) is not None)


def rule_warnings(warnings: tuple[str, ...], mode: str) -> tuple[str, ...]:
    """The warnings with the rule in force in place of "may reach the recipient"."""
    if not mode:
        return warnings
    kept = tuple(w for w in warnings if w not in (HOME_GIFT_WARNING, RULE_TEXT[mode]))
    return (RULE_TEXT[mode], *kept)


def private_purchase(facts):
    """The purchase as a shared home may see it: no piece, no recipient, no occasion."""
    return replace(facts, items=(PRIVATE_ITEM,), item_phrase="", recipient="", relation="",
                   occasion="")
