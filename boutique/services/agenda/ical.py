"""Open follow-ups as an RFC 5545 calendar, for the jeweler's phone or desktop calendar.

Each follow-up is an all-day event on its due day with a UID that stays the same from
one export to the next, so re-importing updates events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from boutique.models import utcnow
from boutique.models.db import owner_only
from boutique.models.followup import KEY_DATE
from boutique.services.agenda.items import AgendaItem, sort_key
from boutique.services.agenda.rows import gather
from boutique.services.cadence import load_rules

UID_DOMAIN = "boutique.followups"
PRODID = "-//Boutique//Follow-ups//EN"


def open_followups(day: dt.date, horizon_days: int = 365) -> list[AgendaItem]:
    """Every open follow-up (overdue ones too) and the key-date reminders from `day` up to
    `horizon_days` ahead whose occasion has not passed."""
    lead = dt.timedelta(days=load_rules().key_date_lead_days)
    items = gather("f.status = 'open' AND (f.kind <> 'key_date' OR f.occasion_date >= ?)",
                   (day,), day - lead, day + dt.timedelta(days=horizon_days), day)
    return sorted(items, key=lambda i: (i.due, *sort_key(i)))


def uid_for(item: AgendaItem) -> str:
    """Stable across exports; a key-date reminder keeps its UID once it is stored."""
    if item.kind == KEY_DATE and item.occasion_date is not None:
        return f"keydate-{item.client_id}-{item.occasion}-{item.occasion_date}@{UID_DOMAIN}"
    return f"followup-{item.followup_id}@{UID_DOMAIN}"


def _summary(item: AgendaItem) -> str:
    verb = {"phone": "Call", "mail": "Write to", "email": "Email", "text": "Text"}.get(
        item.channel, "Contact")
    return f"{verb} {item.client_name}: {item.kind_label.lower()}"


def _description(item: AgendaItem) -> str:
    lines = [item.reason]
    if item.contact:
        lines.append(("Send to: " if item.channel == "mail" else "Use: ") + item.contact)
    lines += [f"Note: {w}" for w in item.warnings]
    if item.recall:
        lines.append(f"Remember: {item.recall}")
    return "\n".join(lines)


def to_calendar(items: list[AgendaItem], stamp: dt.datetime | None = None):
    """The items as the icalendar library's Calendar (what calendar_text writes)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Boutique follow-ups")
    stamp = (stamp or utcnow()).replace(tzinfo=dt.UTC)
    for item in items:
        event = Event()
        event.add("uid", uid_for(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("summary", _summary(item))
        event.add("description", _description(item))
        event.add("categories", [item.kind_label])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11), as the icalendar library escapes it."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def _folded(line: str, limit: int = 75) -> str:
    """Lines under `limit` octets, continued on the next after a space; never inside a
    character nor just after a backslash (the library's rule)."""
    if len(line) < limit and line.isascii():
        return line
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if current and size + width >= limit:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def calendar_text(items: list[AgendaItem], stamp: dt.datetime | None = None) -> str:
    """The calendar `to_calendar` makes, written directly: a year of a big book is hundreds
    of thousands of events, and the library's objects cost seconds per ten thousand."""
    return "".join(calendar_parts(items, stamp))


def calendar_parts(items: list[AgendaItem], stamp: dt.datetime | None = None,
                   events_per_part: int = 2000):
    """calendar_text in parts of some thousand events, to write as they are made."""
    stamp_text = (stamp or utcnow()).replace(tzinfo=dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_text(PRODID)}",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:Boutique follow-ups"]
    one_day = dt.timedelta(days=1)
    for number, item in enumerate(items, start=1):
        lines += [
            "BEGIN:VEVENT",
            _folded(f"SUMMARY:{_text(_summary(item))}"),
            f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.due + one_day:%Y%m%d}",
            f"DTSTAMP:{stamp_text}",
            _folded(f"UID:{_text(uid_for(item))}"),
            _folded(f"CATEGORIES:{_text(item.kind_label)}"),
            _folded(f"DESCRIPTION:{_text(_description(item))}"),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        if number % events_per_part == 0:
            yield "\r\n".join(lines) + "\r\n"
            lines = []
    lines.append("END:VCALENDAR")
    yield "\r\n".join(lines) + "\r\n"


def export_ics(path: str | Path, day: dt.date, horizon_days: int = 365) -> int:
    """Write the open follow-ups to `path`; returns how many events were written."""
    items = open_followups(day, horizon_days)
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            out.writelines(calendar_parts(items))
        owner_only(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(items)
