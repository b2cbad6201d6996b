"""Key/value settings kept in the store (so a backup carries them). Values are JSON."""

from __future__ import annotations

import peewee

from boutique.models.base import BaseModel


class Setting(BaseModel):
    key = peewee.CharField(primary_key=True)
    value = peewee.TextField()

    class Meta:
        table_name = "setting"
