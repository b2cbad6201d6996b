"""add_months on every day of four years (a leap year among them), for every step up to
five years: the same day, else the month's last day."""

from __future__ import annotations

import calendar
import datetime as dt

from boutique.services.cadence.dates import add_months


def test_every_day_lands_on_the_same_day_or_the_months_last():
    day = dt.date(2023, 1, 1)
    while day.year < 2027:
        for months in range(0, 61, 1 if day.day >= 28 else 7):
            year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
            last = calendar.monthrange(year, month + 1)[1]
            assert add_months(day, months) == dt.date(year, month + 1, min(day.day, last))
        day += dt.timedelta(days=1)
