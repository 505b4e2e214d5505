"""The quick preview while answering: ``prepare_report(..., front_only=True)`` renders the cover, the approval page,
the summary and the findings only (the annexes and the middle chapters left out), and cancels like any render."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.engine import evaluate
from pia_wizard.paths import example
from pia_wizard.services import report
from pia_wizard.services.assessments import read_assessment
from pia_wizard.services.errors import Cancelled
from pia_wizard.services.jobs import CancelToken


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="tester")


@pytest.fixture(scope="module")
def hotel():
    return read_assessment(example("hotel-checkin.json"))


def test_front_only_html_keeps_the_summary_and_findings_and_leaves_out_the_rest(hotel):
    from pia_wizard.report.render import build_html

    ev = evaluate(hotel)
    full = build_html(hotel, ev, "en")
    front = build_html(hotel, ev, "en", front_only=True)
    for anchor in ("s-approval", "s-summary", "s-decision", "s-findings", "s-plan", "s-open"):
        assert f'id="{anchor}"' in front, anchor
    for anchor in ("s-toc", "s-scope", "s-method", "s-mapping", "s-risks", "s-filing", "s-annex-a", "s-annex-b"):
        assert f'id="{anchor}"' in full and f'id="{anchor}"' not in front, anchor
    assert len(front) < len(full) / 2
    # every link the front part keeps points at something it keeps
    import re

    ids = set(re.findall(r'id="([^"]+)"', front))
    assert {h for h in re.findall(r'href="#([^"]+)"', front)} <= ids


def test_a_front_only_preview_is_never_signed(hotel):
    from pia_wizard.report.context import build_context

    with pytest.raises(ValueError, match="never signed"):
        build_context(hotel, evaluate(hotel), "zh", signers=("dpo",), front_only=True)


def test_the_job_asks_the_worker_for_the_front_part_only(ctx, hotel, monkeypatch):
    from pia_wizard.report import worker
    from pia_wizard.report.render import RenderResult

    seen = {}

    def fake(a, lang, **kwargs):
        seen.update(kwargs, lang=lang)
        return RenderResult(pdf=b"%PDF-1.7 fake", pages=3, report_id="R", lang=lang, signature=None)

    monkeypatch.setattr(worker, "render_in_process", fake)
    job = report.prepare_report(ctx, hotel, None, "en", front_only=True)
    out = job.run()
    assert seen["front_only"] is True and seen["lang"] == "en" and seen["signers"] == ()
    assert out.path is None and out.pages == 3 and out.pdf.startswith(b"%PDF-")
    report.prepare_report(ctx, hotel, None, "en").run()
    assert seen["front_only"] is False  # the default: the whole report


@pytest.mark.slow
def test_a_front_only_render_is_the_first_pages_of_the_report(ctx, hotel):
    started = time.monotonic()
    front = report.prepare_report(ctx, hotel, None, "zh", front_only=True).run()
    took = time.monotonic() - started
    assert front.path is None and front.pdf.startswith(b"%PDF-")
    assert 3 <= front.pages <= 15, front.pages
    assert took < 60  # a few seconds on a quiet machine; the full report takes ~11 s
    assert not ctx.data_dir.exists()  # a preview neither archives nor writes anything
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_a_front_only_render_cancels_at_once(ctx, hotel):
    token = CancelToken()

    def cancel_when_rendering() -> None:
        deadline = time.monotonic() + 60
        while not multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.02)
        token.cancel()

    t = threading.Thread(target=cancel_when_rendering, daemon=True)
    t.start()
    with pytest.raises(Cancelled):
        report.prepare_report(ctx, hotel, None, "en", front_only=True).run(cancel=token)
    t.join(5)
    assert not multiprocessing.active_children()
