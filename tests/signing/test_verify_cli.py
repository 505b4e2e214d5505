"""`pia-wizard verify PDF [--trust CERT.pem] [--no-archive] [--format json]`: exit 0 only when every check holds
(archive included), 1 naming each failure, 2 with one line for input that cannot be checked."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from pia_wizard.store.db import DB_NAME, open_store
from tests.signing.conftest import NAME, ORG, REPORT_ID, ca_issued_identity, need, render, run
from tests.signing.test_verify import _flip, _stream_offset
from tests.test_cli import run_cli

ASSESSMENT_ID = "0f0e0d0c-0b0a-4909-8807-060504030201"


def one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("pia-wizard: "), err
    assert "Traceback" not in err
    for f in fragments:
        assert f in err, err


def failed_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("FAILED: ")]


def write(tmp_path: Path, data: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def archive(data_dir: Path, signed, *, report_id: str = REPORT_ID) -> dict:
    """Archive ``signed`` (a SignedPdf) as an approved assessment version's report, as the signing flow does."""
    from pia_wizard.core.assessment import Assessment
    from pia_wizard.core.bank import default_bank
    from pia_wizard.store import assessments, reports

    a = Assessment.from_dict({"format_version": 1, "bank_version": default_bank().version, "id": ASSESSMENT_ID,
                              "title": "前台自助入住核验终端", "processor": {"name": ORG},
                              "system": {"name": "前台自助入住核验终端"}, "answers": {}})
    with open_store(data_dir, "archivist") as store:
        version = assessments.save(store, a)
        sig = reports.Signature(signer=signed.signer, cert_fingerprint=signed.certificate_fingerprint,
                                signed_at=signed.signed_at.isoformat(), role=signed.role,
                                organisation=signed.organisation, self_signed=signed.self_signed)
        return reports.archive(store, version_id=version["id"], pdf=signed.pdf, report_id=report_id,
                               signatures=[sig], approve=True)


def verify(data_dir: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("--data-dir", str(data_dir), "verify", *args)


# ------------------------------------------------------------------ archive


def test_signed_copy_not_in_the_archive_fails_only_on_the_archive(tmp_path, signed_once):
    data = tmp_path / "data"
    open_store(data, "setup").close()  # an archive that does not hold the file
    pdf = write(tmp_path, signed_once.pdf)
    code, out, err = verify(data, str(pdf))
    assert code == 1 and err == ""
    assert failed_lines(out) == [f"FAILED: archive: the archive {data / DB_NAME} does not hold this file (SHA-256 "
                                 f"{signed_once.sha256[:16]}…) nor a report with ID {REPORT_ID}"]
    assert "Signature 1 of 1: PIA-Signature-DPO (个人信息保护负责人 / PI protection officer) — OK" in out
    assert "OK:" not in out

    code, out, err = verify(data, str(pdf), "--no-archive")
    assert code == 0, out
    assert failed_lines(out) == []
    assert out.splitlines()[-1].startswith("OK: 1 signature valid and intact; PDF/A-3B claimed; assessment.json "
                                           "matches every signature; signer trust not checked")
    assert out.rstrip().endswith("archive not checked (--no-archive)")


def test_no_archive_in_the_data_dir_is_reported_and_nothing_is_created(tmp_path, signed_once):
    data = tmp_path / "nowhere" / "data"
    pdf = write(tmp_path, signed_once.pdf)
    code, out, err = verify(data, str(pdf))
    assert code == 1 and err == ""
    assert failed_lines(out) == [f"FAILED: archive: no archive in {data} (no {DB_NAME}); to verify a copy received "
                                 "from elsewhere, use --no-archive"]
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]

    # an existing, empty data folder stays empty too
    data.mkdir(parents=True)
    assert verify(data, str(pdf))[0] == 1
    assert list(data.iterdir()) == []


def test_archived_copy_verifies_and_names_the_archived_report(tmp_path, signed_once):
    data = tmp_path / "data"
    row = archive(data, signed_once)
    db = data / DB_NAME
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, out, err = verify(data, str(write(tmp_path, signed_once.pdf)))
    assert code == 0, out
    assert err == ""
    assert f"  the archive holds these exact bytes: report {REPORT_ID} (#{row['id']})" in out
    assert f"  report {REPORT_ID} (archive #{row['id']}): assessment {ASSESSMENT_ID} v1 (approved)" in out
    assert f"    archived {row['created_at']} by archivist; kept until {row['retain_until']}" in out
    assert f"    signed by {NAME} (个人信息保护负责人 / PI protection officer)" in out
    assert out.splitlines()[-1].endswith(f"the archive holds these exact bytes (report {REPORT_ID})")
    assert failed_lines(out) == []
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # verifying writes nothing


def test_same_report_id_with_other_bytes_is_not_the_archived_copy(tmp_path, signed_once, signed_twice):
    data = tmp_path / "data"
    archive(data, signed_once)
    code, out, _ = verify(data, str(write(tmp_path, signed_twice[1].pdf)))  # same report ID, signed twice
    assert code == 1
    (line,) = failed_lines(out)
    assert line.startswith(f"FAILED: archive: the archive holds report {REPORT_ID} (#1, SHA-256 "
                           f"{signed_once.sha256[:16]}…) with different bytes: this file is not the archived copy")


def test_archived_bytes_are_rehashed(tmp_path, signed_once):
    """The archive's sha256 column alone is not trusted: the stored bytes are hashed again."""
    data = tmp_path / "data"
    archive(data, signed_once)
    conn = sqlite3.connect(data / DB_NAME, isolation_level=None)
    conn.execute("DROP TRIGGER reports_frozen")  # what someone with raw write access could do
    conn.execute("UPDATE reports SET pdf = ? WHERE id = 1", (_flip(signed_once.pdf, len(signed_once.pdf) // 2),))
    conn.close()
    code, out, _ = verify(data, str(write(tmp_path, signed_once.pdf)))
    assert code == 1
    (line,) = failed_lines(out)
    assert line.startswith("FAILED: archive: the archive ") and "is damaged: report" in line, line


def test_locked_archive(tmp_path, signed_once, monkeypatch):
    data = tmp_path / "data"
    archive(data, signed_once)
    pdf = str(write(tmp_path, signed_once.pdf))
    monkeypatch.setenv("PIA_WIZARD_BUSY_TIMEOUT", "0.2")
    writer = sqlite3.connect(data / DB_NAME, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # WAL: a writer does not block readers
    try:
        code, out, err = verify(data, pdf)
        assert code == 0 and err == "" and f"holds these exact bytes: report {REPORT_ID}" in out
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    holder = sqlite3.connect(data / DB_NAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # now readers are locked out too
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE scratch (x)")
    try:
        code, out, err = verify(data, pdf)
        assert code == 1 and err == "" and "Traceback" not in out
        assert failed_lines(out) == [f"FAILED: archive: the database {data / DB_NAME} is busy: another program "
                                     "(another pia-wizard?) has held its write lock for more than 0.2 s; try again "
                                     "when it has finished"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_damaged_archive_is_a_failed_archive_check_and_left_untouched(tmp_path, signed_once):
    data = tmp_path / "data"
    data.mkdir()
    db = data / DB_NAME
    db.write_bytes(b"PK\x03\x04 not a database" * 20)
    code, out, err = verify(data, str(write(tmp_path, signed_once.pdf)))
    assert code == 1 and err == ""
    (line,) = failed_lines(out)
    assert line.startswith("FAILED: archive: ") and "is not a pia-wizard database" in line, line
    assert db.read_bytes() == b"PK\x03\x04 not a database" * 20
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


# ------------------------------------------------------------------ trust


def test_trust_the_exported_certificate(tmp_path, signed_once, cert_pem):
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, signed_once.pdf)), "--no-archive",
                          "--trust", str(cert_pem))
    assert code == 0, out
    assert "  trust:         trusted (chains to --trust)" in out
    assert "  certificate:   self-signed, SHA-256 fingerprint " + signed_once.certificate_fingerprint in out
    assert f"  trusted certs: {cert_pem}" in out
    assert "every signer trusted" in out.splitlines()[-1]


def test_an_unrelated_trust_certificate_fails(tmp_path, signed_once, cert_pem):
    ca, _ = ca_issued_identity()
    other = write(tmp_path, ca.public_bytes(Encoding.PEM), "other-ca.pem")
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, signed_once.pdf)), "--no-archive",
                          "--trust", str(other))
    assert code == 1
    assert "  trust:         not trusted (does not chain to --trust)" in out
    (line,) = failed_lines(out)
    assert line.startswith(f"FAILED: signature 'PIA-Signature-DPO' ({NAME}): the certificate is not trusted by the "
                           "given trust certificate(s)")
    # repeated --trust: one of them is enough
    code, out, _ = verify(tmp_path / "d", str(tmp_path / "report.pdf"), "--no-archive", "--trust", str(other),
                          "--trust", str(cert_pem))
    assert code == 0, out


def test_without_trust_it_is_reported_not_judged(tmp_path, signed_once):
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, signed_once.pdf)), "--no-archive")
    assert code == 0
    assert "  trust:         trust not checked (no --trust given)" in out


# ------------------------------------------------------------------ what the signatures say


def test_two_signatures_each_reported(tmp_path, signed_twice):
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, signed_twice[1].pdf)), "--no-archive")
    assert code == 0, out
    assert "Signature 1 of 2: PIA-Signature-Assessor (评估负责人 / Lead assessor) — OK" in out
    assert "Signature 2 of 2: PIA-Signature-DPO (个人信息保护负责人 / PI protection officer) — OK" in out
    assert "  coverage:      revision 2, revisions added after it: revision 3: signature 'PIA-Signature-DPO'" in out
    assert "  coverage:      revision 3, covers the whole file" in out
    assert "  modification:  only signatures added after it (allowed)" in out
    assert "  modification:  none" in out
    assert "note:          signature" not in out  # per-signature notes are in the blocks, not repeated
    assert out.count(f"  signer:        {NAME}, {ORG}") == 2
    digest = signed_twice[1].assessment_sha256
    assert out.count(f"  assessment:    states SHA-256 {digest}: matches the embedded JSON") == 2
    assert f"  assessment:    assessment.json, SHA-256 {digest}" in out
    assert "  PDF/A claim:   PDF/A-3B" in out


def test_flipped_byte_fails_in_pdfsig_and_in_verify(tmp_path, signed_once):
    need("pdfsig")
    pdf = signed_once.pdf
    path = write(tmp_path, _flip(pdf, _stream_offset(pdf, pdf.rfind(b"/Contents <"))), "tampered.pdf")
    poppler = run("pdfsig", path, check=False).stdout
    assert "Digest Mismatch" in poppler or "Signature is Invalid" in poppler, poppler
    code, out, err = verify(tmp_path / "d", str(path), "--no-archive")
    assert code == 1 and err == ""
    assert "— FAILED" in out
    assert "  signature:     INVALID (the signed bytes were changed after signing)" in out
    assert "  integrity:     BROKEN: digest mismatch" in out
    assert any("the signed content was changed after signing (digest mismatch)" in line
               for line in failed_lines(out)), out


def test_unsigned_pdf(tmp_path):
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, render().pdf)), "--no-archive")
    assert code == 1
    assert "Signatures: none" in out
    assert failed_lines(out) == ["FAILED: the PDF has no signature"]


# ------------------------------------------------------------------ JSON


def test_json_format(tmp_path, signed_once, cert_pem):
    data = tmp_path / "data"
    row = archive(data, signed_once)
    code, out, err = verify(data, str(write(tmp_path, signed_once.pdf)), "--format", "json", "--trust",
                            str(cert_pem))
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert set(doc) == {"file", "ok", "sha256", "size", "revisions", "signatures", "pdfa", "assessment",
                        "trust_checked", "trust_files", "archive", "failed", "notes"}
    assert doc["ok"] is True and doc["failed"] == [] and doc["sha256"] == signed_once.sha256
    assert doc["pdfa"] == "PDF/A-3B" and doc["revisions"] == 2 and doc["trust_checked"] is True
    assert doc["assessment"] == {"name": "assessment.json", "sha256": signed_once.assessment_sha256,
                                 "json_attachments": ["assessment.json"]}
    (sig,) = doc["signatures"]
    assert set(sig) == {"field_name", "role", "signer", "organisation", "subject", "signing_time", "revision", "ok",
                        "valid", "intact", "covers_whole_file", "later_revisions", "modification",
                        "modification_detail", "certificate_fingerprint", "self_signed", "trusted", "trust",
                        "report_id", "assessment_sha256", "assessment_matches", "problems"}
    assert sig["signer"] == NAME and sig["organisation"] == ORG and sig["valid"] is True
    assert sig["trusted"] is True and sig["self_signed"] is True and sig["assessment_matches"] is True
    assert sig["report_id"] == REPORT_ID and sig["covers_whole_file"] is True
    assert datetime.fromisoformat(sig["signing_time"]) == signed_once.signed_at
    arch = doc["archive"]
    assert arch["status"] == "held" and arch["ok"] is True and arch["database"] == str(data / DB_NAME)
    (held,) = arch["reports"]
    assert held["id"] == row["id"] and held["report_id"] == REPORT_ID and held["version"] == 1
    assert held["version_state"] == "approved" and held["retain_until"] == row["retain_until"]
    assert held["signatures"][0]["signer"] == NAME and held["signatures"][0]["self_signed"] is True


def test_json_format_when_failing(tmp_path):
    code, out, _ = verify(tmp_path / "d", str(write(tmp_path, render().pdf)), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["ok"] is False and doc["signatures"] == []
    assert doc["archive"]["status"] == "no_archive" and doc["archive"]["database"] is None
    assert doc["failed"][0] == "the PDF has no signature"
    assert doc["failed"][-1].startswith("archive: no archive in ")


# ------------------------------------------------------------------ bad input: exit 2, one line


def test_bad_input_is_one_line(tmp_path, signed_once):
    pdf = str(write(tmp_path, signed_once.pdf))
    gif = write(tmp_path, b"GIF89a" + b"\0" * 100, "picture.pdf")
    one_line_error(*verify(tmp_path / "d", str(gif)), f"{gif} is not a PDF (it does not start with %PDF-)")
    one_line_error(*verify(tmp_path / "d", str(tmp_path / "missing.pdf")), f"no such file: {tmp_path / 'missing.pdf'}")
    one_line_error(*verify(tmp_path / "d", str(tmp_path)), f"{tmp_path} is a folder, not a PDF")
    empty = write(tmp_path, b"", "empty.pdf")
    one_line_error(*verify(tmp_path / "d", str(empty)), f"{empty} is empty, not a PDF")
    text = write(tmp_path, b"hello", "cert.pem")
    one_line_error(*verify(tmp_path / "d", pdf, "--trust", str(text)),
                   f"trust certificate: {text} holds no certificate (expected PEM or DER)")
    one_line_error(*verify(tmp_path / "d", pdf, "--trust", str(tmp_path / "nope.pem")),
                   f"trust certificate: cannot read {tmp_path / 'nope.pem'}")
    one_line_error(*verify(tmp_path / "d", pdf, "--trust", str(tmp_path)), "is a folder, not a PEM or DER file")
    one_line_error(*verify(tmp_path / "d", pdf, "--format", "xml"), "invalid choice")
    one_line_error(*run_cli("verify"), "the following arguments are required: pdf")
    assert not (tmp_path / "d").exists()


def test_unreadable_and_too_large(tmp_path, signed_once, monkeypatch):
    from pia_wizard.services import files

    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:  # sparse: only its size matters, the file is refused before it is read
        fh.write(b"%PDF-1.7\n")
        fh.truncate(1024 * 1024 + 1)
    with monkeypatch.context() as m:
        m.setattr(files, "MAX_PDF_BYTES", 1024 * 1024)
        one_line_error(*verify(tmp_path / "d", str(big)), f"{big} is larger than 1 MB; not a pia-wizard report")

    pdf = write(tmp_path, signed_once.pdf)

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    with monkeypatch.context() as m:  # the tests run as root here, so chmod would not deny anything
        m.setattr(Path, "read_bytes", denied)
        one_line_error(*verify(tmp_path / "d", str(pdf)), f"cannot read {pdf}: permission denied")


def test_help_names_the_options(capsys):
    from pia_wizard.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["verify", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "--trust CERT.pem" in out and "--no-archive" in out and "--format {text,json}" in out
