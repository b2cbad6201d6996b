"""The agenda items prepared ahead (migration 17), and a day's read back.

Worked out, a big book's morning agenda is a few thousand follow-ups each made into an
item with its client's card, the contact rules and the gift rule, and some hundreds of
birthday and anniversary reminders computed from the whole book: about three times as
long as reading the same items made already. So each open follow-up's item is kept in
`agenda_prepared` as it was made (services.agenda.prepared_rows), and the reminders
nobody acted on yet that the coming REMINDER_DAYS show in `agenda_prepared_reminder`,
with the journal id (models.agenda_journal) they were made at. A day's agenda is then
the kept items of the follow-ups due and alive that day and of the reminders it shows
(what depends on the day, how many days late, and on the whole book, the top tier, is
applied as they are read), but for the clients the journal names since: theirs are
worked out as ever, and so are the reminders of a day past those made. When the journal
names too many (or everyone: a setting), the rows are not used until prepared again.

Preparing 100,000 clients' items takes some seconds of one core (six to nine on the
benchmark's machine): it runs in a process of its own (services.prepare_ahead), started by the window, in batches
written each in a short transaction of its own, so the window's writes never wait long.
A second preparing started takes over from the first, which then writes nothing more.
The reminders are made again on each new day's first refresh.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Generator

from boutique.models import database
from boutique.models.agenda_journal import changes_since, journal_position
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.items import AgendaItem
from boutique.services.agenda.prepared_rows import COLUMNS, insert_sql, items_of_rows, rows_of
from boutique.services.agenda.rows import computed_reminders, due_by_sql, items_for, stored_sources
from boutique.services.cadence import CadenceRules, load_rules
from boutique.services.cadence import reminders_from as lapse_reminders_from
from boutique.services.collector import collector_paused

# Beyond this many clients changed since the rows were prepared, the day is worked out
# whole (the per-client reads cost more than the one pass by then).
MOST_CHANGED = 500
BATCH_CLIENTS = 2000  # client ids prepared per transaction
# The key-date reminders are made for the days from the one prepared for to this many
# after (a window left open for weeks, the calendar's coming days); past them, computed.
REMINDER_DAYS = 31

_INSERT = insert_sql("agenda_prepared")
_INSERT_REMINDER = insert_sql("agenda_prepared_reminder", "own")
_READ = f"""SELECT {", ".join(f"p.{name}" for name in COLUMNS)}
            FROM followup f JOIN agenda_prepared p ON p.followup_id = f.id
            WHERE f.merged_into_id IS NULL AND {{where}}"""
# A day's reminders: due from the first day one stays on the list to the day, and the
# client's own dates only until their day (as rows.computed_reminders has them).
_READ_REMINDERS = f"""SELECT {", ".join(COLUMNS)} FROM agenda_prepared_reminder
                      WHERE due BETWEEN ? AND ? AND (own = 0 OR occasion_date >= ?)"""


def _state() -> tuple[int | None, str | None, str | None]:
    return database.execute_sql("SELECT position, reminders_day, reminders_to "
                                "FROM agenda_prepared_state WHERE id = 1").fetchone()


def prepared_position() -> int | None:
    """The journal id the prepared rows are up to date at; None when there are none."""
    return _state()[0]


def is_fresh(day: dt.date | None = None) -> bool:
    """Whether the prepared rows are up to date with every write journaled, with the
    reminders made for `day` (today)."""
    position, reminders_day, _to = _state()
    return (position is not None and position >= journal_position()
            and reminders_day == (day or dt.date.today()).isoformat())


def prepared_changes() -> frozenset[int] | None:
    """The clients changed since the rows were prepared (theirs are not to be used), or
    None when no row is (never prepared, being prepared, or too much changed since). Read
    it in the transaction the rows are read in: they are then of one moment."""
    return _changes_at(_state()[0])


def _changes_at(position: int | None) -> frozenset[int] | None:
    return None if position is None else changes_since(position, MOST_CHANGED).clients


def prepared_stored(where: str, params: tuple, day: dt.date,
                    changed: frozenset[int]) -> list[AgendaItem]:
    """The prepared items (as seen on `day`) of the open follow-ups matching `where` (on
    followup f), but for the `changed` clients' (see prepared_changes)."""
    rows = database.execute_sql(_READ.format(where=where), params).fetchall()
    return items_of_rows(rows, day, changed)


def prepared_items(day: dt.date, rules: CadenceRules | None = None,
                   shelf: CardShelf | None = None) -> list[AgendaItem] | None:
    """The agenda items of `day` (in no order) from the prepared rows, or None when they
    cannot be used (never prepared, being prepared, or too much changed since); the
    clients changed since are worked out (their cards read onto `shelf`, if given), and
    so are the reminders of a day the rows were not made for."""
    rules = rules or load_rules()
    # One read transaction: the rows, the position they are at and the journal after it
    # are of one moment, whatever another process writes meanwhile.
    with database.atomic("DEFERRED"), collector_paused():
        position, reminders_day, reminders_to = _state()
        changed = _changes_at(position)
        if changed is None:
            return None
        where, params = due_by_sql(day, rules)
        items = prepared_stored(where, params, day, changed)
        shown_from = lapse_reminders_from(day, rules)
        if reminders_day is not None and reminders_day <= day.isoformat() <= reminders_to:
            iso = day.isoformat()
            rows = database.execute_sql(_READ_REMINDERS, (shown_from.isoformat(), iso, iso))
            items += items_of_rows(rows.fetchall(), day, changed)
            reminders, others = (computed_reminders(shown_from, day, day, rules,
                                                    sorted(changed))
                                 if changed else ([], []))
        else:
            reminders, others = computed_reminders(shown_from, day, day, rules)
        if changed:
            where, params = due_by_sql(day, rules, changed)
            sources = stored_sources(where, params, shelf)
        else:
            sources = []
        items += items_for(sources, reminders, others, day, rules, shelf)
    return items


def _rows_of_clients(where: str, params: tuple, rules: CadenceRules) -> list[tuple]:
    """The prepared rows of every open follow-up matching `where` (on followup f)."""
    shelf = CardShelf()  # (each purchase's hook and each card read once for the lot)
    sources = stored_sources(f"f.status = 'open' AND {where}", params, shelf)
    # Lateness is applied as the rows are read: any day will do here.
    items = items_for(sources, [], [], dt.date.today(), rules, shelf)
    return rows_of(items, shelf.cards)


def _reminder_rows(day: dt.date, rules: CadenceRules,
                   client_ids: list[int] | None = None) -> list[tuple]:
    """The rows (`own` first) of the key-date reminders nobody acted on yet that the days
    from `day` to REMINDER_DAYS after show: of `client_ids` only, if given."""
    shelf = CardShelf()
    last = day + dt.timedelta(days=REMINDER_DAYS)
    reminders, others = computed_reminders(lapse_reminders_from(day, rules), last, day,
                                           rules, client_ids)
    own = items_for([], reminders, [], day, rules, shelf)
    theirs = items_for([], [], others, day, rules, shelf)
    return rows_of(own, shelf.cards, 1) + rows_of(theirs, shelf.cards, 0)


def _write_reminders(day: dt.date, rules: CadenceRules) -> None:
    """Every client's reminders made again for `day` (in the caller's transaction)."""
    with collector_paused():
        rows = _reminder_rows(day, rules)
    database.execute_sql("DELETE FROM agenda_prepared_reminder")
    database.connection().executemany(_INSERT_REMINDER, rows)
    database.execute_sql(
        "UPDATE agenda_prepared_state SET reminders_day = ?, reminders_to = ? WHERE id = 1",
        (day.isoformat(), (day + dt.timedelta(days=REMINDER_DAYS)).isoformat()))


def prepare(batch: int = BATCH_CLIENTS, day: dt.date | None = None) -> int | None:
    """Prepare every open follow-up's row again, and the reminders for `day` (today);
    how many follow-ups' rows were written, or None when another preparing took over
    meanwhile."""
    steps = preparing(batch, day)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def preparing(batch: int = BATCH_CLIENTS, day: dt.date | None = None
              ) -> Generator[int, None, int | None]:
    """prepare, a batch of `batch` client ids at a step: yields the rows written so far,
    and returns them all, or None when another preparing took over meanwhile."""
    run = uuid.uuid4().hex
    with database.atomic():
        # The journal first: what is written while the rows are made is journaled after
        # this id, so worked out afresh when they are read.
        start = journal_position()
        database.execute_sql(
            "UPDATE agenda_prepared_state SET position = NULL, run = ? WHERE id = 1", (run,))
        database.execute_sql("DELETE FROM agenda_prepared")
        first, last = database.execute_sql("SELECT MIN(id), MAX(id) FROM client").fetchone()
    rules = load_rules()
    written = 0
    for low in range(first or 0, (last or -1) + 1, batch):
        with collector_paused():
            rows = _rows_of_clients("f.client_id BETWEEN ? AND ?", (low, low + batch - 1),
                                    rules)
        with database.atomic():
            if not _still_ours(run):
                return None
            database.connection().executemany(_INSERT, rows)
        written += len(rows)
        yield written
    with database.atomic():
        if not _still_ours(run):
            return None
        _write_reminders(day or dt.date.today(), rules)
        database.execute_sql(
            "UPDATE agenda_prepared_state SET position = ?, run = NULL WHERE id = 1", (start,))
    return written


def _still_ours(run: str) -> bool:
    (at_work,) = database.execute_sql(
        "SELECT run FROM agenda_prepared_state WHERE id = 1").fetchone()
    return at_work == run


def refresh(day: dt.date | None = None) -> str:
    """Bring the prepared rows up to date for `day` (today): the clients changed since made
    again (and everyone's reminders, when made for another day), or every row, when there
    are none or too many changed. Says which ("refreshed", "prepared", or "taken over"
    when another preparing took over meanwhile)."""
    day = day or dt.date.today()
    with database.atomic():  # (a write transaction: nobody writes while theirs are made)
        position, reminders_day, _to = _state()
        changes = None if position is None else changes_since(position, MOST_CHANGED)
        if changes is not None and changes.clients is not None:
            rules = load_rules()
            same_day = reminders_day == day.isoformat()
            if changes.clients:
                ids = sorted(changes.clients)
                clients = ",".join(str(int(c)) for c in ids)
                with collector_paused():
                    rows = _rows_of_clients(f"f.client_id IN ({clients})", (), rules)
                    reminders = _reminder_rows(day, rules, ids) if same_day else []
                for table in ("agenda_prepared", "agenda_prepared_reminder"):
                    database.execute_sql(f"DELETE FROM {table} WHERE client_id IN ({clients})")
                database.connection().executemany(_INSERT, rows)
                database.connection().executemany(_INSERT_REMINDER, reminders)
            if not same_day:
                _write_reminders(day, rules)
            database.execute_sql("UPDATE agenda_prepared_state SET position = ? WHERE id = 1",
                                 (changes.position,))
            return "refreshed"
    return "prepared" if prepare(day=day) is not None else "taken over"
