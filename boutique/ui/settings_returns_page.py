"""The return policy page of Settings: windows, final-sale kinds, the restocking fee, the
thank-you code, and the policy as the client reads it (on the return slip)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boutique.services.returns import LIMITS, RESOLUTION_LABELS, load_policy, save_policy


class ReturnsSettingsPage(QWidget):
    title = "Returns"

    def __init__(self, parent=None):
        super().__init__(parent)
        policy = load_policy()
        outer = QVBoxLayout(self)
        intro = QLabel("What a return may be, and what the client reads. A return outside "
                       "the policy can still be accepted, with its reason recorded.", self)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        form = QFormLayout()
        self.numbers: dict[str, QSpinBox] = {}
        for name, (low, high, label) in LIMITS.items():
            spin = QSpinBox(self)
            spin.setObjectName(f"returns_{name}")
            spin.setRange(low, high)
            spin.setValue(getattr(policy, name))
            spin.setMinimumWidth(90)
            form.addRow(label, spin)
            self.numbers[name] = spin
        self.fee_applies: dict[str, QCheckBox] = {}
        fee_row = QHBoxLayout()
        for key, text in RESOLUTION_LABELS.items():
            box = QCheckBox(text, self)
            box.setChecked(key in policy.fee_resolutions)
            fee_row.addWidget(box)
            self.fee_applies[key] = box
        fee_row.addStretch(1)
        form.addRow("The fee applies to", fee_row)
        self.final_sale = QLineEdit(", ".join(policy.final_sale_kinds), self)
        self.final_sale.setToolTip("Words that make an item final sale when its category, "
                                   "description or the purchase's remarks name them; "
                                   "“custom” also follows the purchase's custom flag.")
        form.addRow("Final sale (comma between kinds)", self.final_sale)
        self.code = QLineEdit(policy.thank_you_code, self)
        self.code.setPlaceholderText("e.g. THANKYOU10 (empty: none offered)")
        form.addRow("Thank-you code after a return", self.code)
        outer.addLayout(form)
        outer.addWidget(QLabel("The policy as the client reads it ({return_days} and "
                               "{exchange_days} fill in the windows)", self))
        self.text = QPlainTextEdit(policy.policy_text, self)
        self.text.setObjectName("returns_policy_text")
        outer.addWidget(self.text, 1)

    def save(self) -> None:
        save_policy({
            **{name: spin.value() for name, spin in self.numbers.items()},
            "fee_resolutions": [k for k, box in self.fee_applies.items() if box.isChecked()],
            "final_sale_kinds": self.final_sale.text().split(","),
            "thank_you_code": self.code.text(),
            "policy_text": self.text.toPlainText(),
        })
