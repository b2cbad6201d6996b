"""The Calendar tab: a month with the notes and calls due each day, the chosen day's list,
and the birthdays and anniversaries coming up.

Keyboard: arrows move the day in the month (Page Up / Page Down change month), Tab
reaches the day's list and the key dates, Enter opens the client, Alt+Y opens the day
in the Today tab.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boutique.services.agenda.calendar import (
    DayCount,
    KeyDateEntry,
    day_counts,
    items_due_on,
    upcoming_key_dates,
)
from boutique.ui.deferred_reload import DeferredReload
from boutique.ui.record_table import RecordTable, RecordTableModel
from boutique.ui.signals import bus
from boutique.ui.style import ACCENT, MUTED, TOP_TIER
from boutique.ui.today_table_model import CLIENT, CONTACT, DUE, HOOK, WHAT, WHY, AgendaTableModel

UPCOMING_DAYS = 30
SELECTED = "#e6dacb"
OTHER_MONTH = "#f4f2ef"


class FollowupCalendar(QCalendarWidget):
    """A month grid that writes each day's open notes and calls under its number."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: dict[dt.date, DayCount] = {}
        self.today: dt.date | None = None
        self.setObjectName("followup_calendar")
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(520, 420)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        self._number = QFont(self.font())
        self._number.setBold(True)
        # The weekday names need a line, not a sixth of the grid.
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        if view is not None:
            header = view.verticalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(0, 26)

    def visible_range(self) -> tuple[dt.date, dt.date]:
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        start = first - dt.timedelta(days=first.weekday())
        return start, start + dt.timedelta(days=41)

    def load_counts(self) -> None:
        self.counts = day_counts(*self.visible_range())
        self.updateCells()

    def paintCell(self, painter, rect: QRect, date: QDate) -> None:  # noqa: N802 - Qt naming
        day = date.toPython()
        in_month = date.month() == self.monthShown()
        selected = date == self.selectedDate()
        painter.save()
        painter.fillRect(rect, QColor(SELECTED if selected else
                                      ("#ffffff" if in_month else OTHER_MONTH)))
        if day == self.today:
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setFont(self._number)
        painter.setPen(QColor("#2b2b2b" if in_month else MUTED))
        painter.drawText(rect.adjusted(6, 4, -6, -4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(date.day()))
        count = self.counts.get(day)
        if count and count.total:
            lines = []
            if count.notes:
                lines.append(f"✉ {count.notes} note{'s' if count.notes != 1 else ''}")
            if count.calls:
                lines.append(f"☎ {count.calls} call{'s' if count.calls != 1 else ''}")
            painter.setFont(self._small)
            painter.setPen(QColor(ACCENT if in_month else MUTED))
            painter.drawText(rect.adjusted(6, 24, -4, -3),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             "\n".join(lines))
        painter.restore()


class KeyDatesModel(RecordTableModel):
    headers = ("Date", "Client", "Occasion")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[KeyDateEntry] = []
        self._top = QColor(TOP_TIER)

    def set_entries(self, entries: list[KeyDateEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{entry.day:%a %d %b}"
            if index.column() == 1:
                return ("★ " if entry.is_top else "") + entry.client_name
            return entry.label
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and entry.is_top:
            return self._top
        if role == Qt.ItemDataRole.UserRole:
            return entry.client_id
        return None


def _table(parent, name: str, model) -> RecordTable:
    view = RecordTable(parent, name=name)
    view.setModel(model)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CalendarTab(QWidget):
    def __init__(self, window, today: dt.date | None = None):
        super().__init__(window)
        self.main_window = window
        self.today = today
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.calendar = FollowupCalendar(left)
        left_column.addWidget(self.calendar, 1)
        legend = QLabel("✉ notes to write   ☎ calls to make (open follow-ups due that day)",
                        left)
        legend.setProperty("role", "muted")
        left_column.addWidget(legend)

        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        day_bar = QHBoxLayout()
        self.day_title = QLabel(right)
        self.day_title.setObjectName("calendar_day_title")
        self.day_title.setProperty("role", "figure")
        day_bar.addWidget(self.day_title, 1)
        self.open_day_button = QPushButton("Open in Toda&y", right)
        self.open_day_button.setObjectName("open_day_in_today")
        self.open_day_button.clicked.connect(self.open_day_in_today)
        day_bar.addWidget(self.open_day_button)
        column.addLayout(day_bar)
        self.day_model = AgendaTableModel(self)
        self.day_view = _table(right, "calendar_day_list", self.day_model)
        for hidden in (DUE, HOOK):
            self.day_view.hideColumn(hidden)
        self.day_view.set_column_widths({CLIENT: 145, WHAT: 115, WHY: 210}, stretch=(CONTACT,))
        column.addWidget(self.day_view, 3)
        self.key_title = QLabel(f"Birthdays and anniversaries, next {UPCOMING_DAYS} days", right)
        self.key_title.setProperty("role", "figure")
        column.addWidget(self.key_title)
        self.key_model = KeyDatesModel(self)
        self.key_view = _table(right, "calendar_key_dates", self.key_model)
        self.key_view.set_column_widths({0: 110, 1: 220})
        column.addWidget(self.key_view, 2)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        layout.addWidget(splitter)

        start = today or dt.date.today()
        self.calendar.today = start
        self.calendar.setSelectedDate(QDate(start))
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.calendar.load_counts())
        self.calendar.selectionChanged.connect(self.show_day)
        self.calendar.activated.connect(lambda _d: self.open_day_in_today())
        for view in (self.day_view, self.key_view):
            view.on_open(lambda view=view: self.open_selected(view))
        # Filled when first shown: the window opens on Today, and a big book's month
        # takes a moment to count.
        self.refresh = DeferredReload(self, self.reload, [
            bus().followups_changed, bus().clients_changed, bus().settings_changed,
            bus().purchases_changed], stale=True)
        if self.isVisible():
            self.reload()

    def reference_day(self) -> dt.date:
        return self.today or dt.date.today()

    def selected_day(self) -> dt.date:
        return self.calendar.selectedDate().toPython()

    def reload(self) -> None:
        self.refresh.reloading()
        self.calendar.today = self.reference_day()
        self.calendar.load_counts()
        self.show_day()
        self.key_model.set_entries(upcoming_key_dates(self.reference_day(), UPCOMING_DAYS))

    def show_day(self) -> None:
        day = self.selected_day()
        items = items_due_on(day, self.reference_day())
        self.day_model.set_items(items, self.reference_day())
        notes = sum(1 for i in items if i.channel != "phone")
        calls = len(items) - notes
        plural = {1: ""}
        self.day_title.setText(
            f"{day:%A %d %B}: {notes} note{plural.get(notes, 's')}, "
            f"{calls} call{plural.get(calls, 's')}")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self.refresh.stale:
            self.reload()

    def open_selected(self, view: QTableView) -> None:
        index = view.selectionModel().currentIndex()
        if not index.isValid():
            return
        if view is self.day_view:
            item = self.day_model.item_at(index.row())
            client_id = item.client_id if item else None
        else:
            client_id = index.data(Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.main_window.open_client(client_id, page="Follow-ups")

    def open_day_in_today(self) -> None:
        tabs = getattr(self.main_window, "tab_widgets", {})
        if "Today" in tabs:
            today_tab = self.main_window.show_tab("Today")
            today_tab.set_day(self.selected_day())
            today_tab.focus_list()
