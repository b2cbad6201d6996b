"""File > Backups…: the list (when, why, size, counts), Back up now, Restore…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from boutique.services.backup import (
    BackupError,
    backup_folder,
    backup_now,
    kept_until,
    list_backups,
    restore,
)

COLUMNS = ("When", "Why", "Size", "Clients", "Purchases", "Notes")


class BackupsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        # A few dozen rows at most (7 + 4 + 12 kept): a plain table is enough here.
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton("Back up now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(self.choose_and_restore)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.backups = []
        self.refresh()

    def refresh(self) -> None:
        folder = backup_folder()
        gone = "" if folder.is_dir() else " (the folder is not there)"
        self.folder_label.setText(f"Backups in {folder}{gone}. Kept: every backup of the last"
                                  " 7 days, then one a week for 4 weeks and one a month for"
                                  " 12 months.")
        self.backups = list_backups()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            sound = info.clients >= 0
            cells = (f"{info.taken_at:%Y-%m-%d %H:%M}", info.reason.replace("-", " "),
                     f"{info.size / 1024:,.0f} KiB",
                     *(str(n) if sound else "unsound" for n in
                       (info.clients, info.purchases, info.notes)))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.restore_button.setEnabled(bool(self.backups))

    def back_up_now(self) -> None:
        try:
            info = backup_now("manual")
        except BackupError as exc:
            self.message.setText(f"No backup was made: {exc}")
            return
        self.message.setText(f"Backed up: {info.clients} clients, {info.purchases} purchases,"
                             f" {info.notes} notes; kept at least until"
                             f" {kept_until(info.taken_at.date()):%d %B %Y}.")
        self.refresh()

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def choose_and_restore(self) -> None:
        path = self.selected_backup()
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Restore a backup", str(backup_folder()),
                                                    "Boutique stores (*.sqlite3)")
            if not chosen:
                return
            path = Path(chosen)
        answer = QMessageBox.question(
            self, "Restore a backup",
            f"Replace the whole store with {path.name}?\nThe store as it is now is backed up first.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_path(path)

    def restore_path(self, path: Path) -> bool:
        try:
            before = restore(path)
        except BackupError as exc:
            self.message.setText(f"Nothing was restored: {exc}")
            return False
        self.message.setText(f"Restored {path.name}. The store as it was is kept as"
                             f" {before.path.name}. Reopen the tabs to see it.")
        self.refresh()
        return True
