"""The cadence: which follow-ups a sale, a key date or a return owes, and when.

Owns the FollowUp records and the trade's rhythm: the editable numbers (`settings`), the
purchase rules (`rules`: a note within a week, a call after a month, service calls), the
date arithmetic (`dates`), birthdays and anniversaries (`key_dates`), the spacing that
keeps a client from being contacted too often (`spacing`), the engine that keeps a
client's follow-ups in step with her purchases (`engine`), scheduling in bulk (`bulk`) and for an import's
purchases (`imported`), what the jeweler does with a follow-up (`followups`) and how each kind is named (`kinds`),
the people in a client's life and last year's gift occasions (`relation_dates`,
`gift_reminders`, `occasions`), the day a gift is given and how its note keeps the surprise
(`gifts`), the day each gift reminds of, kept with it (`gift_days`), and
what a return or a finished repair changes (`after_sale`), and when a follow-up too old
to be worth doing lapses (`lapsing`).

May use: the models and the top-level `settings`, `errors` and `text`; no other capability.
"""

from boutique.services.cadence.after_sale import (
    cancel_for_return,
    close_pickup_call,
    schedule_pickup_call,
)
from boutique.services.cadence.bulk import reschedule_open, schedule_demo
from boutique.services.cadence.dates import long_date, short_date, week_start
from boutique.services.cadence.engine import (
    keep_followups_ahead,
    on_purchase_changed,
    on_purchase_deleted,
    respace_client,
)
from boutique.services.cadence.followups import (
    BOOKED,
    client_followups,
    done_hooks,
    schedule_after_return,
)
from boutique.services.cadence.gift_days import refresh_gift_reminder_days
from boutique.services.cadence.gifts import (
    RULE_TEXT as GIFT_RULE_TEXT,
)
from boutique.services.cadence.gifts import (
    SHARED_HOME_NAMES,
    delivery_for,
    delivery_mode,
    gift_day,
    gift_day_of,
    shared_home,
)
from boutique.services.cadence.imported import schedule_imported
from boutique.services.cadence.key_dates import Reminder, reminders_due_between
from boutique.services.cadence.key_dates import reason_for as key_date_reason
from boutique.services.cadence.kinds import KIND_LABELS
from boutique.services.cadence.lapsing import (
    alive_on_sql,
    lapse_day_sql,
    lapse_stale,
    lapsed_between,
    reminders_from,
)
from boutique.services.cadence.occasions import Occasion, occasion_label, parse_occasion
from boutique.services.cadence.relation_dates import occasion_reminders_due_between
from boutique.services.cadence.rules import merged_reason
from boutique.services.cadence.settings import CadenceRules, load_rules, save_rules
from boutique.services.cadence.spacing import MERGING

__all__ = [
    "GIFT_RULE_TEXT", "SHARED_HOME_NAMES", "Occasion", "delivery_for", "delivery_mode", "gift_day", "gift_day_of", "occasion_label",
    "occasion_reminders_due_between", "parse_occasion", "refresh_gift_reminder_days", "shared_home",
    "KIND_LABELS", "CadenceRules", "Reminder", "keep_followups_ahead", "key_date_reason", "load_rules", "long_date",
    "KIND_LABELS", "MERGING", "CadenceRules", "Reminder", "keep_followups_ahead", "key_date_reason",
    "alive_on_sql", "lapse_day_sql", "lapse_stale", "lapsed_between", "load_rules", "long_date",
    "reminders_from",
    "merged_reason", "on_purchase_changed", "on_purchase_deleted", "reminders_due_between",
    "reschedule_open", "save_rules", "schedule_demo", "schedule_imported", "short_date", "week_start",
    "BOOKED", "client_followups", "respace_client", "cancel_for_return", "done_hooks", "close_pickup_call", "schedule_after_return", "schedule_pickup_call",
]
