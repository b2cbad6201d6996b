"""Settings › Wording: the words of note prompts and call scripts, with a live preview.

Pick a wording on the left, edit it, and the piece it belongs to is drawn again on the
right as you type, for a made-up client (as a gift or not). Problems (an unknown
placeholder, a lone brace) are listed under the editor; they never stop the printing,
which shows them as "[unknown: {…}]" until they are fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.templates import PLACEHOLDERS, TEMPLATES, Wording, check, default_templates
from boutique.services.stationery.letterhead import (
    load_letterhead,
    load_template_overrides,
    save_templates,
)
from boutique.ui.print_preview import render_page
from boutique.ui.print_samples import sample_prompt, sample_script

MIN_PREVIEW_WIDTH = 260
HELP = ("Placeholders in braces, e.g. {salutation} or {item}. A line starting with [gift] is "
        "used only for a gift, [self] only when it is not one, [recall] (any placeholder) "
        "only when there is something to say. Lines starting with # are remarks; in call "
        "scripts, lines starting with > are said aloud.")


class TemplatesSettingsPage(QWidget):
    title = "Wording"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.defaults = default_templates()
        self.texts = self.defaults | load_template_overrides()
        self.letterhead = load_letterhead()
        self.current = ""
        outer = QHBoxLayout(self)
        self.names = QListWidget(self)
        self.names.setMaximumWidth(210)
        group = ""
        for name, (group_name, title) in TEMPLATES.items():
            if group_name != group:
                header = QListWidgetItem(group_name.upper())
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                self.names.addItem(header)
                group = group_name
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.names.addItem(item)
        outer.addWidget(self.names)
        middle = QVBoxLayout()
        outer.addLayout(middle, 3)
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabChangesFocus(True)
        middle.addWidget(self.editor, 1)
        row = QHBoxLayout()
        self.insert = QComboBox(self)
        self.insert.addItem("Insert a placeholder…", "")
        for name, meaning in PLACEHOLDERS.items():
            self.insert.addItem(f"{{{name}}}  {meaning}", name)
        self.insert.activated.connect(self._insert_placeholder)
        row.addWidget(self.insert, 1)
        self.restore = QPushButton("&Restore the default", self)
        self.restore.clicked.connect(self._restore_default)
        row.addWidget(self.restore)
        middle.addLayout(row)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        middle.addWidget(self.problems)
        help_label = QLabel(HELP, self)
        help_label.setWordWrap(True)
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        help_label.setProperty("role", "muted")
        middle.addWidget(help_label)
        right = QVBoxLayout()
        outer.addLayout(right, 4)
        self.as_gift = QCheckBox("Preview as a &gift", self)
        self.as_gift.setChecked(True)
        right.addWidget(self.as_gift)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.preview)
        self.scroll.setWidgetResizable(True)
        right.addWidget(self.scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        self.editor.textChanged.connect(self._edited)
        self.as_gift.toggled.connect(self._timer.start)
        self.names.currentItemChanged.connect(self._select)
        self.names.setCurrentRow(self._row_of("note.thank_you_note"))

    def _row_of(self, name: str) -> int:
        for row in range(self.names.count()):
            if self.names.item(row).data(Qt.ItemDataRole.UserRole) == name:
                return row
        return 1

    def _select(self, item, _previous=None) -> None:
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not name:
            return
        self.current = name
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts.get(name, ""))
        self.editor.blockSignals(False)
        self._show_problems()
        self.refresh_preview()

    def _edited(self) -> None:
        if self.current:
            self.texts[self.current] = self.editor.toPlainText()
        self._show_problems()
        self._timer.start()

    def _show_problems(self) -> None:
        problems = check(self.editor.toPlainText())
        self.problems.setProperty("role", "error" if problems else "muted")
        self.problems.setText(("Problems: " + "; ".join(problems)) if problems else "No problems.")
        self.problems.style().unpolish(self.problems)
        self.problems.style().polish(self.problems)

    def _insert_placeholder(self, index: int) -> None:
        name = self.insert.itemData(index)
        if name:
            self.editor.insertPlainText(f"{{{name}}}")
            self.editor.setFocus()
        self.insert.setCurrentIndex(0)

    def _restore_default(self) -> None:
        if self.current:
            self.editor.setPlainText(self.defaults.get(self.current, ""))

    def all_problems(self) -> dict[str, tuple[str, ...]]:
        return {name: found for name, text in self.texts.items() if (found := check(text))}

    def refresh_preview(self) -> None:
        """Draw the piece this wording belongs to, as it would print now."""
        wording = Wording.from_overrides(self.texts)
        group, _, kind = self.current.partition(".")
        gift = self.as_gift.isChecked()
        if group == "script":
            pdf = call_scripts_pdf([sample_script(kind, gift)], self.letterhead, wording, "half")
        else:
            prompt = sample_prompt(kind if group == "note" else "thank_you_note", gift)
            pdf = note_prompts_pdf([prompt], self.letterhead, wording, "card")
        width = max(MIN_PREVIEW_WIDTH, self.scroll.viewport().width() - 8)
        self.preview.setPixmap(QPixmap.fromImage(render_page(pdf, width)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._timer.start()  # the preview follows the width it is given

    def save(self) -> None:
        save_templates(self.texts, self.defaults)
