"""A purchase's newest conversation note, for the agenda's and the calendar's hooks.

Every call about a purchase recalls the newest conversation noted about it. Through the
plain purchase index each lookup read all of the purchase's notes and sorted them; this
index holds only the notes a hook can be (not deleted, conversations) in the order the
hook wants, so the newest is read first (half the time of the morning's hooks on a big
book, and no sort per follow-up).

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations


def up(db) -> None:
    db.execute_sql("""CREATE INDEX IF NOT EXISTS "note_purchase_hook" ON "note"
                      ("purchase_id", "created_at")
                      WHERE deleted_at IS NULL AND category = 'conversation'""")
