"""Many new clients at once: the word index by client is rebuilt, not updated row by row,
and comes back exactly as the store defines it."""

from boutique.models import database
from boutique.services.clients import insert_clean_clients
from boutique.services.clients.listing import client_ids

INDEX = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'client_word_client'"


def test_a_big_import_rebuilds_the_index_by_client_as_it_was(db):
    before = database.execute_sql(INDEX).fetchone()
    rows = [{"first_name": f"Ana{i}", "last_name": f"Ruiz{i % 50}", "email": f"a{i}@example.com",
             "mobile_phone": f"+1503555{i:04d}"} for i in range(1500)]
    ids = insert_clean_clients(rows, [0] * len(rows))
    words = database.execute_sql("SELECT COUNT(*) FROM client_word").fetchone()[0]
    assert words > 10_000  # large enough to take the rebuild path
    assert database.execute_sql(INDEX).fetchone() == before
    assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT word FROM client_word WHERE client_id = ?", (ids[7],))
    assert "client_word_client" in " ".join(str(r) for r in plan)
    assert ids[7] in client_ids("ana7")


def test_the_prefixes_a_big_import_has_the_store_make_are_the_rules_own(db):
    """The bulk path makes the prefix rows in SQL; they must be exactly prefix_rows' of the
    same words: accents, emoji, right-to-left letters, one-letter words, digits, '<&>'."""
    from boutique.services.clients.word_index import prefix_rows

    names = ["Zoë", "Ødegård", "שרה", "李", "O'Hara <&>", "Ÿ", "💎Gem", "9Lives", "x", "Ǆemal",
             "Ångström-Łódź", "ß"]
    rows = [{"first_name": names[i % len(names)] + ("" if i % 3 else str(i)),
             "last_name": names[(i * 7) % len(names)], "email": f"é{i}@example.com",
             "mobile_phone": f"+1503555{i:04d}"} for i in range(1500)]
    ids = insert_clean_clients(rows, [0] * len(rows))
    stored = set(database.execute_sql("SELECT prefix, sort_name, client_id FROM client_prefix"))
    words = database.execute_sql("SELECT word, sort_name, client_id FROM client_word").fetchall()
    assert len(words) > 10_000  # (the bulk path)
    assert stored == set(prefix_rows(words))
    assert {client_id for _p, _s, client_id in stored} == set(ids)
    assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_import_larger_than_the_book_builds_the_client_indexes_again_as_they_were(
        db, monkeypatch):
    from boutique.services.clients import bulk
    from boutique.services.clients.listing import SortKey

    schema = database.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    monkeypatch.setattr(bulk, "BULK_ROWS", 0)  # (the small book takes the big import's path)
    rows = [{"first_name": f"Zoë{i}", "last_name": ["Ødegård", "Alvarez", "שרה"][i % 3],
             "birthday_month": 1 + i % 12, "birthday_day": 1 + i % 28} for i in range(60)]
    ids = insert_clean_clients(rows, [i * 100 for i in range(60)])
    assert database.execute_sql(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    by_name = client_ids("", SortKey.NAME)
    assert sorted(by_name) == sorted(ids) and by_name[0] != ids[0]
    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM client WHERE deleted_at IS NULL ORDER BY sort_name, id")
    assert "client_sort_name" in " ".join(str(r) for r in plan)
