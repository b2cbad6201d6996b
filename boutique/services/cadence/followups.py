"""Acting on follow-ups: done with an outcome, snooze, skip, add by hand, after a return.

Every action takes the day it happens as a parameter and returns a Change that `undo`
reverses exactly (the window's Edit > Undo). A satisfaction call that carries merged
calls acts for all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from playhouse.shortcuts import model_to_dict

from boutique.models import Client, FollowUp, database, utcnow
from boutique.models.followup import (
    AFTER_RETURN,
    CUSTOM,
    DONE,
    FOLLOWUP_CHANNELS,
    KEY_DATE,
    LAPSED,
    OPEN,
    SERVICE_CALL,
    SKIPPED,
)
from boutique.services.cadence import engine as cadence
from boutique.services.cadence.kinds import KIND_LABELS
from boutique.services.cadence.settings import load_rules
from boutique.services.errors import NotFound, ValidationError

REACHED = "reached"
LEFT_MESSAGE = "left_message"
NO_ANSWER = "no_answer"
WRONG_NUMBER = "wrong_number"
SENT = "sent"
BOOKED = "booked"  # a service call that booked the piece in: the service desk opens a ticket
CALL_OUTCOMES = (REACHED, LEFT_MESSAGE, NO_ANSWER, WRONG_NUMBER)
OUTCOME_LABELS = {
    REACHED: "Reached", LEFT_MESSAGE: "Left a message", NO_ANSWER: "No answer",
    WRONG_NUMBER: "Wrong number", SENT: "Sent", BOOKED: "Booked a service visit",
}
# Called as hook(followup, outcome, day) inside the transaction once a follow-up is done
# (the service desk opens a ticket for a booked service call); a hook returns a callable
# that takes back what it did, or None.
done_hooks: list = []
MAX_REASON = 2000


@dataclass
class Change:
    """What an action did, in words, and what undoing it needs."""

    message: str
    before: list[dict] = field(default_factory=list)
    created_id: int | None = None
    # What a done hook made (a service ticket for a booked call), undone with the rest.
    also_undo: list = field(default_factory=list)


def get_followup(followup_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == followup_id)
    if row is None:
        raise NotFound(f"no follow-up with id {followup_id}")
    return row


def outcomes_for(channel: str, kind: str = "") -> tuple[str, ...]:
    if channel != "phone":
        return (SENT,)
    return (*CALL_OUTCOMES, BOOKED) if kind == SERVICE_CALL else CALL_OUTCOMES


def _group(head: FollowUp) -> list[FollowUp]:
    """The follow-up and the calls merged into it."""
    return [head, *FollowUp.select().where(FollowUp.merged_into == head.id,
                                           FollowUp.status == OPEN)]


def _open_head(followup_id: int) -> FollowUp:
    row = get_followup(followup_id)
    if row.merged_into_id is not None:
        row = get_followup(row.merged_into_id)
    if row.status != OPEN:
        raise ValidationError({"status": f"this follow-up is already {row.status}"})
    return row


def _snapshot(rows: list[FollowUp]) -> list[dict]:
    return [model_to_dict(row, recurse=False) for row in rows]


def complete(followup_id: int, outcome: str, day: dt.date) -> Change:
    """Done with an outcome. 'No answer' tries again after a few days, up to the set
    number of tries; then it is closed as not reached."""
    rules = load_rules()
    with database.atomic():
        head = _open_head(followup_id)
        if outcome not in outcomes_for(head.channel, head.kind):
            allowed = ", ".join(outcomes_for(head.channel, head.kind))
            raise ValidationError({"outcome": f"'{outcome}' is not an outcome here ({allowed})"})
        group = _group(head)
        change = Change("", _snapshot(group))
        tries = head.attempts + 1
        if outcome == NO_ANSWER and tries < rules.max_tries:
            retry = day + dt.timedelta(days=rules.retry_days)
            for row in group:
                row.attempts, row.outcome = tries, NO_ANSWER
                row.due = row.deadline = retry
                row.due_fixed, row.updated_at = True, utcnow()
                row.save()
            change.message = (f"No answer (try {tries} of {rules.max_tries}): "
                              f"calling again on {retry:%a %d %b}")
        else:
            for row in group:
                row.status, row.outcome, row.attempts = DONE, outcome, tries
                row.done_on, row.done_at, row.updated_at = day, utcnow(), utcnow()
                row.save()
            label = OUTCOME_LABELS[outcome]
            change.message = (f"Closed after {tries} tries with no answer"
                              if outcome == NO_ANSWER else f"Done: {label.lower()}")
            for hook in done_hooks:
                take_back = hook(head, outcome, day)
                if take_back is not None:
                    change.also_undo.append(take_back)
    return change


def snooze(followup_id: int, until: dt.date, day: dt.date) -> Change:
    if not isinstance(until, dt.date) or until <= day:
        raise ValidationError({"until": "snooze to a day after the one shown"})
    with database.atomic():
        head = _open_head(followup_id)
        group = _group(head)
        change = Change(f"Snoozed to {until:%a %d %b %Y}", _snapshot(group))
        for row in group:
            row.snoozed_from = row.snoozed_from or row.due
            row.due, row.deadline = until, max(row.deadline, until)
            row.due_fixed, row.updated_at = True, utcnow()
            row.save()
    return change


def skip(followup_id: int, reason: str, day: dt.date) -> Change:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "say why this follow-up is skipped"})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"keep the reason under {MAX_REASON} characters"})
    with database.atomic():
        head = _open_head(followup_id)
        group = _group(head)
        change = Change("Skipped", _snapshot(group))
        for row in group:
            row.status, row.skip_reason = SKIPPED, reason
            row.done_on, row.done_at, row.updated_at = day, utcnow(), utcnow()
            row.save()
    return change


def undo(change: Change) -> None:
    """Put the rows back as they were before the action (and drop a row it created)."""
    with database.atomic():
        for values in change.before:
            values = dict(values)
            fid = values.pop("id")
            FollowUp.update(**values).where(FollowUp.id == fid).execute()
        if change.created_id is not None:
            FollowUp.delete().where(FollowUp.id == change.created_id).execute()
        for take_back in change.also_undo:
            take_back()


def _contactable(client_id: int) -> Client:
    client = Client.get_or_none(Client.id == client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound(f"no client with id {client_id}")
    return client


def add_custom(client_id: int, due: dt.date, reason: str, channel: str = "phone",
               is_gift: bool = False) -> FollowUp:
    """A follow-up added by hand from the client's profile, on the day the user chose."""
    errors = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = "say what the follow-up is about"
    elif len(reason) > MAX_REASON:
        errors["reason"] = f"keep the reason under {MAX_REASON} characters"
    if channel not in FOLLOWUP_CHANNELS:
        errors["channel"] = f"choose one of {', '.join(FOLLOWUP_CHANNELS)}"
    if not isinstance(due, dt.date):
        errors["due"] = "give the day it is due"
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        client = _contactable(client_id)
        if client.do_not_contact:
            raise ValidationError({"client": "this client asked not to be contacted"})
        now = utcnow()
        row = FollowUp.create(client=client_id, kind=CUSTOM, channel=channel, is_gift=is_gift,
                              reason=reason, rule_due=due, due=due, deadline=due,
                              due_fixed=True, created_at=now, updated_at=now)
        cadence.respace_client(client)
    return row


def schedule_after_return(client_id: int, when: dt.date, reason: str, source_id: int,
                          is_gift: bool = False) -> FollowUp | None:
    """The hook for returns and exchanges: a follow-up a few days after `when` (the day the
    return was processed) to make sure the client was happy with how it went.

    Calling it again for the same return updates that follow-up rather than adding one.
    Returns None for a client who asked not to be contacted.
    """
    rules = load_rules()
    due = when + dt.timedelta(days=rules.after_return_days)
    reason = (reason or "").strip() or "After the return: was everything handled well?"
    with database.atomic():
        client = _contactable(client_id)
        if client.do_not_contact:
            return None
        now = utcnow()
        existing = FollowUp.get_or_none(FollowUp.source_kind == "return",
                                        FollowUp.source_id == source_id,
                                        FollowUp.kind == AFTER_RETURN)
        if existing is not None:
            if existing.status == OPEN:
                (FollowUp.update(rule_due=due, due=due, deadline=due, reason=reason,
                                 is_gift=is_gift, updated_at=now)
                 .where(FollowUp.id == existing.id).execute())
            row = FollowUp.get_by_id(existing.id)
        else:
            row = FollowUp.create(client=client_id, kind=AFTER_RETURN,
                                  channel=rules.after_return_channel, is_gift=is_gift,
                                  reason=reason[:MAX_REASON], rule_due=due, due=due, deadline=due,
                                  source_kind="return", source_id=source_id,
                                  created_at=now, updated_at=now)
        cadence.respace_client(client, rules)
    return row


def resolve(item) -> tuple[int, int | None]:
    """The stored follow-up behind an agenda item: (id, id created now or None).

    Key-date reminders are computed, not stored; acting on one stores it first.
    """
    if item.followup_id:
        return item.followup_id, None
    if item.kind != KEY_DATE or item.occasion_date is None:
        raise NotFound("this follow-up is not stored")
    existing = FollowUp.get_or_none(FollowUp.kind == KEY_DATE, FollowUp.client == item.client_id,
                                    FollowUp.occasion == item.occasion,
                                    FollowUp.occasion_date == item.occasion_date)
    if existing is not None:
        return existing.id, None
    now = utcnow()
    row = FollowUp.create(client=item.client_id, kind=KEY_DATE, channel=item.channel,
                          is_gift=item.channel == "phone", reason=item.reason,
                          rule_due=item.due, due=item.due,
                          deadline=item.occasion_date or item.due, occasion=item.occasion, occasion_date=item.occasion_date,
                          created_at=now, updated_at=now)
    return row.id, row.id


def act(item, action: str, day: dt.date, **options) -> Change:
    """Done / snooze / skip on an agenda item, storing a key-date reminder first if needed."""
    with database.atomic():
        followup_id, created = resolve(item)
        if action == "done":
            change = complete(followup_id, options["outcome"], day)
        elif action == "snooze":
            change = snooze(followup_id, options["until"], day)
        elif action == "skip":
            change = skip(followup_id, options.get("reason", ""), day)
        else:
            raise ValueError(f"unknown action {action!r}")
        change.created_id = created
    return change


@dataclass(frozen=True)
class FollowupRow:
    """One follow-up as a client's profile lists it."""

    id: int  # 0: a birthday or anniversary reminder not acted on yet
    kind: str
    due: dt.date
    deadline: dt.date
    reason: str
    channel: str
    status: str
    outcome: str = ""
    skip_reason: str = ""
    done_on: dt.date | None = None
    attempts: int = 0
    snoozed_from: dt.date | None = None
    occasion: str = ""

    @property
    def kind_text(self) -> str:
        if self.kind == KEY_DATE and self.occasion:
            from boutique.services.cadence.occasions import occasion_label

            return occasion_label(self.occasion)
        return KIND_LABELS.get(self.kind, self.kind)

    def state_text(self) -> str:
        if self.status == SKIPPED:
            return f"Skipped: {self.skip_reason}"
        if self.status == LAPSED:
            return f"Lapsed {self.done_on:%d %b %Y}" if self.done_on else "Lapsed"
        if self.status == DONE:
            return OUTCOME_LABELS.get(self.outcome, self.outcome or "Done")
        bits = []
        if self.snoozed_from:
            bits.append(f"snoozed (was {self.snoozed_from:%d %b})")
        if self.attempts:
            bits.append(f"no answer ×{self.attempts}")
        return ", ".join(bits) or ("reminder" if not self.id else "")


def client_followups(client_id: int, day: dt.date) -> tuple[list[FollowupRow], list[FollowupRow]]:
    """(open, past) follow-ups of one client as of `day`: open ones by due day (with the
    coming year's birthday and anniversary reminders), past ones newest first (those
    lapsed by `day` among them). A call that carries merged calls names all their
    purchases."""
    from boutique.services.cadence.key_dates import reason_for, reminders_due_between
    from boutique.services.cadence.lapsing import lapsed_ids
    from boutique.services.cadence.relation_dates import occasion_reminders_due_between
    from boutique.services.cadence.rules import merged_reason

    rules = load_rules()
    lapsed_by_day = lapsed_ids(day, client_id, rules)
    rows = list(FollowUp.select().where(FollowUp.client == client_id)
                .order_by(FollowUp.rule_due, FollowUp.id))
    members: dict[int, list[str]] = {}
    for row in rows:
        if row.merged_into_id is not None:
            members.setdefault(row.merged_into_id, []).append(row.reason)
    open_rows, past = [], []
    for row in rows:
        if row.merged_into_id is not None:
            continue
        reason = (merged_reason([row.reason, *members[row.id]], row.kind) if row.id in members
                  else row.reason)
        status, done_on = row.status, row.done_on
        if row.id in lapsed_by_day:
            status, done_on = LAPSED, lapsed_by_day[row.id]
        item = FollowupRow(row.id, row.kind, row.due, row.deadline, reason, row.channel,
                           status, row.outcome, row.skip_reason, done_on, row.attempts,
                           row.snoozed_from, row.occasion)
        (open_rows if status == OPEN else past).append(item)
    lead = rules.key_date_lead_days
    client = Client.get_or_none(Client.id == client_id)
    partner = client.partner_name if client else ""
    found = [(r, reason_for(r, partner)) for r in reminders_due_between(
        day - dt.timedelta(days=lead), day + dt.timedelta(days=365), lead, [client_id],
        unstored_only=True)]
    found += occasion_reminders_due_between(day - dt.timedelta(days=lead),
                                            day + dt.timedelta(days=365), lead, [client_id],
                                            unstored_only=True)
    for reminder, why in found:
        if reminder.occasion_date >= day:
            open_rows.append(FollowupRow(0, KEY_DATE, reminder.due, reminder.due, why,
                                         rules.key_date_channel, OPEN,
                                         occasion=reminder.occasion))
    open_rows.sort(key=lambda r: (r.due, r.id))
    past.sort(key=lambda r: (r.done_on or r.due, r.id), reverse=True)
    return open_rows, past
