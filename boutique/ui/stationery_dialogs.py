"""From a purchase: "Print thank-you card…" and "Print envelope…".

A small dialog picks the layout or the envelope size (the last choice is remembered),
then the PDF opens in the print preview. The envelope dialog shows whom it goes to and,
above all, the warnings (a gift with only a home address on file), which are never
printed on the envelope itself.
"""

from __future__ import annotations

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

from boutique.printing.cards import CARD_LAYOUTS, card_layout, card_pdf, envelope_for_card
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.glyph_warnings import address_warning
from boutique.printing.sheets import ENVELOPES
from boutique.services import settings
from boutique.services.stationery.letterhead import load_letterhead
from boutique.services.stationery.mail import (
    ENVELOPE_KEY,
    GUIDES_KEY,
    get_purchase,
    mail_for_purchase,
    preferred_card_layout,
    preferred_envelope,
    remember_choices,
)
from boutique.ui.print_preview import show_pdf_preview

DUPLEX_HINT = ("A folded card prints on two pages, outside then inside: print double-sided "
               "(or feed the sheet back in for page 2).")


def _plain_label(text: str, parent, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names may hold < and &
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class CardDialog(QDialog):
    """Choose the card layout and whether to print writing guides."""

    def __init__(self, purchase_id: int, parent=None):
        super().__init__(parent)
        self.letterhead = load_letterhead()
        client = get_purchase(purchase_id).client
        self.client_name = client.full_name
        self.setWindowTitle("Print thank-you card")
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(f"A card for the note to {self.client_name}, "
                                      "written by hand.", self))
        form = QFormLayout()
        self.layout_box = QComboBox(self)
        for name, card in CARD_LAYOUTS.items():
            self.layout_box.addItem(card.description, name)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(
            preferred_card_layout(self.letterhead.page_size))))
        form.addRow("&Card", self.layout_box)
        self.guides = QCheckBox("Light writing guides inside", self)
        self.guides.setChecked(bool(settings.get(GUIDES_KEY)))
        form.addRow("", self.guides)
        layout.addLayout(form)
        self.hint = _plain_label(DUPLEX_HINT, self, role="muted")
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.layout_box.currentIndexChanged.connect(self._update_hint)
        self._update_hint()
        self.layout_box.setFocus()

    @property
    def layout_name(self) -> str:
        return self.layout_box.currentData()

    def _update_hint(self) -> None:
        self.hint.setVisible(CARD_LAYOUTS[self.layout_name].stock.folded)

    def pdf(self) -> bytes:
        return card_pdf(self.letterhead, self.layout_name, guides=self.guides.isChecked(),
                        title=f"Thank-you card for {self.client_name}")

    def accept(self) -> None:
        remember_choices(card_layout=self.layout_name, guides=self.guides.isChecked())
        super().accept()


class EnvelopeDialog(QDialog):
    """Choose the envelope size; see the address it goes to and any warning."""

    def __init__(self, purchase_id: int, parent=None):
        super().__init__(parent)
        self.letterhead = load_letterhead()
        self.piece = mail_for_purchase(purchase_id)
        self.setWindowTitle("Print envelope")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.size_box = QComboBox(self)
        for key, size in ENVELOPES.items():
            self.size_box.addItem(size.title, key)
        page = self.letterhead.page_size
        self.card = preferred_card_layout(page)
        # The envelope last chosen; else the one the card last chosen fits (a flat 6 x 4
        # card goes in an A6 envelope, not the A2 of the folded card).
        chosen = settings.get(ENVELOPE_KEY) or envelope_for_card(
            self.card, preferred_envelope(page), page)
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(chosen)))
        form.addRow("&Envelope", self.size_box)
        self.fit_note = _plain_label("", self, role="muted")
        form.addRow("", self.fit_note)
        where = {"business": "Business address", "home": "Home address"}.get(
            self.piece.address_kind, "No address on file: write it by hand")
        self.address = _plain_label("\n".join(self.piece.lines), self)
        form.addRow(where, self.address)
        layout.addLayout(form)
        warnings = [*self.piece.warnings,
                    address_warning(self.piece.lines, self.piece.client_name)]
        warnings = [w for w in warnings if w]
        self.warnings = _plain_label("\n".join(warnings), self, role="error")
        self.warnings.setVisible(bool(warnings))
        layout.addWidget(self.warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.size_box.currentIndexChanged.connect(self._update_fit)
        self._update_fit()
        self.size_box.setFocus()

    @property
    def size_key(self) -> str:
        return self.size_box.currentData()

    def _update_fit(self) -> None:
        """Say so when the card last chosen would not fit the envelope chosen."""
        layout = CARD_LAYOUTS[card_layout(self.card).name]
        fits = layout.envelopes(self.letterhead.page_size)
        text = "" if self.size_key in fits else (
            f"The {layout.stock.title} does not fit this envelope; it fits: "
            + ", ".join(ENVELOPES[k].title for k in fits))
        self.fit_note.setText(text)
        self.fit_note.setVisible(bool(text))

    def pdf(self) -> bytes:
        return envelope_pdf(self.letterhead, self.piece.lines, self.size_key,
                            title=f"Envelope for {self.piece.client_name}")

    def accept(self) -> None:
        remember_choices(envelope=self.size_key)
        super().accept()


def _parent(window):
    """Over the client's profile when it is open (a modal dialog), else the main window."""
    return QApplication.activeModalWidget() or window


def print_card(window, purchase_id: int) -> None:
    dialog = CardDialog(purchase_id, _parent(window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        title = f"Thank-you card for {dialog.client_name}"
        show_pdf_preview(dialog.parentWidget(), dialog.pdf(), title)
    dialog.deleteLater()


def print_envelope(window, purchase_id: int) -> None:
    dialog = EnvelopeDialog(purchase_id, _parent(window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        title = f"Envelope for {dialog.piece.client_name}"
        show_pdf_preview(dialog.parentWidget(), dialog.pdf(), title)
    dialog.deleteLater()
