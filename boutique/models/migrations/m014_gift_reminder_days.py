"""Each gift keeps the day last year's gift reminds of, so the agenda reads a window of days
through one index instead of working out every gift of the two years before it.

`gift_reminder_on` is the day a gift reminds (a year after the day it was given), NULL when
it never does; the cadence works it out (services.cadence.gift_days) and sets
`gift_reminder_stale` to 0. Whatever changes what the day depends on (the purchase's date,
gift fields, voiding or owner; its recipient relation's dates; the owner's anniversary),
whoever writes it, sets the flag again and clears the day, through the triggers below: a
day is either worked out from the rows as they are or marked stale, never wrong. Rows start
stale; only gifts (`is_gift = 1 AND voided = ''`) ever remind, so only those are waited on.

This file is frozen: a later change is a new migration (a change to how the day is worked
out is one that marks every gift stale).
"""

from __future__ import annotations

_STALE = "SET gift_reminder_on = NULL, gift_reminder_stale = 1"
_FRESH = "gift_reminder_stale = 0"


def _changed(*columns: str) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def up(db) -> None:
    db.execute_sql('ALTER TABLE "purchase" ADD COLUMN "gift_reminder_on" DATE')
    db.execute_sql('ALTER TABLE "purchase" ADD COLUMN "gift_reminder_stale" INTEGER NOT NULL '
                   'DEFAULT 1')
    # The agenda's read: the fresh days of a window, with what it filters and orders by.
    db.execute_sql("""CREATE INDEX "purchase_gift_reminder" ON "purchase"
        ("gift_reminder_on", "client_id", "purchase_date", "gift_given_on")
        WHERE gift_reminder_on IS NOT NULL AND gift_reminder_stale = 0""")
    db.execute_sql("""CREATE INDEX "purchase_gift_reminder_stale" ON "purchase" ("client_id")
        WHERE gift_reminder_stale = 1 AND is_gift = 1 AND voided = ''""")
    inputs = ("is_gift", "voided", "purchase_date", "gift_given_on", "gift_occasion",
              "gift_relation_id", "client_id")
    db.execute_sql(f"""CREATE TRIGGER purchase_gift_reminder_update
        AFTER UPDATE OF {", ".join(inputs)} ON purchase WHEN {_changed(*inputs)}
        BEGIN UPDATE purchase {_STALE} WHERE id = NEW.id AND {_FRESH}; END""")
    # A row copied with a day from elsewhere (another store's relations) is worked out again.
    db.execute_sql(f"""CREATE TRIGGER purchase_gift_reminder_insert
        AFTER INSERT ON purchase WHEN NEW.gift_reminder_stale IS NOT 1
          OR NEW.gift_reminder_on IS NOT NULL
        BEGIN UPDATE purchase {_STALE} WHERE id = NEW.id; END""")
    dates = ("id", "birthday_month", "birthday_day", "anniversary_month", "anniversary_day")
    db.execute_sql(f"""CREATE TRIGGER relation_gift_reminder_update
        AFTER UPDATE OF {", ".join(dates)} ON relation WHEN {_changed(*dates)}
        BEGIN UPDATE purchase {_STALE}
              WHERE gift_relation_id IN (OLD.id, NEW.id) AND {_FRESH}; END""")
    db.execute_sql(f"""CREATE TRIGGER relation_gift_reminder_delete AFTER DELETE ON relation
        BEGIN UPDATE purchase {_STALE} WHERE gift_relation_id = OLD.id AND {_FRESH}; END""")
    # (a gift that named a relation id no row held yet: its relation arrives)
    db.execute_sql(f"""CREATE TRIGGER relation_gift_reminder_insert AFTER INSERT ON relation
        WHEN NEW.birthday_month IS NOT NULL OR NEW.anniversary_month IS NOT NULL
        BEGIN UPDATE purchase {_STALE} WHERE gift_relation_id = NEW.id AND {_FRESH}; END""")
    db.execute_sql(f"""CREATE TRIGGER client_gift_reminder_update
        AFTER UPDATE OF id, anniversary_month ON client WHEN {_changed("id", "anniversary_month")}
        BEGIN UPDATE purchase {_STALE} WHERE client_id IN (OLD.id, NEW.id) AND {_FRESH}; END""")
    db.execute_sql(f"""CREATE TRIGGER client_gift_reminder_insert AFTER INSERT ON client
        WHEN NEW.anniversary_month IS NOT NULL
        BEGIN UPDATE purchase {_STALE} WHERE client_id = NEW.id AND {_FRESH}; END""")
