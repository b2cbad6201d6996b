"""The import preview: counts, the first rows as they would be saved, every problem; the
import itself in a worker thread with a progress bar and Cancel."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from boutique.services.interchange import (
    FIXED_FORMATS,
    FORMAT_NAMES,
    apply_plan,
    build_plan,
    failure_message,
)
from boutique.services.text import money
from boutique.ui.import_mapping import MappingModel, MappingView

PREVIEW_ROWS = 20
PREVIEW_FIELDS = ("first_name", "last_name", "email", "mobile_phone", "home_city", "tags")


class ImportWorker(QThread):
    """Writes the plan off the window's thread; `cancel()` rolls everything back. A dry run
    writes it all and rolls it back, to count what the import would add."""

    progressed = Signal(int, int)
    finished_with = Signal(object, str)  # summary or None, error text

    def __init__(self, plan, good_rows_only: bool, parent=None, dry_run: bool = False):
        super().__init__(parent)
        self.plan, self.good_rows_only, self._cancelled = plan, good_rows_only, False
        self.dry_run = dry_run

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled

    def run(self) -> None:
        try:
            summary = apply_plan(self.plan, self.good_rows_only, progress=self._progress,
                                 dry_run=self.dry_run)
            self.finished_with.emit(summary, "")
        except Exception as exc:  # the transaction rolled back; say so, and why
            self.finished_with.emit(None, failure_message(exc))


def _model(headers, rows) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers))
    model.setHorizontalHeaderLabels(list(headers))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    return model


def _purchase_text(purchase) -> str:
    """'2026-11-20 · Rose gold halo ring +1 · $1,240.00 (refunded)' for an order's row."""
    if purchase is None:
        return ""
    first = purchase.items[0].description if purchase.items else "purchase"
    more = f" +{len(purchase.items) - 1}" if len(purchase.items) > 1 else ""
    total = money(sum(i.price_cents for i in purchase.items))
    return f"{purchase.purchase_date} · {first}{more} · {total}" + (
        f" ({purchase.voided})" if purchase.voided else "")


class ImportDialog(QDialog):
    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(f"Import {self.path.name}")
        self.resize(920, 720)
        self.plan = build_plan(self.path)
        self.worker: ImportWorker | None = None
        self.counter: ImportWorker | None = None  # the dry run counting the follow-ups
        self.summary = None
        layout = QVBoxLayout(self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.followups = QLabel("", self)
        self.followups.setWordWrap(True)
        layout.addWidget(self.followups)
        self.mapping_view = None
        if self.plan.format not in FIXED_FORMATS:
            layout.addWidget(QLabel("Columns: choose where each goes (the preview follows):",
                                    self))
            self.mapping_model = MappingModel(self.plan.header, self.plan.sample,
                                              self.plan.mapping, self)
            self.mapping_model.changed.connect(self.remap)
            self.mapping_view = MappingView(self.mapping_model, self)
            layout.addWidget(self.mapping_view, 2)
        layout.addWidget(QLabel("The first rows as they will be saved:", self))
        self.rows_view = QTableView(self)
        self.rows_view.verticalHeader().hide()
        self.rows_view.setWordWrap(False)
        layout.addWidget(self.rows_view, 2)
        layout.addWidget(QLabel("Problems (nothing is imported while there are any, unless you "
                                "choose the good rows only):", self))
        self.problems_view = QTableView(self)
        self.problems_view.verticalHeader().hide()
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.problems_view, 1)
        line = QHBoxLayout()
        self.save_problems = QPushButton("Save problems as CSV…", self)
        self.save_problems.clicked.connect(self._ask_save_problems)
        line.addWidget(self.save_problems)
        self.good_only = QCheckBox("Import only the good rows", self)
        self.good_only.toggled.connect(self._update_buttons)
        line.addWidget(self.good_only)
        line.addStretch(1)
        layout.addLayout(line)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)
        self._show_plan()

    def remap(self, mapping: dict[str, str]) -> None:
        """Preview again with the user's mapping; nothing is written until Import."""
        self.plan = build_plan(self.path, self.plan.format, mapping)
        self._show_plan()

    def _show_plan(self) -> None:
        s = self.plan.summary()
        self.counts.setText(
            f"Recognised as <b>{FORMAT_NAMES.get(self.plan.format, self.plan.format)}</b>: "
            f"{s['created']} new, {s['merged']} merged into clients already in the book, "
            f"{s['skipped']} unchanged, <b>{len(self.plan.problems)} problems</b>.")
        self.rows_view.setModel(_model(
            ("row", "action") + PREVIEW_FIELDS + ("purchase", "matched by"), [
                (r.row, r.action, *(r.values.get(f, "") for f in PREVIEW_FIELDS),
                 _purchase_text(r.purchase), r.rule)
                for r in self.plan.rows[:PREVIEW_ROWS]]))
        self.rows_view.resizeColumnsToContents()
        self.problems_view.setModel(_model(("row", "field", "reason"), [
            (p.row, p.field, p.reason) for p in self.plan.problems]))
        self.save_problems.setEnabled(bool(self.plan.problems))
        self.good_only.setVisible(bool(self.plan.problems))
        self._update_buttons()
        self._count_followups()

    def _count_followups(self) -> None:
        """Say how many follow-ups the orders will add: a dry run, in the background."""
        self._stop_counting()
        if not any(r.purchase is not None for r in self.plan.rows):
            self.followups.setText("")
            return
        self.followups.setText("Counting the follow-ups this import will add…")
        counter = ImportWorker(self.plan, True, self, dry_run=True)
        counter.finished_with.connect(lambda summary, _e: self._counted(counter, summary))
        self.counter = counter
        counter.start()

    def _counted(self, counter: ImportWorker, summary) -> None:
        counter.wait()
        if counter is not self.counter or summary is None:
            return
        n = summary["followups_added"]
        self.followups.setText(
            f"It will schedule <b>{n} follow-up{'s' if n != 1 else ''}</b> for the "
            f"{summary['purchases_added']} purchases: only those still ahead of today, so "
            "past sales bring no overdue notes.")

    def _stop_counting(self) -> None:
        if self.counter is not None and self.counter.isRunning():
            self.counter.cancel()
            self.counter.wait()
        self.counter = None

    def done(self, result: int) -> None:  # closing: no count left running
        self._stop_counting()
        super().done(result)

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(not self.plan.problems or self.good_only.isChecked())

    def save_problems_to(self, path: Path) -> None:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("row", "field", "reason"))
            writer.writerows((p.row, p.field, p.reason) for p in self.plan.problems)

    def _ask_save_problems(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save problems", "problems.csv", "CSV (*.csv)")
        if path:
            self.save_problems_to(Path(path))

    def start_import(self) -> None:
        self._stop_counting()
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the first rows are written
        self.status.setText("Taking a verified backup, then importing in one go: "
                            "Cancel leaves the book as it was.")
        self.worker = ImportWorker(self.plan, self.good_only.isChecked(), self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished_with.connect(self._finished)
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.status.setText("Cancelling: the book is left as it was…")
        else:
            self.reject()

    def _finished(self, summary, error: str) -> None:
        self.worker.wait()
        self.summary = summary
        if summary is None:
            self.status.setText(error)
            self.progress.setVisible(False)
            return
        self.status.setText(f"Imported: {summary['created']} new, {summary['merged']} merged.")
        self.accept()
