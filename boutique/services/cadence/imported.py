"""Follow-ups for the purchases an import wrote, all at once.

The same follow-ups that recording each purchase at the counter would make (`plan_purchase`),
minus those due before the import day (no wave of overdue notes for last year's sales) and
all of a refunded or cancelled order's; then each client's are spaced with the open
follow-ups she already has (`space_client`), as `respace_client` would. Reading and writing
are done in bulk, so an import of 100,000 orders is not 100,000 rounds of queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from boutique.models import Purchase, database, utcnow
from boutique.models.followup import KEY_DATE, OPEN
from boutique.services.cadence.bulk import (
    first_items,
    insert_followup_values,
    key_dates_by_client,
    taken_days,
)
from boutique.services.cadence.engine import purchase_facts
from boutique.services.cadence.rules import PurchaseFacts, plan_purchase, purchase_summary
from boutique.services.cadence.settings import CadenceRules, load_rules
from boutique.services.cadence.spacing import STAY_PUT, Slot, merge_group, space_client


def _facts(first_id: int, rules: CadenceRules) -> dict[int, list[PurchaseFacts]]:
    """client id -> facts of her purchases from `first_id` on that may have follow-ups."""
    items = first_items(first_id)
    by_client: dict[int, list[PurchaseFacts]] = defaultdict(list)
    for pid, client_id, bought, is_gift in database.execute_sql(
            """SELECT p.id, p.client_id, p.purchase_date, p.is_gift
               FROM purchase p JOIN client c ON c.id = p.client_id
               WHERE p.id >= ? AND p.voided = '' AND c.do_not_contact = 0
                 AND c.deleted_at IS NULL
               ORDER BY p.client_id, p.purchase_date, p.id""", (first_id,)):
        if is_gift:  # rare in an import: the gift's day and delivery as at the counter
            by_client[client_id].append(purchase_facts(Purchase.get_by_id(pid), rules))
            continue
        description, category, count = items.get(pid, ("purchase", "", 1))
        by_client[client_id].append(PurchaseFacts(
            pid, client_id, dt.date.fromisoformat(str(bought)[:10]),
            purchase_summary(description, category, count), category or ""))
    return by_client


def _open_rows(first_id: int) -> dict[int, list[tuple]]:
    """The open follow-ups the import's clients already have, by client."""
    found: dict[int, list[tuple]] = defaultdict(list)
    for row in database.execute_sql(
            """SELECT client_id, id, kind, rule_due, due, deadline, due_fixed, merged_into_id,
                      occasion_date, is_gift
               FROM followup WHERE status = 'open'
                 AND client_id IN (SELECT client_id FROM purchase WHERE id >= ?)""",
            (first_id,)):
        client_id, fid, kind, rule_due, due, deadline, fixed, merged, occasion, is_gift = row
        found[client_id].append((fid, kind, *(dt.date.fromisoformat(str(d)[:10])
                                              for d in (rule_due, due, deadline)),
                                 bool(fixed), merged, occasion, bool(is_gift)))
    return found


def schedule_imported(first_purchase_id: int, today: dt.date) -> int:
    """Schedule the follow-ups of the purchases with id >= `first_purchase_id` (an import's,
    inside its transaction); returns how many were added."""
    rules = load_rules()
    dates = key_dates_by_client()
    existing = _open_rows(first_purchase_id)
    next_id = (database.execute_sql("SELECT MAX(id) FROM followup").fetchone()[0] or 0) + 1
    now = str(utcnow())
    new_rows: list[tuple] = []  # in bulk.INSERT_COLUMNS order
    updates: list[tuple] = []
    for client_id, purchases in _facts(first_purchase_id, rules).items():
        planned = [(facts, p) for facts in purchases
                   for p in plan_purchase(facts, rules, due_from=today)]
        if not planned:
            continue
        rows = existing.get(client_id, [])
        slots = [Slot(r[0], r[1], r[2], r[3], r[5], merge_group(r[1], r[8])) for r in rows]
        slots += [Slot(-n, p.kind, p.rule_due, p.rule_due, False, merge_group(p.kind, p.is_gift))
                  for n, (_f, p) in enumerate(planned, start=1)]
        stored = {dt.date.fromisoformat(str(r[7])[:10]) for r in rows if r[1] == KEY_DATE and r[7]}
        taken = taken_days(dates.get(client_id), slots, rules.key_date_lead_days, stored)
        places = space_client(slots, taken, rules.merge_window_days, rules.weekly_cap,
                              rules.monthly_cap, rules.note_merge_days, rules.service_merge_days)
        # Heads before the calls merged into them, so every merged_into names a real id.
        order = sorted(range(1, len(planned) + 1), key=lambda n: places[-n].merged_into is not None)
        ids = {-n: next_id + i for i, n in enumerate(order)}
        next_id += len(order)
        for n in order:
            facts, p = planned[n - 1]
            due, head = places[-n]
            new_rows.append((
                ids[-n], client_id, facts.purchase_id, p.kind, p.sequence, p.channel,
                int(p.is_gift), p.reason, str(p.rule_due), str(due),
                str(p.deadline if p.kind in STAY_PUT else due), 0, OPEN, ids.get(head, head),
                0, "", "", None, None, "", None, now, now))
        for fid, kind, _rule_due, due, deadline, fixed, merged, _occ, _gift in rows:
            place = places[fid]
            head = ids.get(place.merged_into, place.merged_into)
            if place.due != due or head != merged:
                new_deadline = (place.due if not fixed and kind not in STAY_PUT
                                else max(deadline, place.due))
                updates.append((str(place.due), head, str(new_deadline), now, fid))
    insert_followup_values(new_rows)
    database.connection().executemany(
        "UPDATE followup SET due = ?, merged_into_id = ?, deadline = ?, updated_at = ? "
        "WHERE id = ?", updates)
    return len(new_rows)
