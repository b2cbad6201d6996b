"""The cadence rules over a whole store at once: the demo and benchmark stores, and
rescheduling every open follow-up after the rules change.

Same rules as one purchase at the counter (plan_purchase, space_client); only the
reading and writing is done in bulk, so 300,000 purchases take seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from types import SimpleNamespace

from boutique.models import database, indexes_rebuilt_after, more_than_held, utcnow
from boutique.models.followup import (
    CUSTOM,
    DONE,
    KEY_DATE,
    OPEN,
    SATISFACTION_CALL,
    SERVICE_CALL,
    SKIPPED,
    THANK_YOU_NOTE,
)
from boutique.services.cadence.dates import week_start
from boutique.services.cadence.gifts import gift_day
from boutique.services.cadence.key_dates import client_reminder_days, reminders_due_between
from boutique.services.cadence.key_dates import reason_for as key_date_reason
from boutique.services.cadence.relation_dates import occasion_reminders_due_between
from boutique.services.cadence.rules import PurchaseFacts, plan_purchase, purchase_summary, rule_day
from boutique.services.cadence.settings import CadenceRules, load_rules
from boutique.services.cadence.spacing import STAY_PUT, Slot, merge_group, space_client

BATCH = 50_000  # rows per transaction: fewer commits and checkpoints on a big store
# The demo boutique has kept its follow-ups in the app for a year: older ones are not on
# record (this also keeps building the 300,000-purchase benchmark store to seconds).
HISTORY_DAYS = 365
# How a diligent jeweler's history looks: most contacts made, a short recent backlog.
RECENT_BACKLOG_DAYS = 7
RECENT_OPEN_SHARE = 0.12
IN_WINDOW_OPEN_SHARE = 0.3
LATE_SHARE = 0.12
CUSTOM_SHARE = 0.01
CUSTOM_REASONS = (
    "Ring resized last week: check the fit", "Engraving ready: arrange pick-up",
    "Ask about the matching earrings she admired", "Watch battery: remind to bring it in",
    "Appraisal for insurance is ready", "Pearls restrung: confirm she is happy",
)
INSERT_COLUMNS = ("id", "client_id", "purchase_id", "kind", "sequence", "channel", "is_gift",
                  "reason", "rule_due", "due", "deadline", "due_fixed", "status",
                  "merged_into_id", "attempts", "outcome", "skip_reason", "done_on", "done_at",
                  "occasion", "occasion_date", "created_at", "updated_at")


def key_dates_by_client() -> dict[int, SimpleNamespace]:
    rows = database.execute_sql(
        """SELECT id, birthday_month, birthday_day, anniversary_month, anniversary_day
           FROM client WHERE deleted_at IS NULL AND do_not_contact = 0
             AND (birthday_month IS NOT NULL OR anniversary_month IS NOT NULL)""")
    return {r[0]: SimpleNamespace(birthday_month=r[1], birthday_day=r[2],
                                  anniversary_month=r[3], anniversary_day=r[4],
                                  do_not_contact=False, deleted_at=None) for r in rows}


def taken_days(dates, slots: list[Slot], lead: int, stored=frozenset()) -> list[dt.date]:
    if dates is None or not slots:
        return []
    first = week_start(min(s.anchor for s in slots))
    last = max(s.anchor for s in slots) + dt.timedelta(weeks=len(slots) + 1)
    return client_reminder_days(dates, first, last, lead, stored)


def first_items(first_purchase_id: int = 0) -> dict[int, list]:
    """purchase id -> [first item's description, its category, number of items], for the
    purchases from `first_purchase_id` on."""
    found: dict[int, list] = {}
    for purchase_id, description, category in database.execute_sql(
            "SELECT purchase_id, description, category FROM purchase_item "
            "WHERE purchase_id >= ? ORDER BY purchase_id, position, id", (first_purchase_id,)):
        entry = found.get(purchase_id)
        if entry is None:
            found[purchase_id] = [description, category, 1]
        else:
            entry[2] += 1
    return found


def _purchases_without_followups():
    return database.execute_sql(
        """SELECT p.id, p.client_id, p.purchase_date, p.is_gift, p.gift_recipient,
                  p.gift_relation, p.gift_occasion, p.gift_given_on
           FROM purchase p JOIN client c ON c.id = p.client_id
           WHERE c.do_not_contact = 0 AND c.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.purchase_id = p.id)
           ORDER BY p.client_id, p.purchase_date, p.id""").fetchall()


def _history(row: dict, today: dt.date, rng: random.Random) -> None:
    """Mark a demo follow-up as the jeweler would have left it by `today`: nearly all made,
    most on time; a few of the last week's still open; notes often written early."""
    due, deadline = row["due"], row["deadline"]
    if due >= today:
        return
    if deadline >= today:  # in its window (a thank-you's week): often done already
        if rng.random() < IN_WINDOW_OPEN_SHARE:
            return
        _close(row, rng.choice(_days(due, today - dt.timedelta(days=1))), rng)
        return
    if deadline >= today - dt.timedelta(days=RECENT_BACKLOG_DAYS) and (
            rng.random() < RECENT_OPEN_SHARE):
        return
    late = rng.random() < LATE_SHARE
    done_on = (deadline + dt.timedelta(days=rng.randint(1, 4)) if late
               else max(due, deadline - dt.timedelta(days=rng.randint(0, 2))))
    _close(row, min(done_on, today - dt.timedelta(days=1)), rng)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _close(row: dict, done_on: dt.date, rng: random.Random) -> None:
    roll = rng.random()
    row.update(done_on=done_on, done_at=f"{done_on} 10:30:00")
    if roll < 0.04:
        row.update(status=SKIPPED, skip_reason="Client travelling")
    elif row["channel"] != "phone":
        row.update(status=DONE, outcome="sent", attempts=1)
    elif roll < 0.74:
        row.update(status=DONE, outcome="reached", attempts=1)
    elif roll < 0.94:
        row.update(status=DONE, outcome="left_message", attempts=1)
    else:
        row.update(status=DONE, outcome="no_answer", attempts=3)


def _key_date_history(today: dt.date, rules: CadenceRules, rng: random.Random,
                      next_id: int) -> list[dict]:
    """The recent birthday and anniversary reminders the jeweler already handled (stored as
    done), as a shop using the app every morning would have: like the other follow-ups,
    only a few of the last week's are still open."""
    lead = rules.key_date_lead_days
    found = [(r, key_date_reason(r)) for r in reminders_due_between(
        today - dt.timedelta(days=lead), today - dt.timedelta(days=1), lead, unstored_only=True)]
    found += occasion_reminders_due_between(today - dt.timedelta(days=lead),
                                            today - dt.timedelta(days=1), lead,
                                            unstored_only=True)
    recent = today - dt.timedelta(days=RECENT_BACKLOG_DAYS)
    rows = []
    now = str(utcnow())
    channel = rules.key_date_channel
    for reminder, reason in found:
        if reminder.due >= recent and rng.random() < RECENT_OPEN_SHARE:
            continue
        row = dict(id=next_id + len(rows), client_id=reminder.client_id, purchase_id=None,
                   kind=KEY_DATE, sequence=0, channel=channel, is_gift=channel == "phone",
                   reason=reason, rule_due=reminder.due, due=reminder.due,
                   deadline=reminder.due, due_fixed=False, status=OPEN, merged_into_id=None,
                   attempts=0, outcome="", skip_reason="", done_on=None, done_at=None,
                   created_at=now, occasion=reminder.occasion,
                   occasion_date=reminder.occasion_date)
        _close(row, min(today - dt.timedelta(days=1),
                        reminder.due + dt.timedelta(days=rng.randint(0, 2))), rng)
        rows.append(row)
    return rows


def _client_rows(purchases, items, rules, dates, next_id, today, rng) -> list[dict]:
    rows: list[dict] = []
    now = str(utcnow())
    for pid, client_id, bought, is_gift, recipient, relation, occasion, given in purchases:
        description, category, count = items.get(pid, ("purchase", "", 1))
        summary = purchase_summary(description, category, count)
        bought = bought if isinstance(bought, dt.date) else dt.date.fromisoformat(bought)
        # (a demo store's gifts name no relation and keep their notes' usual days)
        day = (gift_day(bought, dt.date.fromisoformat(str(given)[:10]) if given else None,
                        occasion or "") if is_gift else None)
        facts = PurchaseFacts(pid, client_id, bought, summary, category or "", bool(is_gift),
                              recipient or "", relation or "", gift_day=day)
        for p in plan_purchase(facts, rules):
            rows.append(dict(client_id=client_id, purchase_id=pid, kind=p.kind,
                             sequence=p.sequence, channel=p.channel, is_gift=p.is_gift,
                             reason=p.reason, rule_due=p.rule_due, due=p.rule_due,
                             deadline=p.deadline, due_fixed=False, status=OPEN,
                             merged_into_id=None, attempts=0, outcome="", skip_reason="",
                             done_on=None, done_at=None, created_at=now, updated_at=now))
    if rng.random() < CUSTOM_SHARE * max(1, len(purchases)):
        due = today + dt.timedelta(days=rng.randint(-3, 30))
        rows.append(dict(client_id=purchases[0][1], purchase_id=None, kind=CUSTOM,
                         sequence=0, channel="phone", is_gift=False,
                         reason=rng.choice(CUSTOM_REASONS), rule_due=due, due=due,
                         deadline=due, due_fixed=True, status=OPEN, merged_into_id=None,
                         attempts=0, outcome="", skip_reason="", done_on=None, done_at=None,
                         created_at=now, updated_at=now))
    slots = [Slot(i, r["kind"], r["rule_due"], r["due"], r["due_fixed"],
                  merge_group(r["kind"], r["is_gift"]))
             for i, r in enumerate(rows)]
    taken = taken_days(dates, slots, rules.key_date_lead_days)
    placements = space_client(slots, taken, rules.merge_window_days, rules.weekly_cap,
                              rules.monthly_cap, rules.note_merge_days, rules.service_merge_days)
    records_begin = today - dt.timedelta(days=HISTORY_DAYS)
    for index, row in enumerate(rows):
        row["due"] = placements[index].due
        if row["kind"] not in STAY_PUT:
            row["deadline"] = row["due"]
    # Before the follow-ups were kept in the app there is no record; a merged note or call
    # is kept with all it carries when any of them falls after records began.
    def group_of(i: int) -> int:
        return placements[i].merged_into if placements[i].merged_into is not None else i

    recorded = {group_of(i) for i, r in enumerate(rows)
                if max(r["deadline"], r["rule_due"]) >= records_begin}
    kept = [i for i in range(len(rows)) if group_of(i) in recorded]
    heads_first = sorted(kept, key=lambda i: placements[i].merged_into is not None)
    ids = {index: next_id + n for n, index in enumerate(heads_first)}
    for index in heads_first:
        rows[index]["id"] = ids[index]
        head = placements[index].merged_into
        if head is not None:
            rows[index]["merged_into_id"] = ids[head]
    by_id = {rows[i]["id"]: rows[i] for i in heads_first}
    for index in heads_first:  # heads first, so a merged call copies a settled head
        row = rows[index]
        if row["merged_into_id"] is None:
            _history(row, today, rng)
        else:
            head = by_id[row["merged_into_id"]]
            for name in ("status", "outcome", "attempts", "skip_reason", "done_on", "done_at"):
                row[name] = head[name]
    return [rows[i] for i in heads_first]


_INSERT_SQL = (f"INSERT INTO followup ({', '.join(INSERT_COLUMNS)}) "
               f"VALUES ({','.join('?' * len(INSERT_COLUMNS))})")


def insert_followup_rows(rows: list[dict]) -> None:
    # Dates as the store keeps them (ISO text), built directly: this runs a million times.
    insert_followup_values([
        (r["id"], r["client_id"], r["purchase_id"], r["kind"], r["sequence"], r["channel"],
         int(r["is_gift"]), r["reason"], str(r["rule_due"]), str(r["due"]), str(r["deadline"]),
         int(r["due_fixed"]), r["status"], r["merged_into_id"], r["attempts"], r["outcome"],
         r["skip_reason"], str(r["done_on"]) if r["done_on"] else None, r["done_at"],
         r.get("occasion", ""), str(r["occasion_date"]) if r.get("occasion_date") else None,
         r["created_at"], r["created_at"])
        for r in rows
    ])


# Indexes whose order is not the order new follow-ups arrive in (by id). A write of more
# rows than the table holds (an import into a new or small book) builds each of them once
# at its end, sorted, instead of placing every row at a random page: the insert takes half
# the time. The unique indexes stay, as they check each row.
REBUILT_FOR_BULK = ("followup_agenda", "followup_client_due", "followup_purchase",
                    "followup_deadline")
BULK_ROWS = 10_000  # (models.more_than_held)


def insert_followup_values(values: list[tuple]) -> None:
    """Follow-ups as tuples in INSERT_COLUMNS order, dates as ISO text."""
    rebuilt = (REBUILT_FOR_BULK if database.in_transaction()
               and more_than_held("followup", len(values), BULK_ROWS) else ())
    with indexes_rebuilt_after(rebuilt):
        database.connection().executemany(_INSERT_SQL, values)


def schedule_demo(today: dt.date) -> int:
    """demo_hooks entry: follow-ups for every purchase without any, with a believable
    history up to `today` (most made on time, a short backlog of recent ones still open)."""
    rules = load_rules()
    rng = random.Random(today.toordinal())
    items = first_items()
    dates = key_dates_by_client()
    purchases = _purchases_without_followups()
    next_id = (database.execute_sql("SELECT MAX(id) FROM followup").fetchone()[0] or 0) + 1
    pending: list[dict] = []
    written = 0
    start = 0
    while start < len(purchases):
        end = start
        client_id = purchases[start][1]
        while end < len(purchases) and purchases[end][1] == client_id:
            end += 1
        rows = _client_rows(purchases[start:end], items, rules, dates.get(client_id),
                            next_id, today, rng)
        next_id += len(rows)
        pending += rows
        start = end
        if len(pending) >= BATCH:
            with database.atomic():
                insert_followup_rows(pending)
            written += len(pending)
            pending = []
    pending += _key_date_history(today, rules, rng, next_id)
    if pending:
        with database.atomic():
            insert_followup_rows(pending)
        written += len(pending)
    return written


def reschedule_open(rules: CadenceRules | None = None) -> int:
    """Apply the current rules to every open follow-up made from a purchase (not those whose
    day the user chose): new days, service calls beyond the new count dropped, then
    merged and capped again. Returns how many follow-ups changed."""
    rules = rules or load_rules()
    rows = database.execute_sql(
        """SELECT f.id, f.client_id, f.kind, f.sequence, f.rule_due, f.due, f.deadline,
                  f.due_fixed, f.merged_into_id, p.purchase_date, f.occasion_date, f.is_gift
           FROM followup f LEFT JOIN purchase p ON p.id = f.purchase_id
           WHERE f.status = 'open' ORDER BY f.client_id""").fetchall()
    dates = key_dates_by_client()
    service_count = rules.service_years + 1
    by_client: dict[int, list] = defaultdict(list)
    dropped: list[int] = []
    original: dict[int, tuple] = {}
    for row in rows:
        (fid, client_id, kind, sequence, rule_due, due, deadline, fixed, merged, bought,
         occasion_date, is_gift) = row
        rule_due, due, deadline = (dt.date.fromisoformat(str(v)[:10])
                                   for v in (rule_due, due, deadline))
        original[fid] = (rule_due, due, deadline, merged)
        if bought and kind in (THANK_YOU_NOTE, SATISFACTION_CALL, SERVICE_CALL) and not fixed:
            if kind == SERVICE_CALL and sequence > service_count:
                dropped.append(fid)
                continue
            bought = dt.date.fromisoformat(str(bought)[:10])
            ruled = rule_day(kind, sequence, bought, rules)
            if is_gift and kind != SERVICE_CALL and rule_due > ruled:
                pass  # a gift's note or call waiting on the day it is given keeps its day
            else:
                rule_due = ruled
                if kind == THANK_YOU_NOTE:
                    due = rule_due
                    deadline = bought + dt.timedelta(days=rules.thank_you_within_days)
        by_client[client_id].append([fid, kind, rule_due, due, deadline, bool(fixed), merged,
                                     occasion_date, bool(is_gift)])
    with database.atomic():
        for chunk_start in range(0, len(dropped), 900):
            chunk = dropped[chunk_start:chunk_start + 900]
            database.execute_sql(f"DELETE FROM followup WHERE id IN ({','.join('?' * len(chunk))})",
                                 chunk)
        updates = []
        for client_id, client_rows in by_client.items():
            slots = [Slot(r[0], r[1], r[2], r[3], r[5], merge_group(r[1], r[8]))
                     for r in client_rows]
            stored = {dt.date.fromisoformat(str(r[7])[:10]) for r in client_rows
                      if r[1] == KEY_DATE and r[7]}
            taken = taken_days(dates.get(client_id), slots, rules.key_date_lead_days, stored)
            placements = space_client(slots, taken, rules.merge_window_days, rules.weekly_cap,
                                      rules.monthly_cap, rules.note_merge_days,
                                      rules.service_merge_days)
            for fid, kind, rule_due, _due, deadline, fixed, _merged, _occ, _gift in client_rows:
                place = placements[fid]
                new_deadline = (place.due if not fixed and kind not in STAY_PUT
                                else max(deadline, place.due))
                if (rule_due, place.due, new_deadline, place.merged_into) != original[fid]:
                    updates.append((rule_due.isoformat(), place.due.isoformat(),
                                    new_deadline.isoformat(), place.merged_into, fid))
        for chunk_start in range(0, len(updates), BATCH):
            database.connection().executemany(
                """UPDATE followup SET rule_due = ?, due = ?, deadline = ?, merged_into_id = ?
                   WHERE id = ?""", updates[chunk_start:chunk_start + BATCH])
        changed = len(updates) + len(dropped)
    return changed
