"""The people who look after clients: the owner and her associates, past and present.

A client's associate is one of them (`client.associate_id`); each change is kept in
`AssociateChange` (from, to, when, why), and a handoff that is temporary (leave) is a
`Handoff` with an end day, on which the clients go back.
"""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel, utcnow


class Associate(BaseModel):
    name = peewee.CharField(unique=True)
    role = peewee.CharField(default="")
    # The direct line and address a letter or a script gives for them.
    phone = peewee.CharField(default="")
    email = peewee.CharField(default="")
    active = peewee.BooleanField(default=True)  # False: left (or away on leave)
    left_on = peewee.DateField(null=True)
    is_owner = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "associate"


class Handoff(BaseModel):
    """Clients moved from one associate to another at once; `until`: a temporary one."""

    from_associate = peewee.ForeignKeyField(Associate, null=True, on_delete="SET NULL",
                                            backref="handed_off")
    to_associate = peewee.ForeignKeyField(Associate, on_delete="CASCADE", backref="taken_over")
    started_on = peewee.DateField()
    until = peewee.DateField(null=True)
    handed_back_on = peewee.DateField(null=True)
    reason = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "handoff"
