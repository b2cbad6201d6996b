"""The people in a client's life: a partner, children, parents, friends, each with their own
birthday and anniversary, so a gift for them can be remembered a few weeks ahead."""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client

RELATION_KINDS = ("partner", "child", "parent", "friend", "other")


class Relation(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="relations", on_delete="CASCADE")
    kind = peewee.CharField()
    name = peewee.CharField()
    # Key dates as parts, like the client's own: a day and month are often all we know.
    birthday_year = peewee.IntegerField(null=True)
    birthday_month = peewee.IntegerField(null=True)
    birthday_day = peewee.IntegerField(null=True)
    anniversary_year = peewee.IntegerField(null=True)
    anniversary_month = peewee.IntegerField(null=True)
    anniversary_day = peewee.IntegerField(null=True)
    # What they like or have admired: read out when their date comes up.
    wish_list = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "relation"

    @property
    def kind_label(self) -> str:
        return self.kind.capitalize()
