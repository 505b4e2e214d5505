"""The in-app report preview (QtPdf) and the quick preview while answering: loading a file or bytes, thumbnails
from QtPdf's render thread, page navigation, zoom, search with a Chinese word, "Save a copy…" (the data folder
refused, elsewhere the same bytes), files that cannot be shown; the quick preview renders the draft's front part on
its own executor and cancels. Offscreen; no fixed sleeps."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView

from pia_wizard import paths
from pia_wizard.services.assessments import read_assessment
from pia_wizard.ui.app import build_state
from pia_wizard.ui.pdf_preview import PdfPreview, QuickPreview
from pia_wizard.ui.settings import UiSettings

WAIT = 15_000
PAGES = 6
WORD_PAGE = 4  # the only page with WORD
WORD = "锦程酒店"


def sample_pdf() -> bytes:
    """A six-page A4 PDF with Chinese text (the bundled font); WORD only on page 4."""
    import weasyprint

    font = paths.asset("fonts", "PIASansCJKsc-Regular.otf").as_uri()
    pages = "".join(
        f'<section><h1>第 {i} 页 Page {i}</h1><p>{"个人信息保护影响评估报告。" * 20}</p>'
        + (f"<p>{WORD}前台自助入住核验终端</p>" if i == WORD_PAGE else "") + "</section>"
        for i in range(1, PAGES + 1))
    html = (f'<html lang="zh"><head><meta charset="utf-8"><style>@font-face {{ font-family: "S"; src: url("{font}"); }}'
            "@page { size: A4; margin: 20mm; } body { font-family: S; } section { break-after: page; }"
            f"section:last-child {{ break-after: auto; }}</style></head><body>{pages}</body></html>")
    return weasyprint.HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("preview") / "sample-报告.pdf"
    path.write_bytes(sample_pdf())
    return path


@pytest.fixture
def state(tmp_path):
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx.data_dir.mkdir(parents=True)
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def preview(qtbot, state):
    w = PdfPreview(state)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    return w


def opened(qtbot, preview: PdfPreview, path) -> PdfPreview:
    with qtbot.waitSignal(preview.loaded, timeout=WAIT):
        assert preview.open_path(path)
    return preview


# --- PdfPreview ---------------------------------------------------------------------------------------------------
def test_loads_the_sample_with_its_name_in_the_title(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    assert preview.page_count() == PAGES and preview.current_page() == 1
    assert preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert sample.name in preview.windowTitle()
    assert preview.page_of.text() == f"of {PAGES}" and preview.page_spin.maximum() == PAGES
    assert preview.data == sample.read_bytes()
    assert preview.act_save.isEnabled()


def test_thumbnails_arrive_from_the_render_thread(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    assert preview.thumbs.count() == PAGES
    placeholder = preview.thumbs.item(PAGES - 1).icon().cacheKey()
    qtbot.waitUntil(lambda: preview.thumbs_done == PAGES, timeout=WAIT)  # the UI thread never waited for them
    assert preview.thumbs.item(PAGES - 1).icon().cacheKey() != placeholder
    assert preview.renderer.renderMode() == preview.renderer.RenderMode.MultiThreaded
    preview.thumbs.setCurrentRow(2)  # a thumbnail jumps to its page
    qtbot.waitUntil(lambda: preview.current_page() == 3, timeout=WAIT)


def test_go_to_page_and_the_page_number_follow_each_other(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    preview.page_spin.setValue(5)
    qtbot.waitUntil(lambda: preview.current_page() == 5, timeout=WAIT)
    preview.go_to_page(99)  # clamped
    qtbot.waitUntil(lambda: preview.current_page() == PAGES and preview.page_spin.value() == PAGES, timeout=WAIT)
    assert preview.thumbs.currentRow() == PAGES - 1


def test_search_finds_a_chinese_word_and_moves_to_its_page(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    preview.find(WORD)
    qtbot.waitUntil(lambda: preview.hits() == 1 and preview.current_page() == WORD_PAGE, timeout=WAIT)
    assert preview.view.currentSearchResultIndex() == 0  # highlighted
    qtbot.waitUntil(lambda: preview.hits_label.text() == "1 of 1", timeout=WAIT)
    preview.find("不存在的词语")
    qtbot.waitUntil(lambda: preview.hits_label.text() == "No match", timeout=WAIT)


def test_search_next_and_previous_walk_the_hits(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    preview.find("Page")
    qtbot.waitUntil(lambda: preview.hits() == PAGES and not preview._searching, timeout=WAIT)
    preview.go_to_page(1)
    preview.find_next()
    first = preview.view.currentSearchResultIndex()
    preview.find_next()
    assert preview.view.currentSearchResultIndex() == (first + 1) % PAGES
    preview.find_previous()
    assert preview.view.currentSearchResultIndex() == first


def test_zoom_in_out_fit(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fit = preview.zoom()
    preview.zoom_in()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fit * 1.25, rel=0.01)
    assert preview.zoom_label.text() == f"{round(fit * 125)}%"
    preview.zoom_out()
    preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(fit / 1.25, rel=0.01)
    for _ in range(20):
        preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(0.25)  # bounded
    preview.fit_page()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.zoom_label.text() == f"{round(preview.zoom() * 100)}%" and preview.zoom() < fit
    preview.fit_width()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_zoom_shortcuts(qtbot, preview, sample):
    opened(qtbot, preview, sample)
    preview.activateWindow()
    preview.view.setFocus()
    qtbot.waitUntil(preview.view.hasFocus, timeout=WAIT)
    qtbot.keyClick(preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = preview.view.zoomFactor()
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() < zoomed
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.keyClick(preview.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert preview.search_edit.hasFocus()


def test_the_views_page_cache_is_bounded_by_memory_not_by_count(qtbot, preview, sample, monkeypatch):
    """QPdfView keeps ~20 full-size page images; the preview drops them once the pages seen would exceed the
    budget (bench/preview.py measures the memory)."""
    from pia_wizard.ui import pdf_preview

    opened(qtbot, preview, sample)
    monkeypatch.setattr(pdf_preview, "PAGE_CACHE_BUDGET", 3 * preview._page_image_bytes())
    preview.set_zoom(2.0)
    for page in range(1, PAGES + 1):
        preview.go_to_page(page)
        qtbot.waitUntil(lambda p=page: preview.current_page() == p, timeout=WAIT)
    assert preview.cache_drops >= 1
    assert preview.view.pageSpacing() == 3 and preview.current_page() == PAGES  # nothing moved


def test_save_a_copy_is_refused_in_the_data_folder_and_identical_elsewhere(qtbot, preview, sample, state, tmp_path,
                                                                          dialogs, monkeypatch):
    opened(qtbot, preview, sample)
    assert preview.save_copy(state.ctx.data_dir / "copy.pdf") is None
    assert len(dialogs) == 1 and "data folder" in dialogs[0][1] and "\n" not in dialogs[0][1]
    assert not (state.ctx.data_dir / "copy.pdf").exists()

    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "elsewhere" / "副本"
    out.parent.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append(a[2]), (str(out), "PDF"))[1])
    with qtbot.waitSignal(preview.saved, timeout=WAIT) as saved:
        preview.act_save.trigger()
    assert saved.args == [str(out) + ".pdf"] and asked[0].endswith(sample.name)
    assert (tmp_path / "elsewhere" / "副本.pdf").read_bytes() == sample.read_bytes()
    assert len(dialogs) == 1


def test_bytes_from_the_archive_are_shown_with_the_report_id(qtbot, preview, sample):
    with qtbot.waitSignal(preview.loaded, timeout=WAIT):
        preview.open_bytes(sample.read_bytes(), "PIA-5B2E8C41-106DB9CF-ZH")
    assert preview.windowTitle().startswith("PIA-5B2E8C41-106DB9CF-ZH") and preview.page_count() == PAGES
    assert preview._buffer is not None and preview._buffer.isOpen()  # QtPdf reads from it while shown


def test_a_file_that_is_not_a_pdf_is_one_line(qtbot, preview, sample, tmp_path):
    opened(qtbot, preview, sample)
    junk = tmp_path / "notes.pdf"
    junk.write_text("<b>not</b> a PDF")
    with qtbot.waitSignal(preview.loadFailed, timeout=WAIT) as failed:
        assert not preview.open_path(junk)
    message = failed.args[0]
    assert "not a PDF" in message and "\n" not in message and str(junk) in message
    assert preview.message.isVisible() and preview.message.text() == message
    assert preview.message.textFormat() == Qt.TextFormat.PlainText
    assert preview.page_count() == 0 and not preview.act_save.isEnabled() and preview.thumbs.count() == 0
    assert not preview.open_path(tmp_path / "missing.pdf")
    assert "\n" not in preview.message.text()


def test_a_truncated_pdf_is_one_line(qtbot, preview, sample, tmp_path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(sample.read_bytes()[:3000])
    with qtbot.waitSignal(preview.loadFailed, timeout=WAIT) as failed:
        preview.open_path(cut)
    assert failed.args[0] == "cut.pdf cannot be shown: it is damaged or not a PDF."
    with qtbot.waitSignal(preview.loaded, timeout=WAIT):  # and the next good file shows
        preview.open_path(sample)
    assert not preview.message.isVisible()


def test_hostile_names_stay_verbatim(qtbot, preview, sample):
    name = "<b>x</b>&amp; مرحبا 👩‍👩‍👧 " + "人" * 300
    with qtbot.waitSignal(preview.loaded, timeout=WAIT):
        preview.open_bytes(sample.read_bytes(), name)
    assert preview.windowTitle().startswith(name)


# --- QuickPreview -------------------------------------------------------------------------------------------------
@pytest.fixture
def hotel():
    return read_assessment(paths.example("hotel-checkin.json"))


@pytest.fixture
def quick(qtbot, state, hotel):
    w = QuickPreview(state, lambda: hotel)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    yield w
    w.shutdown()


def test_quick_preview_renders_on_its_own_thread_not_the_database_worker(qtbot, quick, fast_render, monkeypatch):
    from pia_wizard.services import report

    threads = []
    fake = report._render

    def spy(*args, **kwargs):
        threads.append((threading.current_thread().name, kwargs.get("front_only")))
        return fake(*args, **kwargs)

    monkeypatch.setattr(report, "_render", spy)
    with qtbot.waitSignal(quick.rendered, timeout=WAIT) as rendered:
        quick.refresh()
        assert quick.busy and quick.bar.isVisible() and quick.cancel_button.isEnabled()
    assert threads == [(threads[0][0], True)] and threads[0][0].startswith("pia-preview")
    assert rendered.args == [quick.preview.page_count()] and quick.preview.page_count() >= 1
    assert not quick.busy and not quick.bar.isVisible()
    assert quick.result.report_id in quick.preview.windowTitle()
    assert not quick.preview.act_save.isVisible()  # a draft's first pages are not a report to hand out
    assert "not the whole report" in quick.status.text()


def test_quick_preview_cancels_and_a_new_request_replaces_the_old(qtbot, quick, state, fast_render, monkeypatch):
    from pia_wizard.services import report
    from pia_wizard.services.errors import Cancelled

    started = threading.Event()
    fake = report._render
    calls = []

    def slow(a, lang, as_of, signers, token, front_only=False):
        calls.append(token)
        started.set()
        if len(calls) == 1:  # the first render waits until it is cancelled, as a real one would be stopped
            while not token.cancelled:
                token._event.wait(0.05)
            raise Cancelled()
        return fake(a, lang, as_of, signers, token, front_only)

    monkeypatch.setattr(report, "_render", slow)
    quick.refresh()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    # the database worker stays free while the preview renders (the draft's autosave must not wait)
    assert state.worker.submit(lambda: "saved").result(timeout=5) == "saved"
    with qtbot.waitSignal(quick.rendered, timeout=WAIT):
        quick.refresh()  # asking again cancels the render under way
    assert calls[0].cancelled and not calls[1].cancelled and len(calls) == 2

    started.clear()
    calls.clear()
    quick.refresh()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    with qtbot.waitSignal(quick.cancelled, timeout=WAIT):
        quick.cancel_button.click()
    assert calls[0].cancelled and not quick.busy and quick.status.text() == "Cancelled."


def test_quick_preview_cancels_when_closed(qtbot, quick, fast_render, monkeypatch):
    from pia_wizard.services import report
    from pia_wizard.services.errors import Cancelled

    seen = []

    def wait_for_cancel(a, lang, as_of, signers, token, front_only=False):
        seen.append(token)
        while not token.cancelled:
            token._event.wait(0.05)
        raise Cancelled()

    monkeypatch.setattr(report, "_render", wait_for_cancel)
    quick.refresh()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    quick.close()
    qtbot.waitUntil(lambda: seen[0].cancelled, timeout=WAIT)


def test_quick_preview_of_nothing_says_so(qtbot, state):
    w = QuickPreview(state, lambda: None)
    qtbot.addWidget(w)
    w.refresh()
    assert not w.busy and w.status.text() == "There is no assessment to preview."
    w.shutdown()


@pytest.mark.slow
def test_quick_preview_renders_the_hotel_examples_front_part(qtbot, quick):
    with qtbot.waitSignal(quick.rendered, timeout=120_000) as rendered:
        quick.refresh()
    pages = rendered.args[0]
    assert 3 <= pages <= 15  # the whole report has ~58
    quick.preview.find("执行摘要" if quick.lang_box.currentData() != "en" else "Executive summary")
    qtbot.waitUntil(lambda: quick.preview.hits() >= 1, timeout=WAIT)


@pytest.mark.slow
def test_quick_preview_cancels_a_real_render(qtbot, quick):
    import multiprocessing

    quick.refresh()
    qtbot.waitUntil(lambda: bool(multiprocessing.active_children()), timeout=60_000)
    with qtbot.waitSignal(quick.cancelled, timeout=WAIT):
        quick.cancel()
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=WAIT)
    assert quick.preview.page_count() == 0
