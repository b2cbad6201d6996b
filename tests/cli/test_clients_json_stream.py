"""`clients --json` streamed from plain rows says exactly what the record-by-record
listing said: the same fields, values and text, on a small store with odd data."""

from __future__ import annotations

import datetime as dt
import json

from boutique.cli.common import indented_json
from boutique.models import Client
from boutique.services.clients.listing import (
    client_ids,
    client_summaries,
    client_summary_json,
    iter_client_summaries,
)
from boutique.services.clients.relations import save_relation
from tests.cli.test_clients_cli import run_cli


def _odd_book(make_client, make_purchase):
    ana = make_client(first_name="Ana", last_name="Ålvarez <&> 😀", mobile_phone="+15035550134",
                      work_phone="+442079460958", email="ana@example.com",
                      salutation="Mrs.", preferred_name="Annie")
    make_purchase(ana.id, dt.date(2026, 3, 1), price_cents=480_000)
    save_relation(ana.id, {"kind": "partner", "name": "Erik", "birthday": "--06-14"})
    ben = make_client(first_name="بن", last_name="Okafor", home_phone="+15550177777",
                      do_not_contact=True)
    make_client(first_name="Cleo", last_name="N" * 250)
    return ana, ben


def test_streamed_summaries_equal_the_records(db, make_client, make_purchase):
    _odd_book(make_client, make_purchase)
    ids = client_ids("")
    by_id = {c.id: c for c in Client.select()}
    expected = [client_summary_json(by_id[i]) for i in ids]
    assert list(iter_client_summaries(ids, page=2)) == expected  # pages of two: a seam
    assert client_summaries(ids[::-1]) == expected[::-1]
    assert any(s["relations"] for s in expected) and any(s["do_not_contact"] for s in expected)


def test_the_indented_writer_writes_what_json_writes():
    values = [{"a": [1, {"b": None, "c": []}, {}], "d": 'é<&"\n\t', "e": True, "f": 1.5,
               "g": dt.date(2026, 1, 2), "h": {"x": (1, 2)}, "i": False, "j": -7},
              [], {}, [[[]]], {1: 2}, "x", None, 10**20]
    for value in values:
        assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2,
                                                  default=str)
    for depth in (1, 3):
        inner = json.dumps([values[0]], ensure_ascii=False, indent=2, default=str)
        assert indented_json([values[0]], depth) == inner.replace("\n", "\n" + "  " * depth)


def test_the_command_prints_the_whole_listing_as_before(db, db_path, make_client,
                                                        make_purchase):
    _odd_book(make_client, make_purchase)
    ids = client_ids("")
    by_id = {c.id: c for c in Client.select()}
    expected = [{**client_summary_json(by_id[i]), "store_credit_cents": 0} for i in ids]
    db.close()
    done = run_cli("clients", "--json", db=db_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == json.dumps(expected, ensure_ascii=False, indent=2, default=str) + "\n"
    empty = run_cli("clients", "--json", "--search", "nobody-at-all", db=db_path)
    assert empty.stdout == "[]\n"
