"""Search documents made in Python for a bulk write must be the views' own text, letter for
letter; when they are not, the index is filled from the view and stays whole."""

from __future__ import annotations

import datetime as dt

from boutique.models import Client, client_documents, database, purchase_documents
from boutique.models.bulk_index import search_index_deferred
from boutique.models.migrations.m003_search_index import _FOLDS
from boutique.models.search_documents import COLUMNS, add_checked
from boutique.services.clients import ItemData, PurchaseData, insert_clean_clients, insert_purchases
from boutique.services.notes.search import check_index

EVERY_FOLD = "".join(letter for letter, _plain in _FOLDS)
PHONES = ["", "+15035550142", "+4420", "+123", "+861381234567890123", "+33 1 23"]


def _clients() -> list[dict]:
    rows = []
    for n in range(24):
        rows.append({"first_name": f"Zoë{n} {EVERY_FOLD[n:n + 5]}", "last_name": "Ødegård",
                     "preferred_name": "Łu" if n % 2 else "", "partner_name": EVERY_FOLD,
                     "email": f"ÆSA{n}@Example.com", "business_company": "Dahl & Søn",
                     "tags": "vip, Straße" if n % 3 else "",
                     "mobile_phone": PHONES[n % 6], "work_phone": PHONES[(n + 1) % 6],
                     "home_phone": PHONES[(n * 5) % 6]})
    for n, phone in enumerate(PHONES):  # one number alone, of every length
        rows.append({"first_name": f"Solo{n}", "mobile_phone": phone if n % 2 else "",
                     "home_phone": "" if n % 2 else phone})
    return rows


def _view(kind: str) -> list[tuple]:
    columns = ", ".join(COLUMNS[kind])
    return [tuple(r) for r in database.execute_sql(
        f"SELECT id, {columns} FROM {kind}_search_doc ORDER BY id")]


def _stored_clients() -> list[dict]:
    return list(Client.select().order_by(Client.id).dicts())


def test_client_documents_are_the_views(db):
    insert_clean_clients(_clients(), [0] * len(_clients()))
    assert client_documents(_stored_clients()) == _view("client")
    assert check_index() == []
    with database.atomic() as transaction:  # the check passes them
        assert add_checked("client", 1, client_documents(_stored_clients())) is True
        transaction.rollback()


def test_purchase_documents_are_the_views_and_leave_out_the_trash(db):
    ids = insert_clean_clients(_clients()[:3], [0, 0, 0])
    entries = [(ids[n % 3], PurchaseData(dt.date(2026, 11, 1), [
        ItemData(f"Émeraude {EVERY_FOLD[k:k + 4]}", category="ring" if k else "",
                 metal="or", stone="", sku=f"S{k}") for k in range(n % 4 + 1)],
        is_gift=n % 2 == 1, gift_recipient="Ørnulf", gift_relation="ΐ", gift_occasion="ёлка",
        remarks=f"très ß {n}")) for n in range(12)]
    first = insert_purchases(entries)[0]
    rows = [(pid, client, [(i.description, i.category, i.metal, i.stone, i.sku)
                           for i in data.items],
             *((data.gift_recipient, data.gift_relation, data.gift_occasion) if data.is_gift
               else ("", "", "")), data.remarks)
            for pid, (client, data) in enumerate(entries, start=first)]
    assert purchase_documents(rows) == _view("purchase")
    Client.update(deleted_at=dt.datetime(2026, 11, 2)).where(Client.id == ids[0]).execute()
    assert purchase_documents(rows) == _view("purchase")
    assert len(_view("purchase")) == 8
    assert check_index() == []


def test_documents_unlike_the_views_are_not_used(db):
    rows = _clients()[:4]
    with database.atomic():
        ids = insert_clean_clients(rows, [0] * 4)
        stored = _stored_clients()
        wrong = client_documents(stored)
        wrong[0] = (wrong[0][0], "someone else", *wrong[0][2:])
        assert add_checked("client", ids[0], wrong[:3]) is False  # one missing
        assert add_checked("client", ids[0], wrong) is False  # one changed
    with database.atomic():
        start = ids[-1] + 1
        with search_index_deferred("client", start, lambda: [
                (d[0] + 4, "not her name", *d[2:]) for d in client_documents(stored)]):
            _insert_again(stored, start)
    assert check_index() == []
    assert database.execute_sql("SELECT COUNT(*) FROM client_fts WHERE client_fts MATCH "
                                "'someone OR not'").fetchone()[0] == 0


def _insert_again(stored: list[dict], start: int) -> None:
    """The same clients again under new ids, written as plain rows."""
    for offset, row in enumerate(stored):
        values = {**row, "id": start + offset, "email": f"again{offset}@example.com"}
        Client.insert(values).execute()
