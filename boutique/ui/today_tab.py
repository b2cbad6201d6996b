"""The Today tab, the first thing the app shows: whom to contact on a day, how and why.

Two lists, "Notes to write" and "Calls to make", due on the day or overdue, top clients
first, then the most overdue; the selected one in full on the right with Done, Snooze,
Skip and Open client. This week's on-time rate and the overdue count sit at the top.
Keyboard: Tab moves between the lists and the panel, Enter opens the client, Alt+Left
and Alt+Right change the day, Alt+Home comes back to today, Ctrl+P prints the day's pack.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boutique.services.agenda import (
    WeekSummary,
    agenda_for,
    calls_to_make,
    notes_to_write,
    week_summary,
)
from boutique.services.associates import hand_back_due
from boutique.services.cadence import lapse_stale
from boutique.services.errors import NotFound, ValidationError
from boutique.services.service_desk import overdue_tickets
from boutique.ui.deferred_reload import DeferredReload
from boutique.ui.followup_commands import perform
from boutique.ui.record_table import RecordTable
from boutique.ui.signals import bus
from boutique.ui.today_item_panel import ItemPanel
from boutique.ui.today_table_model import (
    CLIENT,
    CONTACT,
    DUE,
    HOOK,
    WHAT,
    WHY,
    AgendaTableModel,
)
from boutique.ui.today_whose import WhoseChooser

# Fit 1280 pixels beside the panel; the last column (the personal hook) takes the rest.
COLUMN_WIDTHS = ((CLIENT, 145), (WHAT, 112), (DUE, 120), (WHY, 215), (CONTACT, 160),
                 (HOOK, 120))


def _agenda_view(parent, name: str, model: AgendaTableModel) -> RecordTable:
    view = RecordTable(parent, name=name, row_height=28)
    view.setModel(model)
    view.setTabKeyNavigation(False)  # Tab leaves the list: the panel is next
    view.set_column_widths(dict(COLUMN_WIDTHS))
    view.horizontalHeader().setStretchLastSection(True)
    return view


class TodayTab(QWidget):
    """`fill_later`: the tab first paints with its lists empty and says they are coming,
    then fills them on the next turn of the event loop (how the window opens)."""

    filling = Signal()  # the deferred fill begins: the placeholder has been painted
    filled = Signal()  # the lists hold the day's agenda

    def __init__(self, window, today: dt.date | None = None, fill_later: bool = False):
        super().__init__(window)
        self.main_window = window
        self.day = today or dt.date.today()
        # Showing the real today: the day moves on by itself when the window is left
        # open overnight (not when another day was chosen, nor in tests with a fixed day).
        self._follows_today = today is None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        top.addWidget(self.title)
        top.addSpacing(12)
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setToolTip("The day before (Alt+Left)")
        self.previous_button.setFixedWidth(34)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("today_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd dd MMM yyyy")
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip("The day after (Alt+Right)")
        self.next_button.setFixedWidth(34)
        self.today_button = QPushButton("Today", self)
        self.today_button.setToolTip("Back to today (Alt+Home)")
        for widget in (self.previous_button, self.date_edit, self.next_button,
                       self.today_button):
            top.addWidget(widget)
        top.addSpacing(12)
        self.whose = WhoseChooser(self)
        self.whose.currentTextChanged.connect(lambda _text: self.reload())
        top.addWidget(self.whose)
        top.addStretch(1)
        self.print_button = QPushButton("&Print today's pack", self)
        self.print_button.setObjectName("print_pack")
        self.print_button.clicked.connect(self.print_current)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        # The week's figures on a line of their own: a big book's counts run to four or
        # five digits, and beside the day's buttons they made the window wider than the
        # small screens counter PCs often have.
        figures = QHBoxLayout()
        self.on_time = QLabel(self)
        self.on_time.setObjectName("on_time_rate")
        self.on_time.setProperty("role", "figure")
        self.overdue = QLabel(self)
        self.overdue.setObjectName("overdue_count")
        self.overdue.setProperty("role", "figure")
        figures.addWidget(self.on_time)
        figures.addSpacing(18)
        figures.addWidget(self.overdue)
        figures.addSpacing(18)
        # Service tickets past their promised day: the Service tab lists them.
        self.late_tickets = QLabel(self)
        self.late_tickets.setObjectName("late_tickets")
        self.late_tickets.setProperty("role", "error")
        self.late_tickets.setContentsMargins(0, 0, 18, 0)  # (shown only when some are)
        figures.addWidget(self.late_tickets)
        self.lapsed = QLabel(self)
        self.lapsed.setObjectName("lapsed_count")
        self.lapsed.setProperty("role", "figure")
        self.lapsed.setToolTip("Notes and calls too old to be worth doing that left the list "
                               "this week; each client's history keeps them as lapsed")
        figures.addWidget(self.lapsed)
        figures.addStretch(1)
        layout.addLayout(figures)

        self.notes_model = AgendaTableModel(self)
        self.calls_model = AgendaTableModel(self)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        self.notes_title, self.notes_view = self._section(lists, "today_notes", self.notes_model)
        self.calls_title, self.calls_view = self._section(lists, "today_calls", self.calls_model)
        self.panel = ItemPanel(self)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(lists)
        body.addWidget(self.panel)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 0)
        body.setSizes([900, 360])
        layout.addWidget(body, 1)
        hint = QLabel("Enter opens the client  ·  Alt+D done  ·  Alt+T / Alt+W snooze  ·  "
                      "Alt+K skip  ·  Alt+Left / Alt+Right another day", self)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)

        self.current_view = self.notes_view
        self.previous_button.clicked.connect(lambda: self.set_day(self.day - dt.timedelta(1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + dt.timedelta(1)))
        self.today_button.clicked.connect(self.show_today)
        self.date_edit.dateChanged.connect(lambda d: self.set_day(d.toPython()))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            QShortcut(QKeySequence(keys), self,
                      activated=lambda step=step: self.set_day(self.day + dt.timedelta(step)))
        QShortcut(QKeySequence("Alt+Home"), self, activated=self.show_today)
        self.panel.done_requested.connect(lambda outcome: self._act("done", outcome=outcome))
        self.panel.snooze_requested.connect(lambda until: self._act("snooze", until=until))
        self.panel.skip_requested.connect(lambda reason: self._act("skip", reason=reason))
        self.panel.open_requested.connect(self.open_selected)
        self.refresh = DeferredReload(self, self.reload, [
            bus().followups_changed, bus().clients_changed, bus().settings_changed,
            bus().purchases_changed])
        self.fill_pending = fill_later
        if fill_later:
            self.notes_title.setText("Notes to write (reading the day's list…)")
            self.calls_title.setText("Calls to make (reading the day's list…)")
            self.title.setText("Today" if self.day == dt.date.today() else f"{self.day:%A}")
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(QDate(self.day))
            self.date_edit.blockSignals(False)
            # Should the tab not be painted soon (a window opened minimised), fill anyway.
            QTimer.singleShot(250, self.fill)
        else:
            self.reload()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        if self.fill_pending:
            QTimer.singleShot(0, self.fill)

    def fill(self) -> None:
        """The deferred first fill (nothing when the lists were filled already)."""
        if self.fill_pending:
            self.filling.emit()
            self.reload()

    def show_figures(self, summary: WeekSummary, late_tickets: int) -> None:
        """The week's figures over the lists, with how many service tickets are past their
        promised day."""
        self.on_time.setText(f"On time this week: {summary.rate_text()}"
                             + (f" ({summary.on_time:,} of {summary.counted:,})"
                                if summary.counted else ""))
        self.overdue.setText(f"Overdue: {summary.overdue:,}")
        self.late_tickets.setText(
            f"Service: {late_tickets:,} ticket{'s' if late_tickets != 1 else ''} late"
            if late_tickets else "")
        self.late_tickets.setVisible(bool(late_tickets))
        self.lapsed.setText(f"Lapsed this week: {summary.lapsed:,}")

    def _section(self, splitter: QSplitter, name: str, model: AgendaTableModel):
        box = QWidget(splitter)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        title = QLabel(box)
        title.setObjectName(f"{name}_title")
        title.setProperty("role", "figure")
        view = _agenda_view(box, name, model)
        column.addWidget(title)
        column.addWidget(view, 1)
        splitter.addWidget(box)
        view.selectionModel().currentRowChanged.connect(
            lambda current, _previous, view=view: self._on_current(view, current.row()))
        view.on_open(self.open_selected)
        view.installEventFilter(self)
        return title, view

    # -- data --------------------------------------------------------------------------
    def show_today(self) -> None:
        self.set_day(dt.date.today())
        self._follows_today = True

    def set_day(self, day: dt.date) -> None:
        self._follows_today = False
        if day != self.day:
            self.day = day
            self.reload()
            self._select(self.current_view, 0)
        else:
            self.reload()

    def reload(self) -> None:
        """Recompute the day's agenda, keeping the selected follow-up (or its place)."""
        self.fill_pending = False
        self.refresh.reloading()
        view = self.current_view
        kept = self.selected_item()
        row = view.selectionModel().currentIndex().row()
        # Only what has lapsed by the real day is recorded; a day ahead just leaves it out.
        lapse_stale(min(self.day, dt.date.today()))
        hand_back_due(min(self.day, dt.date.today()))
        # (after this tab's own writes: the agenda worked out ahead may still be coming)
        handover = getattr(self.main_window, "before_first_fill", None)
        if handover is not None:
            self.main_window.before_first_fill = None
            handover()
        items = self.whose.keep(agenda_for(self.day))
        self.notes_model.set_items(notes_to_write(items), self.day)
        self.calls_model.set_items(calls_to_make(items), self.day)
        summary = week_summary(self.day, items)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.day))
        self.date_edit.blockSignals(False)
        is_today = self.day == dt.date.today()
        self.title.setText("Today" if is_today else f"{self.day:%A}")
        self.show_figures(summary, len(overdue_tickets(self.day)))
        self.notes_title.setText(f"Notes to write ({self.notes_model.rowCount()})")
        self.calls_title.setText(f"Calls to make ({self.calls_model.rowCount()})")
        if kept is not None:
            for candidate in (self.notes_view, self.calls_view):
                found = candidate.model().row_of(kept)
                if found >= 0:
                    view, row = candidate, found
                    break
        self._select(view, max(row, 0))
        self.filled.emit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._follows_today and self.day != dt.date.today():
            self.show_today()
        elif self.refresh.stale:
            self.reload()

    # -- selection ---------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == event.Type.FocusIn and watched in (self.notes_view, self.calls_view):
            self.current_view = watched
            self.panel.show_item(self.selected_item(), self.day)
        return super().eventFilter(watched, event)

    def _on_current(self, view: QTableView, _row: int) -> None:
        self.current_view = view
        other = self.calls_view if view is self.notes_view else self.notes_view
        other.selectionModel().clearSelection()
        self.panel.show_item(self.selected_item(), self.day)

    def _select(self, view: QTableView, row: int) -> None:
        model = view.model()
        if model.rowCount() == 0:
            other = self.calls_view if view is self.notes_view else self.notes_view
            if other.model().rowCount():
                view, model, row = other, other.model(), 0
            else:
                self.panel.show_item(None, self.day)
                return
        view.select_row(min(max(row, 0), model.rowCount() - 1), CLIENT)
        self.current_view = view
        self.panel.show_item(self.selected_item(), self.day)

    def selected_item(self):
        view = self.current_view
        index = view.selectionModel().currentIndex()
        if not index.isValid() or not view.selectionModel().isRowSelected(index.row()):
            return None
        return view.model().item_at(index.row())

    def focus_list(self) -> None:
        self.current_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions -----------------------------------------------------------------------
    def _act(self, action: str, **options) -> None:
        item = self.selected_item()
        if item is None:
            return
        try:
            message = perform(self.main_window, item, action, self.day, **options)
        except ValidationError as exc:
            self._status(next(iter(exc.errors.values()), str(exc)), 6000)
            if "reason" in exc.errors:
                self.panel.skip_reason.setFocus()
            return
        except NotFound as exc:
            self._status(str(exc), 6000)
            return
        self.refresh.paused = True
        try:
            bus().followups_changed.emit()
        finally:
            self.refresh.paused = False
        self.reload()  # the acted-on row is gone: the next one takes its place
        self.current_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._status(f"{item.client_name}: {message}", 6000)

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.main_window.open_client(item.client_id, page="Follow-ups")

    def print_current(self) -> None:
        """Ctrl+P and the button: the day's pack (note prompts, call scripts)."""
        try:
            from boutique.ui.print_preview import show_todays_pack
        except ImportError:
            self._status("Printing the day's pack is not available in this installation.", 6000)
            return
        show_todays_pack(self.window(), self.day)

    def _status(self, text: str, timeout: int = 4000) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, timeout)
