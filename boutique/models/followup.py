"""Follow-ups: every contact the jeweler owes a client (a note to write, a call to make).

The cadence rules in services/ create them from purchases, returns and by hand; key-date
reminders are computed from the client's dates and stored only once acted upon.
A satisfaction call merged into another keeps its own row, pointing at the call that
carries it (`merged_into`), so deleting one purchase un-merges cleanly.
"""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client
from boutique.models.purchase import Purchase

THANK_YOU_NOTE = "thank_you_note"
SATISFACTION_CALL = "satisfaction_call"
SERVICE_CALL = "service_call"
KEY_DATE = "key_date"
AFTER_RETURN = "after_return"
CUSTOM = "custom"
RE_INTRODUCTION = "re_introduction"
# A handoff: the owner's letter saying who looks after the client now, and the note that
# welcomes her back to her own associate when a temporary handoff ends.
HANDOFF_LETTER = "handoff_letter"
WELCOME_BACK = "welcome_back"
FOLLOWUP_KINDS = (THANK_YOU_NOTE, SATISFACTION_CALL, SERVICE_CALL, KEY_DATE, AFTER_RETURN,
                  CUSTOM, RE_INTRODUCTION, HANDOFF_LETTER, WELCOME_BACK)

OPEN = "open"
DONE = "done"
SKIPPED = "skipped"
LAPSED = "lapsed"  # too old to be worth doing: off the agenda, kept in the history
FOLLOWUP_STATUSES = (OPEN, DONE, SKIPPED, LAPSED)

FOLLOWUP_CHANNELS = ("mail", "phone", "email", "text")

BIRTHDAY = "birthday"
ANNIVERSARY = "anniversary"
OCCASIONS = (BIRTHDAY, ANNIVERSARY)


class FollowUp(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="followups", on_delete="CASCADE")
    purchase = peewee.ForeignKeyField(Purchase, null=True, backref="followups",
                                      on_delete="CASCADE")
    kind = peewee.CharField()
    # Which service call of a purchase (1, 2, ...); 0 for the other kinds.
    sequence = peewee.IntegerField(default=0)
    channel = peewee.CharField()
    # A gift changes the address and number to use (never the recipient's home).
    is_gift = peewee.BooleanField(default=False)
    reason = peewee.TextField(default="")

    # rule_due: the day the rule gave; due: the day it shows (after spacing or a snooze);
    # deadline: the last day that still counts as on time (a thank-you has a week).
    rule_due = peewee.DateField()
    due = peewee.DateField()
    deadline = peewee.DateField()
    # The user chose this day (custom, snoozed, retry): the weekly cap does not move it.
    due_fixed = peewee.BooleanField(default=False)
    snoozed_from = peewee.DateField(null=True)

    status = peewee.CharField(default=OPEN)
    merged_into = peewee.ForeignKeyField("self", null=True, backref="merged",
                                         on_delete="SET NULL")
    attempts = peewee.IntegerField(default=0)
    outcome = peewee.CharField(default="")
    skip_reason = peewee.TextField(default="")
    done_on = peewee.DateField(null=True)
    done_at = peewee.DateTimeField(null=True)

    # What made it, besides a purchase: ("return", id) for an after-return follow-up.
    source_kind = peewee.CharField(default="")
    source_id = peewee.IntegerField(null=True)
    # Key-date reminders: which occasion and the day it falls on that year.
    occasion = peewee.CharField(default="")
    occasion_date = peewee.DateField(null=True)

    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "followup"
