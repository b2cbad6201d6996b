"""Search as you type answers its first keystrokes from a table of its own.

One or two typed letters start thousands of the book's words; read from the word index
they come word by word, and the clients had to be sorted by name and made distinct each
time (a 100k book: tens of milliseconds per keystroke). Here each client appears once
under each one- and two-character start of her words, keyed (prefix, sort_name,
client_id): the Clients tab reads one range, already in name order. Words of phone
digits are left out (one or two digits name nearly every client).

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations


def up(db) -> None:
    db.execute_sql("""CREATE TABLE "client_prefix" ("prefix" TEXT NOT NULL,
        "sort_name" TEXT NOT NULL,
        "client_id" INTEGER NOT NULL REFERENCES "client" ("id") ON DELETE CASCADE,
        PRIMARY KEY ("prefix", "sort_name", "client_id")) WITHOUT ROWID""")
    for length in (1, 2):
        db.execute_sql(f"""INSERT OR IGNORE INTO client_prefix (prefix, sort_name, client_id)
            SELECT DISTINCT substr(word, 1, {length}), sort_name, client_id FROM client_word
            WHERE length(word) >= {length} AND NOT substr(word, 1, 1) BETWEEN '0' AND '9'
            ORDER BY 1, 2, 3""")
    db.execute_sql('CREATE INDEX "client_prefix_client" ON "client_prefix" ("client_id")')
