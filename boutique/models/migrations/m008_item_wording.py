"""How a piece is named in a sentence: its wording and whether it is one thing or a pair.

"Since you chose the onyx cufflinks, we would love to give them a cleaning": the item's
description is what the receipt says ("Cufflinks, onyx, sterling"), often with commas
that break a sentence. `wording` is the name a note or a script uses ('' : made from the
description); `wording_number` says whether the piece is spoken of as "it" or "them"
('' : judged from the words, "singular" or "plural" : as the jeweler chose).

This file is frozen: a later change is a new migration.
"""

STATEMENTS = [
    """ALTER TABLE "purchase_item" ADD COLUMN "wording" TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE "purchase_item" ADD COLUMN "wording_number" VARCHAR(255) NOT NULL
       DEFAULT '' CHECK (wording_number IN ('', 'singular', 'plural'))""",
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
