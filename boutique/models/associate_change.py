"""Each change of a client's associate: from whom, to whom, on which day and why."""

from __future__ import annotations

import peewee

from boutique.models.associate import Associate, Handoff
from boutique.models.base import BaseModel, utcnow
from boutique.models.client import Client


class AssociateChange(BaseModel):
    client = peewee.ForeignKeyField(Client, backref="associate_changes", on_delete="CASCADE")
    from_associate = peewee.ForeignKeyField(Associate, null=True, on_delete="SET NULL",
                                            backref="+")
    to_associate = peewee.ForeignKeyField(Associate, null=True, on_delete="SET NULL",
                                          backref="+")
    changed_on = peewee.DateField()
    reason = peewee.TextField(default="")
    handoff = peewee.ForeignKeyField(Handoff, null=True, on_delete="SET NULL", backref="changes")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "associate_change"
