"""Returns and the service desk on the command line, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

from pypdf import PdfReader


def run_cli(*args, db, stdin=None):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, input=stdin)


def ok(*args, db, stdin=None):
    done = run_cli(*args, db=db, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def client_and_gift(db):
    client = json.dumps({"first_name": "Ana", "last_name": "Alvarez",
                         "mobile_phone": "+15550134567", "home_line1": "8 Orchard Lane",
                         "home_city": "Hudson", "home_region": "NY", "home_postcode": "12534"})
    client_id = int(ok("client", "add", "--json", "-", db=db, stdin=client))
    gift = json.dumps({"client_id": client_id, "purchase_date": "2026-11-01", "is_gift": True,
                       "gift_recipient": "Lena", "gift_relation": "daughter",
                       "items": [{"description": "Pearl drop earrings", "price_cents": 45000}]})
    purchase_id = int(ok("purchase", "add", "--json", "-", db=db, stdin=gift))
    return client_id, purchase_id


def test_a_returned_gift_drops_its_call_owes_a_note_and_lowers_spend(tmp_path):
    """Must show: the satisfaction call is gone, an after-return note is due, the spend
    dropped by the refund, as the JSON shows."""
    db = tmp_path / "b.sqlite3"
    client_id, purchase_id = client_and_gift(db)
    [before] = json.loads(ok("clients", "--json", db=db))
    assert before["lifetime_spend_cents"] == 45000
    day_of_call = json.loads(ok("today", "--date", "2026-12-01", "--json", db=db))
    assert [r["kind"] for r in day_of_call if r["kind"] == "satisfaction_call"]

    added = json.loads(ok("return", "add", "--purchase", str(purchase_id), "--item", "1",
                          "--reason", "gift_not_wanted", "--resolution", "refund",
                          "--date", "2026-11-10", "--json", db=db))
    assert (added["settled_cents"], added["resolution"]) == (45000, "refund")

    [after] = json.loads(ok("clients", "--json", db=db))
    assert before["lifetime_spend_cents"] - after["lifetime_spend_cents"] == 45000
    assert after["store_credit_cents"] == 0
    due = json.loads(ok("today", "--date", "2026-11-13", "--json", db=db))
    [note] = [r for r in due if r["kind"] == "after_return"]
    assert note["channel"] == "mail" and "Pearl drop earrings (gift not wanted)" in note["reason"]
    assert not [r for r in due if r["kind"] == "thank_you_note"]  # one letter, not two
    early = json.loads(ok("today", "--date", "2026-11-12", "--json", db=db))
    assert not [r for r in early if r["kind"] == "after_return"]  # within 3 days: the 13th
    later = json.loads(ok("today", "--date", "2026-12-01", "--json", db=db))
    assert not [r for r in later if r["kind"] == "satisfaction_call"]
    [listed] = json.loads(ok("returns", "list", "--json", "--from", "2026-11-01",
                             "--to", "2026-11-30", db=db))
    assert listed["id"] == added["id"] and listed["reason"] == "gift_not_wanted"
    assert json.loads(ok("returns", "list", "--json", "--from", "2026-12-01", db=db)) == []


def test_credit_shows_in_the_clients_json_and_bad_returns_are_one_line(tmp_path):
    db = tmp_path / "b.sqlite3"
    _, purchase_id = client_and_gift(db)
    bad = run_cli("return", "add", "--purchase", str(purchase_id), "--item", "2",
                  "--reason", "wrong_size", "--resolution", "credit", "--date", "2026-11-05",
                  db=db)
    assert bad.returncode == 2 and "has items 1 to 1, not 2" in bad.stderr
    assert "Traceback" not in bad.stderr
    late = run_cli("return", "add", "--purchase", str(purchase_id), "--item", "1",
                   "--reason", "wrong_size", "--resolution", "credit", "--date", "2026-12-02",
                   db=db)
    assert late.returncode == 2 and "override_reason" in late.stderr
    ok("return", "add", "--purchase", str(purchase_id), "--item", "1", "--reason",
       "wrong_size", "--resolution", "credit", "--date", "2026-12-02",
       "--override", "Sized wrong by us", db=db)
    [client] = json.loads(ok("clients", "--json", db=db))
    assert client["store_credit_cents"] == 45000 and client["lifetime_spend_cents"] == 0


def test_an_exchange_from_the_command_line(tmp_path):
    db = tmp_path / "b.sqlite3"
    _, purchase_id = client_and_gift(db)
    added = json.loads(ok("return", "add", "--purchase", str(purchase_id), "--item", "1",
                          "--reason", "change_of_heart", "--resolution", "exchange",
                          "--date", "2026-11-05", "--new-item", "Pearl studs",
                          "--new-price", "300.00", "--json", db=db))
    assert added["difference_cents"] == -15000 and added["exchange_purchase_id"]
    [client] = json.loads(ok("clients", "--json", db=db))
    assert (client["lifetime_spend_cents"], client["store_credit_cents"]) == (30000, 15000)
    missing = run_cli("return", "add", "--purchase", str(purchase_id), "--item", "1",
                      "--reason", "other", "--resolution", "exchange", db=db)
    assert missing.returncode == 2 and "--new-item" in missing.stderr


def test_a_ticket_from_intake_to_pickup_with_its_printed_stub(tmp_path):
    db = tmp_path / "b.sqlite3"
    client_id, _ = client_and_gift(db)
    ticket = json.loads(ok("service", "add", "--client", str(client_id), "--kind", "sizing",
                           "--promised", "2026-11-27", "--date", "2026-11-20",
                           "--piece", "Gold band", "--work", "Size 6 to 7",
                           "--condition", "Scratches <& fine>", "--json", db=db))
    assert (ticket["number"], ticket["status"], ticket["overdue"]) == (
        "S000001", "received", False)
    late = json.loads(ok("service", "list", "--json", "--date", "2026-11-28", db=db))
    assert late[0]["overdue"] is True
    bad = run_cli("service", "move", "--ticket", str(ticket["id"]), "--status", "picked_up",
                  db=db)
    assert bad.returncode == 2 and "can move to" in bad.stderr
    ok("service", "move", "--ticket", str(ticket["id"]), "--status", "ready",
       "--date", "2026-11-26", db=db)
    [ready] = json.loads(ok("service", "list", "--json", "--status", "ready", db=db))
    assert ready["id"] == ticket["id"]
    due = json.loads(ok("today", "--date", "2026-11-26", "--json", db=db))
    assert any("Gold band is ready" in r["reason"] for r in due)
    out = tmp_path / "ticket.pdf"
    ok("print", "ticket", "--ticket", str(ticket["id"]), "--out", str(out), db=db)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert text.count("S000001") >= 3  # the heading, the stub and the barcode's own line
    assert "CLAIM STUB" in text and "Scratches <& fine>" in text and "Size 6 to 7" in text
    assert "Friday, 27 November 2026" in text
    ok("service", "move", "--ticket", str(ticket["id"]), "--status", "picked_up", db=db)
    assert json.loads(ok("service", "list", "--json", "--status", "ready", db=db)) == []


def test_the_return_slip_prints_the_policy(tmp_path):
    db = tmp_path / "b.sqlite3"
    _, purchase_id = client_and_gift(db)
    added = json.loads(ok("return", "add", "--purchase", str(purchase_id), "--item", "1",
                          "--reason", "gift_not_wanted", "--resolution", "refund",
                          "--date", "2026-11-10", "--json", db=db))
    out = tmp_path / "slip.pdf"
    ok("print", "return-slip", "--return", str(added["id"]), "--out", str(out), db=db)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "RETURN SLIP" in text.upper() and "Pearl drop earrings" in text
    assert "Day 9 of a 30-day window: inside the window" in text
    assert "returned within 30 days" in text and "$450.00" in text


def test_store_credit_spent_as_a_tender(tmp_path):
    db = tmp_path / "b.sqlite3"
    client_id, purchase_id = client_and_gift(db)
    ok("return", "add", "--purchase", str(purchase_id), "--item", "1", "--reason",
       "wrong_size", "--resolution", "credit", "--date", "2026-11-05", db=db)
    later = json.dumps({"client_id": client_id, "purchase_date": "2026-11-20",
                        "items": [{"description": "Gold hoops", "price_cents": 30000}]})
    new_id = int(ok("purchase", "add", "--json", "-", db=db, stdin=later))
    too_much = run_cli("credit", "use", "--client", str(client_id), "--amount", "500",
                       "--date", "2026-11-20", db=db)
    assert too_much.returncode == 2 and "only $450.00 of store credit" in too_much.stderr
    ok("credit", "use", "--client", str(client_id), "--amount", "300.00",
       "--purchase", str(new_id), "--date", "2026-11-20", db=db)
    shown = json.loads(ok("credit", "show", "--client", str(client_id), "--json",
                          "--date", "2026-11-20", db=db))
    assert shown["balance_cents"] == 15000
    assert [e["kind"] for e in shown["ledger"]] == ["issued", "used"]
    [client] = json.loads(ok("clients", "--json", db=db))
    assert client["store_credit_cents"] == 15000
    assert client["lifetime_spend_cents"] == 30000  # the hoops count; the credit is no sale


def test_empty_lists_say_so(tmp_path):
    db = tmp_path / "empty.sqlite3"
    assert ok("returns", "list", db=db).strip() == "No returns."
    assert ok("returns", "list", "--from", "2026-11-01", db=db).strip() == "No returns from 2026-11-01."
    assert ok("service", "list", db=db).strip() == "No open tickets."
    assert ok("service", "list", "--status", "sent_out", db=db).strip() == "No tickets sent out."
