"""The agenda items of the open follow-ups and of the key-date reminders coming up,
prepared ahead (services.agenda.prepared).

A morning's agenda of a big book is some thousands of items, each made of its follow-up,
its client's card and the contact rules: worked out, it takes about three times as long
as reading the same items made already. Here each open follow-up's item is kept as it
was made, but for what depends on the day (how many days overdue) or on the whole book
(the top tier: her spend is kept, and the threshold applied when read). The one row of
`agenda_prepared_state` says at which journal id (migration 15) the rows were up to
date, or NULL while there are none to trust (never prepared, or being prepared again),
which preparing is at work (a token of its own: one started later takes over, and the
first writes nothing more), and for which days the reminders were made: those not
stored as follow-ups, due from the day they were made for (less the days a reminder
stays on the list) to `reminders_to`; `own` is 1 for the client's own dates (shown
until their day), 0 for her relations' and last year's gift occasions.

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations


def up(db) -> None:
    db.execute_sql("""CREATE TABLE "agenda_prepared" (
        "followup_id" INTEGER PRIMARY KEY, "client_id" INTEGER NOT NULL,
        "client_name" TEXT NOT NULL, "salutation_name" TEXT NOT NULL, "kind" TEXT NOT NULL,
        "due" TEXT NOT NULL, "reason" TEXT NOT NULL, "channel" TEXT NOT NULL,
        "contact" TEXT NOT NULL, "address" TEXT, "warnings" TEXT, "purchase_ids" TEXT,
        "recall" TEXT NOT NULL, "spend" INTEGER NOT NULL, "deadline" TEXT,
        "occasion" TEXT NOT NULL, "occasion_date" TEXT, "attempts" INTEGER NOT NULL,
        "sort_name" TEXT NOT NULL)""")
    db.execute_sql("""CREATE INDEX "agenda_prepared_client" ON "agenda_prepared"
                      ("client_id")""")
    db.execute_sql("""CREATE TABLE "agenda_prepared_reminder" (
        "id" INTEGER PRIMARY KEY, "own" INTEGER NOT NULL, "followup_id" INTEGER NOT NULL,
        "client_id" INTEGER NOT NULL, "client_name" TEXT NOT NULL,
        "salutation_name" TEXT NOT NULL, "kind" TEXT NOT NULL, "due" TEXT NOT NULL,
        "reason" TEXT NOT NULL, "channel" TEXT NOT NULL, "contact" TEXT NOT NULL,
        "address" TEXT, "warnings" TEXT, "purchase_ids" TEXT, "recall" TEXT NOT NULL,
        "spend" INTEGER NOT NULL, "deadline" TEXT, "occasion" TEXT NOT NULL,
        "occasion_date" TEXT, "attempts" INTEGER NOT NULL, "sort_name" TEXT NOT NULL)""")
    db.execute_sql("""CREATE INDEX "agenda_prepared_reminder_client" ON
                      "agenda_prepared_reminder" ("client_id")""")
    db.execute_sql("""CREATE INDEX "agenda_prepared_reminder_due" ON
                      "agenda_prepared_reminder" ("due")""")
    # A client or follow-up deleted (erased for good, say) leaves nothing of hers here,
    # whoever deletes it, even before the rows are next made up to date.
    db.execute_sql("""CREATE TRIGGER client_prepared_delete AFTER DELETE ON client
        BEGIN DELETE FROM agenda_prepared WHERE client_id = OLD.id;
              DELETE FROM agenda_prepared_reminder WHERE client_id = OLD.id; END""")
    db.execute_sql("""CREATE TRIGGER followup_prepared_delete AFTER DELETE ON followup
        BEGIN DELETE FROM agenda_prepared WHERE followup_id = OLD.id; END""")
    db.execute_sql("""CREATE TABLE "agenda_prepared_state" (
        "id" INTEGER PRIMARY KEY CHECK ("id" = 1), "position" INTEGER, "run" TEXT,
        "reminders_day" TEXT, "reminders_to" TEXT)""")
    db.execute_sql("INSERT INTO agenda_prepared_state (id, position, run) VALUES (1, NULL, NULL)")
