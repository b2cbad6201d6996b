"""Last year's gifts: which remind of their occasion in a window of days.

A gift reminds a year after the day it was given (gift_days.reminder_day); the first gift
of a client's day (by purchase date, then id) stands for the day, stored or not, so that
one day never reminds her twice. `_gift_reminders` works out every gift that may remind
in the window; `kept_gift_reminders`, what the agenda asks, reads the same reminders from
the days the gifts keep, working out only the stale ones.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import CONTACTABLE, database
from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.gift_days import INPUT_COLUMNS, reminder_day, stale_gift_ids
from boutique.services.cadence.gifts import FIXED_OCCASIONS
from boutique.services.cadence.key_dates import Reminder, stored_between, weekday_date
from boutique.services.cadence.occasions import GIFT_OCCASION, occasion_code

# Stale gifts (gift_days) the read of kept days works out itself; past that many (an
# import with no refresh after it), every gift of the window is worked out.
STALE_READ_LIMIT = 500


def gift_reason(occasion: str, recipient: str, when: dt.date) -> str:
    return f"{occasion[:1].upper()}{occasion[1:]} on {weekday_date(when)}: last year a gift for {recipient}"


def _fixed_day_between(first: dt.date, last: dt.date) -> bool:
    """Whether a fixed occasion (Christmas, Valentine's Day, New Year) falls in the window."""
    if (last - first).days >= 365:
        return True
    return any(first <= occurrence(year, month, day) <= last
               for _words, (month, day) in FIXED_OCCASIONS
               for year in range(first.year, last.year + 1))


def _read_condition(first: dt.date, last: dt.date, narrow: bool,
                    alias: str = "p") -> tuple[str, tuple]:
    """Which purchases may remind in [first, last] (see _gift_rows), as SQL on `alias`."""
    # (a day wider at the end: a day stored with its time sorts after the bare day)
    wide = (first - dt.timedelta(days=366 * 2), last - dt.timedelta(days=364))
    year_before = (first - dt.timedelta(days=366), last - dt.timedelta(days=364))
    bought, given = f"{alias}.purchase_date", f"{alias}.gift_given_on"
    if narrow and not _fixed_day_between(first, last):
        return (f"({bought} BETWEEN ? AND ? OR ({given} BETWEEN ? AND ?"
                f" AND {bought} BETWEEN ? AND ?))", (*year_before, *year_before, *wide))
    return f"{bought} BETWEEN ? AND ?", wide


def _gift_rows(first: dt.date, last: dt.date, only: str, narrow: bool = True,
               among: str = "") -> list[tuple]:
    """The gifts whose reminder may fall in [first, last], oldest first.

    A gift is given on the day recorded, else on the fixed day its occasion names, else on
    the day it was bought (a relation's date named by the occasion reminds on its own, see
    gift_days.covered): its reminder is a year (365 or 366 days) after. When no fixed
    occasion falls in the window, only the gifts bought or given a year before it can
    remind in it; else every gift of the two years before is read (a worked-out day is at
    most a year after its purchase). `narrow=False` reads those two years always; `among`
    narrows the read further (SQL on purchase p).
    """
    condition, params = _read_condition(first, last, narrow)
    return database.execute_sql(
        f"""SELECT p.id, p.client_id, {INPUT_COLUMNS}, p.gift_recipient
            FROM purchase p JOIN {CONTACTABLE} ON c.id = p.client_id
            LEFT JOIN relation r ON r.id = p.gift_relation_id
            WHERE p.is_gift = 1 AND p.voided = '' AND {condition}{among}
              AND c.deleted_at IS NULL AND c.do_not_contact = 0{only.replace('c.id', 'p.client_id')}
            ORDER BY p.purchase_date, p.id""", params).fetchall()


def _gift_reminder(pid: int, client_id: int, when: dt.date, occasion: str, recipient: str,
                   lead: dt.timedelta) -> tuple[Reminder, str]:
    return (Reminder(client_id, occasion_code(GIFT_OCCASION, pid), when, when - lead, None),
            gift_reason((occasion or "").strip(), recipient or "them", when))


def _gift_reminders(first: dt.date, last: dt.date, lead: dt.timedelta, only: str,
                    narrow: bool = True, stored=frozenset()) -> list[tuple[Reminder, str]]:
    """Last year's gifts reminding in [first, last], each gift's day worked out here; the
    first gift of a client's day (by purchase date, then id) stands for the day, stored
    or not."""
    found, seen = [], set()
    for pid, client_id, *inputs, recipient in _gift_rows(first, last, only, narrow):
        when = reminder_day(*inputs)
        if when is None or not first <= when <= last or (client_id, when) in seen:
            continue
        seen.add((client_id, when))
        if (client_id, occasion_code(GIFT_OCCASION, pid), when.isoformat()) in stored:
            continue
        found.append(_gift_reminder(pid, client_id, when, inputs[2], recipient, lead))
    return found


def _shown(pid: str, client: str, bought: str, day: str, condition: str, stale: bool,
           unstored_only: bool) -> str:
    """SQL: the gift of these columns, reminding on `day`, is not stored (with
    `unstored_only`) and is the first of its client's day, by purchase date then id, among
    the gifts that may remind in the window (`condition` on q): the kept ones, and with
    `stale` those of stale_day. (The stored check first: it leaves out most.)"""
    earlier = f"(q.purchase_date < {bought} OR (q.purchase_date = {bought} AND q.id < {pid}))"
    sql = f"""NOT EXISTS (SELECT 1 FROM followup s
                  WHERE s.kind = 'key_date' AND s.occasion_date = {day}
                    AND s.client_id = {client} AND s.occasion = 'gift:' || {pid}) AND """
    sql = sql if unstored_only else ""
    sql += f"""NOT EXISTS (SELECT 1 FROM purchase q INDEXED BY purchase_gift_reminder
                  WHERE q.gift_reminder_on = {day} AND q.client_id = {client}
                    AND q.gift_reminder_stale = 0 AND q.purchase_date <= {bought}
                    AND {earlier} AND {condition})"""
    if stale:
        sql += f""" AND NOT EXISTS (SELECT 1 FROM stale_day u JOIN purchase q ON q.id = u.id
                      WHERE u.day = {day} AND q.client_id = {client} AND {earlier})"""
    return sql


def kept_query(first: dt.date, last: dt.date, only: str = "", narrow: bool = True,
               unstored_only: bool = False, worked_out: tuple[str, ...] = ()) -> tuple[str, list]:
    """The read of kept_gift_reminders (SQL and its values); `worked_out`: the stale gifts
    reminding in the window, as "(id, 'ISO day')" rows."""
    condition, params = _read_condition(first, last, narrow)
    others, others_params = _read_condition(first, last, narrow, alias="q")
    kept = _shown("p.id", "p.client_id", "p.purchase_date", "p.gift_reminder_on", others,
                  bool(worked_out), unstored_only)
    select = f"""SELECT p.id, p.client_id, {{day}}, p.gift_occasion, p.gift_recipient,
                        p.purchase_date
                 FROM {{rows}} JOIN {CONTACTABLE} ON c.id = p.client_id
                 WHERE c.deleted_at IS NULL AND c.do_not_contact = 0{only} AND {{shown}}"""
    sql = select.format(
        day="p.gift_reminder_on", rows="purchase p INDEXED BY purchase_gift_reminder",
        shown=f"""p.gift_reminder_on BETWEEN ? AND ? AND p.gift_reminder_stale = 0
                  AND {condition} AND {kept}""")
    values = [first, last, *params, *others_params]
    if worked_out:
        # (the stale gifts worked out passed the window's other conditions already)
        values += others_params
        sql = f"""WITH stale_day (id, day) AS (VALUES {', '.join(worked_out)})
                  {sql} UNION ALL {select.format(
                      day="t.day", rows="stale_day t JOIN purchase p ON p.id = t.id",
                      shown=_shown("p.id", "p.client_id", "p.purchase_date", "t.day", others,
                                   True, unstored_only))}"""
    return f"{sql} ORDER BY 6, 1", values


def kept_gift_reminders(first: dt.date, last: dt.date, lead: dt.timedelta, only: str,
                        narrow: bool = True, unstored_only: bool = False,
                        ) -> list[tuple[Reminder, str]]:
    """What _gift_reminders finds (less the key-date reminders stored, with
    `unstored_only`), from the days the gifts keep (gift_days): a range of one index, with
    the first-of-the-day and stored checks in SQL, so that only the reminders shown come
    back. Stale gifts are worked out here and read with the kept ones."""
    stale = stale_gift_ids(STALE_READ_LIMIT + 1)
    if len(stale) > STALE_READ_LIMIT:
        return _gift_reminders(first, last, lead, only, narrow, (
            stored_between(first, last) if unstored_only else frozenset()))
    worked_out = []
    if stale:
        among = f" AND p.id IN ({','.join(str(int(i)) for i in stale)})"
        for pid, _client, *inputs, _recipient in _gift_rows(first, last, only, narrow, among):
            when = reminder_day(*inputs)
            if when is not None and first <= when <= last:
                worked_out.append(f"({int(pid)}, '{when.isoformat()}')")
    sql, values = kept_query(first, last, only, narrow, unstored_only, tuple(worked_out))
    return [_gift_reminder(pid, client_id, dt.date.fromisoformat(day), occasion, recipient,
                           lead)
            for pid, client_id, day, occasion, recipient, _bought
            in database.execute_sql(sql, values).fetchall()]
