"""The morning agenda and recording a purchase (with its follow-ups) on the 100k store.

The agenda: with nothing kept in the process (the start-up helper's, read from the
prepared rows of services.agenda.prepared), refreshed after an edit as the Today tab
does, on the next day; then as while the rows are being prepared again (worked out
whole, with nothing kept and with the clients' cards kept); and how long preparing the
rows takes (the window's background process).

Its raw baseline is what the agenda reads at the least, with no rule applied: the day's
stored follow-ups with their clients and both hooks in one statement on a plain
connection, a tuple a row (the key-date reminders, the merged calls and the gift rule's
reads left out). What the agenda takes beyond it is the rules' own work.

Works on a copy of the cached store: recording purchases writes to it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import time

AGENDA_RUNS = 20
PURCHASES = 60


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _copy(source, target) -> None:
    for suffix in ("", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


# The columns an item is made from, read at once: the follow-up's, her card's, and the
# hooks (the purchase's conversation, her own newest pinned or conversation note).
_RAW_SQL = """SELECT f.id, f.client_id, f.kind, f.due, f.deadline, f.reason, f.channel,
    f.is_gift, f.purchase_id, f.occasion, f.occasion_date, f.attempts,
    (SELECT n.text FROM note n WHERE n.purchase_id = f.purchase_id AND n.deleted_at IS NULL
       AND n.category = 'conversation' ORDER BY n.created_at DESC, n.id DESC LIMIT 1),
    c.salutation, c.first_name, c.last_name, c.preferred_name, c.partner_name,
    c.mobile_phone, c.work_phone, c.home_phone, c.email, c.consent_mail, c.consent_phone,
    c.consent_text, c.consent_email, c.lifetime_spend_cents, c.sort_name,
    CASE WHEN f.channel = 'mail' THEN json_array(c.home_line1, c.home_line2, c.home_city,
        c.home_region, c.home_postcode, c.home_country) END,
    CASE WHEN f.channel = 'mail' THEN json_array(c.business_company, c.business_line1,
        c.business_line2, c.business_city, c.business_region, c.business_postcode,
        c.business_country) END,
    (SELECT n.text FROM note n WHERE n.client_id = c.id AND n.deleted_at IS NULL
       AND (n.pinned = 1 OR n.category = 'conversation')
     ORDER BY n.created_at DESC, n.id DESC LIMIT 1)
    FROM followup f JOIN client c ON c.id = f.client_id
    WHERE f.status = 'open' AND f.merged_into_id IS NULL AND f.due <= ? AND {alive}
      AND c.deleted_at IS NULL AND c.do_not_contact = 0"""


def _raw_read_ms(store, day: dt.date) -> tuple[int, list[float]]:
    """The agenda's raw baseline (see the module's note): rows read, and each run's ms."""
    from boutique.services.cadence import alive_on_sql, load_rules

    alive, params = alive_on_sql(load_rules(), day)
    sql, params = _RAW_SQL.format(alive=alive), (day.isoformat(), *params)
    raw = sqlite3.connect(store)
    raw.execute("PRAGMA cache_size = -64000")  # as the app opens the store
    try:
        rows = raw.execute(sql, params).fetchall()  # (warms the pages, as the first agenda did)
        timings = []
        for _ in range(AGENDA_RUNS):
            started = time.perf_counter()
            raw.execute(sql, params).fetchall()
            timings.append(time.perf_counter() - started)
    finally:
        raw.close()
    return len(rows), timings


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _cold_ms(day: dt.date) -> list[float]:
    """Each run's seconds for the agenda with nothing kept (the first of a process)."""
    from boutique.services.agenda import agenda_for
    from boutique.services.agenda.kept import forget_kept
    from boutique.services.agenda.kept_cards import forget_cards

    timings = []
    for _ in range(AGENDA_RUNS):
        forget_kept()
        forget_cards()
        started = time.perf_counter()
        agenda_for(day)
        timings.append(time.perf_counter() - started)
    return timings


def run(ctx) -> list[tuple[str, str]]:
    from boutique.models import Client, close_database, database, open_database
    from boutique.services.agenda import agenda_for, calls_to_make, week_summary
    from boutique.services.agenda.calendar import day_counts
    from boutique.services.agenda.kept import forget_kept
    from boutique.services.agenda.kept_cards import forget_cards
    from boutique.services.agenda.prepared import prepare, prepared_items
    from boutique.services.associates import hand_back_due
    from boutique.services.cadence import lapse_stale
    from boutique.services.cadence.followups import act, outcomes_for
    from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
    from boutique.services.service_desk import overdue_tickets

    day = dt.date.fromisoformat(ctx.reference_date)
    copy = ctx.cache / "agenda-bench-copy.sqlite3"
    started = time.perf_counter()
    _copy(ctx.store, copy)
    copied = time.perf_counter() - started
    open_database(copy)
    out: list[tuple[str, object]] = [("agenda_store_copy_s", round(copied, 2))]
    try:
        if prepared_items(day) is None:
            raise SystemExit("the bench store's agenda rows are not prepared")
        started = time.perf_counter()
        items = agenda_for(day)
        first = time.perf_counter() - started
        cold = _cold_ms(day)
        raw_rows, raw = _raw_read_ms(copy, day)
        # As the Today tab after each edit: one item marked done, then the list again.
        rng = random.Random(2026)
        refreshes, reloads = [], []
        for _ in range(AGENDA_RUNS):
            item = rng.choice([i for i in agenda_for(day) if i.channel == "phone"])
            act(item, "done", day, outcome=outcomes_for(item.channel, item.kind)[0])
            started = time.perf_counter()
            after = agenda_for(day)
            refreshes.append(time.perf_counter() - started)
            # (and all the Today tab reads with it, but for drawing its lists)
            lapse_stale(day)
            hand_back_due(day)
            week_summary(day, after)
            overdue_tickets(day)
            reloads.append(time.perf_counter() - started)
        # The next day, as in a window left open overnight: its list from the prepared
        # rows but for the clients just edited; the follow-ups newly due are read for the
        # first time (on this store a thousand a day: every sale of its three years left
        # its follow-ups open), their pages too.
        started = time.perf_counter()
        next_day = len(agenda_for(day + dt.timedelta(days=1)))
        next_day_s = time.perf_counter() - started
        started = time.perf_counter()
        summary = week_summary(day, items)
        summary_s = time.perf_counter() - started
        first_of_month = day.replace(day=1)
        grid_start = first_of_month - dt.timedelta(days=first_of_month.weekday())
        started = time.perf_counter()
        day_counts(grid_start, grid_start + dt.timedelta(days=41))
        calendar_s = time.perf_counter() - started
        # While the rows are being prepared again (at the first start after a settings
        # change, say), the agenda is worked out whole.
        database.execute_sql("UPDATE agenda_prepared_state SET position = NULL WHERE id = 1")
        whole_cold = _cold_ms(day)
        runs = []  # worked out whole, the clients' cards kept (a day looked at again)
        for _ in range(AGENDA_RUNS):
            forget_kept()
            started = time.perf_counter()
            agenda_for(day)
            runs.append(time.perf_counter() - started)
        forget_kept()
        forget_cards()
        started = time.perf_counter()
        prepared_rows = prepare()
        prepare_s = time.perf_counter() - started
        out += [
            ("agenda_items", f"{len(items)} ({len(calls_to_make(items))} calls, "
                             f"{summary.overdue} overdue)"),
            ("agenda_ms_first", _ms(first)),  # cold: phone numbers formatted once
            ("agenda_cold_ms_p50", _ms(statistics.median(cold))),
            ("agenda_cold_ms_p95", _ms(_percentile(cold, 0.95))),
            ("agenda_raw_read_rows", raw_rows),
            ("agenda_raw_read_ms_p95", _ms(_percentile(raw, 0.95))),
            ("agenda_whole_cold_ms_p50", _ms(statistics.median(whole_cold))),
            ("agenda_whole_cold_ms_p95", _ms(_percentile(whole_cold, 0.95))),
            ("agenda_ms_p50", _ms(statistics.median(runs))),
            ("agenda_ms_p95", _ms(_percentile(runs, 0.95))),
            ("agenda_prepared_rows", prepared_rows),
            ("agenda_prepare_s", round(prepare_s, 2)),
            ("agenda_next_day_items", next_day),
            ("agenda_next_day_ms", _ms(next_day_s)),
            ("agenda_refresh_ms_p50", _ms(statistics.median(refreshes))),
            ("agenda_refresh_ms_p95", _ms(_percentile(refreshes, 0.95))),
            ("today_reload_reads_ms_p95", _ms(_percentile(reloads, 0.95))),
            ("week_summary_ms", _ms(summary_s)),
            ("calendar_month_counts_ms", _ms(calendar_s)),
        ]

        top = Client.select(Client.id).order_by(Client.id.desc()).scalar()
        timings = []
        for n in range(PURCHASES):
            client_id = rng.randint(1, top)
            data = PurchaseData(
                purchase_date=day - dt.timedelta(days=rng.randint(0, 20)),
                items=[ItemData(description=f"Bench piece {n}", category="ring",
                                price_cents=rng.randint(100, 5000) * 100)],
                is_gift=n % 3 == 0, gift_recipient="Ana" if n % 3 == 0 else "")
            started = time.perf_counter()
            record_purchase(client_id, data)
            timings.append(time.perf_counter() - started)
        out += [
            ("record_purchase_ms_p50", _ms(statistics.median(timings))),
            ("record_purchase_ms_p95", _ms(_percentile(timings, 0.95))),
        ]
    finally:
        close_database()
        for suffix in ("", "-wal", "-shm"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        if hasattr(os, "sync"):
            os.sync()  # (the copy's writes, a preparing's some 400 MB, not timed in what follows)
    return out
