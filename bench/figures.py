"""The figures a user feels, each with its target and, where one exists, its raw baseline.

A section returns (key, value) pairs; a numeric value is a timed figure, run REPEAT times
(3 unless the section says otherwise) and reported as the median. The rows below name
the keys of the target table; `results.json` keeps every figure of a run so one run can
be compared with the next.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    label: str
    key: str
    unit: str
    target: float
    baseline_key: str | None = None


ROWS = (
    Row("window ready, process start to first paint with Today filled", "window_ready_s",
        "s", 0.6),
    Row("window peak memory", "window_peak_rss_mb", "MB", 200),
    Row("today's agenda p95, refreshed after an edit", "agenda_refresh_ms_p95", "ms", 40),
    Row("today's agenda p95, nothing kept (the start-up helper: the prepared rows)",
        "agenda_cold_ms_p95", "ms", 40, "agenda_raw_read_ms_p95"),
    Row("today's agenda p95, worked out whole, the clients' cards kept (rows being prepared)",
        "agenda_ms_p95", "ms", 40),
    Row("client search-as-you-type p95", "client_search_ms_p95", "ms", 16,
        "client_search_raw_sqlite_ms_p95"),
    Row("note search p95", "search_ms_p95", "ms", 16, "search_raw_fts_ms_p95"),
    Row("`clients --json`, all 100k", "clients_json_s", "s", 3),
    Row("`followups export` of a year", "followups_export_s", "s", 5),
    Row("`print today` of 1,000 pieces", "print_today_1000_s", "s", 2),
    Row("import of 100k client rows", "import_customers_s", "s", 15),
    Row("import of 300k order lines", "import_orders_s", "s", 15),
)


def as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


class Collected:
    """Every value each key took over the repeats of its section, in order of first sight."""

    def __init__(self) -> None:
        self.values: dict[str, list] = {}

    def add(self, key: str, value) -> None:
        self.values.setdefault(key, []).append(value)

    def median(self, key: str) -> float | None:
        numbers = [as_number(v) for v in self.values.get(key, [])]
        numbers = [n for n in numbers if n is not None]
        return statistics.median(numbers) if numbers else None

    def shown(self, key: str) -> str:
        values = self.values[key]
        numbers = [as_number(v) for v in values]
        if len(values) > 1 and all(n is not None for n in numbers):
            runs = ", ".join(_fmt(n) for n in numbers)
            return f"{_fmt(statistics.median(numbers))} (median of {len(values)}: {runs})"
        return str(values[-1])


def _fmt(number: float) -> str:
    if number == int(number) and abs(number) >= 100:
        return f"{number:.0f}"
    return f"{number:.3f}" if abs(number) < 1 else f"{number:.2f}" if abs(number) < 100 \
        else f"{number:.1f}"


def table_lines(collected: Collected) -> list[str]:
    lines = ["", "figure | median | target | raw baseline | verdict"]
    for row in ROWS:
        value = collected.median(row.key)
        baseline = collected.median(row.baseline_key) if row.baseline_key else None
        if value is None:
            shown, verdict = "not measured", "-"
        else:
            shown = f"{_fmt(value)} {row.unit}"
            verdict = "MET" if value < row.target else f"MISSED by {_fmt(value - row.target)}"
        raw = f"{_fmt(baseline)} {row.unit}" if baseline is not None else "-"
        lines.append(f"{row.label} | {shown} | < {_fmt(row.target)} {row.unit} | {raw} | "
                     f"{verdict}")
    return lines


def git_commit(root: Path) -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if dirty else "")


def write_results(path: Path, collected: Collected, root: Path, store: str,
                  sections: list[str]) -> None:
    by_key = {row.key: row for row in ROWS}
    baselines = {row.baseline_key: row for row in ROWS if row.baseline_key}
    figures = []
    for key, values in collected.values.items():
        row = by_key.get(key)
        entry = {"key": key, "value": collected.median(key), "runs": values}
        if entry["value"] is None:
            entry["value"] = values[-1]
        if row is not None:
            baseline = collected.median(row.baseline_key) if row.baseline_key else None
            entry.update(label=row.label, unit=row.unit, target=row.target,
                         baseline=baseline, baseline_key=row.baseline_key,
                         met=entry["value"] < row.target
                         if isinstance(entry["value"], float) else None)
        elif key in baselines:
            entry.update(unit=baselines[key].unit, baseline_of=baselines[key].key)
        figures.append(entry)
    path.write_text(json.dumps({
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "git_commit": git_commit(root),
        "store": store,
        "sections": sections,
        "figures": figures,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
