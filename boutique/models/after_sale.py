"""After the sale: returned items, the store credit ledger, service tickets.

Money is integer cents. A return belongs to one item of a purchase; the purchase keeps
what was given back in `refunded_cents`, so the client's spend counts it.
"""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client
from boutique.models.purchase import Purchase, PurchaseItem

RETURN_REASONS = ("wrong_size", "change_of_heart", "defect", "gift_not_wanted", "other")
RESOLUTIONS = ("refund", "credit", "exchange")
CREDIT_KINDS = ("issued", "used")
TICKET_KINDS = ("cleaning", "polish", "sizing", "prong_check", "clasp_check",
                "stone_tightening", "watch_battery", "repair", "appraisal")
TICKET_STATUSES = ("received", "sent_out", "in_work", "ready", "picked_up")


class ItemReturn(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="returns", on_delete="CASCADE")
    purchase = peewee.ForeignKeyField(Purchase, backref="returns", on_delete="CASCADE")
    item = peewee.ForeignKeyField(PurchaseItem, backref="returns", on_delete="CASCADE")
    return_date = peewee.DateField()
    reason = peewee.CharField()
    reason_text = peewee.TextField(default="")
    condition = peewee.TextField(default="")
    resolution = peewee.CharField()
    item_cents = peewee.IntegerField()
    fee_cents = peewee.IntegerField(default=0)
    # What went back to the client: the refund, the credit, or the piece's value in an
    # exchange.
    settled_cents = peewee.IntegerField(default=0)
    policy_note = peewee.TextField(default="")
    override_reason = peewee.TextField(default="")
    exchange_purchase = peewee.ForeignKeyField(Purchase, null=True, backref="exchanged_for",
                                               on_delete="SET NULL")
    # New purchase total less the returned piece's value: paid by the client when positive.
    difference_cents = peewee.IntegerField(default=0)
    thank_you_code = peewee.CharField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "item_return"


class StoreCreditEntry(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="credit_entries", on_delete="CASCADE")
    entry_date = peewee.DateField()
    kind = peewee.CharField()
    amount_cents = peewee.IntegerField()  # issued > 0, used < 0
    expires_on = peewee.DateField(null=True)
    item_return = peewee.ForeignKeyField(ItemReturn, null=True, column_name="return_id",
                                         backref="credit_entries", on_delete="CASCADE")
    purchase = peewee.ForeignKeyField(Purchase, null=True, backref="credit_entries",
                                      on_delete="SET NULL")
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "store_credit_entry"


class ServiceTicket(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="service_tickets", on_delete="CASCADE")
    purchase = peewee.ForeignKeyField(Purchase, null=True, backref="service_tickets",
                                      on_delete="SET NULL")
    kind = peewee.CharField()
    piece = peewee.TextField(default="")
    work = peewee.TextField(default="")
    condition = peewee.TextField(default="")
    photo_path = peewee.TextField(default="")
    estimate_cents = peewee.IntegerField(default=0)
    deposit_cents = peewee.IntegerField(default=0)
    received_on = peewee.DateField()
    promised_on = peewee.DateField()
    status = peewee.CharField(default="received")
    workshop = peewee.TextField(default="")
    status_on = peewee.DateField()
    picked_up_on = peewee.DateField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "service_ticket"
