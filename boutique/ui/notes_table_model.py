"""All notes across clients as a lazy Qt table, newest first.

Rows come a page at a time (keyset paging on created_at, id), as the view scrolls, so a
book of a million notes opens as fast as one of a hundred. With search text the Note
column shows a snippet around the matched words, in bold.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from boutique.services.notes import notebook as notes
from boutique.services.notes import search
from boutique.services.notes.notebook import Cursor, NoteFilter, NoteRow
from boutique.ui.record_table import RecordTableModel
from boutique.ui.rich_text import HtmlRole, highlighted_html
from boutique.ui.style import ACCENT, MUTED

WHEN, CLIENT, CATEGORY, NOTE, ABOUT = range(5)
HEADERS = ("When", "Client", "Category", "Note", "About")
PAGE_SIZE = 200
NoteIdRole = Qt.ItemDataRole.UserRole + 1
ClientIdRole = Qt.ItemDataRole.UserRole + 2

_MUTED = QBrush(QColor(MUTED))


class NotesTableModel(RecordTableModel):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filters = NoteFilter()
        self.rows: list[NoteRow] = []
        self._next: Cursor | None = None
        self._exhausted = True
        self._terms: list[str] = []
        self._purchases: dict[int, str] = {}
        self._html: dict[int, str] = {}
        self.refresh()

    # -- the query ---------------------------------------------------------------------
    def set_filters(self, filters: NoteFilter) -> None:
        if filters != self.filters:
            self.filters = filters
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows, self._purchases, self._html = [], {}, {}
        self._terms = search.query_terms(self.filters.text)
        self._next, self._exhausted = None, False
        self._load_page()
        self.endResetModel()

    def _load_page(self) -> list[NoteRow]:
        page = notes.note_page(self.filters, after=self._next, limit=PAGE_SIZE)
        self._next = page.next
        self._exhausted = page.next is None
        self._purchases.update(notes.purchase_labels([r.purchase_id for r in page.rows]))
        self.rows.extend(page.rows)
        return page.rows

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        page = notes.note_page(self.filters, after=self._next, limit=PAGE_SIZE)
        if not page.rows:
            self._exhausted = True
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._next = page.next
        self._exhausted = page.next is None
        self._purchases.update(notes.purchase_labels([r.purchase_id for r in page.rows]))
        self.rows.extend(page.rows)
        self.endInsertRows()

    def row_at(self, row: int) -> NoteRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, note_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == note_id), -1)

    # -- Qt ----------------------------------------------------------------------------
    def record_count(self) -> int:
        return len(self.rows)

    def _note_html(self, row: NoteRow) -> str:
        cached = self._html.get(row.id)
        if cached is None:
            snippet = search.snippet(row.text, self._terms)
            mark = f'<span style="color:{ACCENT}">Pinned · </span>' if row.pinned else ""
            cached = mark + highlighted_html(snippet)
            if row.edited_at:
                cached += f' <span style="color:{MUTED}">(edited)</span>'
            self._html[row.id] = cached
        return cached

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return f"{notes.to_local(row.created_at):%d %b %Y  %H:%M}"
            if column == CLIENT:
                return row.client_name
            if column == CATEGORY:
                return notes.CATEGORY_LABELS.get(row.category, row.category)
            if column == NOTE:
                return search.snippet(row.text, self._terms).text
            if column == ABOUT:
                return self._purchases.get(row.purchase_id, "")
        if role == HtmlRole and column == NOTE:
            return self._note_html(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE:
            return row.text if len(row.text) <= 1200 else row.text[:1200] + " …"
        if role == Qt.ItemDataRole.ForegroundRole and column in (WHEN, CATEGORY, ABOUT):
            return _MUTED
        if role == NoteIdRole:
            return row.id
        if role == ClientIdRole:
            return row.client_id
        return None
