"""Settings › Letterhead: the store on paper, and how today's pack is put together.

The preview on the right is the real drawing code at work (an envelope's return address
and a care card's masthead) and follows every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.printing.call_scripts import LAYOUTS as SCRIPT_LAYOUTS
from boutique.printing.care_cards import care_cards_pdf
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.pack import MAIL_CHOICES
from boutique.printing.prompts import LAYOUTS as PROMPT_LAYOUTS
from boutique.printing.sheets import ENVELOPES, LABEL_SHEETS
from boutique.services import settings
from boutique.services.errors import ValidationError
from boutique.services.stationery.letterhead import (
    COUNTRY_KEY,
    Letterhead,
    default_page_size,
    load_letterhead,
    load_pack_options,
    save_print_settings,
)
from boutique.ui.print_preview import render_page
from boutique.ui.print_samples import SAMPLE_ADDRESS

PREVIEW_WIDTH = 300
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp)"


def _combo(parent, choices: dict[str, str], current: str) -> QComboBox:
    box = QComboBox(parent)
    for key, text in choices.items():
        box.addItem(text, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class LetterheadSettingsPage(QWidget):
    title = "Letterhead"

    def __init__(self, parent=None):
        super().__init__(parent)
        saved = load_letterhead()
        explicit_size = settings.get("letterhead.page_size") or ""
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        form = QFormLayout()
        left.addLayout(form)
        self.store_name = QLineEdit(saved.store_name, self)
        form.addRow("Store &name", self.store_name)
        self.address = QPlainTextEdit("\n".join(saved.address_lines), self)
        self.address.setPlaceholderText("One line per line, as on an envelope")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        form.addRow("&Address", self.address)
        self.phone = QLineEdit(saved.phone, self)
        form.addRow("&Phone", self.phone)
        self.website = QLineEdit(saved.website, self)
        form.addRow("&Website", self.website)
        self.jeweler_name = QLineEdit(saved.jeweler_name, self)
        self.jeweler_name.setPlaceholderText("Signs the notes and makes the calls")
        form.addRow("&Jeweler", self.jeweler_name)
        self.signature_line = QLineEdit(saved.signature_line, self)
        self.signature_line.setPlaceholderText("e.g. Elena Marsh, Goldsmith")
        form.addRow("Si&gnature line", self.signature_line)
        logo_row = QHBoxLayout()
        self.logo_path = QLineEdit(saved.logo_path or "", self)
        self.logo_path.setPlaceholderText("Optional: a PNG or JPEG of the store's mark")
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo_path)
        logo_row.addWidget(choose)
        logo_label = QLabel("&Logo", self)
        logo_label.setBuddy(self.logo_path)
        form.addRow(logo_label, logo_row)
        automatic = "Letter" if default_page_size() == "letter" else "A4"
        self.page_size = _combo(self, {"": f"Automatic ({automatic}, from the region)",
                                       "letter": "Letter (8½ × 11 in)", "a4": "A4 (210 × 297 mm)"},
                                explicit_size)
        form.addRow("Pa&per", self.page_size)
        self.country = QLineEdit(str(settings.get(COUNTRY_KEY) or ""), self)
        self.country.setPlaceholderText("e.g. USA: left off envelopes to the same country")
        form.addRow("Your &country", self.country)
        left.addWidget(self._pack_group())
        left.addStretch(1)
        right = QVBoxLayout()
        outer.addLayout(right, 2)
        caption = QLabel("Preview", self)
        caption.setProperty("role", "muted")
        right.addWidget(caption)
        self.envelope_preview = QLabel(self)
        self.card_preview = QLabel(self)
        for label in (self.envelope_preview, self.card_preview):
            # White paper on the grey page, with a hairline edge, as it will print.
            label.setStyleSheet("background: white; border: 1px solid #d8d2c8;")
            right.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.store_name, self.phone, self.website, self.jeweler_name,
                     self.signature_line, self.logo_path):
            edit.textChanged.connect(self._timer.start)
        self.address.textChanged.connect(self._timer.start)
        self.page_size.currentIndexChanged.connect(self._timer.start)
        self.refresh_preview()

    def _pack_group(self) -> QGroupBox:
        group = QGroupBox("Today’s pack", self)
        form = QFormLayout(group)
        chosen = load_pack_options()
        self.prompt_layout = _combo(group, PROMPT_LAYOUTS, chosen["prompt_layout"])
        form.addRow("Note p&rompts", self.prompt_layout)
        self.script_layout = _combo(group, SCRIPT_LAYOUTS, chosen["script_layout"])
        form.addRow("Call &scripts", self.script_layout)
        self.mail = _combo(group, MAIL_CHOICES, chosen["mail"])
        form.addRow("&Envelopes or labels", self.mail)
        self.envelope = _combo(group, {"": "Automatic (A2 with Letter, C6 with A4)",
                                       **{k: e.title for k, e in ENVELOPES.items()}},
                               chosen["envelope"])
        form.addRow("Envelope si&ze", self.envelope)
        self.label_sheet = _combo(group, {"": "Automatic (5160 with Letter, L7160 with A4)",
                                          **{k: s.title for k, s in LABEL_SHEETS.items()}},
                                  chosen["label_sheet"])
        form.addRow("La&bel sheet", self.label_sheet)
        return group

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the logo", self.logo_path.text(),
                                              LOGO_FILTER)
        if path:
            self.logo_path.setText(path)

    def values(self) -> dict:
        return {
            "store_name": self.store_name.text(),
            "address_lines": self.address.toPlainText().splitlines(),
            "phone": self.phone.text(), "website": self.website.text(),
            "jeweler_name": self.jeweler_name.text(),
            "signature_line": self.signature_line.text(),
            "logo_path": self.logo_path.text(), "page_size": self.page_size.currentData(),
        }

    def letterhead(self) -> Letterhead:
        """What is typed so far, as the printing sees it (nothing saved)."""
        v = self.values()
        return Letterhead(
            store_name=v["store_name"].strip(),
            address_lines=tuple(x.strip() for x in v["address_lines"] if x.strip()),
            phone=v["phone"].strip(), website=v["website"].strip(),
            jeweler_name=v["jeweler_name"].strip(), signature_line=v["signature_line"].strip(),
            logo_path=v["logo_path"].strip() or None,
            page_size=v["page_size"] or default_page_size())

    def refresh_preview(self) -> None:
        letterhead = self.letterhead()
        envelope = render_page(envelope_pdf(letterhead, SAMPLE_ADDRESS, "a2"), PREVIEW_WIDTH)
        card = render_page(care_cards_pdf(["gold"], letterhead, "a6"), PREVIEW_WIDTH * 2 // 3)
        self.envelope_preview.setPixmap(QPixmap.fromImage(envelope))
        self.card_preview.setPixmap(QPixmap.fromImage(card))

    def save(self) -> None:
        values = self.values()
        typed = any(str(v).strip() for k, v in values.items()
                    if k not in ("store_name", "page_size", "address_lines"))
        typed = typed or any(line.strip() for line in values["address_lines"])
        letterhead = values
        if not values["store_name"].strip():
            if typed or settings.get("letterhead.store_name"):
                self.store_name.setFocus()
                raise ValidationError({"store name": "the store's name heads every printed piece"})
            # Nothing typed on a new store: only the paper choice is kept.
            letterhead = {"page_size": values["page_size"]}
        save_print_settings(letterhead, self.country.text(), {
            "prompt_layout": self.prompt_layout.currentData(),
            "script_layout": self.script_layout.currentData(),
            "mail": self.mail.currentData(), "envelope": self.envelope.currentData(),
            "label_sheet": self.label_sheet.currentData(),
        })
