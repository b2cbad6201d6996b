"""The return policy: windows, final-sale kinds, the restocking fee, the words the client reads.

Stored in settings (a backup carries it, Settings edits it). `check` says plainly what the
policy makes of one item on one day; recording a return outside it needs a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models.after_sale import RESOLUTIONS
from boutique.services import settings
from boutique.services.errors import ValidationError
from boutique.services.text import money

PREFIX = "returns."
DEFAULT_TEXT = ("Pieces may be returned within {return_days} days of purchase and exchanged "
                "within {exchange_days} days, in the condition they left us, with the receipt. "
                "Custom, engraved and special-order pieces are final sale.")
DEFAULTS = {
    "return_window_days": 30,
    "exchange_window_days": 60,
    "final_sale_kinds": ["custom", "engraved", "special order"],
    "restocking_fee_percent": 0,
    "fee_resolutions": ["refund"],
    "credit_expiry_days": 0,  # 0: store credit does not expire
    "thank_you_code": "",  # a code the after-return note may offer, e.g. THANKYOU10
    "policy_text": DEFAULT_TEXT,
}
MAX_TEXT = 2000
settings.register_defaults({PREFIX + k: v for k, v in DEFAULTS.items()})


@dataclass(frozen=True)
class ReturnPolicy:
    return_window_days: int = 30
    exchange_window_days: int = 60
    final_sale_kinds: tuple[str, ...] = ("custom", "engraved", "special order")
    restocking_fee_percent: int = 0
    fee_resolutions: tuple[str, ...] = ("refund",)
    credit_expiry_days: int = 0
    thank_you_code: str = ""
    policy_text: str = DEFAULT_TEXT

    @property
    def client_text(self) -> str:
        """The policy as the client reads it, with the windows filled in."""
        return (self.policy_text.replace("{return_days}", str(self.return_window_days))
                .replace("{exchange_days}", str(self.exchange_window_days)))

    def window_for(self, resolution: str) -> int:
        return self.exchange_window_days if resolution == "exchange" else self.return_window_days

    def fee_for(self, resolution: str, cents: int) -> int:
        if resolution not in self.fee_resolutions or not self.restocking_fee_percent:
            return 0
        return (cents * self.restocking_fee_percent + 50) // 100


@dataclass(frozen=True)
class PolicyCheck:
    days: int  # since the purchase
    window_days: int
    inside_window: bool
    final_sale: str  # the final-sale kind that applies, else ""
    fee_cents: int
    settled_cents: int  # the piece's value less the fee

    @property
    def allowed(self) -> bool:
        return self.inside_window and not self.final_sale

    @property
    def lines(self) -> tuple[str, ...]:
        """The check in plain words, for the dialog and the return slip."""
        when = (f"Day {self.days} of a {self.window_days}-day window: "
                + ("inside the window" if self.inside_window else "outside the window"))
        out = [when]
        if self.final_sale:
            out.append(f"Final sale ({self.final_sale})")
        if self.fee_cents:
            out.append(f"Restocking fee {money(self.fee_cents)}")
        return tuple(out)


def load_policy() -> ReturnPolicy:
    stored = settings.get_many(PREFIX)
    values = {k: stored.get(PREFIX + k, v) for k, v in DEFAULTS.items()}
    return ReturnPolicy(
        return_window_days=int(values["return_window_days"]),
        exchange_window_days=int(values["exchange_window_days"]),
        final_sale_kinds=tuple(values["final_sale_kinds"]),
        restocking_fee_percent=int(values["restocking_fee_percent"]),
        fee_resolutions=tuple(values["fee_resolutions"]),
        credit_expiry_days=int(values["credit_expiry_days"]),
        thank_you_code=str(values["thank_you_code"]),
        policy_text=str(values["policy_text"]),
    )


LIMITS = {"return_window_days": (0, 365, "Return window (days)"),
          "exchange_window_days": (0, 365, "Exchange window (days)"),
          "restocking_fee_percent": (0, 50, "Restocking fee (percent)"),
          "credit_expiry_days": (0, 3650, "Store credit expires after (days, 0: never)")}


def save_policy(values: dict) -> ReturnPolicy:
    """Check and store policy values by name; a bad one is named with why."""
    errors: dict[str, str] = {}
    clean: dict = {}
    for name, value in values.items():
        if name in LIMITS:
            try:
                clean[name] = settings.whole_number(value, *LIMITS[name])
            except ValueError as exc:
                errors[name] = str(exc)
        elif name == "final_sale_kinds":
            kinds = [k.strip().casefold() for k in value if k and k.strip()]
            clean[name] = list(dict.fromkeys(kinds))
        elif name == "fee_resolutions":
            wrong = [r for r in value if r not in RESOLUTIONS]
            if wrong:
                errors[name] = f"the fee applies to {', '.join(RESOLUTIONS)}, not {wrong[0]}"
                continue
            clean[name] = list(value)
        elif name in ("policy_text", "thank_you_code"):
            text = str(value or "").strip()
            if len(text) > MAX_TEXT:
                errors[name] = f"keep it under {MAX_TEXT} characters"
                continue
            if name == "thank_you_code" and any(ch.isspace() for ch in text):
                errors[name] = "a code is one word, without spaces"
                continue
            clean[name] = text or (DEFAULT_TEXT if name == "policy_text" else "")
        else:
            errors[name] = "is not a return policy setting"
    if errors:
        raise ValidationError(errors)
    settings.set_many({PREFIX + k: v for k, v in clean.items()})
    return load_policy()


def final_sale_kind(policy: ReturnPolicy, is_custom: bool, words: str) -> str:
    """Which final-sale kind applies: the purchase's custom flag, else a kind named in the
    item's category, description or the purchase's remarks."""
    if is_custom and "custom" in policy.final_sale_kinds:
        return "custom"
    folded = words.casefold()
    return next((kind for kind in policy.final_sale_kinds if kind and kind in folded), "")


def check(policy: ReturnPolicy, bought: dt.date, day: dt.date, resolution: str,
          item_cents: int, is_custom: bool = False, words: str = "") -> PolicyCheck:
    days = (day - bought).days
    window = policy.window_for(resolution)
    fee = policy.fee_for(resolution, item_cents)
    return PolicyCheck(days=days, window_days=window, inside_window=0 <= days <= window,
                       final_sale=final_sale_kind(policy, is_custom, words), fee_cents=fee,
                       settled_cents=item_cents - fee)
