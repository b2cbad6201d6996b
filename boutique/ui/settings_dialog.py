"""Settings: one dialog, a page per concern. Each page is Page(parent) with `save()`
(raising ValidationError to keep the dialog open) and a `title` attribute."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
)

from boutique.services.errors import ValidationError
from boutique.ui.signals import bus


def settings_pages() -> list[Callable]:
    from boutique.ui.settings_associates_page import AssociatesSettingsPage
    from boutique.ui.settings_cadence_page import CadenceSettingsPage
    from boutique.ui.settings_letterhead_page import LetterheadSettingsPage
    from boutique.ui.settings_returns_page import ReturnsSettingsPage
    from boutique.ui.settings_store_page import StoreSettingsPage
    from boutique.ui.settings_templates_page import TemplatesSettingsPage

    return [StoreSettingsPage, CadenceSettingsPage, LetterheadSettingsPage,
            TemplatesSettingsPage, ReturnsSettingsPage, AssociatesSettingsPage]


class SettingsDialog(QDialog):
    def __init__(self, parent=None, start_page: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.pages = []
        for factory in settings_pages():
            page = factory(self)
            self.pages.append(page)
            self.tabs.addTab(page, page.title)
            if start_page and page.title == start_page:
                self.tabs.setCurrentWidget(page)
        layout.addWidget(self.tabs)
        self.error_label = QLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            for page in self.pages:
                page.save()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        except Exception as exc:  # a failed save must keep the dialog open with the reason
            QMessageBox.warning(self, "Settings not saved", str(exc))
            return
        bus().settings_changed.emit()
        super().accept()
