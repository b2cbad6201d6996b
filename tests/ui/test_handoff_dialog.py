"""The guided handoff: the clients of the associate listed largest spend first, all
ticked; what it creates said before anything is written; unticked clients stay."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from boutique.models import Client, FollowUp
from boutique.services.associates import save_associate
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase

DAY = dt.date(2026, 11, 25)


def _book(make_client):
    save_associate({"name": "Lea Martin", "phone": "(617) 555-0101"})
    save_associate({"name": "Tom Reyes", "phone": "(617) 555-0199"})
    made = []
    for first, cents in (("Small", 10_000), ("Big", 3_000_000), ("Mid", 400_000)):
        client = make_client(first_name=first, last_name="Client", associate="Lea Martin",
                             mobile_phone="+16175550123")
        record_purchase(client.id, PurchaseData(purchase_date=dt.date(2025, 1, 5), items=[
            ItemData(description="Ring", price_cents=cents)]))
        made.append(client)
    return made


def test_the_guided_handoff_lists_by_spend_and_moves_the_ticked(qtbot, make_client):
    from boutique.ui.application import create_application
    from boutique.ui.handoff_dialog import HandoffDialog

    create_application()
    small, big, mid = _book(make_client)
    dialog = HandoffDialog(None, "Lea Martin", DAY)
    qtbot.addWidget(dialog)
    dialog.target.setCurrentText("Tom Reyes")
    model = dialog.model
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == ["Big Client", "Mid Client", "Small Client"]
    assert "3 clients move to Tom Reyes" in dialog.summary.text()
    assert "3 letters" in dialog.summary.text()
    # untick the small client: two move, she stays with Lea
    model.setData(model.index(2, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert "2 clients move" in dialog.summary.text()
    assert FollowUp.select().where(FollowUp.kind == "handoff_letter").count() == 0
    dialog.temporary.setChecked(True)
    assert "come back on" in dialog.summary.text()
    dialog.temporary.setChecked(False)
    dialog.reason.setText("Lea moves to Boston 💍")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result_plan is not None and len(dialog.result_plan.moves) == 2
    assert Client.get_by_id(big.id).associate == "Tom Reyes"
    assert Client.get_by_id(mid.id).associate == "Tom Reyes"
    assert Client.get_by_id(small.id).associate == "Lea Martin"
    assert FollowUp.select().where(FollowUp.kind == "handoff_letter").count() == 2


def test_the_guided_handoff_refuses_handing_to_the_same_person(qtbot, make_client):
    from boutique.ui.application import create_application
    from boutique.ui.handoff_dialog import HandoffDialog

    create_application()
    _book(make_client)
    dialog = HandoffDialog(None, "Lea Martin", DAY)
    qtbot.addWidget(dialog)
    dialog.target.setCurrentText("Lea Martin")
    assert "already looks after" in dialog.summary.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_associates_page_lists_adds_and_marks_left(qtbot, make_client):
    from boutique.ui.application import create_application
    from boutique.ui.settings_associates_page import AssociatesSettingsPage

    create_application()
    _book(make_client)
    page = AssociatesSettingsPage()
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.fields["name"].setText("Iris <Moreau> & co")
    page.fields["phone"].setText("12")
    page.add_button.click()
    assert "phone" in page.message.text()
    page.fields["phone"].setText("(617) 555-0177")
    page.add_button.click()
    assert page.model.rowCount() == 3
    names = [page.model.index(r, 0).data() for r in range(3)]
    assert "Iris <Moreau> & co" in names
    page.table.select_row(names.index("Lea Martin"))
    assert page.fields["name"].text() == "Lea Martin"
    page.left_button.click()
    row = [page.model.rows[r] for r in range(3) if page.model.rows[r]["name"] == "Lea Martin"][0]
    assert row["active"] is False and row["clients"] == 3
    assert "hand over their 3 clients" in page.message.text()
