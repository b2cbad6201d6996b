"""Associates in the window: Today's "whose" remembered on this computer, the Clients tab
filtered and sorted by associate, the client form's choice, the history on the profile."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt

from boutique.services.associates import hand_off, save_associate
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.ui.client_profile import ClientProfileDialog

DAY = dt.date(2026, 11, 25)


def _book(make_client):
    save_associate({"name": "Lea Martin"})
    save_associate({"name": "Tom Reyes"})
    ana = make_client(first_name="Ana", last_name="Alvarez", associate="Lea Martin",
                      mobile_phone="+16175550123")
    ben = make_client(first_name="Ben", last_name="Brook", associate="Tom Reyes",
                      mobile_phone="+16175550124")
    cy = make_client(first_name="Cy", last_name="Cole", mobile_phone="+16175550125")
    for client in (ana, ben, cy):
        record_purchase(client.id, PurchaseData(purchase_date=DAY - dt.timedelta(days=3),
                                                items=[ItemData(description="Ring",
                                                                price_cents=50_000)]))
    return ana, ben, cy


def _names(model, column=0):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_today_shows_one_associates_clients_and_remembers_the_choice(qtbot, window,
                                                                      make_client):
    ana, ben, cy = _book(make_client)
    QSettings().remove("today/whose")
    tab = window.show_tab("Today")
    tab.whose.fill()
    tab.set_day(DAY)
    tab.reload()
    everyone = {i.client_id for m in (tab.notes_model, tab.calls_model) for i in m.items}
    assert {ana.id, ben.id, cy.id} <= everyone
    tab.whose.setCurrentText("Tom Reyes")
    mine = {i.client_id for m in (tab.notes_model, tab.calls_model) for i in m.items}
    assert mine == {ben.id}
    assert QSettings().value("today/whose") == "Tom Reyes"
    # another window on this computer opens on the same choice
    from boutique.ui.today_whose import WhoseChooser

    again = WhoseChooser()
    qtbot.addWidget(again)
    assert again.currentText() == "Tom Reyes"
    tab.whose.setCurrentText("Everyone")
    QSettings().remove("today/whose")


def test_the_clients_tab_filters_and_sorts_by_associate(window, make_client):
    ana, ben, cy = _book(make_client)
    tab = window.show_tab("Clients")
    tab.fill_associates()
    tab.model.refresh()
    assert len(_names(tab.model)) == 3
    tab.whose.setCurrentIndex(tab.whose.findData(ben.associate_id))
    assert _names(tab.model) == ["Brook, Ben"]
    tab.whose.setCurrentIndex(tab.whose.findData(0))
    assert _names(tab.model) == ["Cole, Cy"]
    tab.whose.setCurrentIndex(0)
    from boutique.ui.client_table_model import ASSOCIATE

    tab.model.sort(ASSOCIATE, Qt.SortOrder.AscendingOrder)
    assert _names(tab.model, ASSOCIATE) == ["Lea Martin", "Tom Reyes", ""]


def test_the_form_offers_the_associates_and_the_profile_shows_the_history(
        qtbot, window, make_client):
    ana, _ben, _cy = _book(make_client)
    hand_off("Lea Martin", "Tom Reyes", DAY, [ana.id], reason="Lea moved to Boston")
    dialog = ClientProfileDialog(window, client_id=ana.id)
    qtbot.addWidget(dialog)
    combo = dialog.form.inputs["associate"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Lea Martin", "Tom Reyes"]
    assert combo.currentText() == "Tom Reyes"
    history = dialog.header.history.text()
    assert "Lea Martin → Tom Reyes" in history and "Lea moved to Boston" in history
    # the brief, from the profile, names her new associate
    from tests.printing.documents import flat
    from tests.printing.stationery_pdf import all_text

    assert "looked after by Tom Reyes" in flat(all_text(dialog.brief_pdf()))
    assert dialog.brief_button.isEnabled()
