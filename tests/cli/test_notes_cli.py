"""`note add` and `search`, run as a user would: a real process on a real store file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from boutique.models import close_database
from boutique.services.clients.book import save_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase


def run_cli(*args, db, stdin=None):
    return subprocess.run([sys.executable, "-m", "boutique", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, input=stdin)


@pytest.fixture
def store(db, db_path, today):
    zoe = save_client({"first_name": "Zoë", "last_name": "Ødegård"})
    other = save_client({"first_name": "Ben", "last_name": "Okafor"})
    ring = record_purchase(zoe.id, PurchaseData(
        purchase_date=today, items=[ItemData(description="Sapphire halo ring", price_cents=1)]))
    close_database()
    return dict(path=db_path, zoe=zoe.id, other=other.id, ring=ring.id)


def search_json(store, text):
    done = run_cli("search", text, "--json", db=store["path"])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_note_add_then_search_by_word_prefix_and_plain_spelling(store):
    added = run_cli("note", "add", "--client", str(store["zoe"]), "--category", "conversation",
                    "--purchase", str(store["ring"]), "Off to Italy in May; loves the Ørsted café",
                    db=store["path"])
    assert added.returncode == 0, added.stderr
    assert "added for Zoë Ødegård" in added.stdout
    for text in ("Italy", "ital", "orsted", "CAFE"):
        hits = [h for h in search_json(store, text) if h["kind"] == "note"]
        assert [h["client_id"] for h in hits] == [store["zoe"]], text
        assert hits[0]["client_name"] == "Zoë Ødegård"
        assert "Off to Italy in May" in hits[0]["snippet"]
    ranked = search_json(store, "zoe")
    assert [(h["kind"], h["client_id"]) for h in ranked] == [("client", store["zoe"])]
    assert set(ranked[0]) >= {"kind", "client_id", "client_name", "snippet"}


def test_search_groups_kinds_in_order(store):
    run_cli("note", "add", "--client", str(store["other"]), "Asked about a sapphire pendant",
            db=store["path"])
    kinds = [h["kind"] for h in search_json(store, "sapph")]
    assert kinds == ["note", "purchase"]
    text = run_cli("search", "sapph", db=store["path"])
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0] == "Notes" and "Purchases" in lines
    assert any("Sapphire halo ring" in line for line in lines)


@pytest.mark.parametrize("text", ['"', "NEAR(", "'", "*", "a -b", "(((", "x:y", "💎"])
def test_search_of_query_syntax_exits_0(store, text):
    done = run_cli("search", text, db=store["path"])
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(run_cli("search", text, "--json", db=store["path"]).stdout) is not None


def test_text_starting_with_a_dash_after_double_dash(store):
    done = run_cli("search", "--json", "--", "-sapphire", db=store["path"])
    assert done.returncode == 0, done.stderr
    assert [h["kind"] for h in json.loads(done.stdout)] == ["purchase"]


def test_note_from_stdin_keeps_lines_and_scripts(store):
    text = "Line one 💍\nВторая строка\n" + "long " * 1200
    done = run_cli("note", "add", "--client", str(store["zoe"]), "--pin", "-", db=store["path"],
                   stdin=text)
    assert done.returncode == 0, done.stderr
    listed = json.loads(run_cli("note", "list", "--client", str(store["zoe"]), "--json",
                                db=store["path"]).stdout)
    assert listed[0]["text"] == text.strip() and listed[0]["pinned"] is True
    assert [h["kind"] for h in search_json(store, "вторая")] == ["note"]


@pytest.mark.parametrize(("args", "message"), [
    (["--client", "1", "--category", "gossip", "hello"], "--category must be one of"),
    (["--client", "999", "hello"], "no client with id 999"),
    (["--client", "1", "   "], "A note needs some text"),
    (["--client", "2", "--purchase", "1", "not Ben's"], "is not this client's"),
])
def test_bad_note_is_one_line_exit_2(store, args, message):
    done = run_cli("note", "add", *args, db=store["path"])
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert done.stdout == ""
