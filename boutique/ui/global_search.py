"""One search box for the whole book, in the toolbar (Ctrl+F on tabs without their own
search, Ctrl+Shift+F anywhere): clients, notes and purchases as you type, grouped.

Up/Down move through the results, Enter opens the client (at the note for a note, on
the Purchases page for a purchase), Escape closes the list, then clears the box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from boutique.services.notes import search

from boutique.ui.results_popup import HEADER, HIT, MORE, Entry, ResultsPopup
from boutique.ui.rich_text import highlighted_html

SEARCH_DELAY_MS = 150
RESULTS_PER_KIND = 6
KIND_LABELS = {"client": "", "note": "note", "purchase": "purchase"}


def entries_for(results: search.SearchResults) -> list[Entry]:
    """The popup's rows: a header per kind, its hits, and a way on to the Notes tab."""
    entries: list[Entry] = []
    for kind, title, hits in results.groups():
        entries.append(Entry(HEADER, title))
        for hit in hits:
            aside = " · ".join(p for p in (KIND_LABELS[kind], hit.date) if p)
            entries.append(hit_entry(hit, aside))
        if kind == "note" and len(hits) >= RESULTS_PER_KIND:
            entries.append(Entry(MORE, f"All notes matching “{results.text.strip()}” in the "
                                       "Notes tab…", data=results.text))
    return entries


def hit_entry(hit: search.SearchHit, aside: str = "") -> Entry:
    detail = hit.detail if hit.detail is not None else hit.snippet
    title_html = highlighted_html(hit.title) if hit.title is not None else ""
    return Entry(HIT, hit.client_name, highlighted_html(detail), aside, hit, title_html)


class GlobalSearch(QLineEdit):
    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        self.setObjectName("global_search")
        self.setPlaceholderText("Search clients, notes, purchases…   Ctrl+F")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(340)
        self.setMaximumWidth(520)
        self.popup = ResultsPopup(window)
        self.popup.activated.connect(self.open_entry)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(self._cleared)
        self.results: search.SearchResults | None = None

    def run_search(self) -> None:
        # (searching and the Notes tab's helpers load with the first search, not with the
        # window)
        from boutique.services.notes import search

        self._timer.stop()
        self.results = search.search(self.text(), limit=RESULTS_PER_KIND)
        entries = entries_for(self.results)
        if not entries and self.text().strip():
            entries = [Entry(HEADER, "No matches")]
        self.popup.show_entries(entries, self)

    def _cleared(self, text: str) -> None:
        if not text:
            self._timer.stop()
            self.popup.hide()

    # -- keyboard ----------------------------------------------------------------------
    def event(self, event) -> bool:
        # Tab would leave the field; with results shown it moves through them instead.
        if event.type() == QEvent.Type.KeyPress and self.popup.isVisible() and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.popup.step(1 if event.key() == Qt.Key.Key_Tab else -1)
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        key = event.key()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5,
                 Qt.Key.Key_PageUp: -5}
        if key in steps:
            if not self.popup.isVisible() and self.text().strip():
                self.run_search()
            else:
                self.popup.step(steps[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.popup.isVisible():
                self.run_search()
            entry = self.popup.current_entry()
            if entry is not None:
                self.open_entry(entry)
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.popup.hide()
        super().focusOutEvent(event)

    # -- opening -----------------------------------------------------------------------
    def open_entry(self, entry: Entry) -> None:
        self.popup.hide()
        if entry.kind == MORE:
            self.main_window.show_tab("Notes").show_search(entry.data)
            return
        if entry.kind != HIT:
            return
        hit: search.SearchHit = entry.data
        if hit.kind == "note":
            from boutique.ui.notes_page import open_client_at_note

            open_client_at_note(self.main_window, hit.client_id, hit.record_id)
        elif hit.kind == "purchase":
            self.main_window.open_client(hit.client_id, page="Purchases")
        else:
            self.main_window.open_client(hit.client_id)


def install(window) -> GlobalSearch:
    """Put the search box in the window's toolbar as `window.global_search`."""
    field = GlobalSearch(window)
    window.toolbar.addWidget(field)
    window.global_search = field
    action = QAction("Search &everything…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.triggered.connect(lambda: (field.setFocus(Qt.FocusReason.ShortcutFocusReason),
                                      field.selectAll()))
    window.edit_menu.addAction(action)
    window.action_search_everything = action
    return field
