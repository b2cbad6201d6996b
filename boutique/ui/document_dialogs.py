"""From a purchase: "Print note prompt…" and "Print care card…".

Each asks one thing (the layout; which cards and what size), shows what the jeweler
must know before writing (where the note goes, any warning), then opens the preview.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from boutique.printing.care_cards import MATERIALS, SIZES, care_cards_pdf, care_text
from boutique.printing.glyph_warnings import checked_prompt
from boutique.printing.prompts import LAYOUTS, note_prompts_pdf
from boutique.printing.templates import Wording
from boutique.services import settings
from boutique.services.stationery.letterhead import load_letterhead, load_template_overrides
from boutique.services.stationery.print_data import care_materials_for, note_prompt_for_purchase
from boutique.ui.print_preview import show_pdf_preview

PROMPT_LAYOUT_KEY = "print.single_prompt_layout"
CARE_SIZE_KEY = "print.care_size"
settings.register_defaults({PROMPT_LAYOUT_KEY: "card", CARE_SIZE_KEY: "a6"})


def _plain(text: str, parent, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes may hold < and &
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NotePromptDialog(QDialog):
    def __init__(self, purchase_id: int, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Print note prompt")
        self.prompt = checked_prompt(note_prompt_for_purchase(purchase_id,
                                                              today or dt.date.today()))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.layout_box = QComboBox(self)
        for key, text in LAYOUTS.items():
            self.layout_box.addItem(text, key)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(
            settings.get(PROMPT_LAYOUT_KEY))))
        form.addRow("&Layout", self.layout_box)
        where = {"business": "Business address", "home": "Home address"}.get(
            self.prompt.address_kind, "Address")
        self.address = _plain("\n".join(self.prompt.address_lines) or "No postal address on file",
                              self)
        form.addRow(where, self.address)
        layout.addLayout(form)
        self.warnings = _plain("\n".join(self.prompt.warnings), self, role="error")
        self.warnings.setVisible(bool(self.prompt.warnings))
        layout.addWidget(self.warnings)
        layout.addWidget(_buttons(self))
        self.layout_box.setFocus()

    def pdf(self) -> bytes:
        wording = Wording.from_overrides(load_template_overrides())
        return note_prompts_pdf([self.prompt], load_letterhead(), wording,
                                self.layout_box.currentData())

    def accept(self) -> None:
        settings.set(PROMPT_LAYOUT_KEY, self.layout_box.currentData())
        super().accept()


class CareCardDialog(QDialog):
    def __init__(self, purchase_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Print care card")
        suited = care_materials_for(purchase_id) or ["gold"]
        layout = QVBoxLayout(self)
        layout.addWidget(_plain("Cards for the pieces of this purchase:", self))
        self.boxes: dict[str, QCheckBox] = {}
        for material in MATERIALS:
            box = QCheckBox(care_text(material).title, self)
            box.setChecked(material in suited)
            self.boxes[material] = box
            layout.addWidget(box)
        form = QFormLayout()
        self.size_box = QComboBox(self)
        for key, text in SIZES.items():
            self.size_box.addItem(text, key)
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(settings.get(CARE_SIZE_KEY))))
        form.addRow("&Size", self.size_box)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    @property
    def materials(self) -> list[str]:
        return [m for m, box in self.boxes.items() if box.isChecked()]

    def pdf(self) -> bytes:
        return care_cards_pdf(self.materials or ["gold"], load_letterhead(),
                              self.size_box.currentData())

    def accept(self) -> None:
        settings.set(CARE_SIZE_KEY, self.size_box.currentData())
        super().accept()


def _parent(window):
    return QApplication.activeModalWidget() or QApplication.activeWindow() or window


def print_note_prompt(window, purchase_id: int) -> None:
    dialog = NotePromptDialog(purchase_id, _parent(window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        show_pdf_preview(dialog.parentWidget(), dialog.pdf(),
                         f"Note prompt for {dialog.prompt.person.full_name}")


def print_care_card(window, purchase_id: int) -> None:
    dialog = CareCardDialog(purchase_id, _parent(window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        show_pdf_preview(dialog.parentWidget(), dialog.pdf(), "Care cards")
