"""A follow-up can lapse: too old to be worth doing, it leaves the agenda and stays in
the client's history as lapsed (besides open, done and skipped).

SQLite cannot alter a CHECK constraint in place; widening one (every stored row still
passes) is the case its documentation allows by editing the stored table definition
(https://www.sqlite.org/lang_altertable.html, "making other kinds of table schema
changes"), which keeps the table, its rows, its indexes and whatever columns later
versions added untouched. The schema version is bumped so every connection rereads it.

This file is frozen: a later change is a new migration.
"""

from __future__ import annotations

OLD_CHECK = "CHECK (status IN ('open', 'done', 'skipped'))"
NEW_CHECK = "CHECK (status IN ('open', 'done', 'skipped', 'lapsed'))"


class LapsedMigrationError(RuntimeError):
    pass


def up(db) -> None:
    (sql,) = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'followup'").fetchone()
    if NEW_CHECK in sql:
        return
    if sql.count(OLD_CHECK) != 1:
        raise LapsedMigrationError("the follow-up table's status rule is not the one expected")
    (version,) = db.execute_sql("PRAGMA schema_version").fetchone()
    db.execute_sql("PRAGMA writable_schema = ON")
    try:
        db.execute_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'followup'",
                       (sql.replace(OLD_CHECK, NEW_CHECK),))
        db.execute_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute_sql("PRAGMA writable_schema = OFF")
    # The week's summary counts what lapsed in it, by the day it lapsed.
    db.execute_sql("""CREATE INDEX "followup_lapsed" ON "followup" ("done_on", "client_id")
                      WHERE status = 'lapsed' AND merged_into_id IS NULL""")
    (ok,) = db.execute_sql("PRAGMA integrity_check").fetchone()
    if ok != "ok":
        raise LapsedMigrationError(f"the store failed its check after the change: {ok}")
