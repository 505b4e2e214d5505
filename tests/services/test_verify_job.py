"""The verify job: progress by step, cancel between steps, typed bad input; on a small signed report."""

from __future__ import annotations

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.paths import asset, example
from pia_wizard.services import verify
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import BadInput, Cancelled
from pia_wizard.services.jobs import CancelToken
from pia_wizard.signing import keys, sign
from tests.fakes import tiny_report


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verify-job")
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    result = tiny_report(a, "zh", signers=("dpo",))
    identity = keys.create_certificate(tmp / "dpo.p12", "陈启航", "锦程酒店", "a good passphrase")
    box = result.signature_boxes["dpo"]
    s = sign.sign_pdf(result.pdf, identity, field_name=sign.DPO_FIELD, page=box.page, box=box.box,
                      role="个人信息保护负责人 / PI protection officer", report_id=result.report_id,
                      font_path=asset("fonts", "PIASansCJKsc-Regular.otf"), cache_dir=tmp / "cache")
    path = tmp / "signed.pdf"
    path.write_bytes(s.pdf)
    cert = keys.export_certificate(identity, tmp / "dpo.pem")
    return path, cert


def test_progress_by_step(tmp_path, signed):
    path, cert = signed
    seen = []
    check = verify.prepare_verify(AppContext(data_dir=tmp_path / "d"), path, trust=cert).run(seen.append)
    assert check.result.ok and check.archive.status == verify.NO_ARCHIVE
    assert [p.step for p in seen][:2] == ["signatures", "archive"]
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen) and seen[-1].fraction == 1.0
    assert not (tmp_path / "d").exists()  # verifying never creates an archive


def test_cancel_stops_before_the_archive_is_read(tmp_path, signed):
    path, cert = signed
    token = CancelToken()

    def on_progress(p):
        if p.step == "signatures":
            token.cancel()

    with pytest.raises(Cancelled):
        verify.prepare_verify(AppContext(data_dir=tmp_path / "d"), path, trust=cert).run(on_progress, token)


def test_bad_input_is_refused_before_the_job(tmp_path, signed):
    ctx = AppContext(data_dir=tmp_path / "d")
    (tmp_path / "x.pdf").write_bytes(b"hello")
    with pytest.raises(BadInput, match="not a PDF"):
        verify.prepare_verify(ctx, tmp_path / "x.pdf")
    with pytest.raises(BadInput, match="is a folder"):
        verify.prepare_verify(ctx, signed[0], trust=tmp_path)
