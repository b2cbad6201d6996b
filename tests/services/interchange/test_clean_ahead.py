"""A big file's values cleaned by two processes make the very plan one process makes: the
same rows, values, merges and problems, row for row."""

from __future__ import annotations

import csv
import dataclasses

from boutique.services.interchange import build_plan, clean_ahead

HEADER = ["First Name", "Last Name", "Email", "Phone", "Default Address City", "Tags"]


def _write(path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            first = ["Zoë", "שרה", "O'Hara <&>", "💎", ""][i % 5]
            last = "" if i % 997 == 0 else f"Client{i % 331}"
            email = f"c{i % 15000}@example.com" if i % 401 else "not an email"
            phone = f"+1 503 {200 + i // 10000:03d} {i % 10000:04d}" if i % 503 else "12"
            out.writerow([first, last, email, phone, "Portland", "vip"])


def _plain(plan) -> tuple:
    return ([dataclasses.astuple(row) for row in plan.rows],
            [dataclasses.astuple(problem) for problem in plan.problems])


def test_two_processes_make_the_plan_one_makes(db, tmp_path, monkeypatch):
    path = tmp_path / "customers.csv"
    rows = clean_ahead.SHARED_FROM + 2_500
    _write(path, rows)
    shared = build_plan(path)
    assert len(shared.rows) + len({p.row for p in shared.problems}) == rows
    assert shared.problems and any(r.action == "merge" for r in shared.rows)
    monkeypatch.setattr(clean_ahead, "SHARED_FROM", 10**9)  # (one process alone)
    assert _plain(build_plan(path)) == _plain(shared)


def test_a_failed_other_process_leaves_its_part_to_this_one(db, tmp_path):
    values = [{"first_name": f"Ana{i}", "mobile_phone": "+15035550142"}
              for i in range(clean_ahead.SHARED_FROM)]
    values.append({"first_name": "", "last_name": ""})
    cleaner = clean_ahead.ValuesCleaner(clean_ahead.SHARED_FROM)
    cleaner._pool.shutdown()  # (as if its process had died)
    found = cleaner.clean(values, "US")
    assert len(found) == len(values)
    assert found[tuple(values[0].items())][0] == "ok"
    assert found[tuple(values[-1].items())] == ("problems", {
        "first_name": "A client needs a first or a last name"})
