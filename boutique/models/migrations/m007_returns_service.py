"""After the sale: returns and exchanges, the store credit ledger, the service desk.

- `item_return`: one returned item of a purchase, why, in what state, how it was settled
  (refund, store credit, exchange) and what the policy said (an override keeps its reason).
- `store_credit_entry`: the client's credit ledger; issued is positive, used negative.
- `service_ticket`: a piece taken in for cleaning, sizing, repair...; its status runs
  received -> sent out -> in work -> ready -> picked up.
- `purchase.refunded_cents`: what a return gave back on that purchase; lifetime spend
  counts the purchase less it.

This file is frozen: a later change is a new migration.
"""

STATEMENTS = [
    """ALTER TABLE "purchase" ADD COLUMN "refunded_cents" INTEGER NOT NULL DEFAULT 0
       CHECK (refunded_cents >= 0)""",
    """CREATE TABLE "item_return" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL, "purchase_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL,
    "return_date" DATE NOT NULL,
    "reason" VARCHAR(255) NOT NULL
        CHECK (reason IN ('wrong_size', 'change_of_heart', 'defect', 'gift_not_wanted',
                          'other')),
    "reason_text" TEXT NOT NULL DEFAULT '', "condition" TEXT NOT NULL DEFAULT '',
    "resolution" VARCHAR(255) NOT NULL CHECK (resolution IN ('refund', 'credit', 'exchange')),
    "item_cents" INTEGER NOT NULL CHECK (item_cents >= 0),
    "fee_cents" INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    "settled_cents" INTEGER NOT NULL DEFAULT 0 CHECK (settled_cents >= 0),
    "policy_note" TEXT NOT NULL DEFAULT '', "override_reason" TEXT NOT NULL DEFAULT '',
    "exchange_purchase_id" INTEGER, "difference_cents" INTEGER NOT NULL DEFAULT 0,
    "thank_you_code" VARCHAR(255) NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL,
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("item_id") REFERENCES "purchase_item" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("exchange_purchase_id") REFERENCES "purchase" ("id") ON DELETE SET NULL)""",
    # An item comes back once.
    'CREATE UNIQUE INDEX "item_return_item" ON "item_return" ("item_id")',
    'CREATE INDEX "item_return_date" ON "item_return" ("return_date")',
    'CREATE INDEX "item_return_purchase" ON "item_return" ("purchase_id")',
    """CREATE TABLE "store_credit_entry" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL, "entry_date" DATE NOT NULL,
    "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('issued', 'used')),
    "amount_cents" INTEGER NOT NULL
        CHECK ((kind = 'issued' AND amount_cents > 0) OR (kind = 'used' AND amount_cents < 0)),
    "expires_on" DATE, "return_id" INTEGER, "purchase_id" INTEGER,
    "note" TEXT NOT NULL DEFAULT '', "created_at" DATETIME NOT NULL,
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("return_id") REFERENCES "item_return" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "store_credit_client" ON "store_credit_entry" ("client_id", "entry_date")',
    """CREATE TABLE "service_ticket" ("id" INTEGER NOT NULL PRIMARY KEY,
    "client_id" INTEGER NOT NULL, "purchase_id" INTEGER,
    "kind" VARCHAR(255) NOT NULL
        CHECK (kind IN ('cleaning', 'polish', 'sizing', 'prong_check', 'clasp_check',
                        'stone_tightening', 'watch_battery', 'repair', 'appraisal')),
    "piece" TEXT NOT NULL DEFAULT '', "work" TEXT NOT NULL DEFAULT '',
    "condition" TEXT NOT NULL DEFAULT '', "photo_path" TEXT NOT NULL DEFAULT '',
    "estimate_cents" INTEGER NOT NULL DEFAULT 0 CHECK (estimate_cents >= 0),
    "deposit_cents" INTEGER NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
    "received_on" DATE NOT NULL, "promised_on" DATE NOT NULL,
    "status" VARCHAR(255) NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'sent_out', 'in_work', 'ready', 'picked_up')),
    "workshop" TEXT NOT NULL DEFAULT '', "status_on" DATE NOT NULL,
    "picked_up_on" DATE,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
    CHECK (promised_on >= received_on),
    FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "service_ticket_open" ON "service_ticket" ("status", "promised_on")',
    'CREATE INDEX "service_ticket_client" ON "service_ticket" ("client_id")',
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
