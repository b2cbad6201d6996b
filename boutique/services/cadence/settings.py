"""The cadence numbers, stored in settings so a backup carries them and the user edits them.

Defaults follow the trade's practice: a handwritten thank-you within a week, a
satisfaction call at about 30 days, a free service call at 6 months then yearly, key-date
reminders three weeks ahead, and never more than two contacts a week for one client.
Thank-you notes due within three weeks of each other are one note, service calls for
pieces bought within a season (three months) one call. Nothing waits forever: a note
lapses 30 days past its deadline, a satisfaction call 30 days past its day, a service
call when the next one for that piece falls due, a key-date reminder the day after the date.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from boutique.services import settings
from boutique.services.errors import ValidationError

PREFIX = "cadence."
KEY_DATE_CHANNELS = ("phone", "mail")
AFTER_RETURN_CHANNELS = ("phone", "mail")
# How a gift's note reaches a shared home (see services/cadence/gifts.py).
SHARED_HOME_CHOICES = ("discreet", "counter", "hold")


@dataclass(frozen=True)
class CadenceRules:
    thank_you_from_days: int = 1
    thank_you_within_days: int = 7
    satisfaction_days: int = 30
    service_first_months: int = 6
    service_every_months: int = 12
    service_years: int = 2
    key_date_lead_days: int = 21
    # The client's own birthday is a greeting: a call on the day, a card this many days
    # before so that it arrives in time.
    birthday_card_days: int = 3
    key_date_channel: str = "phone"
    after_return_days: int = 3
    after_return_channel: str = "mail"
    merge_window_days: int = 7
    weekly_cap: int = 2  # in any 7 days; 0: no cap
    monthly_cap: int = 4  # in any 30 days; 0: no cap
    note_merge_days: int = 21  # 0: every purchase its own note
    service_merge_days: int = 92  # a season; 0: every piece its own service call
    note_lapse_days: int = 30  # past the note's deadline
    satisfaction_lapse_days: int = 30  # past the call's day
    service_lapse_months: int = 0  # 0: when the next service call for the piece falls due
    key_date_lapse_days: int = 1  # after the date itself
    retry_days: int = 2
    max_tries: int = 3
    gift_shared_home: str = "discreet"


# (minimum, maximum, label) for each number: the Settings page and validation share them.
LIMITS: dict[str, tuple[int, int, str]] = {
    "thank_you_from_days": (0, 30, "Thank-you note: shows from (days after the purchase)"),
    "thank_you_within_days": (1, 60, "Thank-you note: on time within (days)"),
    "satisfaction_days": (1, 365, "Satisfaction call after (days)"),
    "service_first_months": (1, 60, "First service call after (months)"),
    "service_every_months": (1, 60, "Then a service call every (months)"),
    "service_years": (0, 20, "Number of repeat service calls"),
    "key_date_lead_days": (0, 120, "Anniversaries, her people's dates: remind (days ahead)"),
    "birthday_card_days": (0, 14, "Her own birthday: post the card (days before; a call is "
                                  "on the day)"),
    "after_return_days": (0, 60, "After a return: follow up after (days)"),
    "merge_window_days": (0, 60, "Merge satisfaction calls this close (days)"),
    "weekly_cap": (0, 14, "At most this many contacts per client in any 7 days (0: no limit)"),
    "monthly_cap": (0, 30, "At most this many contacts per client in any 30 days (0: no limit)"),
    "note_merge_days": (0, 60, "Thank-you notes due this close share one note (days; 0: never)"),
    "service_merge_days": (0, 183, "Service calls for pieces bought this close share one call "
                                   "(days; 0: never)"),
    "note_lapse_days": (1, 365, "A thank-you note lapses this long past its deadline (days)"),
    "satisfaction_lapse_days": (1, 365, "A satisfaction call lapses this long past its day (days)"),
    "service_lapse_months": (0, 60, "A service call lapses after (months; 0: when the next "
                                    "one for the piece falls due)"),
    "key_date_lapse_days": (1, 60, "A birthday or anniversary reminder lapses this long "
                                   "after the date (days)"),
    "retry_days": (1, 30, "'No answer': try again after (days)"),
    "max_tries": (1, 10, "'No answer': give up after this many tries"),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "key_date_channel": KEY_DATE_CHANNELS,
    "after_return_channel": AFTER_RETURN_CHANNELS,
    "gift_shared_home": SHARED_HOME_CHOICES,
}

# Rules the Settings page does not offer (none now: returns schedule the after-return note).
NOT_OFFERED: frozenset[str] = frozenset()

settings.register_defaults({PREFIX + f.name: f.default for f in fields(CadenceRules)})


def validate_values(values: dict) -> dict:
    """Check cadence values by name (without the prefix); return them as the right types."""
    errors: dict[str, str] = {}
    clean: dict = {}
    for name, value in values.items():
        if name in LIMITS:
            try:
                clean[name] = settings.whole_number(value, *LIMITS[name])
            except ValueError as exc:
                errors[name] = str(exc)
        elif name in CHOICES:
            if value not in CHOICES[name]:
                errors[name] = f"must be one of {', '.join(CHOICES[name])}"
                continue
            clean[name] = value
        else:
            errors[name] = "is not a cadence setting"
    merged = {**{f.name: getattr(load_rules(), f.name) for f in fields(CadenceRules)}, **clean}
    if not errors and merged["thank_you_from_days"] > merged["thank_you_within_days"]:
        errors["thank_you_from_days"] = "Thank-you note: the first day must not be after the last"
    if errors:
        raise ValidationError(errors)
    return clean


def load_rules() -> CadenceRules:
    stored = settings.get_many(PREFIX)
    values = {}
    for f in fields(CadenceRules):
        value = stored.get(PREFIX + f.name, f.default)
        values[f.name] = value if f.name in CHOICES else int(value)
    return CadenceRules(**values)


def save_rules(values: dict) -> CadenceRules:
    clean = validate_values(values)
    settings.set_many({PREFIX + name: value for name, value in clean.items()})
    return load_rules()
