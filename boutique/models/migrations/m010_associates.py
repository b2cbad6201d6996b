"""Associates: the people who look after clients, each client's associate, the history.

- `associate`: name (unique, not blank), role, phone and email (the direct line a letter
  gives), active (0: left or away), left_on, is_owner (at most one).
- `client.associate_id`: the client's associate; the free-text `client.associate` stays
  and holds the associate's name, so older readers of the store still see it.
- `handoff`: clients moved at once from one associate to another, with an end day for a
  temporary one (leave) and the day they were handed back.
- `associate_change`: each change of a client's associate (from, to, when, why).

The names typed so far in `client.associate` become associates (one per name, spaces
and case folded); the letterhead's jeweler becomes the owner, added if nobody bears her
name.

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations

import json

STATEMENTS = [
    """CREATE TABLE "associate" ("id" INTEGER NOT NULL PRIMARY KEY,
    "name" VARCHAR(255) NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
    "role" VARCHAR(255) NOT NULL DEFAULT '',
    "phone" VARCHAR(255) NOT NULL DEFAULT '', "email" VARCHAR(255) NOT NULL DEFAULT '',
    "active" INTEGER NOT NULL DEFAULT 1, "left_on" DATE,
    "is_owner" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    'CREATE UNIQUE INDEX "associate_one_owner" ON "associate" ("is_owner") WHERE is_owner = 1',
    """ALTER TABLE "client" ADD COLUMN "associate_id" INTEGER
       REFERENCES "associate" ("id") ON DELETE SET NULL""",
    'CREATE INDEX "client_associate_id" ON "client" ("associate_id")',
    """CREATE TABLE "handoff" ("id" INTEGER NOT NULL PRIMARY KEY,
    "from_associate_id" INTEGER, "to_associate_id" INTEGER NOT NULL,
    "started_on" DATE NOT NULL, "until" DATE, "handed_back_on" DATE,
    "reason" TEXT NOT NULL DEFAULT '', "created_at" DATETIME NOT NULL,
    CHECK ("until" IS NULL OR "until" > started_on),
    FOREIGN KEY ("from_associate_id") REFERENCES "associate" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("to_associate_id") REFERENCES "associate" ("id") ON DELETE CASCADE)""",
    # The hand-back finds the temporary handoffs that end by a day.
    """CREATE INDEX "handoff_until" ON "handoff" ("until")
       WHERE "until" IS NOT NULL AND handed_back_on IS NULL""",
    """CREATE TABLE "associate_change" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL, "from_associate_id" INTEGER, "to_associate_id" INTEGER,
    "changed_on" DATE NOT NULL, "reason" TEXT NOT NULL DEFAULT '', "handoff_id" INTEGER,
    "created_at" DATETIME NOT NULL,
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("from_associate_id") REFERENCES "associate" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("to_associate_id") REFERENCES "associate" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("handoff_id") REFERENCES "handoff" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "associate_change_client" ON "associate_change" ("client_id", "changed_on")',
    'CREATE INDEX "associate_change_handoff" ON "associate_change" ("handoff_id")',
]

NOW = "strftime('%Y-%m-%d %H:%M:%S', 'now')"


def _jeweler_name(db) -> str:
    row = db.execute_sql(
        "SELECT value FROM setting WHERE key = 'letterhead.jeweler_name'").fetchone()
    if not row or row[0] is None:
        return ""
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        value = row[0]
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    # One associate per name typed so far; the first spelling met is kept.
    names: dict[str, str] = {}
    typed = db.execute_sql("SELECT id, associate FROM client WHERE trim(associate) <> '' "
                           "ORDER BY id").fetchall()
    for _client_id, raw in typed:
        name = " ".join(raw.split())
        names.setdefault(name.casefold(), name)
    ids = {}
    for key, name in names.items():
        cursor = db.execute_sql(f"INSERT INTO associate (name, created_at, updated_at) "
                                f"VALUES (?, {NOW}, {NOW})", (name,))
        ids[key] = cursor.lastrowid
    for client_id, raw in typed:
        key = " ".join(raw.split()).casefold()
        db.execute_sql("UPDATE client SET associate_id = ?, associate = ? WHERE id = ?",
                       (ids[key], names[key], client_id))
    owner = _jeweler_name(db)
    if owner:
        found = db.execute_sql("SELECT id FROM associate WHERE name = ? COLLATE NOCASE",
                               (owner,)).fetchone()
        if found:
            db.execute_sql("UPDATE associate SET is_owner = 1, role = 'Owner' WHERE id = ?",
                           (found[0],))
        else:
            db.execute_sql(f"INSERT INTO associate (name, role, is_owner, created_at, updated_at)"
                           f" VALUES (?, 'Owner', 1, {NOW}, {NOW})", (owner,))
