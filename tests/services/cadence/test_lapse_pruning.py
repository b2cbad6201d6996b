"""The agenda's quick test of "not lapsed yet" (a follow-up's own columns first, the
lookups of other rows only when those cannot tell) agrees with the full lapse day, for
every kind, merged notes and calls, service-call chains, and every rule setting."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import database
from boutique.services.cadence import save_rules
from boutique.services.cadence.lapsing import alive_on_sql, lapse_day_sql, lapsed_by_sql
from boutique.services.demo.build import build_demo

TODAY = dt.date(2026, 11, 25)


def _ids(where: str, params: tuple) -> set[int]:
    return {row[0] for row in database.execute_sql(
        f"SELECT f.id FROM followup f WHERE f.status = 'open' AND {where}", params)}


@pytest.mark.parametrize("service_lapse_months", [0, 7])
def test_the_quick_test_agrees_with_the_lapse_day_on_every_day(db, service_lapse_months):
    build_demo(150, seed=11, today=TODAY, years=3.0)
    rules = save_rules({"service_lapse_months": service_lapse_months, "note_lapse_days": 9,
                        "satisfaction_lapse_days": 12})
    full = lapse_day_sql(rules)
    (merged,) = database.execute_sql(
        "SELECT COUNT(*) FROM followup WHERE merged_into_id IS NOT NULL").fetchone()
    assert merged > 0  # the demo book has merged notes and calls to check
    compared = 0
    day = TODAY - dt.timedelta(days=3 * 365)
    while day <= TODAY + dt.timedelta(days=400):
        alive, params = alive_on_sql(rules, day)
        assert _ids(alive, params) == _ids(f"{full} > ?", (day.isoformat(),))
        first = day - dt.timedelta(days=6)
        lapsed, params = lapsed_by_sql(rules, first, day)
        expected = _ids(f"{full} BETWEEN ? AND ?", (first.isoformat(), day.isoformat()))
        assert _ids(lapsed, params) == expected
        compared += len(expected)
        day += dt.timedelta(days=1)
    assert compared > 100
