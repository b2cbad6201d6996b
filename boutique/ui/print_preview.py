"""Print preview for every printed piece: look, then Print or Save as PDF.

`show_pdf_preview(parent, pdf, title)` opens a PDF (bytes or a path) in a QPdfView with
Print… (the system print dialog; each page is rendered to the printer at its resolution
and its own paper size, so an envelope page feeds as an envelope) and Save as PDF….

`show_todays_pack(window, day)` builds the day's pack in a worker thread behind a
progress dialog with Cancel, then opens it in the preview. The worker only reads the
store and draws the PDF; every widget is touched on the GUI thread, through signals.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QVBoxLayout,
)

PREVIEW_SIZE = QSize(980, 860)
PRINT_DPI = 300


def load_document(pdf: bytes | str | Path, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the returned buffer alive as long as it."""
    data = Path(pdf).read_bytes() if isinstance(pdf, (str, Path)) else bytes(pdf)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def render_page(pdf: bytes, width_px: int, page: int = 0) -> QImage:
    """One page of a PDF as an image `width_px` wide (the settings pages' live previews)."""
    holder = QObject()
    document, _buffer = load_document(pdf, holder)
    if document.pageCount() <= page:
        return QImage()
    points = document.pagePointSize(page)
    height = round(width_px * points.height() / max(points.width(), 1))
    image = document.render(page, QSize(width_px, height))
    holder.deleteLater()
    return image


class PdfPreviewDialog(QDialog):
    """The PDF, pages one under the other, with Print… and Save as PDF…."""

    def __init__(self, parent, pdf: bytes | str | Path, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title = title
        self.pdf = Path(pdf).read_bytes() if isinstance(pdf, (str, Path)) else bytes(pdf)
        self.document, self._buffer = load_document(self.pdf, self)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar(self)
        layout.addWidget(self.toolbar)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(14)
        layout.addWidget(self.view)
        self._actions()
        pages = self.document.pageCount()
        self.pages_label = QLabel(f"  {pages} page{'s' if pages != 1 else ''}  ", self)
        self.pages_label.setProperty("role", "muted")
        self.toolbar.addWidget(self.pages_label)
        self.resize(PREVIEW_SIZE)

    def _actions(self) -> None:
        self.action_print = QAction("&Print…", self)
        self.action_print.setShortcut(QKeySequence.StandardKey.Print)
        self.action_print.triggered.connect(self.print_dialog)
        self.action_save = QAction("&Save as PDF…", self)
        self.action_save.setShortcut(QKeySequence.StandardKey.Save)
        self.action_save.triggered.connect(self.save_as)
        zoom_in = QAction("Zoom &in", self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self._zoom(1.25))
        zoom_out = QAction("Zoom &out", self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self._zoom(0.8))
        fit = QAction("&Fit width", self)
        fit.setShortcut(QKeySequence("Ctrl+0"))
        fit.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        close = QAction("&Close", self)
        close.triggered.connect(self.reject)
        for action in (self.action_print, self.action_save, None, zoom_in, zoom_out, fit, None,
                       close):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
                self.addAction(action)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    # -- print and save ----------------------------------------------------------------
    def print_dialog(self) -> bool:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(f"Print {self.title}")
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Render each page at the printer's resolution on paper of the page's own size."""
        count = self.document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        painter = QPainter()
        progress = QProgressDialog("Sending the pages to the printer…", "Cancel", first - 1,
                                   last, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        started = False
        for number in range(first - 1, last):
            self._page_setup(printer, number)
            if not started:
                if not painter.begin(printer):
                    QMessageBox.warning(self, "Print", "The printer could not be started.")
                    return False
                started = True
            elif not printer.newPage():
                break
            self._paint_page(painter, printer, number)
            progress.setValue(number + 1)
            QApplication.processEvents()
            if progress.wasCanceled():
                printer.abort()
                break
        painter.end()
        progress.close()
        return True

    def _page_setup(self, printer: QPrinter, number: int) -> None:
        points = self.document.pagePointSize(number)
        size = QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point,
                         "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = QPageLayout.Orientation.Portrait
        printer.setPageLayout(QPageLayout(size, orientation, printer.pageLayout().margins(),
                                          QPageLayout.Unit.Point))
        printer.setFullPage(True)

    def _paint_page(self, painter: QPainter, printer: QPrinter, number: int) -> None:
        """The page as an image of at most PRINT_DPI (plenty for text on paper; a 1200 dpi
        page would take half a gigabyte), drawn over the whole sheet."""
        points = self.document.pagePointSize(number)
        dpi = min(printer.resolution(), PRINT_DPI)
        image = self.document.render(number, QSize(round(points.width() * dpi / 72),
                                                   round(points.height() * dpi / 72)))
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        scale = min(target.width() / points.width(), target.height() / points.height())
        painter.drawImage(QRectF(0, 0, points.width() * scale, points.height() * scale), image)

    def save_as(self) -> str:
        suggested = str(Path.home() / f"{_file_name(self.title)}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "Save as PDF", suggested, "PDF (*.pdf)")
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, "Save as PDF", f"Could not save {path}: {exc.strerror}")
            return ""
        return path


def _file_name(title: str) -> str:
    """A title made safe as a file name (a client's name may hold / or :)."""
    cleaned = "".join(ch if ch.isalnum() or ch in " -_,." else " " for ch in title)
    return " ".join(cleaned.split())[:80] or "Boutique"


def show_pdf_preview(parent, pdf: bytes | str | Path, title: str) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(parent, pdf, title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    dialog.raise_()
    return dialog


# -- today's pack, built off the GUI thread --------------------------------------------

class PackWorker(QThread):
    """Reads the day's pieces and draws the pack; never touches a widget."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # the PDF bytes
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, day: dt.date, parent=None):
        super().__init__(parent)
        from boutique.printing.pack import PackOptions
        from boutique.printing.templates import Wording
        from boutique.services.stationery.letterhead import (
            load_letterhead,
            load_pack_options,
            load_template_overrides,
        )

        self.day = day
        self.cancel = threading.Event()
        # Settings are read here, on the GUI thread, so the worker only reads the agenda.
        self.letterhead = load_letterhead()
        self.wording = Wording.from_overrides(load_template_overrides())
        self.options = PackOptions(**load_pack_options())

    def run(self) -> None:
        from boutique.printing.pack import PackCancelled, render_pack
        from boutique.services.stationery.print_data import pack_data
        from boutique.services.store import release_thread_connection

        try:
            pack = pack_data(self.day)
            if self.cancel.is_set():
                raise PackCancelled("cancelled")
            pdf = render_pack(pack, self.letterhead, self.wording, self.options,
                              progress=self.progressed.emit, cancel=self.cancel)
        except PackCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the jeweler; the window must stay up
            self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.succeeded.emit(pdf)
        finally:
            release_thread_connection()


class PackRun(QObject):
    """One run of the pack: the worker, its progress dialog, then the preview."""

    def __init__(self, window, day: dt.date):
        super().__init__(window)
        self.window = window
        self.day = day
        self.preview: PdfPreviewDialog | None = None
        self.worker = PackWorker(day, self)
        self.progress = QProgressDialog("Preparing today’s pack…", "Cancel", 0, 0, window)
        self.progress.setWindowTitle("Today’s pack")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.cancel.set)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._finish)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        window.installEventFilter(self)

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        """Cancel and wait: a thread left running at exit would crash the app."""
        self.worker.cancel.set()
        self.worker.wait()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Preparing today’s pack… {done} of {total} pieces")

    def _succeeded(self, pdf: bytes) -> None:
        self._finish()
        title = f"Today’s pack, {self.day.isoformat()}"
        self.preview = show_pdf_preview(self.window, pdf, title)

    def _failed(self, message: str) -> None:
        self._finish()
        QMessageBox.warning(self.window, "Today’s pack", f"The pack could not be made: {message}")

    def _finish(self) -> None:
        self.progress.reset()
        self.progress.close()
        self.worker.wait()
        self.window.removeEventFilter(self)


def show_todays_pack(window, day: dt.date | None = None) -> PackRun:
    """The Today tab's Print (Ctrl+P): build the pack off the GUI thread, then preview it."""
    previous = getattr(window, "_todays_pack_run", None)
    if previous is not None:
        previous.stop()
        previous.deleteLater()
    run = PackRun(window, day or dt.date.today())
    window._todays_pack_run = run  # kept alive until the next run replaces it
    run.start()
    return run
