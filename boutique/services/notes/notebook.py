"""Notes about clients: the jeweler's memory.

A note belongs to a client, has a category, may recall the conversation of one purchase,
and may be pinned as a standing fact (ring size, partner's name). Deleting is soft so it
can be undone; the search index follows every change through its triggers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from boutique.models import NOTE_CATEGORIES, Client, Note, Purchase, database, utcnow
from boutique.services.errors import NotFound, ValidationError
from boutique.services.notes import search
from boutique.services.text import clean_multi_line

MAX_NOTE_LENGTH = 100_000
# A conversation written within this many days of a sale is offered as that sale's:
# it is the window of the thank-you note that will recall it.
RECENT_PURCHASE_DAYS = 7
# Above this many notes matching the words, the Notes tab pages by date order directly.
DENSE_MATCHES = 5000
CATEGORY_LABELS = {
    "family": "Family", "preferences": "Preferences", "sizes": "Sizes",
    "conversation": "Conversation", "service": "Service", "other": "Other",
}
_UNSET = object()


def clean_text(text: str | None) -> str:
    """Line endings unified and outer blank space trimmed; the rest is kept as typed."""
    text = clean_multi_line((text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise ValidationError({"text": "A note needs some text"})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {"text": f"is too long ({len(text):,} characters, at most {MAX_NOTE_LENGTH:,})"})
    return text


def clean_category(category: str | None) -> str:
    category = (category or "other").strip().lower()
    if category not in NOTE_CATEGORIES:
        choices = ", ".join(NOTE_CATEGORIES)
        raise ValidationError(
            {"category": f"'{category}' is not a category (use one of {choices})"})
    return category


def _check_purchase(client_id: int, purchase_id: int | None) -> int | None:
    if purchase_id is None:
        return None
    owner = Purchase.select(Purchase.client).where(Purchase.id == purchase_id).scalar()
    if owner is None:
        raise ValidationError({"purchase": f"there is no purchase {purchase_id}"})
    if owner != client_id:
        raise ValidationError({"purchase": f"purchase {purchase_id} is not this client's"})
    return purchase_id


def get_note(note_id: int, include_deleted: bool = False) -> Note:
    query = Note.select().where(Note.id == note_id)
    if not include_deleted:
        query = query.where(Note.deleted_at.is_null())
    note = query.first()
    if note is None:
        raise NotFound(f"no note with id {note_id}")
    return note


def add_note(client_id: int, text: str, category: str = "other", purchase_id: int | None = None,
             pinned: bool = False, now: dt.datetime | None = None) -> Note:
    """Write a new note; nothing is written if the text, category or purchase is wrong."""
    text = clean_text(text)
    category = clean_category(category)
    with database.atomic():
        client = Client.get_or_none(Client.id == client_id)
        if client is None:
            raise NotFound(f"no client with id {client_id}")
        if client.deleted_at is not None:
            raise ValidationError({"client": "this client is in the Trash: restore them first"})
        purchase_id = _check_purchase(client_id, purchase_id)
        return Note.create(client=client_id, text=text, category=category, purchase=purchase_id,
                           pinned=bool(pinned), created_at=now or utcnow())


@dataclass(frozen=True)
class NoteState:
    """What an edit can change, so an edit can be undone exactly (edited stamp included)."""

    text: str
    category: str
    purchase_id: int | None
    pinned: bool
    edited_at: dt.datetime | None


def note_state(note: Note) -> NoteState:
    return NoteState(note.text, note.category, note.purchase_id, note.pinned, note.edited_at)


def edit_note(note_id: int, text: str | None = None, category: str | None = None,
              purchase_id=_UNSET, pinned: bool | None = None,
              now: dt.datetime | None = None) -> NoteState:
    """Change a note; returns its state before, for undo. Text, category or purchase
    changes stamp the note 'edited'; pinning does not."""
    with database.atomic():
        note = get_note(note_id)
        before = note_state(note)
        changes: dict = {}
        if text is not None and clean_text(text) != note.text:
            changes["text"] = clean_text(text)
        if category is not None and clean_category(category) != note.category:
            changes["category"] = clean_category(category)
        if purchase_id is not _UNSET and purchase_id != note.purchase_id:
            changes["purchase"] = _check_purchase(note.client_id, purchase_id)
        if changes:
            changes["edited_at"] = now or utcnow()
        if pinned is not None and bool(pinned) != note.pinned:
            changes["pinned"] = bool(pinned)
        if changes:
            Note.update(**changes).where(Note.id == note_id).execute()
        return before


def restore_state(note_id: int, state: NoteState) -> None:
    """Put a note back exactly as it was (undo of an edit)."""
    with database.atomic():
        get_note(note_id)
        Note.update(text=state.text, category=state.category, purchase=state.purchase_id,
                    pinned=state.pinned, edited_at=state.edited_at).where(
            Note.id == note_id).execute()


def set_pinned(note_id: int, pinned: bool) -> None:
    edit_note(note_id, pinned=pinned)


def delete_note(note_id: int, now: dt.datetime | None = None) -> None:
    """Soft delete: the note leaves the profile and the search, and can be restored."""
    with database.atomic():
        get_note(note_id)
        Note.update(deleted_at=now or utcnow()).where(Note.id == note_id).execute()


def restore_note(note_id: int) -> None:
    with database.atomic():
        note = get_note(note_id, include_deleted=True)
        if note.deleted_at is not None:
            Note.update(deleted_at=None).where(Note.id == note_id).execute()


def _alive():
    return Note.deleted_at.is_null()


def timeline(client_id: int) -> list[Note]:
    """A client's notes, newest first."""
    return list(Note.select().where(Note.client == client_id, _alive())
                .order_by(Note.created_at.desc(), Note.id.desc()))


def pinned_facts(client_id: int) -> list[Note]:
    """The facts kept on top of the profile, newest first."""
    return pinned_facts_of([client_id]).get(client_id, [])


def pinned_facts_of(client_ids: Iterable[int]) -> dict[int, list[Note]]:
    """`pinned_facts` for many clients in one query: client id -> her facts, newest
    first (a client with none is not in the answer)."""
    ids = list(dict.fromkeys(client_ids))
    out: dict[int, list[Note]] = {}
    if not ids:
        return out
    for note in (Note.select()
                 .where(Note.client.in_(ids), _alive(), Note.pinned == True)  # noqa: E712
                 .order_by(Note.created_at.desc(), Note.id.desc())):
        out.setdefault(note.client_id, []).append(note)
    return out


def recent_purchase(client_id: int, today: dt.date,
                    days: int = RECENT_PURCHASE_DAYS) -> tuple[int, str] | None:
    """The client's latest purchase of the last `days` days up to today: (id, label)."""
    purchase = (Purchase.select(Purchase.id)
                .where(Purchase.client == client_id,
                       Purchase.purchase_date.between(today - dt.timedelta(days=days), today))
                .order_by(Purchase.purchase_date.desc(), Purchase.id.desc()).first())
    if purchase is None:
        return None
    return purchase.id, purchase_labels([purchase.id])[purchase.id]


def purchase_notes(purchase_id: int) -> list[Note]:
    return list(Note.select().where(Note.purchase == purchase_id, _alive())
                .order_by(Note.created_at.desc(), Note.id.desc()))


# -- all notes across clients (the Notes tab) ------------------------------------------

@dataclass(frozen=True)
class NoteFilter:
    """What the Notes tab shows. Dates are the store's UTC timestamps' bounds."""

    text: str = ""
    category: str | None = None
    since: dt.datetime | None = None  # created at or after
    before: dt.datetime | None = None  # created strictly before
    client_id: int | None = None
    client_text: str = ""  # clients whose name matches


@dataclass(frozen=True)
class NoteRow:
    id: int
    client_id: int
    client_name: str
    category: str
    created_at: dt.datetime
    edited_at: dt.datetime | None
    pinned: bool
    purchase_id: int | None
    text: str


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this (created_at, id), newest first."""

    created_at: str
    id: int


@dataclass
class NotePage:
    rows: list[NoteRow] = field(default_factory=list)
    next: Cursor | None = None


def local_day_bounds(first: dt.date | None, last: dt.date | None,
                     tz: dt.tzinfo | None = None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """UTC bounds [since, before) covering whole local days first..last (either open)."""
    def utc(day: dt.date) -> dt.datetime:
        local = dt.datetime.combine(day, dt.time()).replace(tzinfo=tz) if tz else \
            dt.datetime.combine(day, dt.time()).astimezone()
        return local.astimezone(dt.UTC).replace(tzinfo=None)
    return (utc(first) if first else None,
            utc(last + dt.timedelta(days=1)) if last else None)


def _where(filters: NoteFilter) -> tuple[list[str], list]:
    clauses = ["note.deleted_at IS NULL", "client.deleted_at IS NULL"]
    params: list = []
    if filters.category:
        clauses.append("note.category = ?")
        params.append(clean_category(filters.category))
    if filters.since:
        clauses.append("note.created_at >= ?")
        params.append(filters.since.isoformat(sep=" "))
    if filters.before:
        clauses.append("note.created_at < ?")
        params.append(filters.before.isoformat(sep=" "))
    if filters.client_id is not None:
        clauses.append("note.client_id = ?")
        params.append(filters.client_id)
    for condition in (search.note_match_condition(filters.text),
                      search.client_name_condition(filters.client_text)):
        if condition:
            clauses.append(condition[0])
            params += condition[1]
    return clauses, params


def _matches_nothing(filters: NoteFilter) -> bool:
    """Search text made only of punctuation finds nothing rather than everything."""
    return any(text.strip() and not search.query_terms(text)
               for text in (filters.text, filters.client_text))


def note_page(filters: NoteFilter, after: Cursor | None = None, limit: int = 200) -> NotePage:
    """One page of notes, newest first, starting after `after` (keyset paging)."""
    if _matches_nothing(filters):
        return NotePage()
    clauses, params = _where(filters)
    if after is not None:
        # Written as a range on created_at so the date index bounds the scan.
        clauses.append("note.created_at <= ? AND (note.created_at < ? OR note.id < ?)")
        params += [after.created_at, after.created_at, after.id]
    # Few matching notes: fetch them all and sort (the planner's choice). Many (a common
    # word in a large book): walk the notes newest first and stop at a page, instead of
    # sorting every match. A client filter is selective enough on its own.
    dense = (filters.text.strip() and filters.client_id is None and not filters.client_text
             and search.note_match_count(filters.text, DENSE_MATCHES) >= DENSE_MATCHES)
    walk = " INDEXED BY note_created" if dense else ""
    sql = ("SELECT note.id, note.client_id, client.first_name, client.last_name,"
           " client.preferred_name, note.category, note.created_at, note.edited_at, note.pinned,"
           f" note.purchase_id, note.text FROM note{walk} JOIN client ON client.id = note.client_id"
           f" WHERE {' AND '.join(clauses)}"
           f" ORDER BY note.created_at DESC, note.id DESC LIMIT {int(limit) + 1}")
    rows = list(database.execute_sql(sql, params))
    page = NotePage()
    for (nid, cid, first, last, preferred, category, created, edited, pinned, purchase,
         text) in rows[:limit]:
        page.rows.append(NoteRow(
            id=nid, client_id=cid, client_name=search.display_name(first, last, preferred),
            category=category, created_at=_as_datetime(created), edited_at=_as_datetime(edited),
            pinned=bool(pinned), purchase_id=purchase, text=text))
    if len(rows) > limit:
        last_row = rows[limit - 1]
        page.next = Cursor(str(last_row[6]), last_row[0])
    return page


def count_notes(filters: NoteFilter, cap: int | None = None) -> int:
    """How many notes the filter shows; with `cap`, counting stops at cap + 1 ("10,000+")."""
    if _matches_nothing(filters):
        return 0
    clauses, params = _where(filters)
    limit = f" LIMIT {int(cap) + 1}" if cap is not None else ""
    sql = ("SELECT COUNT(*) FROM (SELECT 1 FROM note JOIN client ON client.id = note.client_id"
           f" WHERE {' AND '.join(clauses)}{limit})")
    return database.execute_sql(sql, params).fetchone()[0]


def to_local(utc: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """A stored (naive UTC) timestamp in local time, naive again for display."""
    aware = utc.replace(tzinfo=dt.UTC)
    return (aware.astimezone(tz) if tz else aware.astimezone()).replace(tzinfo=None)


def local_time(utc: dt.datetime | None, tz: dt.tzinfo | None = None) -> str:
    """'25 Nov 2026, 15:30' in local time; '' for no time."""
    if utc is None:
        return ""
    return f"{to_local(_as_datetime(utc), tz):%d %b %Y, %H:%M}"


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def purchase_labels(purchase_ids: list[int | None]) -> dict[int, str]:
    """'12 May 2026 · Sapphire halo ring' for each purchase id, for lists of notes."""
    ids = sorted({p for p in purchase_ids if p is not None})
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = database.execute_sql(
        "SELECT p.id, p.purchase_date, (SELECT description FROM purchase_item AS i"
        " WHERE i.purchase_id = p.id ORDER BY i.position, i.id LIMIT 1),"
        " (SELECT COUNT(*) FROM purchase_item AS i WHERE i.purchase_id = p.id)"
        f" FROM purchase AS p WHERE p.id IN ({marks})", ids)
    labels = {}
    for purchase_id, when, first, count in rows:
        what = (first or "purchase") + (f" +{count - 1} more" if count > 1 else "")
        labels[purchase_id] = f"{dt.date.fromisoformat(str(when)[:10]):%d %b %Y} · {what}"
    return labels
