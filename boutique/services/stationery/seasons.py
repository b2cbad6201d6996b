"""Seasons for the seasonal cues: an editable list of named periods of the year.

Stored as one setting, one period a line: "holiday: 11-01 to 12-24" (month-day,
both ends included; a period may run over the new year, "12-26 to 01-06"). A cue names
the season only on a day inside one, so "Is the holiday list growing?" is never said in May.
"""

from __future__ import annotations

import datetime as dt
import re

from boutique.services import settings
from boutique.services.errors import ValidationError

KEY = "stationery.seasons"
DEFAULT_SEASONS = "holiday: 11-01 to 12-24"
_LINE = re.compile(r"^\s*(?P<name>[^:]+?)\s*:\s*(?P<a>\d{1,2})-(?P<b>\d{1,2})\s*(?:to|-|–)\s*"
                   r"(?P<c>\d{1,2})-(?P<d>\d{1,2})\s*$")

settings.register_defaults({KEY: DEFAULT_SEASONS})


def parse_seasons(text: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(name, (month, day) from, (month, day) to) per line; a bad line raises, naming it."""
    periods = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise ValidationError({"seasons": f"line {number}: write “name: MM-DD to MM-DD”"})
        start = (int(match["a"]), int(match["b"]))
        end = (int(match["c"]), int(match["d"]))
        for month, day in (start, end):
            try:
                dt.date(2024, month, day)  # a leap year: 02-29 is a real day
            except ValueError:
                raise ValidationError(
                    {"seasons": f"line {number}: {month:02d}-{day:02d} is not a day"}) from None
        periods.append((match["name"], start, end))
    return periods


def season_on(day: dt.date | None, text: str | None = None) -> str:
    """The name of the season `day` falls in ("holiday"), else ""."""
    if day is None:
        return ""
    try:
        periods = parse_seasons(settings.get(KEY) if text is None else text)
    except ValidationError:
        return ""  # a bad list never stops a print; the Settings page reports it
    here = (day.month, day.day)
    for name, start, end in periods:
        inside = start <= here <= end if start <= end else (here >= start or here <= end)
        if inside:
            return name
    return ""


def save_seasons(text: str) -> None:
    parse_seasons(text)
    settings.set_many({KEY: text.strip()})
