"""How fast this machine is right now, on a fixed piece of work like the app's own.

The machines the bench runs on differ from day to day and drift within a run. The same
work timed at the start and at the end of every run (Python building tuples and text,
SQLite writing and reading an indexed table in memory) lets one run's figures be compared
with another's as ratios: a figure twice the last run's on a machine of twice the pace is
no regression.
"""

from __future__ import annotations

import sqlite3
import statistics
import time

RUNS = 5


def _work() -> int:
    rows = [(n, f"Client {n % 997}", f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}", n * 7 % 5000)
            for n in range(60_000)]
    by_day: dict[str, int] = {}
    for _id, _name, day, cents in rows:
        by_day[day] = by_day.get(day, 0) + cents
    text = "".join(f"{name}: {cents}\r\n" for _id, name, _day, cents in rows[:20_000])
    store = sqlite3.connect(":memory:")
    store.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, day TEXT, cents INT)")
    store.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
    store.execute("CREATE INDEX t_day ON t (day, cents)")
    found = store.execute("SELECT day, SUM(cents) FROM t WHERE day >= '2026-06' GROUP BY day"
                          ).fetchall()
    store.close()
    return len(by_day) + len(text) + len(found)


def pace_ms() -> float:
    """The median time of the fixed work, in milliseconds (lower is a faster machine)."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        _work()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)
