from __future__ import annotations

import datetime as dt

import peewee

from boutique.models.db import database


def utcnow() -> dt.datetime:
    """Naive UTC timestamps: SQLite stores them as sortable ISO text."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
