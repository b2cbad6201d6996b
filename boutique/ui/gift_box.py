"""The gift part of the purchase dialog: for whom (one of the client's people, or a free
name), the relation, the occasion, the day it is given, and how its note reaches a shared
home. The call after a gift waits a week after the day it is given."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from boutique.services.cadence import SHARED_HOME_NAMES
from boutique.services.clients import RELATION_KIND_LABELS, client_relations

RELATIONS = ["", "wife", "husband", "partner", "fiancée", "fiancé", "mother", "father",
             "daughter", "son", "sister", "brother", "friend", "colleague"]
OCCASIONS = ["", "birthday", "anniversary", "engagement", "wedding", "Christmas", "holiday",
             "Valentine's Day", "Mother's Day", "graduation", "just because"]
AS_SETTINGS = "As in Settings"


class GiftBox(QGroupBox):
    def __init__(self, client_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__("A gift (the thank-you and calls will keep the surprise)", parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.relations = client_relations(client_id)
        form = QFormLayout(self)
        # One of the client's people (their id as the item's data) or a name typed in.
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("gift_recipient")
        self.recipient.setEditable(True)
        self.recipient.addItem("", None)
        for relation in self.relations:
            kind = RELATION_KIND_LABELS.get(relation.kind, relation.kind).lower()
            self.recipient.addItem(f"{relation.name} ({kind})", relation.id)
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        self.occasion = QComboBox(self)
        self.occasion.setEditable(True)
        self.occasion.addItems(OCCASIONS)
        self.given_known = QCheckBox("Known:", self)
        self.given_known.setObjectName("gift_given_known")
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("gift_given_on")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("d MMM yyyy")
        self.given_on.setDate(QDate(today.year, today.month, today.day))
        self.given_on.setEnabled(False)
        self.given_known.toggled.connect(self.given_on.setEnabled)
        given = QHBoxLayout()
        given.addWidget(self.given_known)
        given.addWidget(self.given_on, 1)
        self.delivery = QComboBox(self)
        self.delivery.setObjectName("gift_delivery")
        self.delivery.addItem(AS_SETTINGS, "")
        for mode, label in SHARED_HOME_NAMES.items():
            self.delivery.addItem(label, mode)
        form.addRow("Recipient", self.recipient)
        form.addRow("Relation", self.relation)
        form.addRow("Occasion", self.occasion)
        form.addRow("Given on", given)
        form.addRow("To a shared home", self.delivery)
        self.recipient.currentIndexChanged.connect(self._on_recipient)

    def _on_recipient(self, index: int) -> None:
        relation_id = self.recipient.itemData(index)
        relation = next((r for r in self.relations if r.id == relation_id), None)
        if relation is not None and not self.relation.currentText().strip():
            self.relation.setCurrentText(relation.kind)

    def set_values(self, data) -> None:
        self.setChecked(data.is_gift)
        index = self.recipient.findData(data.gift_relation_id) if data.gift_relation_id else -1
        if index > 0:
            self.recipient.setCurrentIndex(index)
        else:
            self.recipient.setCurrentText(data.gift_recipient)
        self.relation.setCurrentText(data.gift_relation)
        self.occasion.setCurrentText(data.gift_occasion)
        when = data.gift_given_on or data.purchase_date  # unknown: offer the purchase's day
        self.given_on.setDate(QDate(when.year, when.month, when.day))
        self.given_known.setChecked(data.gift_given_on is not None)
        self.delivery.setCurrentIndex(max(0, self.delivery.findData(data.gift_delivery or "")))

    def relation_id(self) -> int | None:
        """The chosen person's id, unless the name was typed over."""
        index = self.recipient.currentIndex()
        if index <= 0 or self.recipient.currentText() != self.recipient.itemText(index):
            return None
        return self.recipient.itemData(index)

    def values(self) -> dict:
        relation_id = self.relation_id()
        qdate = self.given_on.date()
        return {
            "is_gift": self.isChecked(),
            "gift_recipient": "" if relation_id else self.recipient.currentText().strip(),
            "gift_relation_id": relation_id,
            "gift_relation": self.relation.currentText().strip(),
            "gift_occasion": self.occasion.currentText().strip(),
            "gift_given_on": (dt.date(qdate.year(), qdate.month(), qdate.day())
                              if self.given_known.isChecked() else None),
            "gift_delivery": self.delivery.currentData() or "",
        }
