"""The Today tab's right-hand panel: the selected follow-up in full and what to do with it.

Everything is reachable from the keyboard: Alt+D done (with the outcome picked by Alt+R,
Alt+L, Alt+N or Alt+G for a call), Alt+T snooze to tomorrow, Alt+W to next week, Alt+U
to the chosen date, Alt+K to type why it is skipped (Enter skips), Alt+O opens the client.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services.agenda import AgendaItem
from boutique.services.cadence.followups import BOOKED, CALL_OUTCOMES, SENT
from boutique.ui.style import MUTED, WARNING
from boutique.ui.today_table_model import due_label, what_label

# The shipped faces print every one of these: text made only of them needs no font looked
# at (nor the printing floor loaded, which the window's start does without).
_PLAIN_TEXT = re.compile(r"[\x20-\x7e\t\n\r]*")


def printing_warning(texts: list[str], whose: str) -> str:
    """The printing floor's glyph warning for `texts`, "" when every character prints."""
    if all(_PLAIN_TEXT.fullmatch(text) for text in texts if text):
        return ""
    from boutique.printing.glyph_warnings import glyph_warning

    return glyph_warning(texts, whose)


OUTCOME_TEXT = {"reached": "&Reached", "left_message": "&Left a message",
                "no_answer": "&No answer", "wrong_number": "Wron&g number",
                BOOKED: "&Booked: open a service ticket"}
PANEL_OUTCOMES = (*CALL_OUTCOMES, BOOKED)  # booked only shows on a service call


def _label(parent, role: str | None = None, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class ItemPanel(QFrame):
    """Shows one AgendaItem; emits what the user asked for."""

    done_requested = Signal(str)  # outcome
    snooze_requested = Signal(object)  # date
    skip_requested = Signal(str)  # reason
    open_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("today_item_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(330)
        self.item: AgendaItem | None = None
        self.day = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.name = _label(self, "heading")
        self.what = _label(self, "muted")
        self.reason = _label(self)
        self.contact_caption = _label(self, "muted")
        self.contact = _label(self)
        self.warnings = _label(self, rich=True)
        self.recall = _label(self, rich=True)
        for widget in (self.name, self.what, self.reason, self.contact_caption, self.contact,
                       self.warnings, self.recall):
            layout.addWidget(widget)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addSpacing(6)
        layout.addWidget(line)

        self.actions = QWidget(self)
        grid = QVBoxLayout(self.actions)
        grid.setContentsMargins(0, 0, 0, 0)
        self.outcomes = QButtonGroup(self)
        self.outcome_box = QWidget(self.actions)
        outcome_grid = QGridLayout(self.outcome_box)
        outcome_grid.setContentsMargins(0, 0, 0, 0)
        for n, outcome in enumerate(PANEL_OUTCOMES):
            button = QRadioButton(OUTCOME_TEXT[outcome], self.outcome_box)
            button.setObjectName(f"outcome_{outcome}")
            self.outcomes.addButton(button, n)
            outcome_grid.addWidget(button, n // 2, n % 2)
        grid.addWidget(self.outcome_box)
        self.done_button = QPushButton("&Done", self.actions)
        self.done_button.setObjectName("done_button")
        self.done_button.setDefault(False)
        self.done_button.clicked.connect(self._done)
        grid.addWidget(self.done_button)

        snooze_row = QHBoxLayout()
        snooze_row.addWidget(QLabel("Snooze:", self.actions))
        self.tomorrow_button = QPushButton("&Tomorrow", self.actions)
        self.tomorrow_button.setObjectName("snooze_tomorrow")
        self.tomorrow_button.clicked.connect(lambda: self._snooze(1))
        self.week_button = QPushButton("Next &week", self.actions)
        self.week_button.setObjectName("snooze_week")
        self.week_button.clicked.connect(lambda: self._snooze(7))
        snooze_row.addWidget(self.tomorrow_button)
        snooze_row.addWidget(self.week_button)
        grid.addLayout(snooze_row)
        date_row = QHBoxLayout()
        self.snooze_date = QDateEdit(self.actions)
        self.snooze_date.setObjectName("snooze_date")
        self.snooze_date.setCalendarPopup(True)
        self.snooze_date.setDisplayFormat("ddd dd MMM yyyy")
        self.until_button = QPushButton("Snooze &until", self.actions)
        self.until_button.setObjectName("snooze_until")
        self.until_button.clicked.connect(
            lambda: self.snooze_requested.emit(self.snooze_date.date().toPython()))
        date_row.addWidget(self.snooze_date, 1)
        date_row.addWidget(self.until_button)
        grid.addLayout(date_row)

        skip_row = QHBoxLayout()
        skip_label = QLabel("S&kip:", self.actions)
        self.skip_reason = QLineEdit(self.actions)
        self.skip_reason.setObjectName("skip_reason")
        self.skip_reason.setPlaceholderText("why (e.g. moved abroad), Enter")
        self.skip_reason.setMaxLength(2000)
        skip_label.setBuddy(self.skip_reason)
        self.skip_reason.returnPressed.connect(self._skip)
        self.skip_button = QPushButton("Skip", self.actions)
        self.skip_button.setObjectName("skip_button")
        self.skip_button.clicked.connect(self._skip)
        skip_row.addWidget(skip_label)
        skip_row.addWidget(self.skip_reason, 1)
        skip_row.addWidget(self.skip_button)
        grid.addLayout(skip_row)

        self.open_button = QPushButton("&Open client", self.actions)
        self.open_button.setObjectName("open_client")
        self.open_button.clicked.connect(self.open_requested.emit)
        grid.addWidget(self.open_button)
        layout.addWidget(self.actions)
        layout.addStretch(1)
        self.show_item(None, self.day)

    # -- showing -----------------------------------------------------------------------
    def show_item(self, item: AgendaItem | None, day: dt.date) -> None:
        self.item, self.day = item, day
        self.actions.setEnabled(item is not None)
        if item is None:
            self.name.setText("Nothing selected")
            self.what.setText("Pick a note or a call on the left.")
            for label in (self.reason, self.contact_caption, self.contact, self.warnings,
                          self.recall):
                label.clear()
            self.outcome_box.hide()
            return
        self.name.setText(("★ " if item.is_top else "") + item.client_name)
        top = "  ·  a top client" if item.is_top else ""
        self.what.setText(f"{what_label(item)}  ·  {due_label(item, day)}{top}")
        self.reason.setText(item.reason)
        is_call = item.channel == "phone"
        self.contact_caption.setText({"phone": "Call", "mail": "Send to", "email": "Email",
                                      "text": "Text"}.get(item.channel, "Contact"))
        lines = item.address.envelope_lines() if item.address else [item.contact]
        self.contact.setText("\n".join(line for line in lines if line) or "Nothing on file")
        warnings = list(item.warnings)
        if item.channel in ("mail", "phone"):  # printed: say what no font can print
            glyphs = printing_warning([item.client_name, *lines, item.recall], item.client_name)
            warnings += [glyphs] if glyphs else []
        self.warnings.setText("<br>".join(
            f'<span style="color:{WARNING}">⚠ {html.escape(w)}</span>' for w in warnings))
        self.recall.setText(
            f'<span style="color:{MUTED}">Remember:</span> <i>{html.escape(item.recall)}</i>'
            if item.recall else "")
        self.outcome_box.setVisible(is_call)
        self.outcomes.button(PANEL_OUTCOMES.index(BOOKED)).setVisible(
            item.kind == "service_call")
        self.outcomes.button(0).setChecked(True)
        self.done_button.setText("&Done" if is_call else "&Done: written and sent")
        self.snooze_date.setMinimumDate(QDate(day + dt.timedelta(days=1)))
        self.snooze_date.setDate(QDate(day + dt.timedelta(days=3)))
        self.skip_reason.clear()

    # -- asking ------------------------------------------------------------------------
    def selected_outcome(self) -> str:
        if self.item is None or self.item.channel != "phone":
            return SENT
        return PANEL_OUTCOMES[max(0, self.outcomes.checkedId())]

    def _done(self) -> None:
        if self.item is not None:
            self.done_requested.emit(self.selected_outcome())

    def _snooze(self, days: int) -> None:
        if self.item is not None:
            self.snooze_requested.emit(self.day + dt.timedelta(days=days))

    def _skip(self) -> None:
        if self.item is not None:
            self.skip_requested.emit(self.skip_reason.text())

