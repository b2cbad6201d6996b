"""`associates` and `handoff` on the command line: JSON as documented, one-line refusals."""

from __future__ import annotations

import json

from tests.cli.test_clients_cli import run_cli


def test_the_demo_store_has_its_people_and_a_handoff_lists_what_it_creates(tmp_path):
    db = tmp_path / "d.sqlite3"
    assert run_cli("demo", "--clients", "60", "--seed", "3", db=db).returncode == 0
    assert run_cli("demo", "--clients", "20", "--seed", "4", db=db).returncode == 0
    people = json.loads(run_cli("associates", "--json", db=db).stdout)
    by_name = {p["name"]: p for p in people}
    assert set(by_name) == {"Elena Marsh", "Maria Santos", "James Whitfield"}
    assert by_name["Elena Marsh"]["is_owner"] and people[0]["name"] == "Elena Marsh"
    assert set(people[0]) == {"id", "name", "role", "phone", "email", "active", "is_owner",
                              "left_on", "clients"}
    james = by_name["James Whitfield"]["clients"]
    dry = run_cli("handoff", "--from", "james whitfield", "--to", "Maria Santos",
                  "--date", "2026-11-25", "--dry-run", "--json", db=db)
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    assert plan["dry_run"] and plan["clients"] == james
    spends = [m["spend_cents"] for m in plan["moves"]]
    assert spends == sorted(spends, reverse=True)
    again = json.loads(run_cli("associates", "--json", db=db).stdout)
    assert {p["name"]: p["clients"] for p in again}["James Whitfield"] == james
    text = run_cli("handoff", "--from", "James Whitfield", "--to", "Maria Santos",
                   "--date", "2026-11-25", db=db)
    assert text.returncode == 0 and f"Moved {james} clients" in text.stdout
    after = {p["name"]: p["clients"] for p in json.loads(
        run_cli("associates", "--json", db=db).stdout)}
    assert after["James Whitfield"] == 0 and after["Maria Santos"] >= james


def test_bad_handoffs_are_refused_in_one_line(tmp_path):
    db = tmp_path / "d.sqlite3"
    assert run_cli("demo", "--clients", "30", "--seed", "3", db=db).returncode == 0
    unknown = run_cli("handoff", "--from", "Nobody", "--to", "Maria Santos", db=db)
    assert unknown.returncode == 2 and "no associate named 'Nobody'" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1
    backwards = run_cli("handoff", "--from", "Maria Santos", "--to", "Maria Santos", db=db)
    assert backwards.returncode == 2 and "already looks after" in backwards.stderr
    early = run_cli("handoff", "--from", "Maria Santos", "--to", "James Whitfield",
                    "--date", "2026-11-25", "--until", "2026-11-20", db=db)
    assert early.returncode == 2 and "end day" in early.stderr
    bad_date = run_cli("handoff", "--from", "Maria Santos", "--to", "James Whitfield",
                       "--until", "soon", db=db)
    assert bad_date.returncode == 2 and "--until" in bad_date.stderr
    out = tmp_path / "b.pdf"
    missing = run_cli("print", "brief", "--client", "999999", "--out", str(out), db=db)
    assert missing.returncode == 2 and not out.exists()
