"""One reader of the embedded assessment.json (pia_wizard/pdfattach.py): import-report, signing and verify take
the same attachment, and a PDF with two different ones is refused by all three."""

from __future__ import annotations

import io
import json

import pytest

from pia_wizard.core.assessment import parse
from pia_wizard.paths import asset, example
from pia_wizard.report.importer import ReportImportError, extract_json
from pia_wizard.services.demo import demo_approval
from pia_wizard.signing import SigningError, keys, sign
from pia_wizard.signing.verify import verify_pdf
from tests.fakes import tiny_report


def _add_attachment(pdf: bytes, name: str, data: bytes) -> bytes:
    """Append, as an incremental update, an embedded file in the /EmbeddedFiles name tree."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    ef = embed.EmbeddedFileObject.from_file_data(writer, data=data, mime_type="application/json")
    embed.embed_file(writer, embed.FileSpec(file_spec_string=name, file_name=name, embedded_data=ef))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def report():
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    return a, tiny_report(a, "zh", signers=("dpo",))


def test_the_same_attachment_twice_is_one(report):
    a, r = report
    pdf = _add_attachment(r.pdf, "assessment.json", a.to_json().encode("utf-8"))
    assert extract_json(pdf) == a.to_json().encode("utf-8")


def test_two_different_assessments_are_refused_everywhere(report, tmp_path):
    a, r = report
    forged = json.loads(a.to_json())
    forged["title"] = "another assessment"
    pdf = _add_attachment(r.pdf, "assessment.json", json.dumps(forged, ensure_ascii=False).encode("utf-8"))
    with pytest.raises(ReportImportError, match=r"2 different assessment\.json"):
        extract_json(pdf)
    identity = keys.create_certificate(tmp_path / "k.p12", "陈启航", "锦程酒店", "a good passphrase")
    box = r.signature_boxes["dpo"]
    with pytest.raises(SigningError, match=r"2 different assessment\.json"):
        sign.sign_pdf(pdf, identity, field_name=sign.DPO_FIELD, page=box.page, box=box.box, role="DPO",
                      report_id=r.report_id, font_path=asset("fonts", "PIASansCJKsc-Regular.otf"),
                      cache_dir=tmp_path / "cache")
    # signed first, forged after: verify names the ambiguity (besides the change after signing)
    signed = sign.sign_pdf(r.pdf, identity, field_name=sign.DPO_FIELD, page=box.page, box=box.box, role="DPO",
                           report_id=r.report_id, font_path=asset("fonts", "PIASansCJKsc-Regular.otf"),
                           cache_dir=tmp_path / "cache").pdf
    result = verify_pdf(_add_attachment(signed, "assessment.json", b'{"forged": true}'))
    assert not result.ok
    assert any("2 different assessment.json" in f for f in result.failed), result.failed
    assert result.assessment_sha256 is None


def test_another_json_name_is_not_the_assessment(report):
    a, r = report
    pdf = _add_attachment(r.pdf, "notes.json", b"{}")
    assert extract_json(pdf) == a.to_json().encode("utf-8")
