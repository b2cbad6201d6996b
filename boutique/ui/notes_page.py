"""The Notes page of a client's profile: pinned facts on top, a new note, the timeline.

Every change goes on the window's undo stack (Ctrl+Z), so a deleted note comes back.
Keyboard: Ctrl+Enter adds the note being written; in the timeline Enter edits, Delete
deletes, Ctrl+Shift+P pins or unpins.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services.errors import NotFound, ValidationError
from boutique.services.notes import notebook as notes
from boutique.ui import note_commands
from boutique.ui.note_dialog import NoteDialog, fill_categories, fill_purchases
from boutique.ui.note_list_model import NoteDelegate, NoteItemRole, NoteListModel
from boutique.ui.signals import bus

# Set by open_client_at_note() just before the profile opens; the page selects that note.
_focus_requests: dict[int, int] = {}
PINNED_ROWS_SHOWN = 4


def open_client_at_note(window, client_id: int, note_id: int) -> None:
    """Open the client's profile on the Notes page with `note_id` selected."""
    _focus_requests[client_id] = note_id
    try:
        window.open_client(client_id, page="Notes")
    finally:
        _focus_requests.pop(client_id, None)


def _list_view(parent, name: str) -> QListView:
    view = QListView(parent)
    view.setObjectName(name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    return view


class NotesPage(QWidget):
    def __init__(self, client_id: int, window, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self.main_window = window
        layout = QVBoxLayout(self)

        pinned_box = QGroupBox("Pinned facts", self)
        pinned_layout = QVBoxLayout(pinned_box)
        self.pinned_model = NoteListModel(client_id, pinned_only=True, parent=self)
        self.pinned_view = _list_view(pinned_box, "pinned_facts")
        self.pinned_view.setModel(self.pinned_model)
        self.pinned_view.setItemDelegate(NoteDelegate(self.pinned_view, max_lines=2,
                                                      show_header=False))
        self.pinned_empty = QLabel("Nothing pinned yet: pin a note (Ctrl+Shift+P) to keep a "
                                   "fact on top: ring size, partner's name, what they love.",
                                   pinned_box)
        self.pinned_empty.setProperty("role", "muted")
        self.pinned_empty.setWordWrap(True)
        pinned_layout.addWidget(self.pinned_view)
        pinned_layout.addWidget(self.pinned_empty)
        layout.addWidget(pinned_box)

        composer = QGroupBox("New note", self)
        composer_layout = QVBoxLayout(composer)
        row = QHBoxLayout()
        self.category = QComboBox(composer)
        self.category.setObjectName("new_note_category")
        fill_categories(self.category, "conversation")
        self.purchase = QComboBox(composer)
        self.purchase.setObjectName("new_note_purchase")
        self.purchase.setMinimumContentsLength(28)
        self.pin_new = QCheckBox("Pin", composer)
        self.add_button = QPushButton("Add note", composer)
        self.add_button.setToolTip("Ctrl+Enter")
        row.addWidget(QLabel("Category", composer))
        row.addWidget(self.category)
        row.addSpacing(12)
        row.addWidget(QLabel("About", composer))
        row.addWidget(self.purchase, 1)
        row.addWidget(self.pin_new)
        row.addWidget(self.add_button)
        composer_layout.addLayout(row)
        self.editor = QPlainTextEdit(composer)
        self.editor.setObjectName("new_note_text")
        self.editor.setPlaceholderText("What did you learn? Family, sizes, what they love, what "
                                       "was said at the counter…   (Ctrl+Enter adds)")
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 16)
        composer_layout.addWidget(self.editor)
        self.error = QLabel("", composer)
        self.error.setProperty("role", "error")
        self.error.hide()
        composer_layout.addWidget(self.error)
        layout.addWidget(composer)

        bar = QHBoxLayout()
        self.count = QLabel("", self)
        self.count.setProperty("role", "muted")
        bar.addWidget(self.count)
        bar.addStretch(1)
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setToolTip("Enter")
        self.pin_button = QPushButton("Pin", self)
        self.pin_button.setToolTip("Ctrl+Shift+P")
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete (undo with Ctrl+Z)")
        for button in (self.edit_button, self.pin_button, self.delete_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = NoteListModel(client_id, parent=self)
        self.view = _list_view(self, "note_timeline")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteDelegate(self.view))
        layout.addWidget(self.view, 1)

        self.add_button.clicked.connect(self.add_from_editor)
        self.edit_button.clicked.connect(self.edit_selected)
        self.pin_button.clicked.connect(self.toggle_pin)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.pinned_view.doubleClicked.connect(self._edit_pinned)
        self.category.currentIndexChanged.connect(self._suggest_purchase)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self.editor, activated=self.add_from_editor,
                      context=Qt.ShortcutContext.WidgetShortcut)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.view, activated=self.edit_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view, activated=self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.toggle_pin,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        bus().notes_changed.connect(self._on_notes_changed)
        bus().purchases_changed.connect(self._on_purchases_changed)
        if isinstance(parent, QDialog):  # the profile: stop listening once it is closed
            parent.finished.connect(self._disconnect)
        self._fill_purchases()
        self._after_refresh()
        focus = _focus_requests.get(client_id)
        self.select_note(focus if focus is not None else None)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_note_id()
        self.model.refresh()
        self.pinned_model.refresh()
        self._after_refresh()
        self.select_note(selected)

    def _after_refresh(self) -> None:
        has_pinned = self.pinned_model.rowCount() > 0
        self.pinned_view.setVisible(has_pinned)
        self.pinned_empty.setVisible(not has_pinned)
        self._fit_pinned()
        n = self.model.rowCount()
        self.count.setText(f"{n} note{'s' if n != 1 else ''}, newest first" if n else
                           "No notes yet.")
        self._update_buttons()

    def _fit_pinned(self) -> None:
        """The pinned facts take the room they need (up to a few rows), never more."""
        rows = min(self.pinned_model.rowCount(), PINNED_ROWS_SHOWN)
        if rows:
            height = sum(self.pinned_view.sizeHintForRow(r) for r in range(rows))
            self.pinned_view.setFixedHeight(height + 2 * self.pinned_view.frameWidth() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming: wrapping depends on width
        super().resizeEvent(event)
        self._fit_pinned()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fit_pinned()

    def _fill_purchases(self) -> None:
        fill_purchases(self.purchase, self.client_id)
        self._suggest_purchase()

    def _suggest_purchase(self) -> None:
        """A conversation is most often about the latest sale: offer it, never force it."""
        if self.category.currentData() == "conversation" and self.purchase.count() > 1:
            if self.purchase.currentIndex() == 0:
                self.purchase.setCurrentIndex(1)
        elif self.category.currentData() != "conversation":
            self.purchase.setCurrentIndex(0)

    def _on_notes_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.refresh()

    def _on_purchases_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self._fill_purchases()
            self.refresh()

    # -- selection ---------------------------------------------------------------------
    def selected_note_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(NoteItemRole).id if index.isValid() else None

    def select_note(self, note_id: int | None) -> None:
        row = self.model.row_of(note_id) if note_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            index = self.model.index(row)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            if note_id is not None and _focus_requests.get(self.client_id) == note_id:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.view.currentIndex()
        has = index.isValid()
        for button in (self.edit_button, self.pin_button, self.delete_button):
            button.setEnabled(has)
        self.pin_button.setText("Unpin" if has and index.data(NoteItemRole).pinned else "Pin")

    # -- actions -----------------------------------------------------------------------
    def add_from_editor(self) -> None:
        try:
            note_commands.add_note(self.main_window, self.client_id, self.editor.toPlainText(),
                                   self.category.currentData(), self.purchase.currentData(),
                                   self.pin_new.isChecked())
        except (ValidationError, NotFound) as exc:
            errors = getattr(exc, "errors", {})
            self.error.setText(errors.get("text") or str(exc))
            self.error.show()
            return
        self.error.hide()
        self.editor.clear()
        self.pin_new.setChecked(False)
        self.select_note(self.model.items[0].id if self.model.items else None)
        self.editor.setFocus()

    def edit_selected(self) -> None:
        note_id = self.selected_note_id()
        if note_id is not None:
            self._edit(note_id)

    def _edit_pinned(self, index) -> None:
        self._edit(index.data(NoteItemRole).id)

    def _edit(self, note_id: int) -> None:
        try:
            note = notes.get_note(note_id)
        except NotFound:
            self.refresh()
            return
        dialog = NoteDialog(self, note)
        if dialog.exec():
            with contextlib.suppress(ValidationError):
                note_commands.edit_note(self.main_window, note_id, self.client_id,
                                        **dialog.values())
            self.select_note(note_id)

    def toggle_pin(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        item = index.data(NoteItemRole)
        note_commands.edit_note(self.main_window, item.id, self.client_id,
                                label="unpin note" if item.pinned else "pin note",
                                pinned=not item.pinned)
        self.select_note(item.id)

    def delete_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        note_commands.delete_note(self.main_window, index.data(NoteItemRole).id, self.client_id)
        if self.model.rowCount():
            self.select_note(self.model.items[min(row, self.model.rowCount() - 1)].id)
        self.main_window.statusBar().showMessage("Note deleted. Ctrl+Z brings it back.", 8000)

    def _disconnect(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            bus().notes_changed.disconnect(self._on_notes_changed)
            bus().purchases_changed.disconnect(self._on_purchases_changed)
