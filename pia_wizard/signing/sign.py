"""Sign PDF bytes: PAdES baseline B-B, SHA-256, one incremental update per signature, with a visible bilingual stamp
in our embedded CJK font.

The SHA-256 of the embedded assessment JSON is computed here, from the PDF itself, never taken from the caller.
It is printed in the stamp and written as ``assessment-sha256=<hex>`` into the signature dictionary's /Reason,
which the signature covers; verify.py reads it back from there (the stamp is only for people).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

from pia_wizard.signing import SigningError
from pia_wizard.signing.keys import SigningIdentity

ASSESSOR_FIELD = "PIA-Signature-Assessor"
DPO_FIELD = "PIA-Signature-DPO"
HASH_KEY = "assessment-sha256"
REPORT_KEY = "report-id"
SELF_SIGNED_LABEL = "自签名证书 / self-signed certificate"
RESERVE_BASE = 2048  # bytes of CMS besides the certificates: signed attributes + signature < 1 KiB for RSA-4096
FONT_SIZE = 8
LEADING = 11
BORDER_RGB = (0.231, 0.357, 0.525)  # report.css #3b5b86
TIME_FORMAT = "%Y-%m-%d %H:%M:%S UTC%z"

LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH")
log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SignedPdf:
    pdf: bytes = field(repr=False)
    sha256: str  # of the whole signed file: what the archive stores
    field_name: str
    signer: str  # the certificate's CN
    signed_at: datetime | None  # the signing time written into the PDF (/M), timezone-aware
    role: str
    organisation: str
    certificate_fingerprint: str
    self_signed: bool
    assessment_name: str
    assessment_sha256: str
    warnings: list[str] = field(default_factory=list)  # e.g. characters the stamp font lacks


def split_box(box: Box, parts: int = 2, gap: float = 4.0) -> list[Box]:
    """Cut one signature block into ``parts`` side-by-side boxes (assessor left, DPO right)."""
    x1, y1, x2, y2 = box
    width = (x2 - x1 - gap * (parts - 1)) / parts
    return [(x1 + i * (width + gap), y1, x1 + i * (width + gap) + width, y2) for i in range(parts)]


def _clean(value: str | None) -> str:
    return " ".join((value or "").split()) or "—"


def _signer_text(given: str | None, certified: str) -> str:
    # The stamp must not name someone the certificate does not: a different display name keeps the certified one.
    given, certified = _clean(given or certified), _clean(certified)
    return given if given == certified else f"{given} (证书 certificate: {certified})"


def _stamp_lines(*, self_signed: bool, note: bool) -> str:
    # Only our own labels go into the template; every value is a %(...)s parameter, so a '%' in a name is harmless.
    lines = [
        "%(title)s",
        "签署人 Signer: %(signer)s",
        "角色 Role: %(role)s",
        "机构 Organisation: %(org)s",
        "时间 Time: %(ts)s",
        "报告编号 Report ID: %(rid)s",
        "评估数据 Assessment JSON SHA-256:",
        "%(h1)s",
        "%(h2)s",
    ]
    if note:
        lines.append("%(note)s")
    if self_signed:
        lines.append(SELF_SIGNED_LABEL)
    return "\n".join(lines)


def stamp_font(font_path: str | Path, *, cache_dir: str | os.PathLike[str]) -> Path:
    """A copy of ``font_path`` without its OpenType layout tables (GSUB, GPOS, ...), kept in ``cache_dir``.

    pyHanko subsets the stamp font with fontTools on every signature, and decompiling the layout tables of a CJK
    face is most of that work (~0.2 s of ~0.45 s per signature on 2 cores). A stamp needs no ligatures, vertical
    forms or kerning, so this copy signs in about half the time and looks the same. Falls back to the original
    font when the cache cannot be written.
    """
    font_path = Path(font_path)
    stat = font_path.stat()
    source = str(font_path.resolve())
    folder = Path(cache_dir).expanduser().absolute()
    target = _stamp_font_name(source, stat.st_size, stat.st_mtime_ns, str(folder))
    # The memo only saves hashing the font again; the file itself can vanish with its folder at any time.
    if target.is_file():
        return target
    try:
        _write_stamp_font(Path(source), target)
    except OSError as e:
        log.warning("cannot cache the stamp font in %s (%s); signing with the full font", folder, e)
        return Path(source)
    return target


@cache
def _stamp_font_name(source: str, size: int, mtime_ns: int, folder: str) -> Path:
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    return Path(folder) / f"{Path(source).stem}-stamp-{digest}.otf"


def _write_stamp_font(source: Path, target: Path) -> None:
    from fontTools.ttLib import TTFont

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".otf", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f, TTFont(str(source), fontNumber=0) as font:
            for tag in LAYOUT_TABLES:
                if tag in font:
                    del font[tag]
            font.save(f)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _missing_glyphs(font_path: Path, text: str) -> list[str]:
    stat = font_path.stat()
    covered = _code_points(str(font_path.resolve()), stat.st_size, stat.st_mtime_ns)
    return sorted({c for c in text if not c.isspace() and ord(c) not in covered})


@cache
def _code_points(path: str, size: int, mtime_ns: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap() or {})


def sign_pdf(pdf: bytes, identity: SigningIdentity, *, field_name: str, page: int, box: Box, role: str,
             report_id: str, font_path: str | Path, signer_name: str | None = None,
             cache_dir: str | os.PathLike[str], organisation: str | None = None, title: str | None = None,
             note: str | None = None) -> SignedPdf:
    """Add one signature as a new incremental revision and return the signed bytes.

    ``page`` is 0-based; ``box`` is (x1, y1, x2, y2) in PDF points from the page's bottom-left corner (what
    ``report.render.SignatureBox`` gives). ``role`` is printed as given, e.g. "个人信息保护负责人 / PI protection
    officer". ``title`` is the stamp's first line (default: "电子签名 / Digital signature"); ``note`` an optional
    extra line, e.g. the DPO's opinion. ``signer_name`` and ``organisation`` default to the certificate's CN and O;
    a ``signer_name`` that differs from the CN is printed with the CN next to it. Sign twice (assessor, then DPO) by
    feeding the output back in with another ``field_name``. ``cache_dir`` holds the derived stamp font (see
    ``stamp_font``), e.g. the data dir's cache/fonts: the caller chooses it, signing reads no settings of its own.
    """
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import TextStampStyle

    from pia_wizard.signing._pdf import assessment_attachment

    font_path = Path(font_path)
    if not font_path.is_file():
        raise SigningError(f"stamp font not found: {font_path}")
    if not pdf.startswith(b"%PDF-"):
        raise SigningError("not a PDF (it does not start with %PDF-)")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        pages = int(writer.prev.root["/Pages"]["/Count"])
    except (PdfError, KeyError, ValueError, TypeError) as e:
        raise SigningError(f"cannot read the PDF to sign: {e}") from None
    if not 0 <= page < pages:
        raise SigningError(f"page {page} is out of range: the PDF has {pages} pages (0-based index)")
    x1, y1, x2, y2 = (float(v) for v in box)
    if not (x2 - x1 >= 72 and y2 - y1 >= 36):
        raise SigningError(f"signature box {box} is too small (at least 72 x 36 pt)")
    _align_producer(writer)
    existing = {f for f, _, _ in fields.enumerate_sig_fields(writer.prev, filled_status=True)}
    if field_name in existing:
        raise SigningError(f"the PDF is already signed in field {field_name!r}")

    found = assessment_attachment(PdfFileReader(io.BytesIO(pdf), strict=False).root)  # the reader verify uses
    if found.ambiguous:
        raise SigningError(f"the PDF holds {found.conflicting} different assessment.json attachments; refusing to sign")
    attachment = found.attachment
    if attachment is None:
        raise SigningError("the PDF has no embedded assessment JSON to sign for")
    digest = hashlib.sha256(attachment.data).hexdigest()

    now = datetime.now(UTC)
    cert = identity.certificate
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise SigningError(f"the signing certificate is valid only from {cert.not_valid_before_utc:%Y-%m-%d} "
                           f"to {cert.not_valid_after_utc:%Y-%m-%d}")
    self_signed = identity.self_signed
    params = {
        "title": _clean(title or "电子签名 / Digital signature"),
        "signer": _signer_text(signer_name, identity.name),
        "role": _clean(role),
        "org": _clean(organisation or identity.organisation),
        "rid": _clean(report_id),
        "h1": digest[:32],
        "h2": digest[32:],
        "note": _clean(note),
    }
    reason = f"{params['role']}; {REPORT_KEY}={params['rid']}; {HASH_KEY}={digest}"
    template = _stamp_lines(self_signed=self_signed, note=bool(note))
    warnings = []
    missing = _missing_glyphs(font_path, "".join(params.values()) + template)
    if missing:
        # pyHanko cannot draw .notdef from a CID-keyed font (it raises); print "?" and say so.
        warnings.append(f"the stamp font {font_path.name} has no glyph for {' '.join(missing)}; printed as '?'")
        table = str.maketrans(dict.fromkeys(missing, "?"))
        params = {k: v.translate(table) for k, v in params.items()}

    font = GlyphAccumulatorFactory(str(stamp_font(font_path, cache_dir=cache_dir)), font_size=FONT_SIZE)
    width, height = x2 - x1, y2 - y1
    white = RawContent(b"1 1 1 rg 0 0 %g %g re f" % (width, height), box=layout.BoxConstraints(width, height))
    style = TextStampStyle(
        stamp_text=template,
        timestamp_format=TIME_FORMAT,
        text_box_style=TextBoxStyle(font=font, font_size=FONT_SIZE, leading=LEADING),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MAX,
            margins=layout.Margins.uniform(2), inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT),
        border_width=1,
        border_color=BORDER_RGB,
        background=white,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins(), inner_content_scaling=layout.InnerScaling.NO_SCALING),
        background_opacity=1.0,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
        name=_clean(identity.name), reason=reason,
    )
    signer = _pyhanko_signer(identity)
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=style,
        new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=(x1, y1, x2, y2)),
    )
    out = io.BytesIO()
    # A fixed reservation instead of pyHanko's estimate, which signs a dummy CMS first (~40 ms).
    certs = sum(len(c.public_bytes(Encoding.DER)) for c in (identity.certificate, *identity.chain))
    reserve = 2 * (RESERVE_BASE + certs)  # pyHanko counts hex digits
    try:
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params, bytes_reserved=reserve)
    except Exception as e:  # pyHanko's own errors (layout, PDF structure): one line for the user
        raise SigningError(f"pyHanko could not sign the PDF: {' '.join(str(e).split())[:300]}") from e
    signed = out.getvalue()
    return SignedPdf(
        pdf=signed, sha256=hashlib.sha256(signed).hexdigest(), field_name=field_name, signer=identity.name,
        signed_at=_signing_time(signed[len(pdf):]), role=_clean(role), organisation=params["org"],
        certificate_fingerprint=identity.fingerprint, self_signed=self_signed, assessment_name=attachment.name,
        assessment_sha256=digest, warnings=warnings,
    )


def _signing_time(appended: bytes) -> datetime | None:
    """/M of the signature dictionary just written (the time pyHanko also prints in the stamp)."""
    from pyhanko.pdf_utils.generic import parse_pdf_date

    at = appended.rfind(b"/Type /Sig")
    m = re.search(rb"/M \(((?:\\.|[^\\)])*)\)", appended[at:at + 400]) if at != -1 else None
    if not m:
        return None
    raw = re.sub(rb"\\([0-7]{1,3})", lambda e: bytes([int(e.group(1), 8)]), m.group(1))
    try:
        return parse_pdf_date(raw.decode("latin-1"))
    except (ValueError, TypeError):
        return None


def _align_producer(writer) -> None:
    """PDF/A wants the Info dictionary and the XMP to agree. On each revision pyHanko appends itself to Info
    /Producer ("WeasyPrint 70.0; pyHanko 0.38.0") but writes only itself into the XMP pdf:Producer, so set Info's
    to what the XMP will say."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    if "/Metadata" not in writer.root:
        return
    try:
        info_ref = writer.prev.trailer_view.raw_get("/Info")
        info = info_ref.get_object()
    except (KeyError, AttributeError):
        return
    if isinstance(info_ref, generic.IndirectObject) and str(info.get("/Producer", "")) != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.mark_update(info_ref)


def _pyhanko_signer(identity: SigningIdentity):
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    registry = SimpleCertificateStore()
    registry.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in identity.chain])
    return signers.SimpleSigner(
        signing_cert=translate_pyca_cryptography_cert_to_asn1(identity.certificate),
        signing_key=translate_pyca_cryptography_key_to_asn1(identity.private_key),
        cert_registry=registry,
    )
