"""The in-app report preview (QtPdf) and the quick preview of the report's first pages while answering.

``PdfPreview`` shows a PDF from a file or from bytes (an archived report): every page in one scrolling view, a strip
of page thumbnails rendered on QtPdf's own thread (``QPdfPageRenderer`` MultiThreaded: the event loop never waits for
a page), go-to-page, zoom, search with hit count and highlights, and "Save a copy…" through the services' output guard
(the data folder is refused). It keeps the bytes it shows, so a saved copy is exactly those bytes.

``QuickPreview`` renders the front part of the current draft (cover, approval page, summary, findings:
``services.report.prepare_report(..., front_only=True)``) on an executor of its own, never on ``state.worker``:
the render takes seconds and the draft's autosave must not wait behind it. Asking again or closing cancels the render
under way (its worker process is stopped at once).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.services import files
from pia_wizard.ui.dialogs import error_text, show_error
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

THUMB_WIDTH = 96  # logical pixels
THUMBS_IN_FLIGHT = 3  # thumbnail requests queued at QtPdf's render thread at once (the rest wait their turn)
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 3.0
# QPdfView keeps the last ~20 pages it drew as full-size images (6-7 MB each at fit width on a 1366 screen, 14 MB at
# 200 %): about 150-300 MB for a 60-page report read through. The preview drops that cache once the pages seen since
# the last drop would hold more than this, and hands the freed memory back to the system (bench/preview.py).
PAGE_CACHE_BUDGET = 80 * 1024 * 1024
SEARCH_DELAY_MS = 250  # typing pauses this long before a search starts


def _file_writer() -> ThreadPoolExecutor:
    """Saving a copy fsyncs: off the UI thread, and not behind the database worker's queue."""
    global _WRITER
    if _WRITER is None:
        _WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-save-copy")
    return _WRITER


_WRITER: ThreadPoolExecutor | None = None


def _release_freed_memory() -> None:
    """glibc keeps freed page images in its arenas (RSS stays high after QtPdf dropped them): give them back."""
    import contextlib
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # not glibc (e.g. musl): nothing to do
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def _placeholder(size: QSize) -> QIcon:
    pix = QPixmap(size)
    pix.fill(QColor("#f4f4f2"))
    painter = QPainter(pix)
    painter.setPen(QColor("#c8c8c4"))
    painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
    painter.end()
    return QIcon(pix)


class PdfPreview(QWidget):
    """A PDF viewer for reports. ``open_path(path)`` / ``open_bytes(data, name)``; ``loaded(pages)`` when shown,
    ``loadFailed(message)`` with the one-line reason when not; ``saved(path)`` after "Save a copy…"."""

    loaded = Signal(int)
    loadFailed = Signal(str)
    saved = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.name = ""  # the report ID or the file name: the window title
        self.data = b""
        self.source: Path | None = None
        self._buffer: QBuffer | None = None  # QPdfDocument reads from it for as long as the document is open
        self._error = ""
        self._save_enabled = True
        self._is_ready = False

        self.document = QPdfDocument(self)
        self.view = QPdfView()  # given the document once its page sizes are known (_warm_step)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigator = self.view.pageNavigator()
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)

        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.setDocument(self.document)
        self.renderer.pageRendered.connect(self._thumb_rendered)
        self._thumb_requests: dict[int, int] = {}  # request id -> page, for the document now shown
        self._thumb_next = 0
        self.thumbs_done = 0
        self._warm_next = 0
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_step)
        self._seen_pages: set[int] = set()  # drawn by QPdfView since its page cache was last dropped
        self.cache_drops = 0
        self._trim_timer = QTimer(self)
        self._trim_timer.setSingleShot(True)
        self._trim_timer.setInterval(400)
        self._trim_timer.timeout.connect(_release_freed_memory)

        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.setSpacing(4)
        self.thumbs.setMinimumWidth(THUMB_WIDTH + 30)
        self.thumbs.setStyleSheet("QListWidget { background: #dcdcd8; }")  # white pages stand out
        self.thumbs.currentRowChanged.connect(self._thumb_chosen)

        self.page_spin = QSpinBox()
        self.page_spin.setRange(0, 0)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(lambda n: self.go_to_page(n) if n else None)
        self.page_label = QLabel()
        self.page_of = QLabel()
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(70)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(260)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_enter)
        self.hits_label = QLabel()
        self.hits_label.setMinimumWidth(90)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_search)
        self._searching_timer = QTimer(self)  # QPdfSearchModel does not say when it is done: a generous budget
        self._searching_timer.setSingleShot(True)
        self._searching_timer.timeout.connect(self._search_settled)
        self._searching = False
        self._jump_pending = False
        self.search_model.countChanged.connect(self._search_count_changed)
        self.view.currentSearchResultIndexChanged.connect(lambda _: self._show_hits())

        self.message = QLabel()  # a file that cannot be shown: one line, in place of the pages
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { background: #fdecea; border: 1px solid #b3261e; padding: 6px; }")
        self.message.hide()

        self._make_actions()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.thumbs)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([THUMB_WIDTH + 46, 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _: self._show_zoom())
        self.view.verticalScrollBar().rangeChanged.connect(lambda *_: self._show_zoom())  # the view was resized
        self.document.statusChanged.connect(lambda _: self._status_changed())
        state.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()
        self._enable()

    # --- actions -----------------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(slot: Callable[[], Any], *shortcuts: QKeySequence | str) -> QAction:
            a = QAction(self)
            a.triggered.connect(slot)
            if shortcuts:
                keys: list[QKeySequence] = []
                for s in shortcuts:  # a standard key may be one of ours already: twice is "ambiguous" to Qt
                    for key in QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [
                            QKeySequence(s)]:
                        if key not in keys:
                            keys.append(key)
                a.setShortcuts(keys)
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # embedded: no clash
            self.addAction(a)
            return a

        self.act_thumbs = action(lambda: self.thumbs.setVisible(self.act_thumbs.isChecked()))
        self.act_thumbs.setCheckable(True)
        self.act_thumbs.setChecked(True)
        self.act_zoom_out = action(self.zoom_out, "Ctrl+-", QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_in = action(self.zoom_in, "Ctrl+=", QKeySequence.StandardKey.ZoomIn)
        self.act_fit_width = action(self.fit_width, "Ctrl+0")
        self.act_fit_page = action(self.fit_page)
        self.act_find = action(self._focus_search, QKeySequence.StandardKey.Find)
        self.act_find_next = action(self.find_next, QKeySequence.StandardKey.FindNext)
        self.act_find_prev = action(self.find_previous, QKeySequence.StandardKey.FindPrevious)
        self.act_go_to = action(self._focus_page, "Ctrl+G")
        self.act_save = action(lambda: self.save_copy(), QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S")

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.act_thumbs)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addWidget(self.page_spin)
        self.toolbar.addWidget(self.page_of)
        self.toolbar.addSeparator()
        for a in (self.act_zoom_out, self.act_zoom_in, self.act_fit_width, self.act_fit_page):
            self.toolbar.addAction(a)
        self.toolbar.addWidget(self.zoom_label)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_edit)
        self.toolbar.addAction(self.act_find_prev)
        self.toolbar.addAction(self.act_find_next)
        self.toolbar.addWidget(self.hits_label)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_save)
        for a in self.toolbar.actions():  # keyboard reachable: tool buttons take Tab focus
            button = self.toolbar.widgetForAction(a)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def retranslate(self) -> None:
        self.act_thumbs.setText(self.tr("Pages"))
        self.act_thumbs.setToolTip(self.tr("Show or hide the page thumbnails"))
        self.act_zoom_out.setText(self.tr("Zoom out"))
        self.act_zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.act_zoom_in.setText(self.tr("Zoom in"))
        self.act_zoom_in.setToolTip(self.tr("Zoom in (Ctrl+=)"))
        self.act_fit_width.setText(self.tr("Fit width"))
        self.act_fit_width.setToolTip(self.tr("Fit the page width (Ctrl+0)"))
        self.act_fit_page.setText(self.tr("Fit page"))
        self.act_fit_page.setToolTip(self.tr("Show whole pages"))
        self.act_find_prev.setText(self.tr("Previous"))
        self.act_find_prev.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.act_find_next.setText(self.tr("Next"))
        self.act_find_next.setToolTip(self.tr("Next match (F3)"))
        self.act_save.setText(self.tr("Save a copy…"))
        self.act_save.setToolTip(self.tr("Save a copy of this PDF outside the data folder (Ctrl+Shift+S)"))
        self.page_label.setText(self.tr("Page"))
        self.page_spin.setAccessibleName(self.tr("Page number (Ctrl+G)"))
        self.page_spin.setToolTip(self.tr("Go to page (Ctrl+G)"))
        self.search_edit.setPlaceholderText(self.tr("Search the report (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search the report"))
        self.thumbs.setAccessibleName(self.tr("Page thumbnails"))
        self.view.setAccessibleName(self.tr("Report pages"))
        if self._error:
            self.message.setText(self._error)
        self._show_pages()
        self._show_zoom()
        self._show_hits()
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_save_enabled(self, enabled: bool) -> None:
        """A quick preview of a draft's first pages is not a report to hand out: its owner turns saving off."""
        self._save_enabled = enabled
        self.act_save.setVisible(enabled)
        self._enable()

    # --- loading -----------------------------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Show the PDF at ``path``; False (and the one-line reason shown and emitted) when it cannot be."""
        p = Path(path)
        try:
            data = files.read_pdf(p, what=files.REPORT_PDF)
        except Exception as exc:
            self._fail(error_text(exc, self.state.lang))
            return False
        return self.open_bytes(data, p.name, source=p)

    def open_bytes(self, data: bytes, name: str, *, source: Path | None = None) -> bool:
        """Show a PDF held in memory (an archived report, a render); ``name`` titles the window."""
        self._close_document()
        self.data = bytes(data)
        self.name = name
        self.source = source
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        self._show_title()
        if self.document.status() == QPdfDocument.Status.Error:
            self._fail(self._load_error())
            return False
        if self.document.status() == QPdfDocument.Status.Ready and not self._is_ready:
            self._warm()
        return True  # QtPdf may still be loading: _status_changed goes on

    def _status_changed(self) -> None:
        try:
            status = self.document.status()
        except RuntimeError:  # the document closing as the widget is destroyed
            return
        if status == QPdfDocument.Status.Ready and self.data and not self._is_ready and not self._error:
            self._warm()
        elif status == QPdfDocument.Status.Error and self.data and not self._error:
            self._fail(self._load_error())

    def _warm(self) -> None:
        """QPdfView lays out every page when it gets a document: ~0.7 ms a page for pdfium to read its size the
        first time (90 ms for a 60-page report, in one go). Read them a few at a time first; QtPdf keeps them."""
        self._is_ready = True
        self._warm_next = 0
        self._warm_timer.start()

    def _warm_step(self) -> None:
        import time

        n = self.document.pageCount()
        until = time.perf_counter() + 0.008
        while self._warm_next < n and time.perf_counter() < until:
            self.document.pagePointSize(self._warm_next)
            self._warm_next += 1
        if self._warm_next >= n:
            self._warm_timer.stop()
            self.view.setDocument(self.document)
            self._ready()

    def _load_error(self) -> str:
        error = self.document.error()
        if error in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
            text = self.tr("%1 cannot be shown: it is protected by a password.")
        else:
            text = self.tr("%1 cannot be shown: it is damaged or not a PDF.")
        return text.replace("%1", self.name or self.tr("The file"))

    def _close_document(self) -> None:
        self._is_ready = False
        self._seen_pages = set()
        self._trim_timer.start()
        self._thumb_requests.clear()
        self._thumb_next = 0
        self.thumbs_done = 0
        self.thumbs.clear()
        self.search_model.setSearchString("")
        self._searching = False
        self._jump_pending = False
        self._warm_timer.stop()
        self.view.setDocument(None)
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._error = ""
        self.message.hide()
        self.view.show()

    def _fail(self, message: str) -> None:
        self._close_document()
        self.data = b""
        self._error = message
        self.message.setText(message)
        self.message.show()
        self._show_pages()
        self._enable()
        self.loadFailed.emit(message)

    def _ready(self) -> None:
        n = self.document.pageCount()
        self._show_pages()
        self._show_zoom()
        self._enable()
        self._start_thumbnails()
        if self.search_edit.text().strip():
            self._start_search()
        self.loaded.emit(n)

    def clear(self) -> None:
        self._close_document()
        self.data = b""
        self.name = ""
        self.source = None
        self._show_pages()
        self._show_title()
        self._enable()

    # --- what is shown -----------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def current_page(self) -> int:
        """1-based; 0 with nothing shown."""
        return self.navigator.currentPage() + 1 if self.page_count() else 0

    def _show_title(self) -> None:
        title = self.tr("Report preview")
        self.setWindowTitle(f"{self.name} — {title}" if self.name else title)

    def _show_pages(self) -> None:
        n = self.page_count()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1 if n else 0, n)
        self.page_spin.setValue(self.current_page())
        self.page_spin.blockSignals(False)
        self.page_of.setText(self.tr("of %1").replace("%1", str(n)))

    def _enable(self) -> None:
        has = self.page_count() > 0
        for w in (self.page_spin, self.search_edit):
            w.setEnabled(has)
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit_width, self.act_fit_page, self.act_find_next,
                  self.act_find_prev, self.act_go_to):
            a.setEnabled(has)
        self.act_save.setEnabled(has and self._save_enabled and bool(self.data))

    def _page_changed(self, page: int) -> None:
        self._bound_page_cache(page)
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        if 0 <= page < self.thumbs.count() and self.thumbs.currentRow() != page:
            self.thumbs.blockSignals(True)
            self.thumbs.setCurrentRow(page)
            self.thumbs.blockSignals(False)

    def _page_image_bytes(self) -> int:
        size = self.document.pagePointSize(max(0, self.navigator.currentPage()))
        scale = self.zoom() * self.view.logicalDpiX() / 72.0 * self.devicePixelRatioF()
        return int(size.width() * scale) * int(size.height() * scale) * 4

    def _bound_page_cache(self, page: int) -> None:
        """Keep QPdfView's page images within PAGE_CACHE_BUDGET: it bounds them by count only."""
        if not self.page_count():
            return
        visible = {page, page + 1}  # the page at the top of the view and the one coming into it
        self._seen_pages |= visible
        if len(self._seen_pages) * self._page_image_bytes() > PAGE_CACHE_BUDGET:
            self.drop_page_cache()
            self._seen_pages = visible

    def drop_page_cache(self) -> None:
        """Make QPdfView forget the pages it drew (a layout change does; this one is undone at once, so nothing
        moves); the visible pages are drawn again on QtPdf's thread."""
        spacing = self.view.pageSpacing()
        self.view.setPageSpacing(spacing + 1)
        self.view.setPageSpacing(spacing)
        self.cache_drops += 1
        self._trim_timer.start()

    def go_to_page(self, page: int) -> None:
        """1-based."""
        n = self.page_count()
        if not n:
            return
        page = max(1, min(n, page))
        self.navigator.jump(page - 1, QPointF(), self.navigator.currentZoom())

    def _focus_page(self) -> None:
        self.page_spin.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_spin.selectAll()

    # --- thumbnails: rendered on QtPdf's thread, a few requests at a time ---------------------------------------
    def _thumb_size(self, page: int) -> QSize:
        size = self.document.pagePointSize(page)
        ratio = size.height() / size.width() if size.width() > 0 else 1.414
        return QSize(THUMB_WIDTH, max(1, round(THUMB_WIDTH * ratio)))

    def _start_thumbnails(self) -> None:
        n = self.page_count()
        first = self._thumb_size(0) if n else QSize(THUMB_WIDTH, 136)
        self.thumbs.setIconSize(first)
        blank = _placeholder(first)
        self.thumbs.blockSignals(True)
        for i in range(n):
            item = QListWidgetItem(blank, str(i + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setToolTip(self.tr("Page %1").replace("%1", str(i + 1)))
            self.thumbs.addItem(item)
        self.thumbs.setCurrentRow(self.navigator.currentPage() if n else -1)
        self.thumbs.blockSignals(False)
        for _ in range(min(THUMBS_IN_FLIGHT, n)):
            self._request_next_thumb()

    def _request_next_thumb(self) -> None:
        page = self._thumb_next
        if page >= self.page_count():
            return
        self._thumb_next += 1
        dpr = self.devicePixelRatioF()
        size = self._thumb_size(page)
        rid = self.renderer.requestPage(page, QSize(round(size.width() * dpr), round(size.height() * dpr)))
        self._thumb_requests[int(rid)] = page

    def _thumb_rendered(self, page: int, _size: QSize, image: Any, _options: Any, request_id: int) -> None:
        if self._thumb_requests.pop(int(request_id), None) != page:
            return  # a request for a document no longer shown
        item = self.thumbs.item(page)
        if item is not None and not image.isNull():
            pix = QPixmap(image.size())  # QtPdf leaves the page's ground transparent: the paper is white
            pix.fill(Qt.GlobalColor.white)
            painter = QPainter(pix)
            painter.drawImage(0, 0, image)
            painter.end()
            pix.setDevicePixelRatio(self.devicePixelRatioF())
            item.setIcon(QIcon(pix))
        self.thumbs_done += 1
        self._request_next_thumb()

    def _thumb_chosen(self, row: int) -> None:
        if row >= 0 and row != self.navigator.currentPage():
            self.go_to_page(row + 1)

    # --- zoom ------------------------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The scale pages are drawn at (1.0: the PDF's size at the screen's resolution), whatever the mode."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(0, self.navigator.currentPage()))
        dpi = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        port = self.view.viewport().size()
        width = (port.width() - margins.left() - margins.right()) / max(1.0, page.width() * dpi)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (port.height() - margins.top() - margins.bottom()) / max(1.0, page.height() * dpi)
        return min(width, height)

    def set_zoom(self, factor: float) -> None:
        self._seen_pages = set()  # a new zoom draws every page anew (QPdfView drops its cache)
        self._trim_timer.start()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))
        self._show_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self) -> None:
        try:
            text = f"{round(self.zoom() * 100)}%"  # in the fit modes too: the scale they come to
        except RuntimeError:  # the view's scroll range changing as the widget is destroyed
            return
        self.zoom_label.setText(text)
        self.zoom_label.setAccessibleName(self.tr("Zoom: %1").replace("%1", text))

    # --- search ----------------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def find(self, text: str) -> None:
        """Search for ``text`` at once (as typing it and pausing does) and jump to the first match."""
        self.search_edit.blockSignals(True)
        self.search_edit.setText(text)
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self._start_search()

    def _start_search(self) -> None:
        text = self.search_edit.text().strip()
        self.view.setCurrentSearchResultIndex(-1)
        self.search_model.setSearchString(text)
        self._searching = bool(text) and self.page_count() > 0
        self._jump_pending = self._searching
        if self._searching:
            self._searching_timer.start(max(1500, 80 * self.page_count()))
        self._show_hits()

    def _search_enter(self) -> None:
        if self._search_timer.isActive() or self.search_model.searchString() != self.search_edit.text().strip():
            self._search_timer.stop()
            self._start_search()
        else:
            self.find_next()

    def _search_count_changed(self) -> None:
        if self._jump_pending and self.search_model.count():
            start = self.navigator.currentPage()
            for i in range(self.search_model.count()):
                if self.search_model.resultAtIndex(i).page() >= start:
                    self._jump_pending = False
                    self._go_to_result(i)
                    break
        self._show_hits()

    def _search_settled(self) -> None:
        self._searching = False
        if self._jump_pending and self.search_model.count():
            self._jump_pending = False
            self._go_to_result(0)
        self._jump_pending = False
        self._show_hits()

    def _go_to_result(self, index: int) -> None:
        n = self.search_model.count()
        if not n:
            return
        index %= n
        link = self.search_model.resultAtIndex(index)
        self.view.setCurrentSearchResultIndex(index)
        self.navigator.jump(link.page(), link.location(), self.navigator.currentZoom())
        self._show_hits()

    def find_next(self) -> None:
        self._jump_pending = False
        self._go_to_result(self.view.currentSearchResultIndex() + 1)

    def find_previous(self) -> None:
        self._jump_pending = False
        current = self.view.currentSearchResultIndex()
        self._go_to_result((current if current >= 0 else 0) - 1)

    def hits(self) -> int:
        return self.search_model.count()

    def _show_hits(self) -> None:
        n = self.search_model.count()
        if not self.search_model.searchString():
            text = ""
        elif n:
            current = self.view.currentSearchResultIndex()
            text = (self.tr("%1 of %2").replace("%1", str(current + 1)) if current >= 0
                    else self.tr("%2 found")).replace("%2", str(n))
            if self._searching:
                text += "…"
        elif self._searching:
            text = self.tr("Searching…")
        else:
            text = self.tr("No match")
        self.hits_label.setText(text)
        self.hits_label.setAccessibleName(self.tr("Search results: %1").replace("%1", text or "-"))
        for a in (self.act_find_next, self.act_find_prev):
            a.setEnabled(n > 0)

    # --- save a copy -----------------------------------------------------------------------------------------
    def _suggested_name(self) -> str:
        base = self.source.name if self.source is not None else (self.name or "report")
        return base if base.lower().endswith(".pdf") else f"{base}.pdf"

    def save_copy(self, path: str | Path | None = None) -> Op | None:
        """Write the bytes shown to ``path`` (None: ask with a save dialog). The data folder, a folder and the
        file shown are refused with the services' one-line message; the copy is written atomically, off the UI
        thread; ``saved(path)`` follows."""
        if not self.data or not self._save_enabled:
            return None
        title = self.tr("Save a copy")
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
                Path.home())
            chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / self._suggested_name()),
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        try:
            dest = files.check_output(path, inputs=(self.source,) if self.source else (),
                                      data_dir=self.state.ctx.data_dir)
        except Exception as exc:
            show_error(self, self.tr("Cannot save the copy"), exc, self.state.lang)
            return None
        data = self.data
        return Op(self, _file_writer(), lambda: files.write_atomic(dest, data)).success(
            lambda p: self.saved.emit(str(p))).failure(
            lambda exc: show_error(self, self.tr("Cannot save the copy"), exc, self.state.lang)).run()


class QuickPreview(QWidget):
    """The first pages of the report of the draft being answered, on demand. ``current()`` returns the Assessment
    as it stands (called on the UI thread when a render starts). ``rendered(pages)`` / ``failed(message)``;
    ``cancelled()`` when a render was stopped. Call ``shutdown()`` when the owner goes away."""

    rendered = Signal(int)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, state: AppState, current: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.current = current
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-preview")
        self._token: Any = None
        self._generation = 0
        self.busy = False
        self.result: Any = None  # the last RenderedReport shown
        self._state_text: tuple[str, ...] = ("idle",)

        self.lang_box = QComboBox()
        for code in ("zh", "en", "bilingual"):
            self.lang_box.addItem("", code)
        wanted = getattr(state.settings, "report_language", "zh")
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(wanted)))
        self.lang_label = QLabel()
        self.lang_label.setBuddy(self.lang_box)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel { background: #fff4e0; border: 1px solid #9a5b00; padding: 4px; }")
        self.warnings.hide()
        self.preview = PdfPreview(state)
        self.preview.set_save_enabled(False)

        top = QHBoxLayout()
        top.addWidget(self.lang_label)
        top.addWidget(self.lang_box)
        top.addWidget(self.refresh_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.bar)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.preview, 1)
        state.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()
        self._show_busy(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quick preview: the report's first pages"))
        self.lang_label.setText(self.tr("Report &language:"))
        for i, text in enumerate((self.tr("Chinese"), self.tr("English"), self.tr("Chinese and English"))):
            self.lang_box.setItemText(i, text)
        self.lang_box.setAccessibleName(self.tr("Report language"))
        self.refresh_button.setText(self.tr("&Render preview"))
        self.refresh_button.setToolTip(self.tr("Render the cover, approval page, summary and findings of the "
                                               "draft as it stands (F5)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.bar.setAccessibleName(self.tr("Rendering"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_state(self) -> None:
        kind, *detail = self._state_text
        if kind == "busy":
            text = self.tr("Rendering the first pages of the report… the workspace stays usable.")
        elif kind == "done":
            text = self.tr("The cover to the summary and the findings, %1 pages; not the whole report, not signed "
                           "(rendered at %2).").replace("%1", detail[0]).replace("%2", detail[1])
        elif kind == "cancelled":
            text = self.tr("Cancelled.")
        elif kind == "failed":
            text = self.tr("The preview could not be rendered: %1").replace("%1", detail[0])
        elif kind == "nothing":
            text = self.tr("There is no assessment to preview.")
        else:
            text = self.tr("Render a preview of the first pages of the report (F5).")
        self.status.setText(text)

    def _show_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def refresh(self) -> None:
        """Render the draft as it stands now; a render under way is cancelled first."""
        from pia_wizard.services import report
        from pia_wizard.services.jobs import CancelToken

        self.cancel(quiet=True)
        self._generation += 1
        generation = self._generation
        try:
            assessment = self.current()
            if assessment is None:
                self._state_text = ("nothing",)
                self._show_state()
                return
            job = report.prepare_report(self.state.ctx, assessment, None, self.lang_box.currentData(),
                                        front_only=True)
        except Exception as exc:
            self._failed(generation, exc)
            return
        token = CancelToken()
        self._token = token
        self._state_text = ("busy",)
        self._show_state()
        self._show_busy(True)
        op: Op | None = None

        def work() -> Any:
            assert op is not None
            return job.run(op.emit_progress, token)

        op = Op(self, self._executor, work).success(lambda r: self._done(generation, r)).failure(
            lambda exc: self._failed(generation, exc))
        op.run()

    def cancel(self, quiet: bool = False) -> None:
        """Stop the render under way (its process is terminated at once)."""
        if self._token is not None:
            self._token.cancel()
            self._token = None
            if not quiet:
                self._generation += 1
                self._state_text = ("cancelled",)
                self._show_state()
                self._show_busy(False)
                self.cancelled.emit()

    def _done(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        from datetime import datetime

        self._token = None
        self._show_busy(False)
        self.result = result
        self.preview.open_bytes(result.pdf, result.report_id)
        self._state_text = ("done", str(result.pages), datetime.now().strftime("%H:%M:%S"))
        self._show_state()
        warnings = list(result.warnings)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self.rendered.emit(result.pages)

    def _failed(self, generation: int, exc: BaseException) -> None:
        from pia_wizard.services.errors import Cancelled

        if generation != self._generation:
            return
        self._token = None
        self._show_busy(False)
        if isinstance(exc, Cancelled):
            self._state_text = ("cancelled",)
            self._show_state()
            self.cancelled.emit()
            return
        message = error_text(exc, self.state.lang)
        self._state_text = ("failed", message)
        self._show_state()
        self.failed.emit(message)

    def shutdown(self) -> None:
        self.cancel(quiet=True)
        self._generation += 1
        self._executor.shutdown(wait=False, cancel_futures=True)

    def closeEvent(self, event: Any) -> None:
        self.cancel(quiet=True)
        super().closeEvent(event)
