"""What the window says when the store cannot be used, is damaged, or is open elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from boutique.services.backup import BackupInfo


def unusable_store_box(sentence: str, db_path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The same sentence the command line prints, and a way on."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Boutique",
                      f"The store could not be opened.\n\n{sentence}", parent=parent)
    box.setInformativeText("Choose another store file, or open a backup"
                           f" (in {db_path.parent / 'backups'}) instead.")
    box.choose = box.addButton("Choose another store…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    return box


def choose_store_file(parent: QWidget | None, start: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Choose a store", str(start.parent),
                                            "Boutique stores (*.sqlite3)")
    return Path(chosen) if chosen else None


def damaged_store_box(problem: str, backup: BackupInfo | None,
                      parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "The store is damaged",
                      f"The daily check found the store damaged:\n{problem}", parent=parent)
    if backup is None:
        box.setInformativeText("No verified backup was found. Keep working only if you must;"
                               " copy the file somewhere safe.")
        box.restore = None
        box.addButton("Close", QMessageBox.ButtonRole.RejectRole)
        return box
    box.setInformativeText(
        f"The newest verified backup is from {backup.taken_at:%A %d %B %Y, %H:%M}:"
        f" {backup.clients} clients, {backup.purchases} purchases, {backup.notes} notes.\n\n"
        "Set the damaged file aside (renamed, never deleted) and open that backup?")
    box.restore = box.addButton("Set aside and open the backup",
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    return box


def second_window_box(db_path: Path, raised: bool) -> QMessageBox:
    where = " It has been brought to the front." if raised else ""
    return QMessageBox(QMessageBox.Icon.Information, "Boutique",
                       f"The store {db_path} is already open in another Boutique window.{where}"
                       "\n\nOne window per store keeps every change in one place.")
