"""Purchase cadence: the notes and calls a purchase calls for, as plain data.

Pure functions of the purchase's facts and the rules, so the same code schedules one
purchase at the counter and 300,000 purchases when a demo store is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models.followup import SATISFACTION_CALL, SERVICE_CALL, THANK_YOU_NOTE
from boutique.services.cadence.dates import add_months, long_date, short_date
from boutique.services.cadence.gifts import CALL_AFTER_GIVEN_DAYS
from boutique.services.cadence.settings import CadenceRules

SATISFACTION_PREFIX = "Satisfaction call: "

# What a free service visit offers, by the kind of piece: the call is service, not a pitch.
SERVICE_OFFERS = {
    "ring": "cleaning, polish and prong check",
    "necklace": "cleaning and clasp check",
    "bracelet": "cleaning and clasp check",
    "pendant": "cleaning and clasp check",
    "earrings": "cleaning and post check",
    "watch": "cleaning and band check",
}
DEFAULT_SERVICE_OFFER = "cleaning and polish"


@dataclass(frozen=True)
class PurchaseFacts:
    purchase_id: int
    client_id: int
    purchase_date: dt.date
    summary: str  # "1.8 ct solitaire" or "Pearl strand +1 more"
    category: str = ""  # of the first item
    is_gift: bool = False
    gift_recipient: str = ""
    gift_relation: str = ""
    # The day the gift is given (recorded or worked out, see gifts.gift_day), and how its
    # note reaches a shared home ("" when the surprise is not at risk).
    gift_day: dt.date | None = None
    delivery: str = ""


@dataclass(frozen=True)
class Planned:
    kind: str
    sequence: int
    channel: str
    rule_due: dt.date
    deadline: dt.date
    reason: str
    is_gift: bool


def purchase_summary(description: str, category: str, count: int) -> str:
    """What a follow-up calls a purchase: its first item, '+N more' for the others."""
    summary = (description or category or "purchase").strip()
    return summary + (f" +{count - 1} more" if count > 1 else "")


def gift_phrase(facts: PurchaseFacts) -> str:
    if not facts.is_gift:
        return ""
    whom = facts.gift_relation.strip() or facts.gift_recipient.strip()
    return f", gift for {whom}" if whom else ", a gift"


def service_offer(category: str) -> str:
    return SERVICE_OFFERS.get((category or "").strip().casefold(), DEFAULT_SERVICE_OFFER)


def reason_for(kind: str, facts: PurchaseFacts) -> str:
    when = short_date(facts.purchase_date)
    if kind == THANK_YOU_NOTE:
        return f"{THANK_YOU_PREFIX}{facts.summary}, {when}{gift_phrase(facts)}"
    if kind == SATISFACTION_CALL:
        return f"{SATISFACTION_PREFIX}{facts.summary}, {when}{gift_phrase(facts)}"
    if kind == SERVICE_CALL:
        return (f"{SERVICE_PREFIX}free {service_offer(facts.category)} for the {facts.summary}, "
                f"bought {long_date(facts.purchase_date)}")
    raise ValueError(f"no purchase reason for {kind}")


THANK_YOU_PREFIX = "Thank-you: "
SERVICE_PREFIX = "Service: "
_PREFIXES = {SATISFACTION_CALL: SATISFACTION_PREFIX, THANK_YOU_NOTE: THANK_YOU_PREFIX,
             SERVICE_CALL: SERVICE_PREFIX}


def merged_reason(reasons: list[str], kind: str = SATISFACTION_CALL) -> str:
    """One note or call that names every purchase it covers, its kind said once."""
    prefix = _PREFIXES.get(kind, "")
    parts = list(dict.fromkeys(r.removeprefix(prefix) for r in reasons))
    return prefix + "; ".join(parts)


def service_months(rules: CadenceRules) -> list[int]:
    """Months after the purchase of each service call: 6, then every 12 for N more."""
    return [rules.service_first_months + i * rules.service_every_months
            for i in range(rules.service_years + 1)]


def plan_purchase(facts: PurchaseFacts, rules: CadenceRules,
                  due_from: dt.date | None = None) -> list[Planned]:
    """The thank-you note, the satisfaction call and the service calls for one purchase.

    The thank-you shows from the day after the purchase and is on time until day 7;
    calls are due on their day. `due_from`: only those whose rule day is on or after it
    (an import leaves out what was due before it; their wording is never made).
    """
    bought = facts.purchase_date
    thank_from = bought + dt.timedelta(days=rules.thank_you_from_days)
    thank_by = bought + dt.timedelta(days=rules.thank_you_within_days)
    if facts.is_gift and facts.delivery == "hold" and facts.gift_day is not None:
        # Held for a shared home: written once the gift has been given.
        held = max(facts.gift_day + dt.timedelta(days=1), thank_from)
        thank_from, thank_by = held, held + (thank_by - thank_from)
    planned = []
    if due_from is None or thank_from >= due_from:
        planned.append(Planned(THANK_YOU_NOTE, 0, "mail", thank_from, thank_by,
                               reason_for(THANK_YOU_NOTE, facts), facts.is_gift))
    call_day = gift_call_day(facts, rules)
    if due_from is None or call_day >= due_from:
        planned.append(Planned(SATISFACTION_CALL, 0, "phone", call_day, call_day,
                               reason_for(SATISFACTION_CALL, facts), facts.is_gift))
    service_reason = None
    for number, months in enumerate(service_months(rules), start=1):
        day = add_months(bought, months)
        if due_from is not None and day < due_from:
            continue
        if service_reason is None:
            service_reason = reason_for(SERVICE_CALL, facts)
        planned.append(Planned(SERVICE_CALL, number, "phone", day, day, service_reason,
                               facts.is_gift))
    return planned


def gift_call_day(facts: PurchaseFacts, rules: CadenceRules) -> dt.date:
    """The satisfaction call's day: the usual days after the purchase, and for a gift not
    before a week after the day it is given."""
    call_day = facts.purchase_date + dt.timedelta(days=rules.satisfaction_days)
    if facts.is_gift and facts.gift_day is not None:
        call_day = max(call_day, facts.gift_day + dt.timedelta(days=CALL_AFTER_GIVEN_DAYS))
    return call_day


def rule_day(kind: str, sequence: int, purchase_date: dt.date, rules: CadenceRules) -> dt.date:
    """Where the current rules put one follow-up of a purchase (for rescheduling)."""
    if kind == THANK_YOU_NOTE:
        return purchase_date + dt.timedelta(days=rules.thank_you_from_days)
    if kind == SATISFACTION_CALL:
        return purchase_date + dt.timedelta(days=rules.satisfaction_days)
    if kind == SERVICE_CALL:
        return add_months(purchase_date, service_months(rules)[sequence - 1])
    raise ValueError(f"{kind} is not scheduled from a purchase")
