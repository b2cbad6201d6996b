"""A client's returns, store credit and service tickets go with her when she is erased,
and travel in the record she may take away."""

from __future__ import annotations

import datetime as dt

from boutique.models import ItemReturn, ServiceTicket, StoreCreditEntry
from boutique.services.interchange import client_record, erase_client
from boutique.services.returns import ReturnData, record_return
from boutique.services.service_desk import TicketData, open_ticket

D = dt.date


def test_erasing_a_client_takes_her_returns_credit_and_tickets(make_client, buy):
    ana = make_client()
    bea = make_client(first_name="Bea")
    ring = buy(ana, D(2026, 11, 1), ("Gold band", 80000))
    record_return(ReturnData(ring.id, 1, "wrong_size", "credit", D(2026, 11, 3)))
    open_ticket(TicketData(ana.id, "cleaning", D(2026, 11, 30), D(2026, 11, 20), piece="Hoops"))
    open_ticket(TicketData(bea.id, "cleaning", D(2026, 11, 30), D(2026, 11, 20), piece="Chain"))
    record = client_record(ana.id)
    assert [r["item"] for r in record["returns"]] == ["Gold band"]
    assert record["store_credit"]["balance_cents"] == 80000
    assert [t["piece"] for t in record["service_tickets"]] == ["Hoops"]
    erase_client(ana.id)
    assert ItemReturn.select().count() == 0 and StoreCreditEntry.select().count() == 0
    assert [t.piece for t in ServiceTicket.select()] == ["Chain"]
