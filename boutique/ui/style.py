"""One restrained look for the whole app: Fusion, a warm neutral palette, readable sizes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#7a5c3e"  # a warm bronze, used sparingly for headers and the top tier
MUTED = "#6b6b6b"
WARNING = "#a4471b"
TOP_TIER = "#8a6d1d"

STYLE_SHEET = f"""
QTabBar::tab {{ padding: 6px 16px; }}
QTabBar::tab:selected {{ color: {ACCENT}; font-weight: 600; }}
QGroupBox {{ font-weight: 600; margin-top: 14px; padding-top: 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; color: {ACCENT}; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {WARNING}; }}
QLabel[role="figure"] {{ font-size: 13pt; font-weight: 600; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"] {{ border: 1px solid {WARNING}; }}
QTableView {{ gridline-color: #e4e0da; selection-background-color: #d9cbb8;
             selection-color: black; alternate-background-color: #faf8f5; }}
QHeaderView::section {{ padding: 4px 6px; background: #f1ede7; border: none;
                        border-bottom: 1px solid #d8d2c8; font-weight: 600; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f4f1"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#faf8f5"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#d9cbb8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
