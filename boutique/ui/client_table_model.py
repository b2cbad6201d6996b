"""The client list as a lazy Qt model: ids in display order, rows fetched a page at a time.

Only the ids of the current search are held (cheap even for 100k clients); `data()` asks
the store for the page around the requested row and keeps a bounded cache, so scrolling
to the end of the book loads one page, never the whole table.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from boutique.services import settings
from boutique.services.clients.listing import ClientRow, SortKey, client_ids, client_rows
from boutique.services.clients.value import TOP
from boutique.services.text import money
from boutique.ui.record_table import RecordTableModel

NAME, PHONE, EMAIL, LAST_PURCHASE, SPEND, TIER, ASSOCIATE = range(7)
HEADERS = ("Name", "Phone", "Email", "Last purchase", "Lifetime spend", "Tier", "Associate")
SORT_KEYS = {
    NAME: SortKey.NAME, PHONE: SortKey.PHONE, EMAIL: SortKey.EMAIL,
    LAST_PURCHASE: SortKey.LAST_PURCHASE, SPEND: SortKey.SPEND, TIER: SortKey.SPEND,
    ASSOCIATE: SortKey.ASSOCIATE,
}
PAGE_SIZE = 200
MAX_CACHED_PAGES = 20
ClientIdRole = Qt.ItemDataRole.UserRole + 1

_TOP_BRUSH = QBrush(QColor("#8a6d1d"))
_MUTED_BRUSH = QBrush(QColor("#8c8c8c"))


class ClientTableModel(RecordTableModel):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, ClientRow]] = OrderedDict()
        self._search = ""
        self._associate_id: int | None = None  # None: everyone's clients; 0: nobody's
        self._sort_column = NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._currency = settings.get("store.currency_symbol")
        self._bold = QFont()
        self._bold.setBold(True)
        self.rows_fetched = 0  # how many rows were read from the store since the last reset
        self.refresh()

    # -- the query ---------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self.refresh()

    def set_associate(self, associate_id: int | None) -> None:
        if associate_id != self._associate_id:
            self._associate_id = associate_id
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = client_ids(self._search, SORT_KEYS[self._sort_column],
                               descending=self._sort_order == Qt.SortOrder.DescendingOrder,
                               associate_id=self._associate_id)
        self._pages.clear()
        self._currency = settings.get("store.currency_symbol")
        self.rows_fetched = 0
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.refresh()

    def client_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, client_id: int) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> ClientRow | None:
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * PAGE_SIZE
            page = client_rows(self._ids[start:start + PAGE_SIZE])
            self.rows_fetched += len(page)
            self._pages[page_number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page.get(self._ids[row])

    # -- Qt model interface ------------------------------------------------------------
    def record_count(self) -> int:
        return len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ClientIdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read; the next refresh drops it
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == SPEND:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == TIER and row.tier == TOP:
                return _TOP_BRUSH
            if row.do_not_contact and column == NAME:
                return _MUTED_BRUSH
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == TIER and row.tier == TOP else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NAME and row.do_not_contact:
                return "Do not contact"
            if column == SPEND:
                return f"{row.purchase_count} purchase(s)"
            return None
        return self._display(row, column)

    def _display(self, row: ClientRow, column: int) -> str:
        if column == NAME:
            return row.name + ("  ⊘" if row.do_not_contact else "")
        if column == PHONE:
            return row.phone
        if column == EMAIL:
            return row.email
        if column == LAST_PURCHASE:
            return row.last_purchase.strftime("%d %b %Y") if row.last_purchase else ""
        if column == SPEND:
            return money(row.lifetime_spend_cents, self._currency) if row.purchase_count else ""
        if column == TIER:
            return "★ Top" if row.tier == TOP else row.tier
        if column == ASSOCIATE:
            return row.associate
        return ""
