"""The data folder's trusted certificates: trusting a signer from a signed report (by fingerprint), what verify then
says, untrusting, and the audit entries; on a small signed report (tests/fakes.tiny_report)."""

from __future__ import annotations

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.paths import asset, example
from pia_wizard.services import trust, verify
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import BadInput
from pia_wizard.signing import keys, sign
from tests.fakes import tiny_report


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("trust")
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    result = tiny_report(a, "zh", signers=("dpo",))
    identity = keys.create_certificate(tmp / "dpo.p12", "陈启航", "锦程酒店", "a good passphrase")
    box = result.signature_boxes["dpo"]
    s = sign.sign_pdf(result.pdf, identity, field_name=sign.DPO_FIELD, page=box.page, box=box.box,
                      role="个人信息保护负责人 / PI protection officer", report_id=result.report_id,
                      font_path=asset("fonts", "PIASansCJKsc-Regular.otf"), cache_dir=tmp / "cache")
    path = tmp / "signed.pdf"
    path.write_bytes(s.pdf)
    return path, identity.fingerprint


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="tester")


def test_nothing_trusted_means_trust_is_not_judged(ctx, signed):
    path, _ = signed
    assert trust.trusted_certificates(ctx) == [] and trust.trust_sources(ctx) is None
    check = verify.prepare_verify(ctx, path, trust=trust.trust_sources(ctx), check_archive=False).run()
    assert check.result.signatures[0].trusted is None
    assert not ctx.data_dir.exists()  # asking creates nothing


def test_trusting_a_signer_makes_verify_say_trusted(ctx, signed):
    path, fp = signed
    shown = trust.signer_certificate(path, fp.upper())
    assert shown.path is None and shown.fingerprint == fp and shown.signer == "陈启航" and shown.self_signed
    info = trust.trust_signer(ctx, path, fp)
    assert info.path == trust.trust_dir(ctx) / f"{fp}.pem" and info.path.read_bytes().startswith(b"-----BEGIN")
    assert [c.fingerprint for c in trust.trusted_certificates(ctx)] == [fp]
    check = verify.prepare_verify(ctx, path, trust=trust.trust_sources(ctx), check_archive=False).run()
    assert check.result.signatures[0].trusted is True and check.result.ok
    assert trust.trust_signer(ctx, path, fp).path == info.path  # again: the same file, no error
    assert trust.untrust(ctx, fp) is True and trust.trusted_certificates(ctx) == []
    assert trust.untrust(ctx, fp) is False


def test_a_fingerprint_not_in_the_file_is_one_line_in_both_languages(ctx, signed):
    path, _ = signed
    with pytest.raises(BadInput) as caught:
        trust.trust_signer(ctx, path, "00" * 32)
    assert "00" * 32 in caught.value.message("en") and "\n" not in caught.value.message("en")
    assert "签名证书" in caught.value.message("zh")
    assert not trust.trust_dir(ctx).exists()


def test_a_broken_file_in_the_trust_folder_does_not_stop_verification(ctx, signed):
    path, fp = signed
    trust.trust_dir(ctx).mkdir(parents=True)
    (trust.trust_dir(ctx) / "junk.pem").write_text("not a certificate")
    assert trust.trust_sources(ctx) is None
    trust.trust_signer(ctx, path, fp)
    assert len(trust.trust_sources(ctx) or []) == 1


def test_trust_changes_are_audited_when_the_folder_has_an_archive(ctx, signed):
    from pia_wizard.services import assessments
    from pia_wizard.store import audit

    path, fp = signed
    with assessments.open_archive(ctx):
        pass  # the app's data folder always has its archive
    trust.trust_signer(ctx, path, fp)
    trust.untrust(ctx, fp)
    with assessments.open_archive(ctx) as store:
        rows = store.conn.execute("SELECT entry FROM audit_log ORDER BY seq").fetchall()
        assert audit.verify(store.conn).ok
    entries = [r[0] for r in rows if trust.ENTITY in r[0]]
    assert len(entries) == 2 and '"create"' in entries[0] and '"delete"' in entries[1] and fp in entries[0]
