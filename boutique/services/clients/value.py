"""Client value: the 'Top client' tier by the 80/20 rule, computed from the data."""

from __future__ import annotations

from boutique.models import database
from boutique.models.agenda_journal import journal_position
from boutique.services import settings

TOP = "Top"
REGULAR = "Regular"
NEW = "Prospect"

_cache: dict[str, tuple[tuple[int, int], int | None]] = {}
_local_revision = 0


def invalidate() -> None:
    """Called after any change to purchases: the tier threshold must be recomputed."""
    global _local_revision
    _local_revision += 1


def top_tier_threshold() -> int | None:
    """The smallest lifetime spend that still belongs to the top tier, or None if no sales.

    Clients sorted by spend, highest first: the top tier is every client whose
    predecessors' cumulative spend is still below the share (80%) of all revenue.
    """
    data_version = database.execute_sql("PRAGMA data_version").fetchone()[0]
    key = (data_version, _local_revision)
    cached = _cache.get("threshold")
    if cached and cached[0] == key:
        return cached[1]
    share = float(settings.get("tiers.top_share_percent")) / 100.0
    threshold = _threshold_walked(share)
    _cache["threshold"] = (key, threshold)
    return threshold


def adopt_threshold(position: int, threshold: int | None) -> None:
    """Keep the threshold another process read at the journal id `position`, if nothing was
    written since (by anyone: every write to a client is journaled)."""
    if journal_position() == position:
        data_version = database.execute_sql("PRAGMA data_version").fetchone()[0]
        _cache["threshold"] = ((data_version, _local_revision), threshold)


def tier_moved(old: int | None, new: int | None, most: int) -> frozenset[int] | None:
    """The clients whose tier is Top under one threshold and not under the other (a sale
    moves the threshold a little: a few clients), or None when there are more than `most`."""
    if old == new:
        return frozenset()
    if old is None or new is None:
        low, high = old if new is None else new, None
    else:
        low, high = min(old, new), max(old, new)
    ids = [row[0] for row in database.execute_sql(
        f"SELECT id {_SPENDING} AND lifetime_spend_cents >= ?"
        + ("" if high is None else " AND lifetime_spend_cents < ?") + " LIMIT ?",
        (low, *(() if high is None else (high,)), most + 1))]
    return None if len(ids) > most else frozenset(ids)


# The clients who count, from the highest spend down (the index client_spend holds them).
_SPENDING = "FROM client WHERE deleted_at IS NULL AND lifetime_spend_cents > 0"


def _threshold_walked(share: float) -> int | None:
    """Walk the spends from the highest down, adding them up, until what came before
    reaches the share of the total: the last spend taken is the threshold. A window
    function over every spend does the same in SQL but reads the whole book at about
    three times the cost; the walk stops at the top tier's end."""
    total = database.execute_sql(f"SELECT SUM(lifetime_spend_cents) {_SPENDING}").fetchone()[0]
    if not total:
        return None
    limit = share * total
    before, threshold = 0, None
    spends = database.execute_sql(
        f"SELECT lifetime_spend_cents {_SPENDING} ORDER BY lifetime_spend_cents DESC")
    try:
        for (spend,) in spends:
            if before >= limit:
                break
            threshold = spend
            before += spend
    finally:
        spends.close()  # (left open, a statement would hold its read of the store)
    return threshold


def tier_for(spend_cents: int, threshold: int | None) -> str:
    if not spend_cents:
        return NEW
    if threshold is not None and spend_cents >= threshold:
        return TOP
    return REGULAR
