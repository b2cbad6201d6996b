"""The kept gift days migration: an older store gains the columns, indexes and triggers with
every purchase kept, its gifts waiting stale until the store is opened; the agenda's read
goes through the index; and whatever changes what a day depends on, written by anyone,
marks exactly those gifts stale."""

from __future__ import annotations

import datetime as dt
import sqlite3

from tests.models.upgrade import upgraded_v4

TRIGGERS = {"purchase_gift_reminder_update", "purchase_gift_reminder_insert",
            "relation_gift_reminder_update", "relation_gift_reminder_delete",
            "relation_gift_reminder_insert", "client_gift_reminder_update",
            "client_gift_reminder_insert"}


def _kept(store, where: str = "1") -> dict[int, tuple]:
    return {pid: (day, stale) for pid, day, stale in store.execute(
        f"SELECT id, gift_reminder_on, gift_reminder_stale FROM purchase WHERE {where}")}


def test_an_old_store_gains_kept_gift_days(tmp_path):
    from boutique.services.cadence.gift_reminders import kept_query
    from boutique.services.store import close_store, open_store

    path = upgraded_v4(tmp_path, "purchase", at_least=14)
    with sqlite3.connect(path) as store:
        gifts = {pid for (pid,) in store.execute("SELECT id FROM purchase WHERE is_gift = 1")}
        assert gifts
        # Upgraded, every gift waits to be worked out.
        assert set(_kept(store).values()) == {(None, 1)}
        names = {name for (name,) in store.execute("SELECT name FROM sqlite_master")}
        assert {"purchase_gift_reminder", "purchase_gift_reminder_stale"} | TRIGGERS <= names
        sql, values = kept_query(dt.date(2025, 11, 25), dt.date(2025, 12, 16),
                                 unstored_only=True)
        plan = " ".join(row[3] for row in store.execute(f"EXPLAIN QUERY PLAN {sql}", values))
        assert "USING INDEX purchase_gift_reminder (gift_reminder_on>? AND" in plan
        assert "USING INDEX followup_key_date" in plan
        assert "SCAN" not in plan.replace("SCAN (", "")  # (a scan of nothing but itself)
    open_store(path)  # the app opening it works the days out
    close_store()
    with sqlite3.connect(path) as store:
        kept = _kept(store, "is_gift = 1")
        assert set(kept) == gifts and {stale for _day, stale in kept.values()} == {0}
        assert sum(1 for day, _stale in kept.values() if day) >= len(gifts) // 2
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _gift_book(db_path):
    """Two clients, a relation with dates, and kept gifts; returns their ids."""
    from boutique.services.cadence import refresh_gift_reminder_days
    from boutique.services.clients import (
        ItemData,
        PurchaseData,
        record_purchase,
        save_client,
        save_relation,
    )

    ana, bea = (save_client({"first_name": name, "last_name": "Trigger"}).id
                for name in ("Ana", "Bea"))
    rosa = save_relation(ana, {"kind": "parent", "name": "Rosa", "birthday": "1950-05-02"}).id
    item = [ItemData(description="Silver bangle", price_cents=12000)]
    gifts = [record_purchase(client, PurchaseData(
        purchase_date=dt.date(2025, 12, 1), items=item, is_gift=True, gift_recipient="Rosa",
        gift_occasion=occasion, gift_relation_id=relation)).id
        for client, occasion, relation in ((ana, "Mother's Day", rosa), (ana, "anniversary", None),
                                           (bea, "holiday", None), (bea, "graduation", None))]
    refresh_gift_reminder_days()
    return ana, bea, rosa, gifts


def test_every_change_a_day_depends_on_marks_its_gifts(db, db_path):
    ana, bea, rosa, (mothers_day, anniversary, holiday, graduation) = _gift_book(db_path)
    with sqlite3.connect(db_path) as other:
        assert {stale for _d, stale in _kept(other, "is_gift = 1").values()} == {0}
        assert _kept(other)[holiday] == ("2026-12-25", 0)

        def marked(sql: str, *params) -> set[int]:
            other.execute("UPDATE purchase SET gift_reminder_on = '2030-01-01', "
                          "gift_reminder_stale = 0")
            other.execute(sql, params)
            return {pid for pid, (day, stale) in _kept(other).items() if stale}

        for column, value in (("gift_occasion", "'Christmas'"), ("voided", "'refunded'"),
                              ("purchase_date", "'2025-12-02'"), ("is_gift", "0"),
                              ("gift_given_on", "'2025-12-20'"), ("client_id", str(bea)),
                              ("gift_relation_id", "NULL")):
            (was,) = other.execute(f"SELECT {column} FROM purchase WHERE id = ?",
                                   (mothers_day,)).fetchone()
            assert marked(f"UPDATE purchase SET {column} = {value} WHERE id = ?",
                          mothers_day) == {mothers_day}, column
            other.execute(f"UPDATE purchase SET {column} = ? WHERE id = ?", (was, mothers_day))
        # The same values written again, or what no day depends on: nothing to work out.
        assert marked("UPDATE purchase SET gift_occasion = gift_occasion, remarks = 'x', "
                      "gift_recipient = 'Rosa M.', total_cents = 1") == set()
        assert marked("UPDATE relation SET birthday_day = 3 WHERE id = ?", rosa) == \
            {mothers_day}
        assert marked("UPDATE relation SET name = 'Rosa M.', wish_list = 'pearls'") == set()
        assert marked("UPDATE client SET anniversary_month = 9, anniversary_day = 1 "
                      "WHERE id = ?", ana) == {mothers_day, anniversary}
        assert marked("UPDATE client SET do_not_contact = 1, email = 'b@example.com' "
                      "WHERE id = ?", bea) == set()
        assert marked("DELETE FROM relation WHERE id = ?", rosa) == {mothers_day}
        # (foreign keys off: the gift still names the relation's id) ... until one holds it
        assert marked("INSERT INTO relation (id, client_id, kind, name, birthday_month, "
                      "birthday_day, wish_list, created_at, updated_at) VALUES (?, ?, "
                      "'parent', 'Rosa', 5, 2, '', '2025-01-01', '2025-01-01')",
                      rosa, ana) == {mothers_day}
        other.execute("DELETE FROM client WHERE id = ?", (bea,))  # her gifts left behind
        assert marked(
            "INSERT INTO client (id, first_name, last_name, anniversary_month, "
            "anniversary_day, created_at, updated_at) SELECT ?, 'Bea', 'Again', 3, 3, "
            "'2025-01-01', '2025-01-01'", bea) == {holiday, graduation}
        # A row copied with the day it kept elsewhere is worked out again here.
        other.execute("INSERT INTO purchase (client_id, purchase_date, associate, is_gift, "
                      "gift_recipient, gift_relation, gift_occasion, is_custom, remarks, "
                      "total_cents, source_ref, voided, refunded_cents, created_at, "
                      "gift_delivery, gift_reminder_on, gift_reminder_stale) VALUES (?, "
                      "'2025-12-10', '', 1, 'Ana', '', 'holiday', 0, '', 0, '', '', 0, "
                      "'2025-12-10', '', '2026-12-25', 0)", (ana,))
        (copied,) = other.execute("SELECT max(id) FROM purchase").fetchone()
        assert _kept(other)[copied] == (None, 1)
