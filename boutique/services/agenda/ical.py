"""Open follow-ups as an RFC 5545 calendar, for the jeweler's phone or desktop calendar.

Each follow-up is an all-day event on its due day with a UID that stays the same from
one export to the next, so re-importing updates events instead of doubling them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from boutique.models import database, utcnow
from boutique.models.followup import KEY_DATE
from boutique.services.agenda.items import AgendaItem, sort_agenda
from boutique.services.agenda.prepared import prepared_changes, prepared_stored
from boutique.services.agenda.rows import (
    CardShelf,
    computed_reminders,
    gather,
    items_for,
    stored_sources,
)
from boutique.services.cadence import load_rules

UID_DOMAIN = "boutique.followups"
PRODID = "-//Boutique//Follow-ups//EN"


OPEN = "f.status = 'open' AND (f.kind <> 'key_date' OR f.occasion_date >= ?)"


def open_followups(day: dt.date, horizon_days: int = 365) -> list[AgendaItem]:
    """Every open follow-up (overdue ones too) and the key-date reminders from `day` up to
    `horizon_days` ahead whose occasion has not passed, by due day."""
    lead = dt.timedelta(days=load_rules().key_date_lead_days)
    items = gather(OPEN, (day,), day - lead, day + dt.timedelta(days=horizon_days), day)
    return _in_export_order(items)


def _in_export_order(items: list[AgendaItem]) -> list[AgendaItem]:
    """By due day, and each day as the agenda reads (the order of one sort by
    (due, *sort_key)): each day sorted on its own, a month being a few dozen days."""
    by_day: dict[dt.date, list[AgendaItem]] = {}
    for item in items:
        by_day.setdefault(item.due, []).append(item)
    ordered = []
    for due in sorted(by_day):
        sort_agenda(by_day[due])
        ordered += by_day[due]
    return ordered


def open_followups_by_month(day: dt.date, horizon_days: int = 365,
                            due_from: dt.date | None = None, due_before: dt.date | None = None,
                            shelf: CardShelf | None = None):
    """open_followups in the same order, as lists of a month of due days each (the first
    also holds everything overdue, the last everything later): a big book's year is
    hundreds of thousands of items, and a month of them at a time is made, sorted and
    written in a fraction of the memory. The key-date reminders are found once for the
    whole span, and each client is read once (CardShelf).

    `due_from` and `due_before` (each a day after `day`) keep only the due days in
    [due_from, due_before), a month cut in two where one of them falls: the file's parts,
    each made by its own process (calendar_file), together yield every day once.
    `shelf`: where what is read of the clients is kept (given, it outlives the months: see
    calendar_file.make_part)."""
    rules = load_rules()
    first = day - dt.timedelta(days=rules.key_date_lead_days)
    last = day + dt.timedelta(days=horizon_days)
    starts = month_starts(day, last)
    # (a part's first day begins a list of its own: the months' starts around it stay)
    starts = sorted({*starts, *(cut for cut in (due_from, due_before)
                                if cut is not None and cut > day and cut < starts[-1])})
    uppers = [*starts[:-1], None]
    lowers = [None, *starts[:-1]]
    # (a month is kept by where it begins; the first one begins with the earliest overdue)
    kept = [i for i, lower in enumerate(lowers)
            if (due_from is None or (lower is not None and lower >= due_from))
            and (due_before is None or lower is None or lower < due_before)]
    if not kept:
        return
    span_first = max(first, lowers[kept[0]] or first)
    span_last = last if uppers[kept[-1]] is None else min(
        last, uppers[kept[-1]] - dt.timedelta(days=1))
    if span_first <= span_last:
        reminders, others = computed_reminders(span_first, span_last, day, rules)
    else:
        reminders, others = [], []
    by_month = {i: ([], []) for i in kept}
    for found, at in ((reminders, 0), (others, 1)):
        for entry in found:
            due = (entry[0] if at else entry).due
            by_month[bisect.bisect_right(starts, due, hi=len(uppers) - 1)][at].append(entry)
    del reminders, others
    shelf = shelf if shelf is not None else CardShelf()
    # The follow-ups' items as prepared (agenda.prepared), but for the clients changed
    # since: theirs, and the reminders, are worked out (all of them, when none can be).
    changed = prepared_changes()
    only = "" if not changed else (
        f" AND f.client_id IN ({','.join(str(int(c)) for c in sorted(changed))})")
    for index in kept:
        lower, upper = lowers[index], uppers[index]
        # (due is ISO text: a half-open range of days compares as text)
        where, params = OPEN, [day]
        if lower is not None:
            where, params = where + " AND f.due >= ?", [*params, lower]
        if upper is not None:
            where, params = where + " AND f.due < ?", [*params, upper]
        month_reminders, month_others = by_month.pop(index)
        if changed is None:
            items = items_for(stored_sources(where, tuple(params), shelf), month_reminders,
                              month_others, day, rules, shelf)
        else:
            items = prepared_stored(where, tuple(params), day, changed)
            worked_out = stored_sources(where + only, tuple(params), shelf) if changed else []
            items += items_for(worked_out, month_reminders, month_others, day, rules, shelf)
        yield _in_export_order(items)


def month_starts(day: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of each month after the one `day` is in, up to the later of `last`
    and the last open follow-up's due day."""
    latest = database.execute_sql(
        f"SELECT MAX(f.due) FROM followup f WHERE f.merged_into_id IS NULL AND {OPEN}",
        (day,)).fetchone()[0]
    end = max(last, dt.date.fromisoformat(latest[:10]) if latest else last)
    starts = []
    month = day.replace(day=1)
    while month <= end:
        month = (month + dt.timedelta(days=32)).replace(day=1)
        starts.append(month)
    return starts


def uid_for(item: AgendaItem) -> str:
    """Stable across exports; a key-date reminder keeps its UID once it is stored."""
    if item.kind == KEY_DATE and item.occasion_date is not None:
        return f"keydate-{item.client_id}-{item.occasion}-{item.occasion_date}@{UID_DOMAIN}"
    return f"followup-{item.followup_id}@{UID_DOMAIN}"


_VERBS = {"phone": "Call", "mail": "Write to", "email": "Email", "text": "Text"}


def _summary(item: AgendaItem) -> str:
    verb = _VERBS.get(item.channel, "Contact")
    return f"{verb} {item.client_name}: {item.kind_label.lower()}"


def _description(item: AgendaItem) -> str:
    text = item.reason
    if item.contact:
        text += ("\nSend to: " if item.channel == "mail" else "\nUse: ") + item.contact
    for warning in item.warnings:
        text += "\nNote: " + warning
    if item.recall:
        text += "\nRemember: " + item.recall
    return text


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


_ESCAPED = re.compile(r"[\\;,\r\n]")


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11), as the icalendar library escapes it (its
    replacements, each only where its character is: most values hold a comma and a new
    line, few a backslash or a carriage return)."""
    if "\\" in value:
        value = value.replace("\\N", "\n").replace("\\", "\\\\")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _folded(line: str, limit: int = 75) -> str:
    """Lines under `limit` octets, continued on the next after a space; never inside a
    character nor just after a backslash (the library's rule: each piece takes as many
    whole characters as fit, but gives a last backslash or caret to the next)."""
    if len(line) < limit and line.isascii():
        return line
    width = limit - 1
    if not line.isascii():
        return b"\r\n ".join(_pieces(line.encode(), width)).decode()
    # (most lines of a year: plain text, cut by characters)
    pieces, start, size = [], 0, len(line)
    while size - start > width:
        end = start + width
        if line[end - 1] in "\\^" and end - 1 > start:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def _pieces(data: bytes, width: int) -> list[bytes]:
    """UTF-8 `data` cut greedily into pieces of at most `width` octets."""
    pieces, start, size = [], 0, len(data)
    while size - start > width:
        end = start + width
        while data[end] & 0xC0 == 0x80:  # not inside a character
            end -= 1
        if data[end - 1:end] in b"\\^" and end - 1 > start:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return pieces


def calendar_text(items: list[AgendaItem], stamp: dt.datetime | None = None) -> str:
    """The calendar `to_calendar` makes, written directly: a year of a big book is hundreds
    of thousands of events, and the library's objects cost seconds per ten thousand."""
    return "".join(calendar_parts(items, stamp))


CALENDAR_HEAD = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_text(PRODID)}",
                              "CALSCALE:GREGORIAN", "X-WR-CALNAME:Boutique follow-ups", ""])
CALENDAR_TAIL = "END:VCALENDAR\r\n"


def calendar_parts(items, stamp: dt.datetime | None = None, events_per_part: int = 2000,
                   whole: bool = True):
    """calendar_text in parts of some thousand events, to write as they are made; with
    `whole` False, the events only (a part of the file, see calendar_file)."""
    stamp_text = (stamp or utcnow()).replace(tzinfo=dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    events = [CALENDAR_HEAD] if whole else []
    one_day = dt.timedelta(days=1)
    # A year of a big book is a few hundred days and a few dozen labels: each line made once.
    days: dict[dt.date, str] = {}
    labels: dict[tuple, tuple[str, str]] = {}
    escaped = _ESCAPED.search
    for number, item in enumerate(items, start=1):
        # (the fields as locals: this runs for every event of a year)
        (followup_id, _client, client_name, _greeting, kind, due, _late, reason, channel,
         contact, _address, warnings, _purchases, recall, _top, _deadline, occasion,
         occasion_date, _attempts, _sort_name) = item
        span = days.get(due)
        if span is None:
            span = days[due] = (f"DTSTART;VALUE=DATE:{due:%Y%m%d}\r\n"
                                f"DTEND;VALUE=DATE:{due + one_day:%Y%m%d}\r\n"
                                f"DTSTAMP:{stamp_text}\r\n")
        # (the label depends on the kind and the occasion's kind only)
        what = (kind, occasion.partition(":")[0] if occasion else None)
        label, categories = labels.get(what) or labels.setdefault(
            what, (item.kind_label.lower(), _folded(f"CATEGORIES:{_text(item.kind_label)}")))
        if kind == KEY_DATE and occasion_date is not None:
            uid = _folded(f"UID:{_text(uid_for(item))}")
        else:  # (nothing to escape or fold in a number and the domain)
            uid = f"UID:followup-{followup_id}@{UID_DOMAIN}"
        summary = f"{_VERBS.get(channel, 'Contact')} {client_name}: {label}"  # (_summary)
        description = reason  # (_description)
        if contact:
            description += ("\nSend to: " if channel == "mail" else "\nUse: ") + contact
        for warning in warnings:
            description += "\nNote: " + warning
        if recall:
            description += "\nRemember: " + recall
        summary = "SUMMARY:" + (_text(summary) if escaped(summary) else summary)
        description = "DESCRIPTION:" + _text(description)  # (nearly all hold a new line)
        events.append(
            f"BEGIN:VEVENT\r\n"
            f"{summary if len(summary) < 75 and summary.isascii() else _folded(summary)}\r\n"
            f"{span}{uid}\r\n{categories}\r\n{_folded(description)}"
            "\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n")
        if number % events_per_part == 0:
            yield "".join(events)
            events = []
    if whole:
        events.append(CALENDAR_TAIL)
    yield "".join(events)
