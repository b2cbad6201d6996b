"""The return policy page of Settings, the client's Returns & credit page, and Today's
flag for service tickets past their promised day."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QRadioButton

from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.errors import ValidationError
from boutique.services.returns import ReturnData, load_policy, record_return, use_credit
from boutique.services.service_desk import TicketData, move_ticket, open_ticket
from boutique.ui.credit_page import CreditPage
from boutique.ui.settings_dialog import SettingsDialog
from boutique.ui.settings_returns_page import ReturnsSettingsPage
from boutique.ui.today_tab import TodayTab

D = dt.date
SHOTS = os.environ.get("BOUTIQUE_SHOTS")


def test_the_policy_page_saves_and_names_a_bad_value(qtbot, db):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert "Returns" in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    page = ReturnsSettingsPage()
    qtbot.addWidget(page)
    assert page.numbers["return_window_days"].value() == 30
    page.numbers["return_window_days"].setValue(21)
    page.numbers["restocking_fee_percent"].setValue(10)
    page.fee_applies["credit"].setChecked(True)
    page.final_sale.setText("Custom, engraved, special order, pierced earrings")
    page.text.setPlainText("Returns within {return_days} days <with receipt> & care 💎")
    page.save()
    policy = load_policy()
    assert (policy.return_window_days, policy.restocking_fee_percent) == (21, 10)
    assert policy.fee_resolutions == ("refund", "credit")
    assert "pierced earrings" in policy.final_sale_kinds
    assert policy.client_text == "Returns within 21 days <with receipt> & care 💎"
    page.code.setText("THANK YOU")
    with pytest.raises(ValidationError) as bad:
        page.save()
    assert "thank_you_code" in bad.value.errors
    if SHOTS:
        page.resize(640, 560)
        page.show()
        page.grab().save(os.path.join(SHOTS, "returns_settings.png"))


def test_the_profile_shows_the_credit_ledger_and_the_returns(qtbot, make_client):
    ana = make_client()
    bought = record_purchase(ana.id, PurchaseData(D(2026, 11, 1), [
        ItemData(description="Gold bangle", price_cents=120000)]))
    record_return(ReturnData(bought.id, 1, "wrong_size", "credit", D(2026, 11, 3)))
    use_credit(ana.id, 20000, D(2026, 11, 20))
    page = CreditPage(ana.id, today=D(2026, 11, 25))
    qtbot.addWidget(page)
    assert page.balance.text() == "Store credit: $1,000.00"
    assert page.ledger.rowCount() == 2
    assert page.ledger.index(1, 4).data() == "$1,000.00"
    assert page.returns.index(0, 1).data() == "Gold bangle"
    assert page.returns.index(0, 3).data() == "Store credit"
    assert not page.spend(bought.id, "2000.00")  # more than she has: said, not raised
    assert "only $1,000.00 of store credit" in page.error.text()
    assert page.spend(bought.id, "250")
    assert page.balance.text() == "Store credit: $750.00" and page.ledger.rowCount() == 3


def test_today_flags_the_tickets_past_their_promised_day(qtbot, make_client):
    ana = make_client()
    late = open_ticket(TicketData(ana.id, "repair", D(2026, 11, 24), D(2026, 11, 10),
                                  piece="Pearl strand"))
    tab = TodayTab(None, today=D(2026, 11, 25))
    qtbot.addWidget(tab)
    assert tab.late_tickets.text() == "Service: 1 ticket late"
    move_ticket(late.id, "ready", D(2026, 11, 25))
    tab.reload()
    assert tab.late_tickets.text() == ""


def test_the_booked_outcome_shows_only_on_a_service_call(qtbot, make_client, make_purchase):
    from boutique.services.agenda import agenda_for
    from boutique.ui.today_item_panel import ItemPanel

    ana = make_client(mobile_phone="+15550134567")
    make_purchase(ana.id, D(2026, 3, 1))
    panel = ItemPanel(None)
    qtbot.addWidget(panel)
    panel.show()
    [service] = [i for i in agenda_for(D(2026, 9, 1)) if i.kind == "service_call"]
    panel.show_item(service, D(2026, 9, 1))
    booked = panel.findChild(QRadioButton, "outcome_booked")
    assert booked.isVisible()
    booked.setChecked(True)
    assert panel.selected_outcome() == "booked"
    [call] = [i for i in agenda_for(D(2026, 3, 31)) if i.kind == "satisfaction_call"]
    panel.show_item(call, D(2026, 3, 31))
    assert not booked.isVisible() and panel.selected_outcome() == "reached"


def test_store_credit_is_a_tender_in_the_purchase_dialog(qtbot, make_client):
    from PySide6.QtCore import QDate

    from boutique.models import Purchase
    from boutique.services.returns import balance, issue_credit
    from boutique.ui.purchase_dialog import PurchaseDialog

    plain = make_client(first_name="Bea")
    none_offered = PurchaseDialog(None, client_id=plain.id, today=D(2026, 11, 25))
    qtbot.addWidget(none_offered)
    assert none_offered.credit.isHidden()  # no credit: nothing to offer

    ana = make_client()
    issue_credit(ana.id, 30000, D(2026, 11, 3))
    dialog = PurchaseDialog(None, client_id=ana.id, today=D(2026, 11, 25))
    qtbot.addWidget(dialog)
    assert not dialog.credit.isHidden() and "up to $300.00" in dialog.credit.placeholderText()
    dialog.date.setDate(QDate(2026, 11, 25))
    dialog.items.item(0, 0).setText("Gold hoops")
    dialog.items.item(0, 5).setText("450")
    dialog.credit.setText("400")
    dialog.accept()
    assert "only $300.00 of store credit" in dialog.error.text()
    assert Purchase.select().count() == 0  # refused whole: no purchase without its tender
    dialog.credit.setText("300")
    dialog.accept()
    assert Purchase.select().count() == 1 and balance(ana.id, D(2026, 11, 25)) == 0
