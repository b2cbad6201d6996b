"""The Notes tab: every note across the book, newest first, searched and filtered.

Filters: words (full text, matched words in bold), category, a time range and the
client's name. Enter or a double click opens the client at that note.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from boutique.services.notes import NOTE_CATEGORIES
from boutique.services.notes import notebook as notes
from boutique.services.notes.notebook import NoteFilter
from boutique.ui.notes_page import open_client_at_note
from boutique.ui.notes_table_model import (
    ABOUT,
    CATEGORY,
    CLIENT,
    NOTE,
    WHEN,
    ClientIdRole,
    NoteIdRole,
    NotesTableModel,
)
from boutique.ui.record_table import RecordTable
from boutique.ui.rich_text import RichTextDelegate
from boutique.ui.signals import bus

FILTER_DELAY_MS = 200
COUNT_CAP = 10_000
# (label, days back from today; None: any time; -1: the dates chosen by hand)
RANGES = (("Any time", None), ("Today", 0), ("Last 7 days", 6), ("Last 30 days", 29),
          ("Last 12 months", 364), ("Between…", -1))


class NotesTab(QWidget):
    def __init__(self, window, today: dt.date | None = None):
        super().__init__(window)
        self.main_window = window
        self.today = today  # None: the real today, read when the range is applied
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("notes_search")
        self.search.setPlaceholderText("Search notes (words, beginnings of words)   Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        bar.addWidget(self.search, 2)
        self.category = QComboBox(self)
        self.category.setObjectName("notes_category")
        self.category.addItem("All categories", None)
        for category in NOTE_CATEGORIES:
            self.category.addItem(notes.CATEGORY_LABELS[category], category)
        bar.addWidget(self.category)
        self.range = QComboBox(self)
        self.range.setObjectName("notes_range")
        for label, days in RANGES:
            self.range.addItem(label, days)
        bar.addWidget(self.range)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setDate(QDate.currentDate())
            edit.hide()
            bar.addWidget(edit)
        self.client = QLineEdit(self)
        self.client.setObjectName("notes_client")
        self.client.setPlaceholderText("Client name")
        self.client.setClearButtonEnabled(True)
        self.client.setMaximumWidth(220)
        bar.addWidget(self.client, 1)
        self.count = QLabel("", self)
        self.count.setProperty("role", "muted")
        self.count.setMinimumWidth(110)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count)
        layout.addLayout(bar)

        self.model = NotesTableModel(self)
        self.view = RecordTable(self, name="notes_table", row_height=28)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(NOTE, RichTextDelegate(self.view))
        self.view.set_column_widths({WHEN: 150, CLIENT: 190, CATEGORY: 110, ABOUT: 260},
                                    stretch=(NOTE,))
        layout.addWidget(self.view, 1)
        hint = QLabel("Enter opens the client at the note.   Filters combine.", self)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        for edit in (self.search, self.client):
            edit.textChanged.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self._focus_table)
        for combo in (self.category, self.range):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.view.on_open(self.open_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, activated=self._focus_table,
                  context=Qt.ShortcutContext.WidgetShortcut)
        # Bound methods (not lambdas): Qt drops the connection when the tab is deleted.
        bus().notes_changed.connect(self._on_notes_changed)
        bus().clients_changed.connect(self.reload)
        self._update_count()
        self._select_row(0)

    # -- filters -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_search(self, text: str) -> None:
        """Show the notes matching `text` (the global search's "all notes" line)."""
        self.search.setText(text)
        self.apply_filters()
        self._focus_table()

    def current_filters(self) -> NoteFilter:
        days = self.range.currentData()
        since = before = None
        if days == -1:
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
            since, before = notes.local_day_bounds(min(first, last), max(first, last))
        elif days is not None:
            today = self.today or dt.date.today()
            since, before = notes.local_day_bounds(today - dt.timedelta(days=days), today)
        return NoteFilter(text=self.search.text(), category=self.category.currentData(),
                          since=since, before=before, client_text=self.client.text())

    def apply_filters(self) -> None:
        self._timer.stop()
        custom = self.range.currentData() == -1
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.model.set_filters(self.current_filters())
        self._update_count()
        self._select_row(0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        # Notes may have been written while the tab was hidden (a profile, the command line).
        super().showEvent(event)
        self.reload()

    def _on_notes_changed(self, _client_id: int) -> None:
        self.reload()

    def reload(self) -> None:
        selected = self.selected_note_id()
        self.model.refresh()
        self._update_count()
        row = self.model.row_of(selected) if selected is not None else -1
        self._select_row(max(row, 0))

    def _update_count(self) -> None:
        n = notes.count_notes(self.model.filters, cap=COUNT_CAP)
        shown = f"{COUNT_CAP:,}+" if n > COUNT_CAP else f"{n:,}"
        self.count.setText(f"{shown} note{'s' if n != 1 else ''}")

    # -- selection and opening ---------------------------------------------------------
    def _select_row(self, row: int) -> None:
        self.view.select_row(row, NOTE)

    def _focus_table(self) -> None:
        if self._timer.isActive():
            self.apply_filters()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_note_id(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        return index.data(NoteIdRole) if index.isValid() else None

    def open_selected(self) -> None:
        index = self.view.selectionModel().currentIndex()
        if index.isValid():
            open_client_at_note(self.main_window, index.data(ClientIdRole),
                                index.data(NoteIdRole))
