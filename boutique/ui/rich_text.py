"""Showing search snippets: matched words in bold, user text escaped, in lists and tables.

Snippets arrive as plain data (text + matched ranges, services.notes.search_text.Highlighted); only
here do they become rich text, through Highlighted.html(), which escapes every piece, so
a note that says `<b>&` shows exactly that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from boutique.ui.style import ACCENT

if TYPE_CHECKING:
    from boutique.services.notes.search_text import Highlighted

HtmlRole = Qt.ItemDataRole.UserRole + 40

MARK_OPEN = f'<b style="color:{ACCENT}">'
MARK_CLOSE = "</b>"


def highlighted_html(snippet: Highlighted) -> str:
    return snippet.html(MARK_OPEN, MARK_CLOSE)


def make_document(html: str, font, width: float | None = None, wrap: bool = False) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap
                       else QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    if width is not None:
        document.setTextWidth(width)
    return document


class RichTextDelegate(QStyledItemDelegate):
    """Paints the HtmlRole of a cell (one line, clipped) over the normal item background."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        html = index.data(HtmlRole)
        if html is None:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options,
                                         options.widget)
        document = make_document(html, options.font)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))
        painter.save()
        width = text_rect.width() - 4
        top = text_rect.top() + max(0.0, (text_rect.height() - document.size().height()) / 2)
        painter.translate(text_rect.left() + 2, top)
        painter.setClipRect(QRectF(0, 0, width, text_rect.height()))
        document.documentLayout().draw(painter, context)
        if document.idealWidth() > width:  # cut: end on an ellipsis, as plain cells do
            metrics = options.fontMetrics
            tail = metrics.horizontalAdvance("…") + metrics.averageCharWidth() * 2
            if selected:
                background = options.palette.color(QPalette.ColorRole.Highlight)
            else:
                background = options.backgroundBrush.color() \
                    if options.backgroundBrush.style() != Qt.BrushStyle.NoBrush \
                    else options.palette.color(QPalette.ColorRole.Base)
            painter.fillRect(QRectF(width - tail, 0, tail, document.size().height()), background)
            painter.setPen(options.palette.color(role))
            painter.drawText(QRectF(width - tail, 0, tail, document.size().height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             "…")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 8))
