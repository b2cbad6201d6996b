"""Erasing a client for good, on her request, and her whole record for her to take away."""

from __future__ import annotations

import datetime as dt
from typing import Any

from boutique.models import FollowUp, database
from boutique.services.clients import (
    Client,
    client_purchases,
    get_client,
    purchase_json,
    relations_by_client,
    unindex_client,
)
from boutique.services.interchange.safety import BACKUP_KEEPS_DAYS, backup_before
from boutique.services.notes import Note
from boutique.services.returns import client_returns, credit_json
from boutique.services.service_desk import client_tickets, ticket_json

SEARCH_TABLES = ("client_fts", "note_fts", "purchase_fts")


def backups_clear_on(today: dt.date | None = None) -> dt.date:
    """The day the last backup still holding data erased today rotates out."""
    return (today or dt.date.today()) + dt.timedelta(days=BACKUP_KEEPS_DAYS)


def erase_client(client_id: int) -> dt.date:
    """Every row, note, follow-up and index entry of the client, in one transaction, with
    freed pages overwritten; returns the day the backups no longer hold her."""
    get_client(client_id)
    backup_before("erase")
    database.execute_sql("PRAGMA secure_delete = ON")
    with database.atomic():
        unindex_client(client_id)
        FollowUp.delete().where(FollowUp.client == client_id).execute()
        Note.delete().where(Note.client == client_id).execute()
        Client.delete().where(Client.id == client_id).execute()  # purchases cascade
        for table in SEARCH_TABLES:
            # Rewrites the index's segments so no deleted token stays behind in them.
            database.execute_sql(f"INSERT INTO {table}({table}) VALUES('optimize')")
    return backups_clear_on()


def client_record(client_id: int) -> dict[str, Any]:
    """Profile, purchases, notes, follow-ups, returns, store credit and service tickets as
    plain JSON values."""
    client = get_client(client_id)
    profile = {k: v for k, v in Client.select().where(Client.id == client_id).dicts().get().items()
               if k not in ("sort_name", "search_text", "phone_digits")}
    notes = [{"id": n.id, "text": n.text, "category": n.category, "purchase_id": n.purchase_id,
              "created_at": n.created_at} for n in Note.select().where(Note.client == client.id)]
    followups = [{"id": f.id, "kind": f.kind, "due": f.due, "status": f.status,
                  "channel": f.channel, "reason": f.reason}
                 for f in FollowUp.select().where(FollowUp.client == client.id)]
    today = dt.date.today()
    return {"profile": profile, "purchases": [purchase_json(p) for p in client_purchases(client.id)],
            "notes": notes, "followups": followups,
            "relations": relations_by_client([client.id]).get(client.id, []),
            "returns": client_returns(client.id), "store_credit": credit_json(client.id, today),
            "service_tickets": [ticket_json(t, today) for t in client_tickets(client.id)]}
