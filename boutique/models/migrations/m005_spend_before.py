"""Moving in: spend before Boutique, and where an imported order came from.

Spend before Boutique: what a client spent in the shop's earlier system.

An imported customer often arrives with a total spent but without the orders behind it.
That figure is kept apart from the purchases (so it is never mistaken for one) and counted
in `lifetime_spend_cents`, so the tier is right from the first day.

This file is frozen: a later change is a new migration.
"""

STATEMENTS = [
    """ALTER TABLE "client" ADD COLUMN "spend_before_cents" INTEGER NOT NULL DEFAULT 0""",
    # An imported order keeps where it came from (so importing it again finds it) and
    # whether it was refunded or cancelled there: kept in the history, not counted.
    """ALTER TABLE "purchase" ADD COLUMN "source_ref" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "purchase" ADD COLUMN "voided" VARCHAR(255) NOT NULL DEFAULT ''
       CHECK (voided IN ('', 'refunded', 'cancelled'))""",
    """CREATE INDEX "purchase_source_ref" ON "purchase" ("source_ref") WHERE source_ref != ''""",
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
