"""The cadence engine: schedules, moves and spaces a client's follow-ups as purchases change.

Wired into services.clients.purchases (see the bottom of that module), so a purchase recorded
anywhere (window, command line, import) gets its follow-ups in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import Client, FollowUp, Purchase, database, utcnow
from boutique.models.followup import (
    KEY_DATE,
    OPEN,
    SATISFACTION_CALL,
    SERVICE_CALL,
    THANK_YOU_NOTE,
)
from boutique.services.cadence.dates import week_start
from boutique.services.cadence.gift_days import refresh_gift_reminder_days
from boutique.services.cadence.gifts import delivery_for, gift_day_of
from boutique.services.cadence.key_dates import client_reminder_days
from boutique.services.cadence.lapsing import lapse_stale
from boutique.services.cadence.relation_dates import occasion_reminders_due_between
from boutique.services.cadence.rules import (
    PurchaseFacts,
    plan_purchase,
    purchase_summary,
    reason_for,
)
from boutique.services.cadence.settings import CadenceRules, load_rules
from boutique.services.cadence.spacing import STAY_PUT, Slot, merge_group, space_client

PURCHASE_KINDS = (THANK_YOU_NOTE, SATISFACTION_CALL, SERVICE_CALL)


def purchase_facts(purchase: Purchase, rules: CadenceRules | None = None) -> PurchaseFacts:
    """What the rules need to know about a purchase, in one query."""
    row = database.execute_sql(
        """SELECT description, category, (SELECT COUNT(*) FROM purchase_item
                                          WHERE purchase_id = ?)
           FROM purchase_item WHERE purchase_id = ? ORDER BY position, id LIMIT 1""",
        (purchase.id, purchase.id),
    ).fetchone()
    description, category, count = row if row else ("purchase", "", 1)
    summary = purchase_summary(description, category, count)
    day, delivery = None, ""
    if purchase.is_gift:
        day = gift_day_of(purchase)
        delivery = delivery_for(True, purchase.gift_delivery or "",
                                Client.get_by_id(purchase.client_id),
                                (rules or load_rules()).gift_shared_home, day is not None)
    return PurchaseFacts(
        purchase_id=purchase.id, client_id=purchase.client_id,
        purchase_date=purchase.purchase_date, summary=summary, category=category or "",
        is_gift=bool(purchase.is_gift), gift_recipient=purchase.gift_recipient or "",
        gift_relation=purchase.gift_relation or "", gift_day=day, delivery=delivery,
    )


def planned_rows(facts: PurchaseFacts, rules: CadenceRules) -> list[dict]:
    now = utcnow()
    return [
        dict(client=facts.client_id, purchase=facts.purchase_id, kind=p.kind,
             sequence=p.sequence, channel=p.channel, is_gift=p.is_gift, reason=p.reason,
             rule_due=p.rule_due, due=p.rule_due, deadline=p.deadline, status=OPEN,
             created_at=now, updated_at=now)
        for p in plan_purchase(facts, rules)
    ]


def on_purchase_changed(event: str, purchase: Purchase, previous_date: dt.date | None) -> None:
    """purchase_hooks entry: schedule a new purchase's follow-ups, move an edited one's."""
    # The day a gift reminds of is kept with it, worked out in the sale's own transaction.
    refresh_gift_reminder_days(purchase.client_id)
    rules = load_rules()
    client = Client.get_by_id(purchase.client_id)
    if event == "created":
        if client.do_not_contact or client.deleted_at is not None:
            return
        # What lapsed before this sale is history: nothing new merges into it.
        lapse_stale(purchase.purchase_date, client.id)
        FollowUp.insert_many(planned_rows(purchase_facts(purchase, rules), rules)).execute()
    elif event == "updated":
        _refresh_open_rows(purchase, previous_date)
        _refresh_gift_days(purchase, rules)
    else:
        return
    respace_client(client, rules)


def on_purchase_deleted(client_id: int, purchase_id: int) -> None:
    """After a purchase is deleted (its follow-ups went with it): re-merge and re-space."""
    client = Client.get_or_none(Client.id == client_id)
    if client is not None:
        respace_client(client, load_rules())


def _refresh_open_rows(purchase: Purchase, previous_date: dt.date | None) -> None:
    facts = purchase_facts(purchase)
    for kind in PURCHASE_KINDS:
        (FollowUp.update(reason=reason_for(kind, facts), is_gift=facts.is_gift,
                         updated_at=utcnow())
         .where(FollowUp.purchase == purchase.id, FollowUp.kind == kind,
                FollowUp.status == OPEN).execute())
    if previous_date is None or previous_date == purchase.purchase_date:
        return
    shift = f"{(purchase.purchase_date - previous_date).days:+d} days"
    database.execute_sql(
        """UPDATE followup SET rule_due = date(rule_due, ?), due = date(due, ?),
                  deadline = date(deadline, ?), snoozed_from = date(snoozed_from, ?)
           WHERE purchase_id = ? AND status = 'open'""",
        (shift, shift, shift, shift, purchase.id),
    )


def _refresh_gift_days(purchase: Purchase, rules: CadenceRules) -> None:
    """The note and call that wait on a gift's day follow it when it is given or changed
    (unless the jeweler chose their day)."""
    for planned in plan_purchase(purchase_facts(purchase, rules), rules):
        if planned.kind not in (THANK_YOU_NOTE, SATISFACTION_CALL):
            continue
        (FollowUp.update(rule_due=planned.rule_due, due=planned.rule_due,
                         deadline=planned.deadline, updated_at=utcnow())
         .where(FollowUp.purchase == purchase.id, FollowUp.kind == planned.kind,
                FollowUp.status == OPEN, FollowUp.due_fixed == False,  # noqa: E712
                FollowUp.snoozed_from.is_null()).execute())


def respace_client(client: Client, rules: CadenceRules | None = None) -> int:
    """Re-merge and re-cap one client's open follow-ups; returns how many rows moved."""
    rules = rules or load_rules()
    rows = list(FollowUp.select(
        FollowUp.id, FollowUp.kind, FollowUp.rule_due, FollowUp.due, FollowUp.deadline,
        FollowUp.due_fixed, FollowUp.merged_into, FollowUp.occasion_date, FollowUp.is_gift,
    ).where(FollowUp.client == client.id, FollowUp.status == OPEN).tuples())
    if not rows:
        return 0
    slots = [Slot(r[0], r[1], r[2], r[3], bool(r[5]), merge_group(r[1], r[8])) for r in rows]
    stored_key_dates = {r[7] for r in rows if r[1] == KEY_DATE}
    first = week_start(min(s.anchor for s in slots))
    last = max(s.anchor for s in slots) + dt.timedelta(weeks=len(slots) + 1)
    taken = client_reminder_days(client, first, last, rules.key_date_lead_days,
                                 stored_key_dates)
    # Her people's dates and last year's gift occasions are contacts too.
    taken += [reminder.due for reminder, _why in occasion_reminders_due_between(
        first, last, rules.key_date_lead_days, [client.id], unstored_only=True)]
    placements = space_client(slots, taken, rules.merge_window_days, rules.weekly_cap,
                              rules.monthly_cap, rules.note_merge_days, rules.service_merge_days)
    moved = 0
    for fid, kind, _rule_due, due, deadline, fixed, merged_into, _occ, _gift in rows:
        place = placements[fid]
        if place.due == due and place.merged_into == merged_into:
            continue
        values = {"due": place.due, "merged_into": place.merged_into, "updated_at": utcnow(),
                  # A call moved by the cap is due on its new day; a chosen day keeps
                  # its own deadline unless it now follows another call.
                  "deadline": (place.due if not fixed and kind not in STAY_PUT
                               else max(deadline, place.due))}
        FollowUp.update(**values).where(FollowUp.id == fid).execute()
        moved += 1
    return moved


def keep_followups_ahead(purchase_id: int, day: dt.date, keep_any: bool = True) -> int:
    """For an imported purchase: drop its follow-ups due before `day` (or all of them when
    not `keep_any`: a refunded or cancelled order owes no thank-you). Returns how many stay."""
    purchase = Purchase.get_by_id(purchase_id)
    dropped = FollowUp.delete().where(FollowUp.purchase == purchase_id, FollowUp.status == OPEN)
    if keep_any:
        dropped = dropped.where(FollowUp.rule_due < day)
    dropped.execute()
    respace_client(Client.get_by_id(purchase.client_id))
    return (FollowUp.select().where(FollowUp.purchase == purchase_id, FollowUp.status == OPEN)
            .count())
