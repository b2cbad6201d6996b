"""Calendar arithmetic the cadence rules rely on: month ends, leap days, weeks."""

from __future__ import annotations

import calendar
import datetime as dt

MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks falls on its last day
    (31 August + 6 months = 28 February, or 29 in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= 28:  # every month has it (the common case needs no calendar)
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def occurrence(year: int, month: int, day: int) -> dt.date:
    """A yearly date in `year`; 29 February falls on 28 February in other years."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def week_start(day: dt.date) -> dt.date:
    """Monday of the day's week: the weekly contact cap counts Monday to Sunday."""
    return day - dt.timedelta(days=day.weekday())


def short_date(day: dt.date) -> str:
    return f"{day.day} {MONTH_ABBR[day.month]}"


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTH_ABBR[day.month]} {day.year}"
