"""Reading the journal of whose agenda may have changed (migration 15), and pausing it for
a bulk write.

Every write to a client, her follow-ups, purchases, notes or relations adds her id to
`agenda_change` through triggers, whoever writes; a settings change adds 0 ("everyone").
A list kept between two readings asks what came after the last id it saw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from boutique.models.db import database
from boutique.models.triggers import triggers_dropped

EVERYONE = 0

# The triggers that journal row changes (the journal's own pruning trigger stays).
_JOURNALING = tuple(f"{table}_agenda_{event}"
                    for table in ("client", "followup", "purchase", "note", "relation")
                    for event in ("insert", "update", "delete")) + tuple(
    f"setting_agenda_{event}" for event in ("insert", "update", "delete"))


class Changes(NamedTuple):
    position: int  # the newest journal id read
    clients: frozenset[int] | None  # whose agenda may differ; None: anyone's


def journal_position() -> int:
    return database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM agenda_change").fetchone()[0]


def changes_since(position: int, most: int) -> Changes:
    """Whose agenda may have changed since the journal id `position`: None (anyone's) when
    more than `most` clients did, when a settings change did, or when rows after
    `position` were pruned before being read."""
    rows = database.execute_sql(
        "SELECT id, client_id FROM agenda_change WHERE id > ? ORDER BY id",
        (position,)).fetchall()
    if not rows:
        newest = journal_position()
        # (a journal that went back: another store's file under the same name)
        return Changes(newest, None if newest < position else frozenset())
    newest = rows[-1][0]
    clients = frozenset(client for _id, client in rows)
    if rows[0][0] != position + 1 or EVERYONE in clients or len(clients) > most:
        return Changes(newest, None)
    return Changes(newest, clients)


@contextmanager
def agenda_journal_paused() -> Iterator[None]:
    """For a bulk write inside the caller's transaction: its rows are not journaled one by
    one; one "everyone" entry is journaled at the end instead. The triggers are dropped and
    created again from the SQL the store holds, so other connections never see the gap."""
    with triggers_dropped(_JOURNALING, "agenda_journal_paused"):
        try:
            yield
        finally:
            database.execute_sql("INSERT INTO agenda_change (client_id) VALUES (?)",
                                 (EVERYONE,))
