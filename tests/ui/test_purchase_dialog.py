from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from boutique.models import Client, Purchase
from boutique.ui.purchase_dialog import PurchaseDialog


def test_add_a_gift_purchase_with_two_items(qtbot, window, make_client):
    client = make_client()
    dialog = PurchaseDialog(window, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 11, 12))
    dialog.items.item(0, 0).setText("1.8 ct solitaire")
    dialog.items.item(0, 5).setText("12,400.00")
    dialog._add_item_row(dialog.collect().items[0].__class__())
    dialog.items.item(1, 0).setText("Engraving")
    dialog.items.item(1, 5).setText("85")
    dialog.gift.setChecked(True)
    dialog.recipient.setCurrentText("Maria")
    dialog.relation.setCurrentText("wife")
    dialog.accept()
    purchase = Purchase.get()
    assert purchase.total_cents == 1248500 and purchase.is_gift
    assert purchase.purchase_date == dt.date(2026, 11, 12)
    assert Client.get_by_id(client.id).lifetime_spend_cents == 1248500


def test_a_bad_price_names_the_row_and_saves_nothing(qtbot, window, make_client):
    client = make_client()
    dialog = PurchaseDialog(window, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.items.item(0, 0).setText("Pearl strand")
    dialog.items.item(0, 5).setText("twelve")
    dialog.accept()
    assert "item 1" in dialog.error.text()
    assert Purchase.select().count() == 0


def test_purchases_page_lists_and_deletes_after_asking(qtbot, window, make_client,
                                                       make_purchase, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from boutique.ui.client_profile import ClientProfileDialog

    client = make_client()
    make_purchase(client.id, dt.date(2026, 10, 2), description="Pearl strand", price_cents=90000)
    newest = make_purchase(client.id, dt.date(2026, 11, 12), description="Sapphire ring",
                           is_gift=True, gift_recipient="Erik", gift_relation="husband")
    dialog = ClientProfileDialog(window, client_id=client.id)
    qtbot.addWidget(dialog)
    page = dialog.pages["Purchases"]
    assert page.model.rowCount() == 2
    assert page.selected_purchase_id() == newest.id  # newest first
    assert page.model.data(page.model.index(0, 2)) == "for Erik (husband)"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.show()
    dialog.show_page("Purchases")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 1
    assert Client.get_by_id(client.id).lifetime_spend_cents == 90000
    assert dialog.header.figures["count"].text() == "1"


def test_an_items_wording_follows_its_name_until_changed_and_says_them(qtbot, window,
                                                                       make_client):
    """Finding 7: a wording for sentences (from the name, editable) and it / them."""
    from boutique.models import PurchaseItem
    from boutique.ui.item_wording_column import NumberDelegate

    client = make_client()
    dialog = PurchaseDialog(window, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.items.item(0, 0).setText("Cufflinks, onyx, sterling")
    assert dialog.items.item(0, 6).text() == "cufflinks"  # the commas never reach a sentence
    dialog.items.item(0, 5).setText("420")
    dialog._add_item_row(dialog.collect().items[0].__class__())
    dialog.items.item(1, 0).setText("Ring, platinum")
    dialog.items.item(1, 6).setText("platinum band")  # her own words
    dialog.items.item(1, 0).setText("Ring, platinum 950")  # no longer follows the name
    assert dialog.items.item(1, 6).text() == "platinum band"
    assert isinstance(dialog.items.itemDelegateForColumn(7), NumberDelegate)
    dialog.items.item(0, 7).setText("them")
    dialog.accept()
    first, second = PurchaseItem.select().order_by(PurchaseItem.position)
    assert (first.wording, first.wording_number) == ("", "plural")  # "" : from the name
    assert (second.wording, second.wording_number) == ("platinum band", "")
    # editing shows what was saved
    again = PurchaseDialog(window, client_id=client.id, purchase_id=first.purchase_id)
    qtbot.addWidget(again)
    assert [again.items.item(r, 6).text() for r in range(2)] == ["cufflinks", "platinum band"]
    assert again.items.item(0, 7).text() == "them"
