"""Every field of a client in sensible groups, with inline validation messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from boutique.services import settings
from boutique.services.clients import Client
from boutique.services.clients.book import field_default, field_problem
from boutique.services.clients.phones import display as display_phone
from boutique.ui.key_date_edit import KeyDateEdit

SALUTATIONS = ["", "Ms.", "Mrs.", "Mr.", "Mx.", "Dr."]
CHANNEL_LABELS = (("consent_mail", "Mail"), ("consent_phone", "Phone"),
                  ("consent_text", "Text"), ("consent_email", "Email"))
LINE_FIELDS = {
    "first_name": "First name", "last_name": "Last name", "preferred_name": "Preferred name",
    "partner_name": "Partner's name", "mobile_phone": "Mobile", "work_phone": "Work phone",
    "home_phone": "Home phone", "email": "Email", "associate": "Associate", "tags": "Tags",
    "home_line1": "Address", "home_line2": "", "home_city": "City", "home_region": "State / region",
    "home_postcode": "Postcode", "home_country": "Country",
    "business_company": "Company", "business_line1": "Address", "business_line2": "",
    "business_city": "City", "business_region": "State / region",
    "business_postcode": "Postcode", "business_country": "Country",
    "ring_size": "Ring size",
}
TEXT_AREAS = {"other_sizes": "Other sizes", "pref_metals": "Metals", "pref_stones": "Stones",
              "pref_styles": "Styles", "dislikes": "Dislikes", "wish_list": "Wish list"}


class ClientForm(QScrollArea):
    """The editable profile. `values()` gives raw input; the service validates it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self.inputs: dict[str, Any] = {}
        self.error_labels: dict[str, QLabel] = {}
        columns = QHBoxLayout(body)
        columns.setSpacing(18)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._contact_group())
        left.addWidget(self._family_group())
        left.addStretch(1)
        right.addWidget(self._address_group())
        right.addWidget(self._sizes_group())
        right.addWidget(self._wish_group(), 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    # -- building ----------------------------------------------------------------------
    def _line(self, form: QFormLayout, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.inputs[name] = edit
        self._add_row(form, LINE_FIELDS.get(name, name), edit, name)
        if name.endswith("_phone") or name == "email":
            edit.editingFinished.connect(lambda n=name: self._check_as_typed(n))
        return edit

    def _associate_choice(self, form: QFormLayout) -> QComboBox:
        """One of the associates (a new name typed here becomes one)."""
        from boutique.services.associates import associates

        combo = QComboBox(self)
        combo.setObjectName("associate")
        combo.setEditable(True)
        combo.addItems(["", *(a.name for a in associates(include_left=False))])
        combo.setToolTip("Who looks after this client: the associates of Settings > "
                         "Associates. A change is kept in the client's history.")
        self.inputs["associate"] = combo
        self._add_row(form, LINE_FIELDS.get("associate", "associate"), combo, "associate")
        return combo

    def _check_as_typed(self, name: str) -> None:
        """Leaving a phone or email field says at once what is wrong with it."""
        problem = field_problem(name, self.inputs[name].text())
        label, widget = self.error_labels[name], self.inputs[name]
        label.setText(problem or "")
        label.setVisible(bool(problem))
        widget.setProperty("invalid", bool(problem))
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _add_row(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel("", holder)
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.error_labels[name] = error
        form.addRow(label, holder)

    def _contact_group(self) -> QGroupBox:
        group = QGroupBox("Contact", self)
        form = QFormLayout(group)
        salutation = QComboBox(self)
        salutation.setEditable(True)
        salutation.addItems(SALUTATIONS)
        salutation.setObjectName("salutation")
        self.inputs["salutation"] = salutation
        self._add_row(form, "Title", salutation, "salutation")
        for name in ("first_name", "last_name", "preferred_name"):
            self._line(form, name)
        self._line(form, "mobile_phone", "e.g. (555) 013-4567")
        self._line(form, "work_phone")
        self._line(form, "home_phone")
        self._line(form, "email", "name@example.com")
        channels = QWidget(self)
        row = QHBoxLayout(channels)
        row.setContentsMargins(0, 0, 0, 0)
        for name, label in CHANNEL_LABELS:
            box = QCheckBox(label, self)
            box.setObjectName(name)
            self.inputs[name] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow("Agreed to", channels)
        dnc = QCheckBox("Do not contact", self)
        dnc.setObjectName("do_not_contact")
        dnc.setToolTip("No follow-ups of any kind are made for this client")
        self.inputs["do_not_contact"] = dnc
        form.addRow("", dnc)
        self._associate_choice(form)
        self._line(form, "tags", "comma separated, e.g. bridal, collector")
        return group

    def _family_group(self) -> QGroupBox:
        group = QGroupBox("Family and dates", self)
        form = QFormLayout(group)
        self._line(form, "partner_name")
        for prefix, label in (("birthday", "Birthday"), ("anniversary", "Anniversary")):
            edit = KeyDateEdit(self)
            edit.setObjectName(prefix)
            self.inputs[prefix] = edit
            self._add_row(form, label, edit, prefix)
        return group

    def _sizes_group(self) -> QGroupBox:
        group = QGroupBox("Sizes and preferences", self)
        form = QFormLayout(group)
        self._line(form, "ring_size")
        for name in ("other_sizes", "pref_metals", "pref_stones", "pref_styles", "dislikes"):
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.inputs[name] = edit
            self._add_row(form, TEXT_AREAS[name], edit, name)
        return group

    def _address_group(self) -> QGroupBox:
        group = QGroupBox("Addresses", self)
        row = QHBoxLayout(group)
        for which, title in (("home", "Home"), ("business", "Business")):
            box = QGroupBox(title, self)
            if which == "business":
                box.setToolTip("Thank-you notes for gifts go here, so the surprise is kept")
            form = QFormLayout(box)
            names = [f"{which}_{p}" for p in ("company", "line1", "line2", "city", "region",
                                              "postcode", "country")]
            for name in names:
                if name != "home_company":
                    self._line(form, name)
            row.addWidget(box)
        return group

    def _wish_group(self) -> QGroupBox:
        group = QGroupBox("Wish list", self)
        layout = QVBoxLayout(group)
        edit = QPlainTextEdit(self)
        edit.setObjectName("wish_list")
        edit.setPlaceholderText("Pieces the client admired, for the next gift occasion")
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        self.inputs["wish_list"] = edit
        layout.addWidget(edit)
        error = QLabel("", self)
        error.setProperty("role", "error")
        error.hide()
        self.error_labels["wish_list"] = error
        layout.addWidget(error)
        return group

    # -- values ------------------------------------------------------------------------
    def set_client(self, client: Client | None) -> None:
        region = settings.get("store.default_region")
        for name, widget in self.inputs.items():
            if name in ("birthday", "anniversary"):
                widget.set_parts(*(getattr(client, f"{name}_{p}") if client else None
                                   for p in ("year", "month", "day")))
                continue
            value = getattr(client, name) if client else field_default(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(value or "")
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                if name.endswith("_phone"):
                    value = display_phone(value, region)
                widget.setText(value or "")
                widget.setCursorPosition(0)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if name in ("birthday", "anniversary"):
                year, month, day = widget.parts()
                out.update({f"{name}_year": year, f"{name}_month": month, f"{name}_day": day})
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            else:
                out[name] = widget.text()
        return out

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field and focus the first bad field."""
        self.clear_errors()
        first = None
        for field, message in errors.items():
            key = field.rsplit("_", 1)[0] if field.startswith(("birthday_", "anniversary_")) else field
            label = self.error_labels.get(key)
            widget = self.inputs.get(key)
            if label is None:
                continue
            label.setText(message)
            label.show()
            if widget is not None:
                widget.setProperty("invalid", True)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                first = first or widget
        if first is not None:
            self.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for name, label in self.error_labels.items():
            label.hide()
            widget = self.inputs.get(name)
            if widget is not None and widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
