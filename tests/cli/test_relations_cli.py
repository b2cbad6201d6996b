"""The people in a client's life and a gift's details, through the command line as JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cli.test_clients_cli import run_cli


def _add(kind, data, db):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), kind, "add",
                           "--json", "-"], input=json.dumps(data), capture_output=True,
                          text=True, timeout=120)


def test_a_client_with_her_people_and_a_gift_for_one_of_them(tmp_path):
    db = tmp_path / "b.sqlite3"
    done = _add("client", {"first_name": "Luis", "last_name": "Ortega",
                           "phones": {"mobile": "503 555 0134"},
                           "relations": [{"kind": "partner", "name": "Mia",
                                          "birthday": "--03-12", "wish_list": "Emeralds"}]}, db)
    assert done.returncode == 0, done.stderr
    client_id = int(done.stdout)
    [listed] = json.loads(run_cli("clients", "--json", db=db).stdout)
    [mia] = listed["relations"]
    assert (mia["kind"], mia["name"], mia["birthday"], mia["wish_list"]) == (
        "partner", "Mia", "--03-12", "Emeralds")
    added = _add("purchase", {"client_id": client_id, "purchase_date": "2025-02-20",
                              "items": [{"description": "Ruby pendant", "price_cents": 180000}],
                              "is_gift": True, "gift_relation_id": mia["id"],
                              "gift_occasion": "birthday", "gift_given_on": "2025-03-12",
                              "gift_delivery": "hold"}, db)
    assert added.returncode == 0, added.stderr
    out = tmp_path / "luis.json"
    assert run_cli("export", "client", "--id", str(client_id), "--out", str(out),
                   db=db).returncode == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    [gift] = record["purchases"]
    assert (gift["gift_recipient"], gift["gift_relation_id"], gift["gift_given_on"],
            gift["gift_delivery"]) == ("Mia", mia["id"], "2025-03-12", "hold")
    assert [r["name"] for r in record["relations"]] == ["Mia"]
    today = json.loads(run_cli("today", "--date", "2026-02-19", "--json", db=db).stdout)
    [reminder] = [r for r in today if r["kind"] == "key_date"]
    assert reminder["relation_id"] == mia["id"] and reminder["when"] == "in 21 days"
    assert reminder["days_overdue"] == 0 and reminder["occasion_date"] == "2026-03-12"


def test_a_bad_relation_is_named_and_nothing_is_added(tmp_path):
    db = tmp_path / "b.sqlite3"
    done = _add("client", {"first_name": "Ana", "relations": [
        {"kind": "partner", "name": "Tom"}, {"kind": "uncle", "name": "Bo"}]}, db)
    assert done.returncode == 2 and "relations[2].kind" in done.stderr
    assert json.loads(run_cli("clients", "--json", db=db).stdout) == []
