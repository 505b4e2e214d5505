"""verify: tampering is caught (by pdfsig where it can see it, and by us), nothing fetched from the network."""

from __future__ import annotations

import io
import re
import socket

import pytest

from pia_wizard.signing import SigningError
from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD
from pia_wizard.signing.verify import verify_file, verify_pdf
from tests.signing.conftest import need, render, run, sign


def _flip(pdf: bytes, offset: int) -> bytes:
    return pdf[:offset] + bytes([pdf[offset] ^ 0x01]) + pdf[offset + 1:]


def _stream_offset(pdf: bytes, limit: int) -> int:
    """An offset inside the data of the largest stream that ends before ``limit`` (a page's content, a font)."""
    best, start = (0, 0), 0
    while (at := pdf.find(b"stream\n", start)) != -1:
        end = pdf.find(b"endstream", at)
        if end == -1 or end > limit:
            break
        best = max(best, (end - at, at))
        start = end
    length, at = best
    assert length > 100
    return at + 7 + length // 2


def _append_update(pdf: bytes, change) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _draw_on_page(writer) -> None:
    from pyhanko.pdf_utils import generic

    stream = generic.StreamObject(stream_data=b"q 1 0 0 rg 60 60 200 80 re f Q")
    writer.add_stream_to_page(0, writer.add_object(stream))


def _swap_attachment(writer) -> None:
    from pyhanko.pdf_utils import generic

    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[1].get_object()
    fake = generic.StreamObject({generic.pdf_name("/Type"): generic.pdf_name("/EmbeddedFile")},
                                stream_data=b'{"format_version": 1, "answers": {"q1": "no"}}')
    spec["/EF"]["/F"] = writer.add_object(fake)
    writer.update_container(spec)


def _add_comment(writer) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string

    annot = generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Annot"), pdf_name("/Subtype"): pdf_name("/Text"),
        pdf_name("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (100, 100, 120, 120)]),
        pdf_name("/Contents"): pdf_string("approved? not really"), pdf_name("/F"): generic.NumberObject(4),
    })
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    writer.register_annotation(page_ref, writer.add_object(annot))


# ------------------------------------------------------------------ the good case


def test_signed_report_verifies_and_reports_everything(signed_once, cert_pem):
    result = verify_pdf(signed_once.pdf)
    assert result.ok, result.failed
    assert result.pdfa == "PDF/A-3B"
    assert result.assessment_name == "assessment.json" and result.json_attachments == ("assessment.json",)
    assert result.assessment_sha256 == signed_once.assessment_sha256
    assert result.sha256 == signed_once.sha256 and result.revisions == 2
    (sig,) = result.signatures
    assert sig.field_name == DPO_FIELD and sig.signer == "周雅琳" and sig.organisation
    assert sig.signing_time is not None and sig.signing_time.tzinfo is not None
    assert sig.intact and sig.valid and sig.covers_whole_file and sig.later_revisions == ()
    assert sig.self_signed and sig.trusted is None  # no trust list: reported, not judged
    assert any("trust not checked" in n for n in result.notes)
    assert any("self-signed" in n for n in result.notes)
    assert result.messages  # pyHanko's warning about the untrusted self-signed certificate, kept out of stderr

    trusted = verify_pdf(signed_once.pdf, trust=[cert_pem])
    assert trusted.ok and trusted.signatures[0].trusted is True


def test_verify_never_touches_the_network(signed_twice, cert_pem, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert verify_pdf(signed_twice[1].pdf, trust=cert_pem).ok


# ------------------------------------------------------------------ tampering


def test_one_flipped_byte_in_the_signed_range(tmp_path, signed_once, cert_pem):
    need("pdfsig")
    pdf = signed_once.pdf
    contents_at = pdf.rfind(b"/Contents <")
    tampered = _flip(pdf, _stream_offset(pdf, contents_at))
    path = tmp_path / "tampered.pdf"
    path.write_bytes(tampered)
    out = run("pdfsig", path, check=False).stdout
    assert "Digest Mismatch" in out or "Signature is Invalid" in out, out
    assert "Signature is Valid." not in out
    result = verify_file(path)
    assert not result.ok
    assert not result.signatures[0].intact
    assert any("digest mismatch" in f for f in result.failed), result.failed
    assert verify_file(path, trust=cert_pem).failed == result.failed  # no "not trusted" noise on top


@pytest.mark.parametrize("fraction", [0.0, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0])
def test_flips_anywhere_in_the_signed_range_fail_without_crashing(signed_twice, fraction):
    pdf = signed_twice[1].pdf
    ranges = re.findall(rb"/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    start, length, start2, length2 = map(int, ranges[-1])  # the DPO's signature covers everything but its /Contents
    covered = [*range(start + 8, start + length), *range(start2, start2 + length2)]  # keep the %PDF- header
    offset = covered[min(len(covered) - 1, int(len(covered) * fraction))]
    result = verify_pdf(_flip(pdf, offset))
    assert not result.ok, offset


def test_incremental_update_changing_a_page_is_reported(tmp_path, signed_twice):
    modified = _append_update(signed_twice[1].pdf, _draw_on_page)
    result = verify_pdf(modified)
    assert not result.ok
    assessor, dpo = result.signatures
    assert assessor.intact and dpo.intact  # the signed bytes are untouched...
    assert dpo.modification == "modified" and not dpo.covers_whole_file  # ...but something came after them
    assert dpo.later_revisions == ("revision 4: update without a signature",)
    assert any(f"modified after signature {DPO_FIELD!r}" in f for f in result.failed), result.failed
    assert any(f"modified after signature {ASSESSOR_FIELD!r}" in f for f in result.failed)
    assert any("1 revision(s) were added after the last signature" in n for n in result.notes)
    need("pdfsig")
    path = tmp_path / "m.pdf"
    path.write_bytes(modified)
    out = run("pdfsig", path, check=False).stdout
    assert out.count("Not total document signed") == 2  # poppler sees only that the file grew


def test_swapped_attachment_is_reported(signed_once):
    modified = _append_update(signed_once.pdf, _swap_attachment)
    result = verify_pdf(modified)
    assert not result.ok
    assert result.assessment_sha256 != signed_once.assessment_sha256
    assert any("does not match signature" in f for f in result.failed), result.failed
    assert any("modified after signature" in f for f in result.failed), result.failed


def test_added_annotation_is_reported(signed_once):
    result = verify_pdf(_append_update(signed_once.pdf, _add_comment))
    assert not result.ok
    assert result.signatures[0].modification == "modified"


def test_unsigned_and_non_pdfa_inputs(identity):
    unsigned = render()
    result = verify_pdf(unsigned.pdf)
    assert not result.ok and "the PDF has no signature" in result.failed
    assert result.pdfa == "PDF/A-3B"

    plain = render(pdfa=False)
    signed = sign(plain.pdf, identity, plain.box, plain.page, DPO_FIELD, "DPO")
    result = verify_pdf(signed.pdf)
    assert result.pdfa is None and not result.ok
    assert result.failed == ("no PDF/A claim (pdfaid part and conformance) in the document's XMP metadata",)


def test_garbage_inputs(tmp_path, signed_once):
    with pytest.raises(SigningError, match="not a PDF"):
        verify_pdf(b"GIF89a....")
    with pytest.raises(SigningError, match="cannot read"):
        verify_file(tmp_path / "missing.pdf")
    truncated = verify_pdf(signed_once.pdf[: len(signed_once.pdf) // 2])
    assert not truncated.ok
    empty = verify_pdf(b"%PDF-1.7\n%%EOF\n")
    assert not empty.ok and empty.failed
    with pytest.raises(SigningError, match="holds no certificate"):
        bad = tmp_path / "bad.pem"
        bad.write_text("not a certificate")
        verify_pdf(signed_once.pdf, trust=bad)
