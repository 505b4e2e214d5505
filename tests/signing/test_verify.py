"""verify: tampering is caught (by pdfsig where it can see it, and by us), nothing fetched from the network."""

from __future__ import annotations

import io
import re
import socket
import threading

import pytest

from pia_wizard.signing import SigningError
from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD
from pia_wizard.signing.verify import verify_file, verify_pdf
from tests.localhttp import Listener
from tests.signing.conftest import NAME, ca_issued_identity, need, render, run, sign


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


def identity_with_revocation_urls(port: int):
    """A CA and a signer certificate it issued whose CRL distribution point and OCSP responder (AIA) are on
    127.0.0.1:``port``: a verifier that checks revocation online would ask there."""
    return ca_issued_identity(NAME, ca_name_text="Test Revocation CA", revocation_base=f"http://127.0.0.1:{port}")


class Connections:
    """Records every outgoing connection attempt and name lookup in this process, and lets it go ahead."""

    def __init__(self, monkeypatch) -> None:
        self.seen: list[str] = []
        for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                            (socket, "getaddrinfo")):
            monkeypatch.setattr(owner, name, self._recording(name, getattr(owner, name)))

    def _recording(self, name, original):
        def wrapper(*args, **kwargs):
            self.seen.append(f"{name}{args[1:] if name.startswith('connect') else args[:2]}")
            return original(*args, **kwargs)

        return wrapper


def _verify_bounded(pdf: bytes, trust, seconds: float = 90):
    """verify_pdf in a thread, so that a fetch that hangs fails the test instead of hanging it."""
    done: list = []
    worker = threading.Thread(target=lambda: done.append(verify_pdf(pdf, trust=trust)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert done, f"verify_pdf did not finish within {seconds} s"
    return done[0]


@pytest.fixture(scope="module")
def revocable(doc):
    """A local listener, and ``doc`` signed by a CA-issued certificate that names a CRL and an OCSP responder on
    it: (listener, CA certificate, signed PDF)."""
    with Listener(status=404, content_type="text/plain") as listener:
        ca, identity = identity_with_revocation_urls(listener.port)
        signed = sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, "DPO")
        assert listener.requests == []  # signing asked nothing either
        yield listener, ca, signed


def test_verify_never_touches_the_network(revocable, monkeypatch):
    """The signer's certificate names a CRL and an OCSP responder on a local listener (really reachable: see the
    next test); verify checks revocation offline, so the listener sees no request and nothing connects at all."""
    listener, ca, signed = revocable
    listener.requests.clear()
    connections = Connections(monkeypatch)
    result = _verify_bounded(signed.pdf, ca)
    assert connections.seen == []
    assert listener.requests == []
    assert result.ok, result.failed
    (sig,) = result.signatures
    assert sig.trusted is True and not sig.self_signed


def test_the_listener_sees_a_verifier_that_fetches(revocable, monkeypatch):
    """The control for the test above: verify with pyHanko's fetching switched on (its ValidationContext built as
    verify.py builds it, but with allow_fetching=True) asks the certificate's revocation URLs on the listener. So
    the URLs are real and reachable, and an empty request list above means verify did not ask."""
    import pyhanko_certvalidator

    listener, ca, signed = revocable
    listener.requests.clear()
    real = pyhanko_certvalidator.ValidationContext
    built: list[dict] = []

    def fetching(*args, **kwargs):
        built.append(dict(kwargs))
        return real(*args, **{**kwargs, "allow_fetching": True})

    monkeypatch.setattr(pyhanko_certvalidator, "ValidationContext", fetching)
    connections = Connections(monkeypatch)
    _verify_bounded(signed.pdf, ca)
    requests = list(listener.requests)
    assert built and all(kw.get("allow_fetching") is False for kw in built)  # what verify.py asks for
    assert requests, "the listener saw no request although fetching was on"
    assert {r.split()[1] for r in requests} <= {"/ocsp", "/ca.crl"}
    assert any("127.0.0.1" in c for c in connections.seen)


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
