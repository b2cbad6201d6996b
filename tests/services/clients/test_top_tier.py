"""The 80/20 top tier: the threshold walked from the highest spend down is the one the
rule defines (every client whose predecessors' cumulative spend is below the share)."""

from __future__ import annotations

import random

import pytest

from boutique.models import database
from boutique.services import settings
from boutique.services.clients.book import save_client, trash_client
from boutique.services.clients.value import invalidate, top_tier_threshold

# The rule in one SQL statement, over every spend: what the walk must agree with.
RULE = """
    WITH ranked AS (
        SELECT lifetime_spend_cents AS spend,
               SUM(lifetime_spend_cents) OVER (
                   ORDER BY lifetime_spend_cents DESC ROWS UNBOUNDED PRECEDING
               ) - lifetime_spend_cents AS before
        FROM client WHERE deleted_at IS NULL AND lifetime_spend_cents > 0
    )
    SELECT MIN(spend) FROM ranked
    WHERE before < ? * (SELECT SUM(lifetime_spend_cents) FROM client
                        WHERE deleted_at IS NULL AND lifetime_spend_cents > 0)
"""


def _by_rule() -> int | None:
    share = float(settings.get("tiers.top_share_percent")) / 100.0
    return database.execute_sql(RULE, (share,)).fetchone()[0]


def _book(rng: random.Random, clients: int) -> None:
    # Few distinct spends, so that ties fall on the threshold; some clients with none.
    for n in range(clients):
        client = save_client({"first_name": f"C{n}", "last_name": "Tier"})
        spend = rng.choice([0, 0, 5_000, 12_000, 12_000, 40_000, 250_000, rng.randint(1, 9_999)])
        database.execute_sql("UPDATE client SET lifetime_spend_cents = ? WHERE id = ?",
                             (spend, client.id))
        if rng.random() < 0.1:
            trash_client(client.id)
    invalidate()


@pytest.mark.parametrize("seed", range(6))
def test_the_walk_finds_the_rules_threshold(db, seed):
    rng = random.Random(seed)
    _book(rng, rng.randint(1, 60))
    for share in ("80", "50", "100", "1", "0"):
        settings.set("tiers.top_share_percent", share)
        invalidate()
        assert top_tier_threshold() == _by_rule(), share


def test_no_spend_has_no_threshold(db):
    save_client({"first_name": "Nobody", "last_name": "Spent"})
    invalidate()
    assert top_tier_threshold() is None


def test_the_walk_leaves_no_read_open(db, db_path):
    """The walk stops early: its statement must not go on holding a read of the store,
    or another connection's checkpoint could never finish."""
    import sqlite3

    _book(random.Random(7), 40)
    top_tier_threshold()
    other = sqlite3.connect(db_path)
    try:
        other.execute("UPDATE client SET first_name = 'X' WHERE id = 1")
        other.commit()
        busy, _log, _done = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0
