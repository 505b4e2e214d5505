"""report -> import-report restores the assessment exactly; anything else is refused in one line with exit 2.

The refusals and the CLI's wiring run in-process (``cli.main``) with the one-page stand-in renderer (tests/fakes.py);
what the real report holds is checked on real renders here (the round trip, a cut report) and in test_examples.py,
and ``demo`` runs end to end in a subprocess with the real renderer."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from pia_wizard import paths
from pia_wizard.core.assessment import AssessmentError, parse
from pia_wizard.report import ReportError
from pia_wizard.report.importer import extract_json, import_assessment
from tests.test_cli import run_cli

from .conftest import example, rendered, write


def cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pia_wizard", *args], capture_output=True, text=True, timeout=600,
                          cwd=cwd)


@pytest.mark.slow
def test_round_trip_in_process():
    a = example("hotel-checkin")
    pdf = rendered("hotel-checkin", "zh").pdf
    assert extract_json(pdf) == a.to_json().encode("utf-8")
    assert import_assessment(pdf) == a


def test_round_trip_through_the_cli(tmp_path, fast_render):
    src = paths.example("hotel-checkin.json")
    pdf, out = tmp_path / "report.pdf", tmp_path / "back.json"
    code, stdout, err = run_cli("report", str(src), "--out", str(pdf), "--lang", "bilingual")
    assert code == 0, err
    assert "report ID PIA-" in stdout
    assert [(rid[-3:], lang, signers) for rid, lang, signers in fast_render.calls] == [("-BI", "bilingual", ())]
    code, _, err = run_cli("import-report", str(pdf), "--out", str(out))
    assert code == 0, err
    assert parse(out.read_bytes()) == parse(src.read_bytes())
    code, stdout, _ = run_cli("import-report", str(pdf))
    assert code == 0 and parse(stdout) == parse(src.read_bytes())


def test_report_renders_whatever_the_findings(tmp_path, fast_render):
    """A prohibited finding is the report's content, not a failure: exit 0 (check exits 1 for it). That the
    report then says so: test_examples.py::test_a_prohibited_finding_still_renders_and_says_so."""
    from pia_wizard.core.engine import evaluate

    name = next(n for n in ("residential-gate", "school-canteen", "factory-attendance", "hotel-checkin")
                if evaluate(example(n)).has_prohibited)
    code, _, err = run_cli("report", str(paths.example(f"{name}.json")), "--out", str(tmp_path / "p.pdf"))
    assert code == 0, err
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF-")
    assert len(fast_render.calls) == 1


def one_line_exit_2(r: subprocess.CompletedProcess | tuple[int, str, str]) -> str:
    """The one error line of a refused command: a subprocess result or ``run_cli``'s (code, out, err)."""
    code, out, err = (r.returncode, r.stdout, r.stderr) if isinstance(r, subprocess.CompletedProcess) else r
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pia-wizard: "), err
    assert "Traceback" not in err
    return lines[0]


def test_import_refuses_what_is_not_a_report(tmp_path):
    import weasyprint

    plain = write(tmp_path, weasyprint.HTML(string="<p>hello</p>").write_pdf(), "plain.pdf")
    assert "holds no pia-wizard assessment" in one_line_exit_2(run_cli("import-report", str(plain)))

    other = write(tmp_path, weasyprint.HTML(string="<p>x</p>").write_pdf(
        attachments=[weasyprint.Attachment(string=b"{}", name="other.json")]), "other.pdf")
    assert "other.json" in one_line_exit_2(run_cli("import-report", str(other)))

    text = tmp_path / "notes.pdf"
    text.write_text("just text", encoding="utf-8")
    assert "is not a PDF file" in one_line_exit_2(run_cli("import-report", str(text)))

    garbage = write(tmp_path, b"%PDF-1.7\n" + bytes(range(256)) * 50, "garbage.pdf")
    assert one_line_exit_2(run_cli("import-report", str(garbage)))

    assert "no such file" in one_line_exit_2(run_cli("import-report", str(tmp_path / "missing.pdf")))
    assert "folder" in one_line_exit_2(run_cli("import-report", str(tmp_path)))


@pytest.mark.slow
def test_import_refuses_a_cut_report_and_writing_over_its_input(tmp_path):
    """On the real report: a third of it is damaged, and the restored assessment never goes over the PDF."""
    good = rendered("hotel-checkin", "zh").pdf
    cut = write(tmp_path, good[: len(good) // 3], "cut.pdf")
    assert "damaged" in one_line_exit_2(run_cli("import-report", str(cut)))
    g = write(tmp_path, good, "g.pdf")
    out = one_line_exit_2(run_cli("import-report", str(g), "--out", str(g)))
    assert "is the input file" in out
    assert g.read_bytes() == good


def test_import_refuses_an_invalid_embedded_assessment(tmp_path):
    import weasyprint

    bad = write(tmp_path, weasyprint.HTML(string="<p>x</p>").write_pdf(
        attachments=[weasyprint.Attachment(string=b'{"format_version": 1}', name="assessment.json")]), "bad.pdf")
    line = one_line_exit_2(run_cli("import-report", str(bad)))
    assert "not valid" in line and "missing required field" in line
    with pytest.raises(ReportError):
        import_assessment(bad.read_bytes())
    assert issubclass(ReportError, AssessmentError)


def test_report_refuses_bad_input_in_one_line(tmp_path, fast_render):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert "not valid JSON" in one_line_exit_2(run_cli("report", str(bad), "--out", str(tmp_path / "x.pdf")))
    src = paths.example("hotel-checkin.json")
    assert "does not exist" in one_line_exit_2(run_cli("report", str(src), "--out",
                                                       str(tmp_path / "nope" / "x.pdf")))
    assert "folder" in one_line_exit_2(run_cli("report", str(src), "--out", str(tmp_path)))
    assert one_line_exit_2(run_cli("report", str(src), "--out", str(tmp_path / "x.pdf"), "--lang", "fr"))
    assert one_line_exit_2(run_cli("report", str(src)))  # --out is required
    assert not (tmp_path / "x.pdf").exists()
    assert fast_render.calls == []  # refused before rendering


@pytest.mark.slow
def test_demo_writes_the_hotel_report(tmp_path):
    """End to end, as a user runs it: a subprocess, the real renderer in its worker process, real signatures."""
    r = cli("demo", "--out", str(tmp_path / "demo"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    pdf = tmp_path / "demo" / "hotel-checkin-report-zh.pdf"
    restored = import_assessment(pdf.read_bytes())
    # the demo records the officer's approval (agreeing with the example's conclusion) and signs
    assert restored.approval["opinion"] == example("hotel-checkin").answers["conclusion.decision"]
    restored.approval = {}
    assert restored == example("hotel-checkin")
    sig = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, timeout=120).stdout
    assert sig.count("Signature is Valid.") == 2 and "Total document signed" in sig
    pems = sorted((tmp_path / "demo").glob("demo-*-certificate.pem"))
    assert [p.name for p in pems] == ["demo-assessor-certificate.pem", "demo-dpo-certificate.pem"]
    # the verify command the demo prints works as printed (with the demo's data folder): the program as it can be
    # typed ("pia-wizard" when that is on PATH, else this Python with -m pia_wizard), then its arguments
    hint = re.search(r"(?:核验签名：|Check the signatures: )(.* verify .*)$", r.stdout, re.M)
    assert hint, r.stdout
    argv = shlex.split(hint.group(1))
    if argv[0] == "pia-wizard":
        argv = [sys.executable, "-m", "pia_wizard", *argv[1:]]
    else:
        assert argv[:3] == [sys.executable, "-m", "pia_wizard"], argv
    check = subprocess.run(argv, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert check.returncode == 0 and "the archive holds these exact bytes" in check.stdout, check.stdout
    first = pdf.read_bytes()
    pdf.unlink()
    again = cli("demo", "--out", str(tmp_path / "demo"), cwd=tmp_path)  # the archived copy, not a new signature
    assert again.returncode == 0 and pdf.read_bytes() == first
    assert "存档副本" in again.stdout
