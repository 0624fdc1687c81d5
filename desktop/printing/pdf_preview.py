"""A PDF shown inside the app (QtPdf), and sent page by page to a printer.

The preview holds the PDF's bytes in a QBuffer that must outlive the
QPdfDocument reading it, so both live here. Printing renders each page to
an image at the printer's resolution (at most 300 dpi: enough for text, and
a 600-page batch stays within memory) and paints it on the printer's page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

MAX_PRINT_DPI = 300


class PdfPreview(QWidget):
    """Every page of a PDF, one under the other, fitted to the width; a note when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); font-size: 11pt;")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)

    def set_pdf(self, pdf: bytes) -> int:
        """Show ``pdf``; returns its page count (0 if Qt cannot read it)."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._stack.setCurrentWidget(self.view)
        return self.page_count()

    def clear(self, note: str = "") -> None:
        self.document.close()
        self.empty.setText(note)
        self._stack.setCurrentWidget(self.empty)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_to(self, printer: QPrinter,
                 progress: Callable[[int, int], bool] | None = None) -> int:
        """Paint every page on ``printer``; ``progress(done, pages)`` False stops. Returns pages
        painted."""
        pages = self.page_count()
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        done = 0
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                self._paint_page(painter, page, dpi, QRectF(target))
                done += 1
                if progress is not None and not progress(done, pages):
                    break
        finally:
            painter.end()
        return done

    def _paint_page(self, painter: QPainter, page: int, dpi: int, target: QRectF) -> None:
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        image = self.document.render(page, size)
        scale = min(target.width() / size.width(), target.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        corner = QPointF((target.width() - width) / 2, (target.height() - height) / 2)
        painter.drawImage(QRectF(corner, QRectF(0, 0, width, height).size()), image)
