"""The Follow-ups page of a client's profile: what is open (with the coming birthday and
anniversary reminders), what was done, and a follow-up added by hand.

Keyboard: Alt+A focuses "what about", Enter (or Alt+F) adds the follow-up.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services.cadence import followups
from boutique.services.cadence.followups import FollowupRow
from boutique.services.errors import NotFound, ValidationError
from boutique.ui.record_table import RecordTable, RecordTableModel
from boutique.ui.signals import bus
from boutique.ui.style import MUTED, WARNING

CHANNEL_LABELS = {"phone": "Call", "mail": "Note (mail)", "email": "Email", "text": "Text"}


class FollowupRowsModel(RecordTableModel):
    def __init__(self, past: bool, parent=None):
        super().__init__(parent)
        self.past = past
        self.rows: list[FollowupRow] = []
        self.day = dt.date.today()
        self.headers = (("Done", "What", "Why", "How", "Outcome") if past
                        else ("Due", "What", "Why", "How", "State"))

    def set_rows(self, rows: list[FollowupRow], day: dt.date) -> None:
        self.beginResetModel()
        self.rows, self.day = list(rows), day
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                when = (row.done_on or row.due) if self.past else row.due
                return f"{when:%a %d %b %Y}"
            if column == 1:
                return row.kind_text
            if column == 2:
                return row.reason
            if column == 3:
                return CHANNEL_LABELS.get(row.channel, row.channel)
            return row.state_text()
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.reason
        if role == Qt.ItemDataRole.ForegroundRole:
            if not self.past and column == 0 and row.deadline < self.day:
                return QColor(WARNING)
            if column == 4 or (self.past and column == 0):
                return QColor(MUTED)
        return None


def _table(parent, name: str, model) -> RecordTable:
    view = RecordTable(parent, name=name)
    view.setModel(model)
    view.setTabKeyNavigation(False)
    view.set_column_widths({0: 135, 1: 130, 3: 100, 4: 190}, stretch=(2,))  # 2: the reason
    return view


class FollowupsPage(QWidget):
    def __init__(self, client_id: int, window, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.client_id = client_id
        self.main_window = window
        self.today = today
        layout = QVBoxLayout(self)
        self.open_title = QLabel(self)
        self.open_title.setProperty("role", "figure")
        layout.addWidget(self.open_title)
        self.open_model = FollowupRowsModel(past=False, parent=self)
        self.open_view = _table(self, "open_followups", self.open_model)
        layout.addWidget(self.open_view, 3)
        self.past_title = QLabel(self)
        self.past_title.setProperty("role", "figure")
        layout.addWidget(self.past_title)
        self.past_model = FollowupRowsModel(past=True, parent=self)
        self.past_view = _table(self, "past_followups", self.past_model)
        layout.addWidget(self.past_view, 2)

        box = QGroupBox("Add a follow-up", self)
        row = QHBoxLayout(box)
        self.due = QDateEdit(box)
        self.due.setObjectName("custom_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd dd MMM yyyy")
        self.channel = QComboBox(box)
        self.channel.setObjectName("custom_channel")
        for channel, label in CHANNEL_LABELS.items():
            self.channel.addItem(label, channel)
        about = QLabel("Wh&at about:", box)
        self.reason = QLineEdit(box)
        self.reason.setObjectName("custom_reason")
        self.reason.setPlaceholderText("e.g. Engraving ready: arrange pick-up")
        self.reason.setMaxLength(followups.MAX_REASON)
        about.setBuddy(self.reason)
        self.gift = QCheckBox("About a gift", box)
        self.gift.setToolTip("Use the business address or the mobile/work number, "
                             "never where the recipient may see or answer")
        self.add_button = QPushButton("Add &follow-up", box)
        self.add_button.setObjectName("add_followup")
        for widget in (QLabel("On", box), self.due, self.channel, about):
            row.addWidget(widget)
        row.addWidget(self.reason, 1)
        row.addWidget(self.gift)
        row.addWidget(self.add_button)
        layout.addWidget(box)
        self.message = QLabel(self)
        self.message.setProperty("role", "muted")
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self.add)
        self.reason.returnPressed.connect(self.add)
        bus().followups_changed.connect(self.refresh)
        bus().purchases_changed.connect(self._on_purchases_changed)
        self.due.setDate(QDate(self.day() + dt.timedelta(days=7)))
        self.refresh()

    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def refresh(self) -> None:
        open_rows, past = followups.client_followups(self.client_id, self.day())
        self.open_model.set_rows(open_rows, self.day())
        self.past_model.set_rows(past, self.day())
        self.open_title.setText(f"Open follow-ups ({len(open_rows)})")
        self.past_title.setText(f"Done, skipped and lapsed ({len(past)})")

    def _on_purchases_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.refresh()

    def add(self) -> None:
        try:
            followups.add_custom(self.client_id, self.due.date().toPython(), self.reason.text(),
                                 self.channel.currentData(), self.gift.isChecked())
        except (ValidationError, NotFound) as exc:
            errors = getattr(exc, "errors", {})
            self._say(next(iter(errors.values()), str(exc)), error=True)
            self.reason.setFocus()
            return
        self.reason.clear()
        self.gift.setChecked(False)
        self._say("Follow-up added.")
        bus().followups_changed.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "muted")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
