"""A journal of whose agenda may have changed, so the morning list is refreshed by client.

The agenda of a big book is some thousands of items; after the jeweler marks one done,
only that client's items can differ. Every write to what an agenda item is made of (a
client, her follow-ups, purchases, notes and relations) adds the client's id here through
the triggers below, whoever writes it; a change to the settings adds 0, "everyone". A
reader that remembers the last id it saw reads only what came after it. Ids only grow
(AUTOINCREMENT), and the journal keeps its newest rows only: a reader that finds rows it
never saw gone works everything out again.

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations

KEPT = 4096  # journal rows kept: far more than a day's edits between two refreshes

# (table, the column naming the client) whose every row change is journaled
_WATCHED = (("client", "id"), ("followup", "client_id"), ("purchase", "client_id"),
            ("note", "client_id"), ("relation", "client_id"))


def _journal(*values: str) -> str:
    # (a row with no client, were there one, stands for everyone: the journal never refuses)
    picked = " UNION ".join(f"SELECT COALESCE({v}, 0)" for v in values)
    return f"INSERT INTO agenda_change (client_id) {picked};"


def up(db) -> None:
    db.execute_sql("""CREATE TABLE "agenda_change" (
        "id" INTEGER PRIMARY KEY AUTOINCREMENT, "client_id" INTEGER NOT NULL)""")
    db.execute_sql(f"""CREATE TRIGGER agenda_change_kept AFTER INSERT ON agenda_change
        WHEN NEW.id % {KEPT} = 0
        BEGIN DELETE FROM agenda_change WHERE id <= NEW.id - {KEPT}; END""")
    for table, column in _WATCHED:
        db.execute_sql(f"""CREATE TRIGGER {table}_agenda_insert AFTER INSERT ON {table}
            BEGIN {_journal(f"NEW.{column}")} END""")
        db.execute_sql(f"""CREATE TRIGGER {table}_agenda_update AFTER UPDATE ON {table}
            BEGIN {_journal(f"OLD.{column}", f"NEW.{column}")} END""")
        db.execute_sql(f"""CREATE TRIGGER {table}_agenda_delete AFTER DELETE ON {table}
            BEGIN {_journal(f"OLD.{column}")} END""")
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute_sql(f"""CREATE TRIGGER setting_agenda_{event.lower()}
            AFTER {event} ON setting BEGIN {_journal("0")} END""")
    db.execute_sql(_journal("0"))  # (nothing read before this store had a journal is kept)
