"""The cadence: which follow-ups a sale, a key date or a return owes, and when.

Owns the FollowUp records and the trade's rhythm: the editable numbers (`settings`), the
purchase rules (`rules`: a note within a week, a call after a month, service calls), the
date arithmetic (`dates`), birthdays and anniversaries (`key_dates`), the spacing that
keeps a client from being contacted too often (`spacing`), the engine that keeps a
client's follow-ups in step with her purchases (`engine`), scheduling in bulk (`bulk`),
what the jeweler does with a follow-up (`followups`), how each kind is named (`kinds`)
and when a follow-up too old to be worth doing lapses (`lapsing`).

May use: the models and the top-level `settings`, `errors` and `text`; no other capability.
"""

from boutique.services.cadence.bulk import reschedule_open, schedule_demo
from boutique.services.cadence.dates import long_date, short_date, week_start
from boutique.services.cadence.engine import (
    keep_followups_ahead,
    on_purchase_changed,
    on_purchase_deleted,
)
from boutique.services.cadence.key_dates import Reminder, reminders_due_between
from boutique.services.cadence.key_dates import reason_for as key_date_reason
from boutique.services.cadence.kinds import KIND_LABELS
from boutique.services.cadence.lapsing import (
    lapse_day_sql,
    lapse_stale,
    lapsed_between,
    reminders_from,
)
from boutique.services.cadence.rules import merged_reason
from boutique.services.cadence.settings import CadenceRules, load_rules, save_rules
from boutique.services.cadence.spacing import MERGING

__all__ = [
    "KIND_LABELS", "MERGING", "CadenceRules", "Reminder", "keep_followups_ahead", "key_date_reason",
    "lapse_day_sql", "lapse_stale", "lapsed_between", "load_rules", "long_date",
    "reminders_from",
    "merged_reason", "on_purchase_changed", "on_purchase_deleted", "reminders_due_between",
    "reschedule_open", "save_rules", "schedule_demo", "short_date", "week_start",
]
