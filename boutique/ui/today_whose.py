"""Today's "whose": everyone's follow-ups, or only those of one associate's clients.

Remembered per computer (QSettings), not in the store: each person at the counter has
their own screen, the book is shared."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from boutique.services.associates import associates, client_ids_of

EVERYONE = "Everyone"
KEY = "today/whose"


class WhoseChooser(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("today_whose")
        self.setToolTip("Show the follow-ups of every client, or only of the clients one "
                        "associate looks after (this computer remembers the choice)")
        self.fill()
        self.currentTextChanged.connect(self._remember)

    def fill(self) -> None:
        wanted = str(QSettings().value(KEY, EVERYONE) or EVERYONE)
        self.blockSignals(True)
        self.clear()
        self.addItem(EVERYONE)
        self.addItems([a.name for a in associates(include_left=False)])
        found = self.findText(wanted)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)

    def _remember(self, text: str) -> None:
        QSettings().setValue(KEY, text or EVERYONE)

    def keep(self, items: list) -> list:
        whose = self.currentText()
        if not whose or whose == EVERYONE:
            return items
        mine = client_ids_of(whose)
        return [item for item in items if item.client_id in mine]
