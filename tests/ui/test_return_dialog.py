"""The return dialog: the policy check shown plainly, the offer order, a return and an
exchange saved through it, a resize instead."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QDate

from boutique.models import FollowUp, ItemReturn, ServiceTicket
from boutique.services.clients import get_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.returns import balance
from boutique.ui.return_dialog import ReturnDialog

D = dt.date
SHOTS = os.environ.get("BOUTIQUE_SHOTS")  # a folder to save screenshots in, when set


def gift(client):
    return record_purchase(client.id, PurchaseData(
        purchase_date=D(2026, 11, 1), is_gift=True, gift_recipient="Lena",
        items=[ItemData(description="Ruby ring", price_cents=150000),
               ItemData(description="Pearl drop earrings", price_cents=45000)]))


def test_the_offer_starts_with_an_exchange_and_the_policy_reads_plainly(qtbot, make_client):
    ana = make_client(mobile_phone="+15550134567")
    dialog = ReturnDialog(None, gift(ana).id, today=D(2026, 11, 10))
    qtbot.addWidget(dialog)
    offers = [b.text() for b in dialog.offers.buttons()]
    assert offers == ["Resize or exchange for another piece", "Store credit", "Refund"]
    assert dialog.resolution() == "exchange"
    dialog.offer_buttons["refund"].setChecked(True)
    assert "Day 9 of a 30-day window: inside the window" in dialog.policy.text()
    assert "Refund: $1,500.00" in dialog.policy.text()
    assert dialog.override.isHidden()
    dialog.date.setDate(QDate(2026, 12, 5))
    assert "outside the window" in dialog.policy.text()
    assert not dialog.override.isHidden()
    dialog.show()
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "return_dialog.png"))


def test_a_refund_through_the_dialog_keeps_the_ring_and_its_call(qtbot, make_client):
    ana = make_client(mobile_phone="+15550134567")
    purchase = gift(ana)
    dialog = ReturnDialog(None, purchase.id, today=D(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.item.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(list(dialog.reason.itemData(i) for i in range(
        dialog.reason.count())).index("gift_not_wanted"))
    dialog.offer_buttons["refund"].setChecked(True)
    dialog.accept()
    assert dialog.result() == ReturnDialog.DialogCode.Accepted
    row = ItemReturn.get()
    assert (row.item.description, row.settled_cents) == ("Pearl drop earrings", 45000)
    assert get_client(ana.id).lifetime_spend_cents == 150000
    assert FollowUp.select().where(FollowUp.kind == "satisfaction_call",
                                   FollowUp.status == "open").count() == 1
    from boutique.ui.purchases_page import PurchasesModel

    listed = PurchasesModel(ana.id)
    assert listed.index(0, 1).data().endswith("· $450.00 returned")
    again = ReturnDialog(None, purchase.id, today=D(2026, 11, 10))
    qtbot.addWidget(again)
    assert again.item.count() == 1  # the earrings are back already


def test_an_exchange_through_the_dialog_settles_the_difference(qtbot, make_client):
    ana = make_client()
    purchase = gift(ana)
    dialog = ReturnDialog(None, purchase.id, today=D(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.item.setCurrentIndex(1)
    dialog.accept()  # an exchange without its new piece stays open, saying why
    assert "name the new piece" in dialog.error.text() and ItemReturn.select().count() == 0
    dialog.new_piece.setText("Pearl studs")
    dialog.new_price.setText("300.00")
    dialog.accept()
    row = ItemReturn.get()
    assert (row.resolution, row.difference_cents) == ("exchange", -15000)
    assert balance(ana.id, D(2026, 11, 10)) == 15000


def test_outside_the_policy_the_override_reason_is_asked_for(qtbot, make_client):
    ana = make_client()
    dialog = ReturnDialog(None, gift(ana).id, today=D(2026, 12, 20))
    qtbot.addWidget(dialog)
    dialog.offer_buttons["credit"].setChecked(True)
    dialog.accept()
    assert "record why it is accepted" in dialog.error.text()
    dialog.override.setText("Long-standing client; unworn")
    dialog.accept()
    assert ItemReturn.get().override_reason == "Long-standing client; unworn"


def test_wrong_size_offers_a_resize_instead(qtbot, make_client):
    ana = make_client()
    dialog = ReturnDialog(None, gift(ana).id, today=D(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setCurrentIndex(1)  # change of heart: nothing to resize
    assert dialog.resize_button.isHidden()
    dialog.reason.setCurrentIndex(0)  # wrong size
    assert dialog.reason.currentData() == "wrong_size" and not dialog.resize_button.isHidden()
    dialog.resize_button.click()
    ticket = ServiceTicket.get()
    assert (ticket.kind, ticket.piece, ticket.promised_on) == ("sizing", "Ruby ring",
                                                               D(2026, 11, 17))
    assert ItemReturn.select().count() == 0
