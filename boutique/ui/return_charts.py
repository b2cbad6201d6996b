"""Returns by reason, where people would rather look than read: a small bar chart drawn
with QPainter, and the figures beside it as a table (this month and this year)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from boutique.services import settings
from boutique.services.returns import ReasonTotal
from boutique.services.text import money
from boutique.ui.record_table import RecordTableModel
from boutique.ui.style import ACCENT, MUTED

YEAR_BAR = QColor("#d9cbb8")
MONTH_BAR = QColor(ACCENT)
LABEL_WIDTH = 130


class ReasonBarChart(QWidget):
    """One row per reason: a pale bar for the year, a bronze one for the month inside it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("returns_chart")
        self.month: list[ReasonTotal] = []
        self.year: list[ReasonTotal] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 170)

    def set_totals(self, month: Sequence[ReasonTotal], year: Sequence[ReasonTotal]) -> None:
        self.month, self.year = list(month), list(year)
        self.update()

    def bar_lengths(self, width: float) -> list[tuple[str, float, float]]:
        """(label, year length, month length) in pixels for a plot `width` wide."""
        top = max((t.count for t in self.year), default=0) or 1
        months = {t.reason: t.count for t in self.month}
        return [(t.label, width * t.count / top, width * months.get(t.reason, 0) / top)
                for t in self.year]

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rows = len(self.year) or 1
        legend = 20
        pitch = (self.height() - legend - 6) / rows
        plot = max(40.0, self.width() - LABEL_WIDTH - 56)
        painter.setPen(QPen(QColor(MUTED)))
        painter.drawText(QRectF(0, 0, self.width(), legend),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "This year (pale bar), this month (bronze)")
        months = {t.reason: t.count for t in self.month}
        for row, (total, (label, year_len, month_len)) in enumerate(
                zip(self.year, self.bar_lengths(plot), strict=True)):
            y = legend + row * pitch
            bar = QRectF(LABEL_WIDTH, y + pitch * 0.2, year_len, pitch * 0.6)
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(QRectF(0, y, LABEL_WIDTH - 8, pitch),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.fillRect(bar, YEAR_BAR)
            painter.fillRect(QRectF(LABEL_WIDTH, bar.top(), month_len, bar.height()), MONTH_BAR)
            figure = f"{total.count}" + (f" ({months[total.reason]})"
                                         if months.get(total.reason) else "")
            painter.drawText(QRectF(LABEL_WIDTH + year_len + 6, y, 60, pitch),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, figure)
        painter.end()


class ReasonTotalsModel(RecordTableModel):
    headers = ("Reason", "This month", "Value", "This year", "Value")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def set_totals(self, month: Sequence[ReasonTotal], year: Sequence[ReasonTotal]) -> None:
        symbol = settings.get("store.currency_symbol")
        months = {t.reason: t for t in month}
        self.beginResetModel()
        self._rows = [(t.label, str(months[t.reason].count),
                       money(months[t.reason].value_cents, symbol), str(t.count),
                       money(t.value_cents, symbol)) for t in year]
        self.endResetModel()

    def record_count(self) -> int:
        return len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
