"""Lapsing: a follow-up too old to be worth doing leaves the agenda and is kept as lapsed.

Each kind has its lapse age (Settings > cadence): a thank-you note some days past its
deadline, a satisfaction call some days past its day, a service call when the next one
for that piece falls due (or after a set number of months), a birthday or anniversary
reminder the day after the date. Follow-ups the jeweler added by hand never lapse.

The lapse day is one SQL expression over a stored follow-up (`lapse_day_sql`), so the
agenda of any day leaves out what has lapsed by then, the week's summary counts what
lapsed in it and `lapse_stale` records it, all with the same rule. A note or call that
carries merged ones lapses with them.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import CONTACTABLE, database, utcnow
from boutique.models.followup import LAPSED
from boutique.services.cadence.key_dates import reminders_due_between
from boutique.services.cadence.settings import CadenceRules, load_rules

NEVER = "9999-12-31"
CHUNK = 900


def lapse_day_sql(rules: CadenceRules, f: str = "f") -> str:
    """The day a stored follow-up (table alias `f`) lapses, as ISO text. It reads only
    the columns of the agenda's covering index (and, for a service call, the later service
    calls of the same purchase), so the agenda stays one index scan."""
    if rules.service_lapse_months:
        service = f"date({f}.due, '+{int(rules.service_lapse_months)} months')"
    else:
        # When the next service call for the piece falls due; after the last one, when the
        # one after it would have; never before the day after it shows (a snooze's day).
        service = (f"""COALESCE((SELECT MIN(n.rule_due) FROM followup n
                         WHERE n.purchase_id = {f}.purchase_id AND n.kind = 'service_call'
                           AND n.rule_due > {f}.due),
                        date({f}.due, '+{int(rules.service_every_months)} months'))""")
    # A note or call carrying merged ones lapses by the latest of their deadlines: the
    # piece bought last still gets its full time.
    latest = (f"""max({f}.deadline, COALESCE((SELECT MAX(m.deadline) FROM followup m
                                          WHERE m.merged_into_id = {f}.id), {f}.deadline))""")
    day = (f"""CASE {f}.kind
        WHEN 'thank_you_note' THEN date({latest}, '+{int(rules.note_lapse_days)} days')
        WHEN 'satisfaction_call' THEN date({latest},
                                           '+{int(rules.satisfaction_lapse_days)} days')
        WHEN 'service_call' THEN max({service}, date({f}.due, '+1 day'))
        WHEN 'key_date' THEN date(COALESCE({f}.occasion_date, {f}.deadline),
                                  '+{int(rules.key_date_lapse_days)} days')
        ELSE '{NEVER}' END""")
    return day


def _surely_alive_sql(rules: CadenceRules, day: dt.date, f: str = "f") -> tuple[str, tuple]:
    """True where a follow-up has certainly not lapsed by `day`, from its own columns alone.

    Its own deadline (or due day) bounds its lapse day from below: merged deadlines and
    the next service call can only push it later. Most open follow-ups pass this test, and
    only the rest pay for `lapse_day_sql`'s lookups of other rows."""
    def before(days: int) -> str:
        return (day - dt.timedelta(days=days)).isoformat()

    sql = (f"""(CASE {f}.kind WHEN 'thank_you_note' THEN {f}.deadline > ?
                 WHEN 'satisfaction_call' THEN {f}.deadline > ?
                 WHEN 'service_call' THEN {f}.due >= ?
                 WHEN 'key_date' THEN COALESCE({f}.occasion_date, {f}.deadline) > ?
                 ELSE 1 END)""")
    return sql, (before(rules.note_lapse_days), before(rules.satisfaction_lapse_days),
                 day.isoformat(), before(rules.key_date_lapse_days))


def alive_on_sql(rules: CadenceRules, day: dt.date, f: str = "f") -> tuple[str, tuple]:
    """(condition, parameters): a follow-up that has not lapsed by `day`."""
    surely, params = _surely_alive_sql(rules, day, f)
    return f"({surely} OR {lapse_day_sql(rules, f)} > ?)", (*params, day.isoformat())


def lapsed_by_sql(rules: CadenceRules, first: dt.date, last: dt.date,
                  f: str = "f") -> tuple[str, tuple]:
    """(condition, parameters): a follow-up whose lapse day falls from `first` to `last`."""
    surely, params = _surely_alive_sql(rules, last, f)
    return (f"(NOT {surely} AND {lapse_day_sql(rules, f)} BETWEEN ? AND ?)",
            (*params, first.isoformat(), last.isoformat()))


def reminders_from(day: dt.date, rules: CadenceRules) -> dt.date:
    """The first due day of the computed key-date reminders still alive on `day`."""
    return day - dt.timedelta(days=rules.key_date_lead_days + rules.key_date_lapse_days - 1)


def lapsed_ids(day: dt.date, client_id: int | None = None,
               rules: CadenceRules | None = None) -> dict[int, dt.date]:
    """Open follow-ups (that carry themselves) lapsed by `day`: id -> the day they lapsed."""
    rules = rules or load_rules()
    only = "AND f.client_id = ?" if client_id is not None else ""
    lapsed, lapsed_params = lapsed_by_sql(rules, dt.date.min, day)
    params = (day, *lapsed_params) + ((client_id,) if client_id is not None else ())
    rows = database.execute_sql(
        f"""SELECT f.id, {lapse_day_sql(rules)} AS lapse_on FROM followup f
            WHERE f.status = 'open' AND f.merged_into_id IS NULL AND f.due <= ?
              AND {lapsed} {only}""", params).fetchall()
    return {fid: dt.date.fromisoformat(on) for fid, on in rows}


def lapse_stale(day: dt.date, client_id: int | None = None) -> int:
    """Record as lapsed every open follow-up whose lapse day has come by `day` (with the
    ones merged into it); returns how many notes and calls lapsed. Run with the real
    day (the agenda of a day to come leaves them out without recording anything)."""
    with database.atomic():
        found = lapsed_ids(day, client_id)
        now = utcnow()
        by_day: dict[dt.date, list[int]] = {}
        for fid, on in found.items():
            by_day.setdefault(on, []).append(fid)
        for on, ids in by_day.items():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                marks = ",".join("?" * len(chunk))
                database.execute_sql(
                    f"""UPDATE followup SET status = ?, done_on = ?, updated_at = ?
                        WHERE status = 'open' AND (id IN ({marks})
                                                   OR merged_into_id IN ({marks}))""",
                    (LAPSED, on, now, *chunk, *chunk))
    return len(found)


def lapsed_between(first: dt.date, last: dt.date, day: dt.date,
                   rules: CadenceRules | None = None) -> int:
    """How many notes and calls lapsed from `first` to `last` as seen on `day`: recorded
    as lapsed, open past their lapse day, and birthday or anniversary reminders nobody
    acted on whose lapse day fell then (clients who may be contacted only)."""
    rules = rules or load_rules()
    last = min(last, day)
    if last < first:
        return 0
    (recorded,) = database.execute_sql(
        f"""SELECT COUNT(*) FROM followup f JOIN {CONTACTABLE} ON c.id = f.client_id
           WHERE f.status = 'lapsed' AND f.merged_into_id IS NULL AND f.done_on BETWEEN ? AND ?
             AND c.deleted_at IS NULL AND c.do_not_contact = 0""", (first, last)).fetchone()
    lapsed, lapsed_params = lapsed_by_sql(rules, first, last)
    (still_open,) = database.execute_sql(
        f"""SELECT COUNT(*) FROM followup f JOIN {CONTACTABLE} ON c.id = f.client_id
            WHERE f.status = 'open' AND f.merged_into_id IS NULL AND f.due <= ?
              AND {lapsed} AND c.deleted_at IS NULL AND c.do_not_contact = 0""",
        (last, *lapsed_params)).fetchone()
    after = dt.timedelta(days=rules.key_date_lead_days + rules.key_date_lapse_days)
    reminders = reminders_due_between(first - after, last - after, rules.key_date_lead_days,
                                      unstored_only=True)
    return recorded + still_open + len(reminders)
