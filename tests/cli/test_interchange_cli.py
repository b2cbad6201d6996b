"""`import` and `export` run as a user would: a real process on a real store file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run_cli(*args, db):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def _clients(db):
    return json.loads(run_cli("clients", "--json", db=db).stdout)


def test_import_json_summary_then_reimport_changes_nothing(tmp_path):
    db = tmp_path / "b.sqlite3"
    done = run_cli("import", str(FIXTURES / "shopify_customers.csv"), "--json", db=db)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert {k: summary[k] for k in ("created", "merged", "skipped", "problems",
                                    "followups_added")} == {
        "created": 2, "merged": 1, "skipped": 0, "problems": [], "followups_added": 0}
    again = json.loads(run_cli("import", str(FIXTURES / "shopify_customers.csv"), "--json",
                               db=db).stdout)
    assert (again["created"], again["merged"], again["skipped"]) == (0, 0, 3)
    assert len(_clients(db)) == 2


def test_a_failed_import_exits_2_names_rows_and_changes_nothing(tmp_path):
    db = tmp_path / "b.sqlite3"
    report = tmp_path / "problems.csv"
    done = run_cli("import", str(FIXTURES / "shopify_customers_broken.csv"),
                   "--report", str(report), db=db)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "row 3 email" in done.stderr and "row 5 first_name" in done.stderr
    assert _clients(db) == []
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith("3,email,")


def test_dry_run_writes_nothing_and_good_rows_only_writes_the_good(tmp_path):
    db = tmp_path / "b.sqlite3"
    dry = run_cli("import", str(FIXTURES / "square_customers_cp1252.csv"), "--dry-run", db=db)
    assert dry.returncode == 0 and "2 new" in dry.stdout and _clients(db) == []
    good = run_cli("import", str(FIXTURES / "shopify_customers_broken.csv"), "--good-rows-only",
                   "--json", db=db)
    assert good.returncode == 0 and json.loads(good.stdout)["created"] == 1
    assert [c["first_name"] for c in _clients(db)] == ["Ada"]


def test_export_clients_csv_round_trips_into_a_new_store(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    run_cli("import", str(FIXTURES / "square_customers_cp1252.csv"), db=first)
    out = tmp_path / "clients.csv"
    assert run_cli("export", "clients-csv", "--out", str(out), db=first).returncode == 0
    done = run_cli("import", str(out), "--json", db=second)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["format"] == "boutique-clients"
    keep = ("first_name", "last_name", "email", "phones", "lifetime_spend_cents")
    strip = [{k: c[k] for k in keep} for c in _clients(first)]
    assert strip == [{k: c[k] for k in keep} for c in _clients(second)]


def test_client_add_purchase_add_export_client_and_erase(tmp_path):
    db = tmp_path / "b.sqlite3"
    client = {"first_name": "Zoë", "last_name": "Ødegård", "email": "zoe@example.com",
              "phones": {"mobile": "503 555 0134"}, "tier": "Prospect", "id": 99}
    done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), "client", "add",
                           "--json", "-"], input=json.dumps(client), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    client_id = int(done.stdout)
    [listed] = _clients(db)
    assert (listed["id"], listed["phones"]) == (client_id, {"mobile": "+15035550134"})
    purchase = tmp_path / "p.json"
    purchase.write_text(json.dumps({"client_id": client_id, "purchase_date": "2026-11-20",
                                    "items": [{"description": "Opal ring",
                                               "price_cents": 125000}]}))
    added = run_cli("purchase", "add", "--json", str(purchase), db=db)
    assert added.returncode == 0, added.stderr and int(added.stdout) > 0
    assert _clients(db)[0]["lifetime_spend_cents"] == 125000
    out = tmp_path / "zoe.json"
    assert run_cli("export", "client", "--id", str(client_id), "--out", str(out),
                   db=db).returncode == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["profile"]["first_name"] == "Zoë" and len(record["purchases"]) == 1
    refused = run_cli("erase", "--id", str(client_id), db=db)
    assert refused.returncode == 2 and "--yes" in refused.stderr and _clients(db)
    erased = run_cli("erase", "--id", str(client_id), "--yes", db=db)
    assert erased.returncode == 0 and "rotate out" in erased.stdout
    assert _clients(db) == []


def test_bad_json_for_client_add_is_one_line_and_exit_2(tmp_path):
    db = tmp_path / "b.sqlite3"
    bad = tmp_path / "bad.json"
    for text in ("{not json", '{"first_name": "A", "shoe": 7}', '{"email": "x@example.com"}'):
        bad.write_text(text)
        done = run_cli("client", "add", "--json", str(bad), db=db)
        assert done.returncode == 2, text
        assert len(done.stderr.strip().splitlines()) == 1
    assert _clients(db) == []
