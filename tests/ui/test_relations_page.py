"""The People page and the gift's recipient, occasion and day in the purchase dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from boutique.models import Purchase, Relation
from boutique.services.clients import save_relation
from boutique.ui.client_profile import ClientProfileDialog
from boutique.ui.purchase_dialog import PurchaseDialog


def test_add_a_partner_with_her_birthday_on_the_people_page(qtbot, window, make_client):
    luis = make_client(first_name="Luis", last_name="Ortega")
    dialog = ClientProfileDialog(window, client_id=luis.id)
    qtbot.addWidget(dialog)
    page = dialog.pages["People"]
    assert page.model.rowCount() == 0
    page.kind.setCurrentIndex(page.kind.findData("partner"))
    page.name.setText("Mia <3 & \u05e9\u05dc\u05d5\u05dd 🎁")
    page.birthday.set_parts(None, 3, 12)
    page.wish_list.setPlainText("Emerald studs\nthe pavé bangle")
    assert page.save()
    [mia] = Relation.select()
    assert (mia.kind, mia.name, mia.birthday_month, mia.birthday_day) == (
        "partner", "Mia <3 & \u05e9\u05dc\u05d5\u05dd 🎁", 3, 12)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "12 Mar"
    assert page.model.data(page.model.index(0, 4)) == "Emerald studs the pavé bangle"
    page.table.grab().save("/tmp/wt11people/people_page.png") if False else None


def test_a_bad_date_or_no_name_is_named_and_nothing_saved(qtbot, window, make_client):
    ana = make_client()
    dialog = ClientProfileDialog(window, client_id=ana.id)
    qtbot.addWidget(dialog)
    page = dialog.pages["People"]
    page.birthday.set_parts(None, 2, 30)
    assert not page.save()
    assert "needs a name" in page.error.text() and "30/2 is not a date" in page.error.text()
    assert Relation.select().count() == 0


def test_a_gift_for_one_of_her_people_with_the_day_given(qtbot, window, make_client):
    luis = make_client(first_name="Luis", last_name="Ortega")
    mia = save_relation(luis.id, {"kind": "partner", "name": "Mia"})
    dialog = PurchaseDialog(window, client_id=luis.id, today=dt.date(2025, 11, 1))
    qtbot.addWidget(dialog)
    dialog.items.item(0, 0).setText("Ruby pendant")
    dialog.items.item(0, 5).setText("1800")
    dialog.gift.setChecked(True)
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(mia.id))
    dialog.occasion.setCurrentText("Christmas")
    dialog.gift.given_known.setChecked(True)
    dialog.gift.given_on.setDate(QDate(2025, 12, 25))
    dialog.gift.delivery.setCurrentIndex(dialog.gift.delivery.findData("counter"))
    dialog.accept()
    purchase = Purchase.get()
    assert purchase.gift_relation_id == mia.id and purchase.gift_recipient == "Mia"
    assert purchase.gift_relation == "partner" and purchase.gift_occasion == "Christmas"
    assert purchase.gift_given_on == dt.date(2025, 12, 25)
    assert purchase.gift_delivery == "counter"
    # opened again, it shows what was saved
    again = PurchaseDialog(window, client_id=luis.id, purchase_id=purchase.id)
    qtbot.addWidget(again)
    assert again.gift.relation_id() == mia.id and again.gift.given_known.isChecked()
    assert again.gift.values()["gift_given_on"] == dt.date(2025, 12, 25)


def test_a_gift_day_before_the_purchase_is_refused(qtbot, window, make_client):
    ana = make_client()
    dialog = PurchaseDialog(window, client_id=ana.id, today=dt.date(2026, 4, 1))
    qtbot.addWidget(dialog)
    dialog.items.item(0, 0).setText("Pearl strand")
    dialog.gift.setChecked(True)
    dialog.recipient.setCurrentText("Rosa")
    dialog.gift.given_known.setChecked(True)
    dialog.gift.given_on.setDate(QDate(2026, 3, 1))
    dialog.accept()
    assert "on or after the purchase" in dialog.error.text()
    assert Purchase.select().count() == 0
