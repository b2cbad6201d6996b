"""The store page of Settings: region for phone numbers, currency, the top-tier share, backups."""

from __future__ import annotations

import phonenumbers
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from boutique.services import settings
from boutique.services.backup import backup_folder_setting, chosen_backup_folder
from boutique.services.errors import ValidationError


class StoreSettingsPage(QWidget):
    title = "Store"

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.region = QComboBox(self)
        regions = sorted(phonenumbers.SUPPORTED_REGIONS)
        self.region.addItems(regions)
        self.region.setCurrentText(settings.get("store.default_region"))
        form.addRow("Phone region (for numbers typed without +country)", self.region)
        self.currency = QLineEdit(settings.get("store.currency_symbol"), self)
        self.currency.setMaxLength(3)
        form.addRow("Currency symbol", self.currency)
        self.top_share = QSpinBox(self)
        self.top_share.setRange(50, 95)
        self.top_share.setSuffix(" % of revenue")
        self.top_share.setValue(int(settings.get("tiers.top_share_percent")))
        form.addRow("Top clients make", self.top_share)
        self.backup_folder = QLineEdit(chosen_backup_folder(), self)
        # Empty means the default, so the field says where that is instead of staying blank.
        self.backup_folder.setPlaceholderText("beside the store (a folder named backups)")
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._browse_backup_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        form.addRow("Backup folder (a USB stick or a synced folder)", row)

    def _browse_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def save(self) -> None:
        if not self.currency.text().strip():
            raise ValidationError({"currency": "give a currency symbol"})
        backup = backup_folder_setting(self.backup_folder.text())
        settings.set_many({
            **backup,
            "store.default_region": self.region.currentText(),
            "store.currency_symbol": self.currency.text().strip(),
            "tiers.top_share_percent": self.top_share.value(),
        })
