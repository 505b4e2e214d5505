"""Report jobs: progress from the real worker process, cancel mid-render (process gone, no file, nothing
archived), and a crashing worker reported as RenderFailed."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.paths import example
from pia_wizard.services import report
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import Cancelled, RenderFailed
from pia_wizard.services.jobs import CancelToken
from pia_wizard.signing import keys
from pia_wizard.store.db import DB_NAME, open_store


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="tester")


def _wait_for_worker(timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not multiprocessing.active_children():
        assert time.monotonic() < deadline, "the render worker never started"
        time.sleep(0.02)


def _cancel_once_rendering(token: CancelToken) -> threading.Thread:
    def run() -> None:
        _wait_for_worker()
        token.cancel()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


@pytest.mark.slow
def test_a_render_job_reports_progress_and_writes_the_file(ctx, tmp_path):
    seen = []
    out = tmp_path / "r.pdf"
    job = report.prepare_report(ctx, example("hotel-checkin.json"), out, "en")
    result = job.run(seen.append)
    assert out.read_bytes() == result.pdf and result.pdf.startswith(b"%PDF-") and result.pages > 10
    steps = [p.step for p in seen]
    assert steps[0] == "render" and "write" in steps
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(p.label.zh and p.label.en for p in seen)
    assert not multiprocessing.active_children()


def test_cancel_mid_render_stops_the_worker_and_writes_nothing(ctx, tmp_path):
    out = tmp_path / "r.pdf"
    token = CancelToken()
    job = report.prepare_report(ctx, example("hotel-checkin.json"), out, "zh")
    waiter = _cancel_once_rendering(token)
    with pytest.raises(Cancelled) as exc:
        job.run(cancel=token)
    waiter.join(5)
    assert not multiprocessing.active_children()
    assert not out.exists() and not list(tmp_path.glob(".r.pdf*"))
    assert "nothing was archived" in exc.value.message("en") and "未写入任何文件" in exc.value.message("zh")


def test_cancel_mid_render_of_a_signed_report_archives_nothing(ctx, tmp_path):
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    key = tmp_path / "dpo.p12"
    keys.create_certificate(key, "陈启航", "锦程酒店", "a good passphrase")
    token = CancelToken()
    job = report.prepare_issue(ctx, a, tmp_path / "signed.pdf", "zh",
                               dpo=report.SignerKey(key, "a good passphrase"))
    waiter = _cancel_once_rendering(token)
    with pytest.raises(Cancelled):
        job.run(cancel=token)
    waiter.join(5)
    assert not multiprocessing.active_children()
    assert not (tmp_path / "signed.pdf").exists()
    with open_store(ctx.data_dir, "checker") as s:
        assert s.conn.execute("SELECT count(*) FROM reports").fetchone() == (0,)
        assert s.conn.execute("SELECT count(*) FROM assessment_versions").fetchone() == (0,)


def _crash(conn, *args) -> None:
    os._exit(3)  # what a native crash in Pango looks like from outside


def test_a_crashing_worker_is_a_render_failure(ctx, tmp_path, monkeypatch):
    from pia_wizard.report import worker

    real = worker.render_in_process
    monkeypatch.setattr(worker, "render_in_process", lambda *a, **k: real(*a, **k, target=_crash))
    out = tmp_path / "r.pdf"
    with pytest.raises(RenderFailed) as exc:
        report.prepare_report(ctx, example("hotel-checkin.json"), out, "zh").run()
    assert "exit code 3" in str(exc.value) and "意外退出" in exc.value.message("zh")
    assert not out.exists() and not (ctx.data_dir / DB_NAME).exists()
