"""Purchases and their items. Money is integer cents, never float."""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client
from boutique.models.relation import Relation

GIFT_DELIVERIES = ("", "counter", "discreet", "hold")


class Purchase(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="purchases", on_delete="CASCADE")
    purchase_date = peewee.DateField()
    associate = peewee.CharField(default="")
    is_gift = peewee.BooleanField(default=False)
    gift_recipient = peewee.CharField(default="")
    gift_relation = peewee.CharField(default="")
    gift_occasion = peewee.CharField(default="")
    # The relation the gift is for (else gift_recipient is a free name), the day it is
    # given, and how its note reaches a shared home ("" = as the Settings say).
    gift_relation_ref = peewee.ForeignKeyField(Relation, null=True, column_name="gift_relation_id",
                                               backref="gifts", on_delete="SET NULL")
    gift_given_on = peewee.DateField(null=True)
    gift_delivery = peewee.CharField(default="")
    is_custom = peewee.BooleanField(default=False)
    remarks = peewee.TextField(default="")
    total_cents = peewee.IntegerField(default=0)
    # Set by an import: the order's reference there, and '' / 'refunded' / 'cancelled'.
    source_ref = peewee.CharField(default="")
    voided = peewee.CharField(default="")
    # What returns of its items gave back (refund, credit, an exchanged piece's value).
    refunded_cents = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(default=utcnow)
    # The table also holds gift_reminder_on and gift_reminder_stale (migration 14): the day
    # a gift reminds of, kept by services.cadence.gift_days and marked stale by triggers.
    # They are no fields here, so that no save of a purchase ever writes them.

    class Meta:
        table_name = "purchase"

    def summary(self) -> str:
        """A short description of what was bought: the first item, '+N more'."""
        items = list(self.items.order_by(PurchaseItem.position))
        if not items:
            return "purchase"
        first = items[0].description or items[0].category or "item"
        return first if len(items) == 1 else f"{first} +{len(items) - 1} more"


class PurchaseItem(BaseModel):
    purchase = peewee.ForeignKeyField(Purchase, backref="items", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    description = peewee.TextField(default="")
    category = peewee.CharField(default="")
    metal = peewee.CharField(default="")
    stone = peewee.CharField(default="")
    sku = peewee.CharField(default="")
    price_cents = peewee.IntegerField(default=0, constraints=[peewee.Check("price_cents >= 0")])
    # How a note or a script names the piece in a sentence ('': from the description) and
    # whether it is "it" or "them" ('': judged from the words, "singular", "plural").
    wording = peewee.TextField(default="")
    wording_number = peewee.CharField(default="")

    class Meta:
        table_name = "purchase_item"
