"""Client value: the 'Top client' tier by the 80/20 rule, computed from the data."""

from __future__ import annotations

from boutique.models import database
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
    row = database.execute_sql(
        """
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
        """,
        (share,),
    ).fetchone()
    threshold = row[0] if row else None
    _cache["threshold"] = (key, threshold)
    return threshold


def tier_for(spend_cents: int, threshold: int | None) -> str:
    if not spend_cents:
        return NEW
    if threshold is not None and spend_cents >= threshold:
        return TOP
    return REGULAR
