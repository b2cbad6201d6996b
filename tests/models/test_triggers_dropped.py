"""Triggers set aside for a bulk write come back exactly as the store held them, whatever
the block did; new clients written in bulk skip only the trigger with nothing to do."""

from __future__ import annotations

import pytest

from boutique.models import database, new_rows_unwatched
from boutique.models.triggers import triggers_dropped
from boutique.services.clients import insert_clean_clients
from boutique.services.clients.book import clean_client_values


def _triggers() -> dict[str, str]:
    return dict(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def test_the_triggers_come_back_as_they_were_even_when_the_block_fails(db):
    before = _triggers()
    with (pytest.raises(ZeroDivisionError), database.atomic(),
          triggers_dropped(("client_gift_reminder_insert", "no_such_trigger"), "test")):
        assert "client_gift_reminder_insert" not in _triggers()
        raise ZeroDivisionError
    assert _triggers() == before
    with database.atomic(), new_rows_unwatched("client"):
        assert set(before) - set(_triggers()) == {"client_gift_reminder_insert"}
    assert _triggers() == before


def test_outside_a_transaction_nothing_is_dropped(db):
    before = _triggers()
    with pytest.raises(RuntimeError, match="new_rows_unwatched needs"), new_rows_unwatched("client"):
        pass
    assert _triggers() == before


def test_new_clients_in_bulk_keep_their_key_dates_and_the_schema(db):
    before = _triggers()
    rows = [clean_client_values({"first_name": f"Inès {n}", "last_name": "O'Hara <&>",
                                 "anniversary_month": 6, "anniversary_day": 14 + n})
            for n in range(3)]
    ids = insert_clean_clients(rows, [0, 0, 0])
    assert _triggers() == before
    assert database.execute_sql(
        f"SELECT COUNT(*) FROM client WHERE anniversary_month = 6 AND id IN "
        f"({','.join(map(str, ids))})").fetchone()[0] == 3
