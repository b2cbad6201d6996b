from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client
from boutique.models.purchase import Purchase

NOTE_CATEGORIES = ("family", "preferences", "sizes", "conversation", "service", "other")


class Note(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="notes", on_delete="CASCADE")
    purchase = peewee.ForeignKeyField(Purchase, null=True, backref="notes", on_delete="SET NULL")
    text = peewee.TextField()
    category = peewee.CharField(default="other")
    pinned = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=utcnow)
    # Set only when the text is changed after creation: the UI shows "edited".
    edited_at = peewee.DateTimeField(null=True)
    deleted_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "note"
