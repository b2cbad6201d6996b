"""The Follow-ups page of Settings: every number of the cadence, stored in the store.

A change applies to follow-ups made from now on; ticking "Reschedule open follow-ups"
also moves the open ones (days the user chose stay as they are).
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boutique.services.cadence.bulk import reschedule_open
from boutique.services.cadence.gifts import SHARED_HOME_NAMES
from boutique.services.cadence.settings import (
    CHOICES,
    LIMITS,
    NOT_OFFERED,
    CadenceRules,
    load_rules,
    save_rules,
)
from boutique.ui.signals import bus

CHOICE_LABELS = {
    "key_date_channel": "Birthday and anniversary reminders by",
    "after_return_channel": "After a return, follow up by",
    "gift_shared_home": "A gift's note to a shared home (no business address)",
}
CHOICE_TIPS = {
    "gift_shared_home": "Nothing posted to a shared home names the recipient or the piece; "
                        "a purchase may choose otherwise for its own gift.",
}
CHANNEL_NAMES = {"phone": "Call", "mail": "Note (mail)", **SHARED_HOME_NAMES}


class CadenceSettingsPage(QWidget):
    title = "Follow-ups"

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        intro = QLabel("When Boutique asks you to write or call. A change applies to "
                       "follow-ups made from now on; the lapse ages apply at once.", self)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rules = load_rules()
        self.inputs: dict[str, QWidget] = {}
        for f in fields(CadenceRules):
            if f.name in NOT_OFFERED:
                continue
            if f.name in LIMITS:
                low, high, label = LIMITS[f.name]
                spin = QSpinBox(inner)
                spin.setObjectName(f"cadence_{f.name}")
                spin.setRange(low, high)
                spin.setMinimumWidth(90)
                spin.setValue(getattr(rules, f.name))
                form.addRow(label, spin)
                self.inputs[f.name] = spin
            else:
                combo = QComboBox(inner)
                combo.setObjectName(f"cadence_{f.name}")
                for choice in CHOICES[f.name]:
                    combo.addItem(CHANNEL_NAMES.get(choice, choice), choice)
                combo.setCurrentIndex(CHOICES[f.name].index(getattr(rules, f.name)))
                combo.setMinimumWidth(140)
                combo.setToolTip(CHOICE_TIPS.get(f.name, ""))
                form.addRow(CHOICE_LABELS[f.name], combo)
                self.inputs[f.name] = combo
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.reschedule = QCheckBox("&Reschedule open follow-ups with these rules", self)
        self.reschedule.setObjectName("cadence_reschedule")
        outer.addWidget(self.reschedule)

    def values(self) -> dict:
        out = {}
        for name, widget in self.inputs.items():
            out[name] = widget.value() if isinstance(widget, QSpinBox) else widget.currentData()
        return out

    def save(self) -> None:
        rules = save_rules(self.values())  # ValidationError keeps the dialog open
        if self.reschedule.isChecked() and reschedule_open(rules):
            bus().followups_changed.emit()
