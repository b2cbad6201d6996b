"""Gifts by the day they were given, for the agenda's reminders of last year's gifts.

The reminder of a gift falls a year after the day it was given. Where that day was
recorded, this index finds the gifts given a year before a window of days without
reading every gift of the two years before it (tens of thousands in a big book).

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations


def up(db) -> None:
    db.execute_sql("""CREATE INDEX IF NOT EXISTS "purchase_gift_given" ON "purchase"
                      ("gift_given_on") WHERE gift_given_on IS NOT NULL""")
