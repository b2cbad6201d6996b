"""Boutique CSV out: every client field, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from boutique.services.clients import BOOL_FIELDS, EDITABLE_FIELDS, Client, relations_by_client

CLIENT_COLUMNS = ("id",) + EDITABLE_FIELDS + ("spend_before_cents",)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A leading ' keeps a spreadsheet from reading the cell as a formula (OWASP)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def export_clients_csv(out: Path) -> int:
    """Write every client not in the Trash; returns how many."""
    count = 0
    with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CLIENT_COLUMNS)
        query = Client.select().where(Client.deleted_at.is_null()).order_by(Client.id).dicts()
        for row in query:
            cells = []
            for name in CLIENT_COLUMNS:
                value = row[name]
                if name in BOOL_FIELDS:
                    cells.append("yes" if value else "no")
                else:
                    cells.append(neutralise("" if value is None else str(value)))
            writer.writerow(cells)
            count += 1
    return count


def export_vcard(out: Path) -> int:
    """Every client not in the Trash as vCard 4.0; returns how many."""
    from boutique.services.interchange.vcard import client_card

    query = list(Client.select().where(Client.deleted_at.is_null()).order_by(Client.id))
    people = relations_by_client([client.id for client in query])
    cards = [client_card(client, people.get(client.id, [])) for client in query]
    Path(out).write_text("".join(cards), encoding="utf-8", newline="")
    return len(cards)
