"""The people in a client's life, and gifts that name their recipient, occasion and day.

- `relation`: a client's partner, children, parents, friends (kind, name), each with a
  birthday and an anniversary kept as parts (year optional) and a wish list.
- `purchase.gift_relation_id`: the relation a gift is for (else `gift_recipient` holds a
  free name); `purchase.gift_given_on`: the day it is given (the call waits a week after);
  `purchase.gift_delivery`: how its note reaches a shared home ('' = as in Settings).

This file is frozen: a later change is a new migration.
"""

STATEMENTS = [
    """CREATE TABLE "relation" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL,
    "kind" VARCHAR(255) NOT NULL
        CHECK (kind IN ('partner', 'child', 'parent', 'friend', 'other')),
    "name" VARCHAR(255) NOT NULL CHECK (trim(name) <> ''),
    "birthday_year" INTEGER, "birthday_month" INTEGER, "birthday_day" INTEGER,
    "anniversary_year" INTEGER, "anniversary_month" INTEGER, "anniversary_day" INTEGER,
    "wish_list" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)""",
    'CREATE INDEX "relation_client_id" ON "relation" ("client_id")',
    # The day's reminders read only the relations whose date falls in the window.
    """CREATE INDEX "relation_birthday_md" ON "relation"
       ((birthday_month * 100 + birthday_day), "client_id")
       WHERE birthday_month IS NOT NULL""",
    """CREATE INDEX "relation_anniversary_md" ON "relation"
       ((anniversary_month * 100 + anniversary_day), "client_id")
       WHERE anniversary_month IS NOT NULL""",
    """ALTER TABLE "purchase" ADD COLUMN "gift_relation_id" INTEGER
       REFERENCES "relation" ("id") ON DELETE SET NULL""",
    """ALTER TABLE "purchase" ADD COLUMN "gift_given_on" DATE""",
    """ALTER TABLE "purchase" ADD COLUMN "gift_delivery" VARCHAR(255) NOT NULL DEFAULT ''
       CHECK (gift_delivery IN ('', 'counter', 'discreet', 'hold'))""",
    # Last year's gifts, looked up by the day they were given.
    """CREATE INDEX "purchase_gift_day" ON "purchase" ("client_id", "purchase_date")
       WHERE is_gift = 1""",
    'CREATE INDEX "purchase_gift_relation" ON "purchase" ("gift_relation_id") '
    'WHERE gift_relation_id IS NOT NULL',
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
