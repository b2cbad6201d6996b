"""The open follow-ups' agenda items prepared ahead (migration 17), and a day's read back.

Worked out, a big book's morning agenda is a few thousand follow-ups each made into an
item with its client's card, the contact rules and the gift rule: about three times as
long as reading the same items made already. So each open follow-up's item is kept in
`agenda_prepared` as it was made, with the journal id (models.agenda_journal) it was
made at. A day's agenda is then the kept items of the follow-ups due and alive that day
(what depends on the day, how many days late, and on the whole book, the top tier, is
applied as they are read), but for the clients the journal names since: theirs, and the
key-date reminders computed for the day, are worked out as ever. When the journal names
too many (or everyone: a setting), the rows are not used until prepared again.

Preparing 100,000 clients' open follow-ups takes some twenty seconds of one core: it
runs in a process of its own (`python -m boutique.services.agenda.prepared STORE`),
started by the window, in batches written each in a short transaction of its own, so
the window's writes never wait long. A second preparing started takes over from the
first, which then writes nothing more.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid
from collections.abc import Generator

from boutique.models import database
from boutique.models.agenda_journal import changes_since, journal_position
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.items import AgendaItem
from boutique.services.agenda.rows import computed_reminders, due_by_sql, items_for, stored_sources
from boutique.services.cadence import CadenceRules, load_rules
from boutique.services.cadence import reminders_from as lapse_reminders_from
from boutique.services.clients import MailingAddress, top_tier_threshold
from boutique.services.collector import collector_paused

# Beyond this many clients changed since the rows were prepared, the day is worked out
# whole (the per-client reads cost more than the one pass by then).
MOST_CHANGED = 500
PREPARED_MODULE = __spec__.name  # (what the window's process runs)
BATCH_CLIENTS = 2000  # client ids prepared per transaction

_COLUMNS = ("followup_id", "client_id", "client_name", "salutation_name", "kind", "due",
            "reason", "channel", "contact", "address", "warnings", "purchase_ids", "recall",
            "spend", "deadline", "occasion", "occasion_date", "attempts", "sort_name")
_INSERT = (f"INSERT OR REPLACE INTO agenda_prepared ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('?' for _ in _COLUMNS)})")
_READ = f"""SELECT {", ".join(f"p.{name}" for name in _COLUMNS)}
            FROM followup f JOIN agenda_prepared p ON p.followup_id = f.id
            WHERE f.merged_into_id IS NULL AND {{where}}"""


def prepared_position() -> int | None:
    """The journal id the prepared rows are up to date at; None when there are none."""
    return database.execute_sql(
        "SELECT position FROM agenda_prepared_state WHERE id = 1").fetchone()[0]


def is_fresh() -> bool:
    """Whether the prepared rows are up to date with every write journaled."""
    position = prepared_position()
    return position is not None and position >= journal_position()


def prepared_items(day: dt.date, rules: CadenceRules | None = None,
                   shelf: CardShelf | None = None) -> list[AgendaItem] | None:
    """The agenda items of `day` (in no order) from the prepared rows, or None when they
    cannot be used (never prepared, being prepared, or too much changed since); the
    clients changed since are worked out (their cards read onto `shelf`, if given)."""
    rules = rules or load_rules()
    # One read transaction: the rows, the position they are at and the journal after it
    # are of one moment, whatever another process writes meanwhile.
    with database.atomic("DEFERRED"), collector_paused():
        position = prepared_position()
        if position is None:
            return None
        changed = changes_since(position, MOST_CHANGED).clients
        if changed is None:
            return None
        where, params = due_by_sql(day, rules)
        rows = database.execute_sql(_READ.format(where=where), params).fetchall()
        items = _items_of_rows(rows, day, changed)
        reminders, others = computed_reminders(lapse_reminders_from(day, rules), day, day,
                                               rules)
        if changed:
            where, params = due_by_sql(day, rules, changed)
            sources = stored_sources(where, params, shelf)
        else:
            sources = []
        items += items_for(sources, reminders, others, day, rules, shelf)
    return items


def _items_of_rows(rows: list[tuple], day: dt.date, changed: frozenset[int]
                   ) -> list[AgendaItem]:
    """AgendaItems of prepared rows as seen on `day`, but for the `changed` clients'."""
    threshold = top_tier_threshold()
    top_from = threshold if threshold is not None else float("inf")
    days = _Days()
    lateness: dict[str, int] = {}
    new = tuple.__new__  # AgendaItem is a named tuple: made from its values in field order
    items = []
    append = items.append
    for (followup_id, client_id, name, greeting, kind, due, reason, channel, contact,
         address, warnings, purchase_ids, recall, spend, deadline, occasion, occasion_date,
         attempts, sort_name) in rows:
        if client_id in changed:
            continue
        late = 0
        if channel != "none":  # (with no agreed way to reach her, never late: see rows)
            late = lateness.get(deadline)
            if late is None:
                late = lateness[deadline] = max(0, (day - days[deadline]).days)
        append(new(AgendaItem, (
            followup_id, client_id, name, greeting, kind, days[due], late, reason, channel,
            contact, _address(address) if address else None,
            tuple(json.loads(warnings)) if warnings else (),
            tuple(map(int, purchase_ids.split(","))) if purchase_ids else (),
            recall, bool(spend) and spend >= top_from, days[deadline] if deadline else None,
            occasion, days[occasion_date] if occasion_date else None, attempts, sort_name)))
    return items


class _Days(dict):
    """ISO day text -> date, each made once."""

    def __missing__(self, text: str) -> dt.date:
        found = self[text] = dt.date.fromisoformat(text)
        return found


def _address(packed: str) -> MailingAddress:
    name, company, lines, city, region, postcode, country, kind = json.loads(packed)
    return MailingAddress(name, company, tuple(lines), city, region, postcode, country, kind)


def _packed_address(address: MailingAddress | None) -> str | None:
    if address is None:
        return None
    return json.dumps([address.name, address.company, list(address.lines), address.city,
                       address.region, address.postcode, address.country, address.kind],
                      ensure_ascii=False)


def _rows_of_clients(where: str, params: tuple, rules: CadenceRules) -> list[tuple]:
    """The prepared rows of every open follow-up matching `where` (on followup f)."""
    shelf = CardShelf()  # (each purchase's hook and each card read once for the lot)
    sources = stored_sources(f"f.status = 'open' AND {where}", params, shelf)
    # Lateness is applied as the rows are read: any day will do here.
    items = items_for(sources, [], [], dt.date.today(), rules, shelf)
    spends = {client_id: card.lifetime_spend_cents or 0
              for client_id, card in shelf.cards.items()}
    return [(i.followup_id, i.client_id, i.client_name, i.salutation_name, i.kind,
             i.due.isoformat(), i.reason, i.channel, i.contact, _packed_address(i.address),
             json.dumps(list(i.warnings), ensure_ascii=False) if i.warnings else None,
             ",".join(map(str, i.purchase_ids)) or None, i.recall, spends[i.client_id],
             i.deadline.isoformat() if i.deadline else None, i.occasion,
             i.occasion_date.isoformat() if i.occasion_date else None, i.attempts,
             i.sort_name) for i in items]


def prepare(batch: int = BATCH_CLIENTS) -> int | None:
    """Prepare every open follow-up's row again; how many were written, or None when
    another preparing took over meanwhile."""
    steps = preparing(batch)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def preparing(batch: int = BATCH_CLIENTS) -> Generator[int, None, int | None]:
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
        done = database.execute_sql(
            "UPDATE agenda_prepared_state SET position = ?, run = NULL WHERE id = 1 AND run = ?",
            (start, run)).rowcount
    return written if done else None


def _still_ours(run: str) -> bool:
    (at_work,) = database.execute_sql(
        "SELECT run FROM agenda_prepared_state WHERE id = 1").fetchone()
    return at_work == run


def refresh() -> str:
    """Bring the prepared rows up to date: the clients changed since made again, or every
    row, when there are none or too many changed. Says which ("refreshed", "prepared",
    or "taken over" when another preparing took over meanwhile)."""
    with database.atomic():  # (a write transaction: nobody writes while theirs are made)
        position = prepared_position()
        changes = None if position is None else changes_since(position, MOST_CHANGED)
        if changes is not None and changes.clients is not None:
            if changes.clients:
                clients = ",".join(str(int(c)) for c in sorted(changes.clients))
                with collector_paused():
                    rows = _rows_of_clients(f"f.client_id IN ({clients})", (), load_rules())
                database.execute_sql(
                    f"DELETE FROM agenda_prepared WHERE client_id IN ({clients})")
                database.connection().executemany(_INSERT, rows)
            database.execute_sql("UPDATE agenda_prepared_state SET position = ? WHERE id = 1",
                                 (changes.position,))
            return "refreshed"
    return "prepared" if prepare() is not None else "taken over"


def _main(path: str) -> int:
    from boutique.models import close_database, open_database
    from boutique.models.migrations import latest_version, schema_version

    open_database(path, migrate=False)
    try:
        if schema_version(database.obj) != latest_version():
            return 2  # (the window upgrades it first)
        print(refresh(), flush=True)
        return 0
    finally:
        close_database()


if __name__ == "__main__":
    # python -m boutique.services.agenda.prepared STORE: the store's prepared rows made
    # up to date.
    sys.exit(_main(sys.argv[1]))
