"""The imports' bulk writing may change how it writes, never what: the varied book of
`import_book` must come out table by table, the search index's own tables byte for byte,
as the snapshot `tests/fixtures/import/imported_book.json` holds.

The snapshot was written by the import code before its bulk paths were made faster
(`python -m tests.services.interchange.import_book tests/fixtures/import/imported_book.json`);
a change meant to alter what an import writes writes it again, and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

from boutique.services.notes.search import check_index
from tests.services.interchange.import_book import build_book, snapshot

SNAPSHOT = Path(__file__).parents[2] / "fixtures" / "import" / "imported_book.json"


def test_the_varied_book_is_written_exactly_as_before(db, tmp_path):
    build_book(tmp_path)
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(snapshot(), default=str))
    assert sorted(found) == sorted(expected)
    for table in expected:
        assert found[table] == expected[table], f"table {table} differs"
    assert check_index() == []


def test_the_book_has_what_the_comparison_needs(db, tmp_path):
    """Without merges, moved calls, gifts and voided orders the comparison proves little."""
    build_book(tmp_path)
    book = snapshot()
    followups, purchases = ([dict(zip(book[table][0], row, strict=True))
                             for row in book[table][1:]] for table in ("followup", "purchase"))
    assert sum(1 for f in followups if f["merged_into_id"]) > 50
    assert sum(1 for f in followups if f["due"] != f["rule_due"]) > 50
    assert sum(1 for f in followups if f["is_gift"]) > 10
    assert {p["voided"] for p in purchases} == {"", "refunded", "cancelled"}
    assert {p["gift_delivery"] for p in purchases if p["is_gift"]} >= {"hold", "discreet"}
    assert len(book["note"]) > 5 and len(book["client_word"]) > 100


def test_the_imported_gifts_keep_the_day_they_remind_of(db, tmp_path):
    from boutique.models import database

    build_book(tmp_path)
    gifts = database.execute_sql("SELECT id, gift_reminder_on, gift_reminder_stale FROM purchase "
                                 "WHERE is_gift = 1 AND voided = ''").fetchall()
    assert len(gifts) > 10 and all(stale == 0 for _id, _day, stale in gifts)
    assert any(day for _id, day, _stale in gifts)


def test_the_follow_up_indexes_built_once_at_the_end_write_the_same_book(db, tmp_path,
                                                                       monkeypatch):
    """A big import builds some follow-up indexes again at its end (cadence.bulk); the small
    book takes that path too here, and must come out the same, its indexes whole."""
    from boutique.models import database
    from boutique.services.cadence import bulk

    schema = database.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    monkeypatch.setattr(bulk, "BULK_ROWS", 0)
    build_book(tmp_path)
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(snapshot(), default=str))
    assert found["followup"] == expected["followup"]
    assert database.execute_sql(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
