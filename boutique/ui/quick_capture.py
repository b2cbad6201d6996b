"""Quick note from anywhere: Ctrl+Shift+N, a few letters of the name, Enter, the note, Enter.

Lives in the toolbar. First the field finds the client (name, email or phone digits;
Up/Down and Enter pick one), then it takes the note: Enter saves it (undoable with
Ctrl+Z), Escape clears the text, a second Escape forgets the client. A conversation
written within a week of the client's latest sale is filed as that sale's, so the
thank-you note recalls it; untick "about …" to keep it loose.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from boutique.services.errors import NotFound, ValidationError
from boutique.ui.global_search import hit_entry
from boutique.ui.note_dialog import fill_categories
from boutique.ui.results_popup import Entry, ResultsPopup

SHORTCUT = "Ctrl+Shift+N"
SEARCH_DELAY_MS = 120
CLIENTS_SHOWN = 8
DEFAULT_CATEGORY = "conversation"
PICK_PLACEHOLDER = f"Quick note: client name…   {SHORTCUT}"
PICK_WIDTH, WRITE_WIDTH = 300, 400


class QuickCapture(QWidget):
    def __init__(self, window, today: dt.date | None = None):
        super().__init__(window)
        self.main_window = window
        self.today = today  # None: the real today when a client is picked
        self.client_id: int | None = None
        self.client_name = ""
        self.purchase_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(4)
        self.chip = QToolButton(self)
        self.chip.setObjectName("quick_capture_client")
        self.chip.setToolTip("Choose another client (Escape twice)")
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chip.setStyleSheet("QToolButton { background: #efe6d8; border: 1px solid #d8c9b3;"
                                " border-radius: 9px; padding: 2px 8px; }")
        self.chip.clicked.connect(self.forget_client)
        self.field = QLineEdit(self)
        self.field.setObjectName("quick_capture")
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(600)
        self.category = QComboBox(self)
        self.category.setObjectName("quick_capture_category")
        fill_categories(self.category, DEFAULT_CATEGORY)
        self.category.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.about = QCheckBox(self)
        self.about.setObjectName("quick_capture_about")
        self.about.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for widget in (self.chip, self.field, self.category, self.about):
            layout.addWidget(widget)
        # The same height in both states, so the toolbar does not jump when a client is picked.
        self.setFixedHeight(max(w.sizeHint().height() for w in (self.chip, self.field,
                                                                 self.category)))
        self.popup = ResultsPopup(window, width=460)
        self.popup.activated.connect(self._picked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find_clients)
        self.field.textEdited.connect(self._edited)
        self.field.installEventFilter(self)
        self.category.currentIndexChanged.connect(lambda _i: self._update_about())
        self._show_state()

    # -- states ------------------------------------------------------------------------
    @property
    def writing(self) -> bool:
        return self.client_id is not None

    def _show_state(self) -> None:
        self.chip.setVisible(self.writing)
        self.category.setVisible(self.writing)
        if self.writing:
            first = self.client_name.split(" ")[0]
            self.chip.setText(f"✎ {self.client_name}  ✕")
            self.field.setPlaceholderText(f"Note for {first}: Enter saves, Esc cancels")
        else:
            self.field.setPlaceholderText(PICK_PLACEHOLDER)
        # The note needs more room than the name: the toolbar gives it to the field.
        self.field.setMinimumWidth(WRITE_WIDTH if self.writing else PICK_WIDTH)
        self._update_about()
        self.updateGeometry()

    def _update_about(self) -> None:
        show = self.writing and self.purchase_id is not None
        self.about.setVisible(show)
        if show:
            self.about.setChecked(self.category.currentData() == "conversation")

    def start(self) -> None:
        """The shortcut: put the cursor in the field, ready for a name or the note."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def pick_client(self, client_id: int, name: str) -> None:
        self.popup.hide()
        self.client_id, self.client_name = client_id, name
        from boutique.services.notes import notebook as notes

        recent = notes.recent_purchase(client_id, self.today or dt.date.today())
        self.purchase_id = recent[0] if recent else None
        if recent:
            day = recent[1].split(" · ")[0]
            self.about.setText(f"about the {day[:6]} sale")
            self.about.setToolTip(f"File this note with the purchase of {recent[1]}")
        fill_categories(self.category, DEFAULT_CATEGORY)
        self.field.clear()
        self._show_state()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def forget_client(self) -> None:
        self.client_id, self.client_name, self.purchase_id = None, "", None
        self.field.clear()
        self._show_state()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- picking the client ------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        if not self.writing:
            self._timer.start()

    def find_clients(self) -> None:
        self._timer.stop()
        from boutique.services.notes import search

        hits = search.search_clients(self.field.text(), limit=CLIENTS_SHOWN)
        entries = [hit_entry(hit) for hit in hits]
        self.popup.show_entries(entries, self.field)

    def _picked(self, entry: Entry) -> None:
        self.pick_client(entry.data.client_id, entry.data.client_name)

    # -- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.writing:
            return False
        purchase = self.purchase_id if self.about.isVisible() and self.about.isChecked() \
            else None
        status = self.main_window.statusBar()
        try:
            from boutique.ui import note_commands

            note_commands.add_note(self.main_window, self.client_id, self.field.text(),
                                   self.category.currentData(), purchase)
        except (ValidationError, NotFound) as exc:
            status.showMessage(f"Note not saved: {exc}", 6000)
            return False
        status.showMessage(f"Note saved for {self.client_name}. Ctrl+Z to undo.", 8000)
        self.forget_client()
        return True

    # -- keyboard ----------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.field and event.type() == event.Type.KeyPress:
            return self._key(event)
        if watched is self.field and event.type() == event.Type.FocusOut:
            self.popup.hide()
        return super().eventFilter(watched, event)

    def _key(self, event) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.writing:
                self.save()
            else:
                if self._timer.isActive() or not self.popup.isVisible():
                    self.find_clients()
                entry = self.popup.current_entry()
                if entry is not None:
                    self._picked(entry)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not self.writing:
            self.popup.step(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            elif self.field.text():
                self.field.clear()
            elif self.writing:
                self.forget_client()
            return True
        if key == Qt.Key.Key_Backspace and self.writing and not self.field.text():
            self.forget_client()
            return True
        return False


def install(window) -> QuickCapture:
    """Put quick capture in the toolbar and its shortcut in the Edit menu."""
    capture = QuickCapture(window)
    spacer = QWidget(window)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    window.toolbar.addWidget(spacer)
    window.toolbar.addWidget(capture)
    window.quick_capture = capture
    action = QAction("&Quick note…", window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.triggered.connect(capture.start)
    window.edit_menu.addAction(action)
    window.action_quick_note = action
    return capture
