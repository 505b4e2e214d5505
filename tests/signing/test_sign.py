"""Signing, checked by poppler (pdfsig, pdffonts, pdfinfo, pdfdetach) as an independent reader, and by our verify."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives import serialization

from pia_wizard.signing import SigningError
from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD, HASH_KEY, SELF_SIGNED_LABEL, split_box
from pia_wizard.signing.verify import verify_pdf
from tests.signing.conftest import (
    ASSESSMENT,
    NAME,
    ORG,
    REPORT_ID,
    ca_issued_identity,
    font_path,
    need,
    render,
    run,
    sign,
    stamp_lines,
)

ASSESSMENT_SHA = hashlib.sha256(json.dumps(ASSESSMENT, ensure_ascii=False).encode()).hexdigest()


def write(tmp_path, data: bytes, name="signed.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_signed_result_describes_the_signature(signed_once, identity):
    assert signed_once.field_name == DPO_FIELD
    assert signed_once.signer == NAME
    assert signed_once.self_signed
    assert signed_once.certificate_fingerprint == identity.fingerprint
    assert signed_once.assessment_name == "assessment.json"
    assert signed_once.assessment_sha256 == ASSESSMENT_SHA
    assert signed_once.sha256 == hashlib.sha256(signed_once.pdf).hexdigest()
    assert signed_once.warnings == []
    assert signed_once.role == "个人信息保护负责人 / PI protection officer"
    assert signed_once.organisation == ORG
    assert signed_once.signed_at == verify_pdf(signed_once.pdf).signatures[0].signing_time
    assert abs((datetime.now(UTC) - signed_once.signed_at).total_seconds()) < 600


def test_incremental_update_keeps_the_original_bytes(doc, signed_once):
    assert signed_once.pdf.startswith(doc.pdf)
    assert signed_once.pdf.count(b"%%EOF") == doc.pdf.count(b"%%EOF") + 1
    reason = verify_pdf(signed_once.pdf).signatures[0].reason
    assert reason.endswith(f"{HASH_KEY}={ASSESSMENT_SHA}")


def test_pdfsig_says_valid_and_untrusted_without_nss(tmp_path, signed_once):
    need("pdfsig")
    out = run("pdfsig", write(tmp_path, signed_once.pdf), check=False).stdout
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out and "Not total document signed" not in out
    assert "SHA-256" in out and "ETSI.CAdES.detached" in out
    assert f"Signer Certificate Common Name: {NAME}" in out


def test_pdfsig_trusts_the_exported_certificate(tmp_path, signed_once, cert_pem):
    need("pdfsig", "certutil")
    nss = tmp_path / "nss"
    nss.mkdir()
    run("certutil", "-N", "--empty-password", "-d", f"sql:{nss}")
    run("certutil", "-A", "-d", f"sql:{nss}", "-n", "dpo", "-t", "CT,C,C", "-i", cert_pem)
    # Not -no-ocsp: poppler 22.12 then reports "Unknown issue with Certificate" for every certificate. There is
    # nothing to fetch anyway: our certificate names no OCSP responder (no AIA extension).
    out = run("pdfsig", "-nssdir", f"sql:{nss}", write(tmp_path, signed_once.pdf), check=False).stdout
    assert "Signature Validation: Signature is Valid." in out
    assert "Certificate Validation: Certificate is Trusted." in out


def test_two_signatures_in_sequence(tmp_path, signed_twice, cert_pem):
    need("pdfsig")
    first, second = signed_twice
    assert second.pdf.startswith(first.pdf)
    out = run("pdfsig", write(tmp_path, second.pdf), check=False).stdout
    blocks = out.split("Signature #")[1:]
    assert len(blocks) == 2
    assert f"Signature Field Name: {ASSESSOR_FIELD}" in blocks[0] and f"Signature Field Name: {DPO_FIELD}" in blocks[1]
    assert all("Signature Validation: Signature is Valid." in b for b in blocks)
    assert "Not total document signed" in blocks[0] and "Total document signed" in blocks[1]

    result = verify_pdf(second.pdf, trust=cert_pem)
    assert result.ok, result.failed
    assessor, dpo = result.signatures
    assert (assessor.field_name, dpo.field_name) == (ASSESSOR_FIELD, DPO_FIELD)
    assert (assessor.revision, dpo.revision, result.revisions) == (2, 3, 3)
    assert not assessor.covers_whole_file and dpo.covers_whole_file
    assert assessor.later_revisions == (f"revision 3: signature {DPO_FIELD!r}",)
    assert assessor.modification == "signatures added" and dpo.modification == "none"
    assert all(s.intact and s.valid and s.trusted and s.self_signed for s in result.signatures)
    assert all(s.assessment_sha256 == ASSESSMENT_SHA and s.report_id == REPORT_ID for s in result.signatures)


def test_every_font_is_embedded_including_the_stamp_font(tmp_path, signed_twice):
    need("pdffonts")
    rows = run("pdffonts", write(tmp_path, signed_twice[1].pdf)).stdout.splitlines()[2:]
    assert rows
    stamp_fonts = [r for r in rows if "PIASansCJKsc-Regular" in r]
    assert len(stamp_fonts) == 2, rows  # one subset per signature revision
    for row in rows:
        cols = row.split()
        assert cols[-5] == "yes", row  # emb
        assert cols[-3] == "yes", row  # uni: a ToUnicode map, so the stamp text can be copied and searched


def test_pdfa_claim_and_attachment_survive(tmp_path, signed_twice):
    need("pdfinfo", "pdfdetach")
    path = write(tmp_path, signed_twice[1].pdf)
    meta = run("pdfinfo", "-meta", path).stdout
    assert re.search(r'pdfaid:part(="|>)3', meta), meta
    assert re.search(r'pdfaid:conformance(="|>)B', meta), meta
    assert run("pdfdetach", "-list", path).stdout.splitlines()[1:] == ["1: assessment.json"]
    saved = tmp_path / "out.json"
    run("pdfdetach", "-save", "1", "-o", saved, path)
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == ASSESSMENT_SHA


def test_stamp_page_renders(tmp_path, doc, signed_twice):
    """Writes the picture for a person to look at; the test only checks that poppler draws the page."""
    need("pdftoppm")
    path = write(tmp_path, signed_twice[1].pdf)
    n = doc.page + 1
    run("pdftoppm", "-png", "-r", "80", "-f", str(n), "-l", str(n), path, tmp_path / "page")
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 10_000


def test_stamp_text_is_bilingual_and_complete(signed_twice):
    second = signed_twice[1].pdf
    assessor = stamp_lines(second, ASSESSOR_FIELD)
    dpo = stamp_lines(second, DPO_FIELD)
    assert assessor[0] == "评估人签署 / Assessor"
    assert f"签署人 Signer: {NAME}" in assessor and f"机构 Organisation: {ORG}" in assessor
    assert "角色 Role: 评估负责人 / Lead assessor" in assessor
    assert f"报告编号 Report ID: {REPORT_ID}" in assessor
    assert any(re.fullmatch(r"时间 Time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d{4}", line) for line in assessor)
    assert "".join(assessor[assessor.index("评估数据 Assessment JSON SHA-256:") + 1:][:2]) == ASSESSMENT_SHA
    assert assessor[-1] == SELF_SIGNED_LABEL == "自签名证书 / self-signed certificate"
    assert "审批意见 Opinion: 同意 / proceed" in dpo and dpo[-1] == SELF_SIGNED_LABEL


def test_ca_issued_certificate_is_not_labelled_self_signed(doc, cert_pem, tmp_path):
    ca, leaf = ca_issued_identity()
    signed = sign(doc.pdf, leaf, doc.box, doc.page, DPO_FIELD, "DPO")
    assert not signed.self_signed
    assert SELF_SIGNED_LABEL not in stamp_lines(signed.pdf, DPO_FIELD)
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    trusted = verify_pdf(signed.pdf, trust=ca_pem)
    assert trusted.ok, trusted.failed
    assert trusted.signatures[0].trusted and not trusted.signatures[0].self_signed
    wrong = verify_pdf(signed.pdf, trust=cert_pem)
    assert not wrong.ok and wrong.signatures[0].trusted is False
    assert any("not trusted by the given trust certificate" in f for f in wrong.failed)


def test_signing_errors(doc, identity, signed_once, tmp_path):
    role = "个人信息保护负责人 / PI protection officer"
    with pytest.raises(SigningError, match="out of range"):
        sign(doc.pdf, identity, doc.box, 99, DPO_FIELD, role)
    with pytest.raises(SigningError, match="already signed in field"):
        sign(signed_once.pdf, identity, doc.box, doc.page, DPO_FIELD, role)
    with pytest.raises(SigningError, match="too small"):
        sign(doc.pdf, identity, (10, 10, 20, 20), doc.page, DPO_FIELD, role)
    with pytest.raises(SigningError, match="not a PDF"):
        sign(b"hello", identity, doc.box, doc.page, DPO_FIELD, role)
    with pytest.raises(SigningError, match="no embedded assessment JSON"):
        bare = render(attach=False)
        sign(bare.pdf, identity, bare.box, bare.page, DPO_FIELD, role)
    from pia_wizard.signing.sign import sign_pdf

    with pytest.raises(SigningError, match="stamp font not found"):
        sign_pdf(doc.pdf, identity, field_name=DPO_FIELD, page=doc.page, box=doc.box, role=role,
                 report_id=REPORT_ID, font_path=font_path().with_name("missing.otf"), cache_dir=tmp_path)


def test_uncovered_characters_are_reported_and_printed_as_question_marks(doc, identity):
    signed = sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, "DPO 🙂")
    assert signed.warnings and "🙂" in signed.warnings[0]
    assert "角色 Role: DPO ?" in stamp_lines(signed.pdf, DPO_FIELD)
    assert verify_pdf(signed.pdf).signatures[0].reason.startswith("DPO 🙂;")  # the signed /Reason keeps it


def test_display_name_never_hides_the_certified_name(doc, identity):
    signed = sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, "DPO", signer_name="Zhou Yalin")
    assert f"签署人 Signer: Zhou Yalin (证书 certificate: {NAME})" in stamp_lines(signed.pdf, DPO_FIELD)
    assert signed.signer == NAME


def test_expired_certificate_cannot_sign(doc):
    from datetime import UTC, datetime, timedelta

    from pia_wizard.signing.keys import create_identity

    old = create_identity("Old Key", "Example Ltd", years=1, now=datetime.now(UTC) - timedelta(days=800))
    with pytest.raises(SigningError, match="valid only from"):
        sign(doc.pdf, old, doc.box, doc.page, DPO_FIELD, "DPO")


def test_a_hash_in_the_role_text_cannot_stand_in_for_the_real_one(doc, identity):
    fake = "assessment-sha256=" + "0" * 64
    signed = sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, f"DPO {fake}; report-id=FAKE")
    check = verify_pdf(signed.pdf).signatures[0]
    assert check.assessment_sha256 == ASSESSMENT_SHA and check.report_id == REPORT_ID and check.ok


def test_percent_signs_and_newlines_in_values_are_harmless(doc, identity):
    signed = sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, "100% %(ts)s\nDPO", organisation="A%sB")
    result = verify_pdf(signed.pdf)
    assert result.ok, result.failed
    assert result.signatures[0].reason.startswith("100% %(ts)s DPO;")


def test_split_box():
    left, right = split_box((0, 0, 204, 100), gap=4)
    assert left == (0, 0, 100, 100) and right == (104, 0, 204, 100)


def test_stamp_font_cache(tmp_path):
    from pia_wizard.signing.sign import stamp_font

    cached = stamp_font(font_path(), cache_dir=tmp_path)
    assert cached.parent == tmp_path and cached.stat().st_size > 100_000
    assert stamp_font(font_path(), cache_dir=tmp_path) == cached
    from fontTools.ttLib import TTFont

    with TTFont(str(cached)) as font:
        assert "GSUB" not in font and "GPOS" not in font and "CFF " in font


def test_stamp_font_follows_the_cache_folder_and_survives_its_deletion(tmp_path):
    """The memo once ignored the folder (it read the data dir inside itself) and returned a path in a folder
    that had since changed or been deleted."""
    import shutil

    from pia_wizard.signing.sign import stamp_font

    a, b = tmp_path / "a" / "fonts", tmp_path / "b" / "fonts"
    in_a = stamp_font(font_path(), cache_dir=a)
    assert in_a.parent == a and in_a.is_file()
    shutil.rmtree(tmp_path / "a")
    in_b = stamp_font(font_path(), cache_dir=b)
    assert in_b.parent == b and in_b.is_file()
    again = stamp_font(font_path(), cache_dir=a)
    assert again == in_a and again.is_file()  # made anew, not a path into the deleted folder
    (tmp_path / "c").write_text("a file where the cache folder should be")
    fallback = stamp_font(font_path(), cache_dir=tmp_path / "c" / "fonts")
    assert fallback == font_path().resolve() and fallback.is_file()


def test_signing_needs_a_cache_folder_from_the_caller(doc, identity, tmp_path, monkeypatch):
    import shutil

    import pia_wizard.paths
    from pia_wizard.signing.sign import sign_pdf

    monkeypatch.setattr(pia_wizard.paths, "data_dir", lambda *a: pytest.fail("signing read the data dir itself"))
    kw = dict(field_name=DPO_FIELD, page=doc.page, box=doc.box, role="DPO", report_id=REPORT_ID,
              font_path=font_path())
    with pytest.raises(TypeError, match="cache_dir"):
        sign_pdf(doc.pdf, identity, **kw)
    first = tmp_path / "first"
    sign_pdf(doc.pdf, identity, cache_dir=first, **kw)
    assert len(list(first.glob("*-stamp-*.otf"))) == 1
    shutil.rmtree(first)
    second = tmp_path / "second"
    signed = sign_pdf(doc.pdf, identity, cache_dir=second, **kw)
    assert len(list(second.glob("*-stamp-*.otf"))) == 1
    assert verify_pdf(signed.pdf).ok


def test_importing_the_signing_modules_does_not_import_pyhanko_or_qt():
    code = ("import sys; import pia_wizard.signing.keys, pia_wizard.signing.sign, pia_wizard.signing.verify; "
            "print(sorted(m for m in ('pyhanko', 'PySide6', 'weasyprint', 'fontTools') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_info_dictionary_and_xmp_agree_after_signing(signed_twice):
    """PDF/A: entries of the Info dictionary must equal their XMP counterparts (pyHanko updates both)."""
    import io
    import xml.etree.ElementTree as ET

    from pyhanko.pdf_utils.generic import parse_pdf_date
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(signed_twice[1].pdf))
    info = reader.trailer_view["/Info"]
    xmp = ET.fromstring(reader.root["/Metadata"].get_object().data)
    ns = {"pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/"}
    values = {}
    for el in xmp.iter():
        for key, value in el.attrib.items():
            values[key] = value
        if el.text and el.text.strip():
            values[el.tag] = el.text.strip()
    assert str(info["/Producer"]) == values[f"{{{ns['pdf']}}}Producer"]
    if "/ModDate" in info:
        xmp_mod = datetime.fromisoformat(values[f"{{{ns['xmp']}}}ModifyDate"])
        assert parse_pdf_date(str(info["/ModDate"])) == xmp_mod
