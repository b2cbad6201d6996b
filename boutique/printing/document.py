"""A PDF made in memory: every printed piece starts and ends the same way."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas


class PdfDocument:
    """Draw on `.canvas`, then `finish()` gives the bytes. The store is the author."""

    def __init__(self, title: str, author: str, pagesize: tuple[float, float]):
        self._buffer = io.BytesIO()
        self.canvas = Canvas(self._buffer, pagesize=pagesize, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author or "Boutique")

    def finish(self, blank_page: bool = False) -> bytes:
        """`blank_page`: nothing was drawn, yet a valid PDF needs one page."""
        if blank_page:
            self.canvas.showPage()
        self.canvas.save()
        return self._buffer.getvalue()
