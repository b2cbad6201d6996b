"""Version 2: follow-ups (the cadence engine's notes and calls), key-date lookups."""

STATEMENTS = [
    """CREATE TABLE "followup" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL, "purchase_id" INTEGER,
    "kind" VARCHAR(255) NOT NULL, "sequence" INTEGER NOT NULL DEFAULT 0,
    "channel" VARCHAR(255) NOT NULL, "is_gift" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "rule_due" DATE NOT NULL, "due" DATE NOT NULL, "deadline" DATE NOT NULL,
    "due_fixed" INTEGER NOT NULL DEFAULT 0, "snoozed_from" DATE,
    "status" VARCHAR(255) NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'done', 'skipped')),
    "merged_into_id" INTEGER, "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcome" VARCHAR(255) NOT NULL DEFAULT '', "skip_reason" TEXT NOT NULL DEFAULT '',
    "done_on" DATE, "done_at" DATETIME,
    "source_kind" VARCHAR(255) NOT NULL DEFAULT '', "source_id" INTEGER,
    "occasion" VARCHAR(255) NOT NULL DEFAULT '', "occasion_date" DATE,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
    CHECK (deadline >= due),
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("merged_into_id") REFERENCES "followup" ("id") ON DELETE SET NULL)""",
    # The morning agenda: open calls and notes due on or before a day. Only open rows
    # that carry themselves (not merged into another) are indexed, so the index stays
    # small however long the history grows; it holds every column the agenda reads (the
    # two of its WHERE too: SQLite wants them to call it covering), so the agenda of a big
    # book never touches the table.
    """CREATE INDEX "followup_agenda" ON "followup" ("due", "client_id", "kind", "deadline",
       "channel", "is_gift", "purchase_id", "occasion", "occasion_date", "attempts", "reason",
       "status", "merged_into_id")
       WHERE status = 'open' AND merged_into_id IS NULL""",
    'CREATE INDEX "followup_client_due" ON "followup" ("client_id", "due")',
    # Cascades from purchases and merged calls look these up on every delete.
    'CREATE INDEX "followup_purchase" ON "followup" ("purchase_id")',
    """CREATE INDEX "followup_merged_into" ON "followup" ("merged_into_id")
       WHERE merged_into_id IS NOT NULL""",
    # The week's on-time rate counts rows by deadline (from the index alone).
    """CREATE INDEX "followup_deadline" ON "followup" ("deadline", "status", "done_on",
       "merged_into_id", "client_id")""",
    # One stored reminder per client, occasion and year; looked up by a range of days.
    """CREATE UNIQUE INDEX "followup_key_date" ON "followup"
       ("occasion_date", "client_id", "occasion") WHERE kind = 'key_date'""",
    """CREATE UNIQUE INDEX "followup_source" ON "followup" ("source_kind", "source_id", "kind")
       WHERE source_kind <> ''""",
    # The personal hook on each agenda row: a client's latest pinned or conversation note.
    """CREATE INDEX "note_hook" ON "note" ("client_id", "created_at")
       WHERE deleted_at IS NULL AND (pinned = 1 OR category = 'conversation')""",
    # Birthdays and anniversaries falling in a window of days, as month * 100 + day, with
    # what a reminder needs, so finding the day's reminders never reads the client rows.
    """CREATE INDEX "client_birthday_md" ON "client" ((birthday_month * 100 + birthday_day),
       "do_not_contact", "birthday_month", "birthday_day", "birthday_year")
       WHERE deleted_at IS NULL AND birthday_month IS NOT NULL""",
    """CREATE INDEX "client_anniversary_md" ON "client"
       ((anniversary_month * 100 + anniversary_day), "do_not_contact", "anniversary_month",
        "anniversary_day", "anniversary_year")
       WHERE deleted_at IS NULL AND anniversary_month IS NOT NULL""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
