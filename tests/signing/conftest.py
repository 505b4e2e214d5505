"""Fixtures for the signing tests: a small PDF/A-3b report-like PDF (WeasyPrint, our CJK font, an embedded
assessment.json, an approval page with a signature block), one signing identity per session, signed copies."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pia_wizard import paths

PASSPHRASE = "Zhou-Yalin 周雅琳 passphrase #7"
NAME = "周雅琳"
ORG = "锦程酒店管理（上海）有限公司"
REPORT_ID = "PIA-5B2E8C41-33BB9143"
ASSESSMENT = {"format_version": 1, "system": {"name": "前台自助入住核验终端"}, "answers": {"q1": "yes"}}
PT_PER_PX = 0.75


def font_path() -> Path:
    path = paths.asset("fonts", "PIASansCJKsc-Regular.otf")
    if not path.is_file():
        pytest.fail("assets/fonts/PIASansCJKsc-Regular.otf is missing: the font ships with the app")
    return path


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"needs {', '.join(missing)}: ./dev setup installs them (poppler-utils, libnss3-tools)")


def run(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    if check:
        assert out.returncode == 0, out.stderr
    return out


def html(pages: int = 3) -> str:
    font = font_path().as_uri()
    filler = "".join(
        f"<h1>{i}. 评估章节 Section {i}</h1>"
        + "<p>人脸识别技术应用个人信息保护影响评估：处理目的、处理方式、保护措施与风险等级。"
        "Facial recognition impact assessment, purposes, methods, measures and risk levels.</p>" * 12
        + '<p><a href="#approval">审批页 / approval page</a></p>'
        for i in range(1, pages - 1)
    )
    return f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>个人信息保护影响评估报告</title>
<style>
@font-face {{ font-family: "PIA Sans"; src: url("{font}"); }}
@page {{ size: A4; margin: 18mm; @bottom-center {{ content: counter(page); font-family: "PIA Sans"; }} }}
body {{ font-family: "PIA Sans"; font-size: 10pt; }}
h1 {{ break-before: page; font-size: 15pt; }}
h1:first-child {{ break-before: auto; }}
#signature-block {{ width: 160mm; height: 48mm; box-sizing: border-box; border: 1pt solid #3b5b86; padding: 3mm; }}
</style></head><body>
<h1>个人信息保护影响评估报告</h1><p>报告编号 {REPORT_ID}</p>
<h1 id="approval">审批页 Approval page</h1>
<p>本人已审阅本报告。I have reviewed this report.</p>
<div id="signature-block">签名 Signature ________ 日期 Date ________</div>
{filler}
</body></html>"""


@dataclass(frozen=True)
class Doc:
    pdf: bytes
    page: int
    box: tuple[float, float, float, float]
    pages: int


def render(pages: int = 3, *, pdfa: bool = True, attach: bool = True) -> Doc:
    import weasyprint

    document = weasyprint.HTML(string=html(pages)).render()
    attachments = [weasyprint.Attachment(string=json.dumps(ASSESSMENT, ensure_ascii=False).encode(),
                                         name="assessment.json", relationship="Source")] if attach else []
    pdf = document.write_pdf(pdf_variant="pdf/a-3b" if pdfa else None, attachments=attachments)
    for index, page in enumerate(document.pages):
        anchor = page.anchors.get("signature-block")
        if anchor:
            x1, y1, x2, y2 = anchor
            box = (x1 * PT_PER_PX, (page.height - y2) * PT_PER_PX, x2 * PT_PER_PX, (page.height - y1) * PT_PER_PX)
            return Doc(pdf, index, box, len(document.pages))
    raise AssertionError("no signature block")


_FONT_CACHE: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def _stamp_font_cache(tmp_path_factory):
    """Session fixtures sign before the per-test PIA_WIZARD_DATA_DIR exists: keep the derived stamp font in a
    temporary folder, never in the real data dir."""
    _FONT_CACHE[:] = [tmp_path_factory.mktemp("font-cache")]


@pytest.fixture(scope="session")
def doc() -> Doc:
    return render()


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture(scope="session")
def identity(key_dir):
    from pia_wizard.signing import keys

    return keys.create_certificate(key_dir / "dpo.p12", NAME, ORG, PASSPHRASE)


@pytest.fixture(scope="session")
def cert_pem(identity, key_dir) -> Path:
    from pia_wizard.signing import keys

    return keys.export_certificate(identity, key_dir / "dpo.pem")


def sign(pdf: bytes, identity, box, page, field: str, role: str, **kw):
    from pia_wizard.signing.sign import sign_pdf

    kw.setdefault("cache_dir", _FONT_CACHE[0])
    return sign_pdf(pdf, identity, field_name=field, page=page, box=box, role=role, report_id=REPORT_ID,
                    font_path=font_path(), **kw)


@pytest.fixture(scope="session")
def signed_once(doc, identity):
    from pia_wizard.signing.sign import DPO_FIELD

    return sign(doc.pdf, identity, doc.box, doc.page, DPO_FIELD, "个人信息保护负责人 / PI protection officer")


@pytest.fixture(scope="session")
def signed_twice(doc, identity):
    from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD, split_box

    left, right = split_box(doc.box)
    first = sign(doc.pdf, identity, left, doc.page, ASSESSOR_FIELD, "评估负责人 / Lead assessor",
                 title="评估人签署 / Assessor")
    second = sign(first.pdf, identity, right, doc.page, DPO_FIELD, "个人信息保护负责人 / PI protection officer",
                  title="个人信息保护负责人签署 / PI protection officer", note="审批意见 Opinion: 同意 / proceed")
    return first, second


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _pdf_literal(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1:i + 2]
        if nxt.isdigit():
            digits = re.match(rb"[0-7]{1,3}", raw[i + 1:i + 4]).group(0)
            out.append(int(digits, 8) & 0xFF)
            i += 1 + len(digits)
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def stamp_lines(pdf: bytes, field_name: str) -> list[str]:
    """The text of a signature's visible stamp, line by line, from the /ActualText pyHanko writes for each line."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    for ref in reader.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if str(field["/T"]) == field_name:
            data = field["/AP"]["/N"].get_object().data
            texts = re.findall(rb"/ActualText \(((?:\\.|[^\\)])*)\)", data, flags=re.S)
            decoded = [_pdf_literal(t) for t in texts]
            return [t.decode("utf-16") if t.startswith(b"\xfe\xff") else t.decode("latin-1") for t in decoded]
    raise AssertionError(f"no field {field_name}")


def ca_issued_identity(name: str = "王伟", *, ca_name_text: str = "Test Root CA", revocation_base: str | None = None):
    """A CA certificate and a signing identity it issued (what an imported, CA-issued .p12 gives). With
    ``revocation_base`` (an http:// URL) the signer's certificate names a CRL distribution point
    (``/ca.crl``) and an OCSP responder (``/ocsp``) there."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID

    from pia_wizard.signing.keys import SigningIdentity

    now = datetime.now(UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_name_text)])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=900))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                                     x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORG)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False))
    if revocation_base:
        leaf = (leaf
                .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                    full_name=[x509.UniformResourceIdentifier(f"{revocation_base}/ca.crl")], relative_name=None,
                    reasons=None, crl_issuer=None)]), critical=False)
                .add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                    AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(f"{revocation_base}/ocsp"))]),
                    critical=False))
    return ca, SigningIdentity(key, leaf.sign(ca_key, hashes.SHA256()), (ca,))
