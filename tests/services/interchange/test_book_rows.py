"""The import's view of the book (read as plain rows for speed) holds each client as the
ORM would: flags as booleans, dates as dates, text and numbers as they are."""

from __future__ import annotations

import datetime as dt

from boutique.models import Client
from boutique.services.demo.build import build_demo
from boutique.services.interchange.plan import _Book


def test_the_book_holds_every_client_as_the_orm_reads_it(db, make_client):
    build_demo(40, seed=3, today=dt.date(2026, 11, 25), years=1.0)
    make_client(first_name="Zoë", last_name="<b>Ødegård</b> & Co", email="zoe@example.com",
                consent_mail=False, consent_text=True, birthday_month=2, birthday_day=29,
                partner_name="שלום 💍")
    book = _Book()
    expected = {row["id"]: row for row in
                Client.select().where(Client.deleted_at.is_null()).dicts()}
    assert book.clients == expected
    assert len(expected) > 40
    kinds = {type(v) for row in book.clients.values() for v in row.values()}
    assert {bool, dt.date, dt.datetime, str, int} <= kinds
