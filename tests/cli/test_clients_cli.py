"""The command line, run as a user would: a real process on a real store file."""

from __future__ import annotations

import json
import subprocess
import sys


def run_cli(*args, db):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def test_demo_then_search_as_json(tmp_path):
    db = tmp_path / "b.sqlite3"
    done = run_cli("demo", "--clients", "120", "--seed", "5", db=db)
    assert done.returncode == 0, done.stderr
    listed = json.loads(run_cli("clients", "--json", db=db).stdout)
    assert len(listed) == 120
    target = listed[7]
    found = run_cli("clients", "--search", target["last_name"][:4], "--json", db=db)
    assert found.returncode == 0
    rows = json.loads(found.stdout)
    assert target["id"] in [r["id"] for r in rows]
    for row in rows:
        assert {"id", "first_name", "last_name", "email", "phones", "lifetime_spend_cents",
                "tier"} <= set(row)
        assert row["last_name"].casefold().startswith(target["last_name"][:4].casefold()) or \
            row["first_name"].casefold().startswith(target["last_name"][:4].casefold()) or \
            target["last_name"][:4].casefold() in row["email"]


def test_demo_is_deterministic_by_seed(tmp_path):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for db in (a, b):
        assert run_cli("demo", "--clients", "40", "--seed", "11", "--date", "2026-11-25",
                       db=db).returncode == 0
    rows_a = json.loads(run_cli("clients", "--json", db=a).stdout)
    rows_b = json.loads(run_cli("clients", "--json", db=b).stdout)
    assert rows_a == rows_b


def test_bad_input_exits_2_with_one_line(tmp_path):
    db = tmp_path / "b.sqlite3"
    for args in (("demo", "--clients", "0"), ("demo", "--clients", "x"), ("nonsense",),
                 ("demo", "--clients", "3", "--date", "2026-13-01")):
        done = run_cli(*args, db=db)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_help_on_each_command(tmp_path):
    for command in ("clients", "demo"):
        done = run_cli(command, "--help", db=tmp_path / "b.sqlite3")
        assert done.returncode == 0 and "usage:" in done.stdout
