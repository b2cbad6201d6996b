"""The Service tab: open tickets by promised day, keys that move one on, the overdue
flag, and returns by reason in a table and a chart."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import Qt

from boutique.models import FollowUp
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.returns import ReturnData, record_return
from boutique.services.service_desk import TicketData, get_ticket, open_ticket
from boutique.ui.service_tab import ServiceTab
from boutique.ui.ticket_dialog import TicketDialog

D = dt.date
TODAY = D(2026, 11, 25)
SHOTS = os.environ.get("BOUTIQUE_SHOTS")


def desk(make_client):
    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567")
    bea = make_client(first_name="Béa", last_name="Ng <&>", mobile_phone="+15550134568")
    late = open_ticket(TicketData(ana.id, "sizing", D(2026, 11, 24), D(2026, 11, 17),
                                  piece="Gold band", work="Size 6 to 7"))
    soon = open_ticket(TicketData(bea.id, "watch_battery", D(2026, 11, 27), D(2026, 11, 24),
                                  piece="Cartier Tank watch"))
    for when, reason, price in ((D(2026, 11, 3), "wrong_size", 80000),
                                (D(2026, 11, 10), "wrong_size", 60000),
                                (D(2026, 6, 2), "wrong_size", 50000),
                                (D(2026, 4, 2), "change_of_heart", 120000),
                                (D(2026, 11, 12), "defect", 30000)):
        bought = record_purchase(ana.id, PurchaseData(when, [ItemData(description="Ring",
                                                                      price_cents=price)]))
        record_return(ReturnData(bought.id, 1, reason, "credit", when + dt.timedelta(days=2)))
    return late, soon


def test_open_tickets_by_promised_day_with_the_late_one_flagged(qtbot, make_client):
    late, soon = desk(make_client)
    tab = ServiceTab(None, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1100, 640)
    tab.show()
    model = tab.model
    assert [model.ticket_at(r).id for r in range(model.rowCount())] == [late.id, soon.id]
    assert model.index(0, 6).data() == "overdue" and model.index(1, 6).data() == ""
    assert tab.overdue.text() == "1 past the promised day"
    assert model.index(1, 3).data() == "Béa Ng <&>"
    if SHOTS:
        tab.grab().save(os.path.join(SHOTS, "service_tab.png"))


def test_ctrl_right_moves_a_ticket_on_and_ready_plans_the_pickup_call(qtbot, make_client):
    late, _ = desk(make_client)
    tab = ServiceTab(None, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()
    tab.activateWindow()
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    tab.view.select_row(0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert get_ticket(late.id).status == "in_work"
    qtbot.keyClick(tab.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert get_ticket(late.id).status == "ready"
    assert FollowUp.select().where(FollowUp.source_kind == "service_ticket").count() == 1
    assert tab.overdue.text() == ""  # ready: no longer late
    qtbot.keyClick(tab.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert get_ticket(late.id).status == "picked_up"
    assert tab.model.rowCount() == 1  # picked up: off the open list


def test_returns_by_reason_this_month_and_this_year(qtbot, make_client):
    desk(make_client)
    tab = ServiceTab(None, today=TODAY)
    qtbot.addWidget(tab)
    rows = {tab.reasons.index(r, 0).data(): [tab.reasons.index(r, c).data() for c in range(1, 5)]
            for r in range(tab.reasons.rowCount())}
    assert rows["Wrong size"] == ["2", "$1,400.00", "3", "$1,900.00"]
    assert rows["Change of heart"] == ["0", "$0.00", "1", "$1,200.00"]
    assert rows["Defect or quality"] == ["1", "$300.00", "1", "$300.00"]
    bars = {label: (year, month) for label, year, month in tab.chart.bar_lengths(300)}
    assert bars["Wrong size"] == (300, 200)  # the longest bar: sizing problems show
    assert bars["Change of heart"] == (100, 0)


def test_a_ticket_taken_in_through_the_dialog(qtbot, make_client, make_purchase):
    ana = make_client(first_name="Ana", last_name="Alvarez")
    make_purchase(ana.id, D(2026, 3, 1), description="Diamond tennis bracelet")
    dialog = TicketDialog(None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.search.setText("Alva")
    assert dialog.client.currentText() == "Alvarez, Ana"
    dialog.purchase.setCurrentIndex(1)
    dialog.kind.setCurrentIndex(dialog.kind.findData("clasp_check"))
    dialog.condition.setPlainText("Clasp loose; light scratches")
    dialog.deposit.setText("abc")
    dialog.accept()
    assert "deposit_cents" in dialog.error.text()
    dialog.deposit.setText("20")
    dialog.accept()
    ticket = dialog.ticket
    assert (ticket.piece, ticket.kind, ticket.deposit_cents, ticket.promised_on) == (
        "Diamond tennis bracelet", "clasp_check", 2000, D(2026, 12, 2))


def test_a_purchase_is_taken_in_from_the_profile_with_its_piece_chosen(qtbot, make_client,
                                                                       make_purchase):
    from boutique.ui.profile_pages import purchase_actions

    assert {"Return or exchange…", "Take in for service…"} <= {
        label for label, _ in purchase_actions()}
    ana = make_client(first_name="Ana", last_name="Alvarez")
    make_purchase(ana.id, D(2026, 1, 5), description="Gold hoops")
    bracelet = make_purchase(ana.id, D(2026, 3, 1), description="Diamond tennis bracelet")
    dialog = TicketDialog(None, client_id=ana.id, today=TODAY, purchase_id=bracelet.id)
    qtbot.addWidget(dialog)
    assert dialog.client.currentData() == ana.id and dialog.search.isHidden()
    assert dialog.purchase.currentData() == bracelet.id
    dialog.accept()
    assert dialog.ticket.piece == "Diamond tennis bracelet"
