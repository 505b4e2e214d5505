"""`pia-wizard report --sign`: the real hotel report, approved, signed by the assessor and then the officer,
archived, and checked by poppler's pdfsig (an independent verifier) and by our own verify.

The signed report of ``world`` is made once, end to end: a ``python -m pia_wizard report --sign`` subprocess with the
real renderer. The tests of the flow around it (a second language, refusals, the demo's new version) sign the
one-page stand-in report of tests/fakes.py in-process: what they check is the archive, the approval and the
refusals, which the report's pages do not change."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pia_wizard import cli, paths
from pia_wizard.core import approval
from pia_wizard.core.assessment import parse
from pia_wizard.report.importer import import_assessment
from pia_wizard.signing import keys
from pia_wizard.signing.verify import verify_file
from pia_wizard.store import assessments, audit, reports
from pia_wizard.store.db import open_store, plus_years

from .conftest import need

DPO_PASS = "陈启航的口令 dpo-2026!"
ASSESSOR_PASS = "Zhou assessor passphrase 42"
REASONS = "整体剩余风险为中，可以接受；照片保存期限告知和入侵检测两项整改完成前不得上线新门店。"
CONDITIONS = "2026-12-15 上线前完成告知页保存期限的修改；2027-03-31 前部署入侵检测。"


def approved_hotel(**changes) -> dict:
    data = json.loads(paths.example("hotel-checkin.json").read_text(encoding="utf-8"))
    data["approval"] = approval.approval_dict(
        opinion="proceed_with_conditions", reasons=REASONS, conditions=CONDITIONS,
        approver={"name": "陈启航", "role": "个人信息保护负责人"}, date="2026-11-26")
    data["approval"].update(changes)
    return data


def run(*args: str, env: dict[str, str] | None = None, capsys=None) -> tuple[int, str, str]:
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        code = cli.main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


@pytest.fixture(scope="module")
def material(tmp_path_factory):
    """Keys and an approved assessment file, made once for the module."""
    root = tmp_path_factory.mktemp("issue")
    dpo = keys.create_certificate(root / "dpo.p12", "陈启航", "锦程酒店管理（上海）有限公司", DPO_PASS)
    assessor = keys.create_certificate(root / "assessor.p12", "周雅琳", "锦程酒店管理（上海）有限公司", ASSESSOR_PASS,
                                       key_type="rsa")
    pems = [keys.export_certificate(assessor, root / "assessor.pem"), keys.export_certificate(dpo, root / "dpo.pem")]
    src = root / "hotel.json"
    src.write_text(json.dumps(approved_hotel(), ensure_ascii=False), encoding="utf-8")
    data = root / "data"
    out = root / "signed.pdf"
    env = {"DPO_PASS": DPO_PASS, "ASSESSOR_PASS": ASSESSOR_PASS, "PIA_WIZARD_DATA_DIR": str(data)}
    return {"root": root, "src": src, "data": data, "out": out, "pems": pems, "env": env}


@pytest.fixture(scope="module")
def world(material):
    """``material`` and one signed report, made once for the module (rendering is slow): end to end, as a user runs
    it, in a subprocess with the real renderer."""
    root, data = material["root"], material["data"]
    r = subprocess.run(
        [sys.executable, "-m", "pia_wizard", "--data-dir", str(data), "--actor", "陈启航", "report",
         str(material["src"]), "--out", str(material["out"]), "--sign", str(root / "dpo.p12"), "--passphrase-env",
         "DPO_PASS", "--assessor-sign", str(root / "assessor.p12"), "--assessor-passphrase-env", "ASSESSOR_PASS"],
        env={**os.environ, **material["env"]}, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "-ZH" in r.stdout and DPO_PASS not in r.stdout + r.stderr and ASSESSOR_PASS not in r.stdout + r.stderr
    return material


@pytest.mark.slow
def test_pdfsig_finds_two_valid_signatures_the_last_covering_the_whole_file(world):
    need("pdfsig")
    res = subprocess.run(["pdfsig", str(world["out"])], capture_output=True, text=True, timeout=120)
    blocks = re.split(r"Signature #\d+:", res.stdout)[1:]
    assert len(blocks) == 2, res.stdout
    assert "PIA-Signature-Assessor" in blocks[0] and "周雅琳" in blocks[0]
    assert "PIA-Signature-DPO" in blocks[1] and "陈启航" in blocks[1]
    assert all("Signature is Valid." in b and "SHA-256" in b and "ETSI.CAdES.detached" in b for b in blocks)
    assert "Total document signed" in blocks[1] and "Not total document signed" in blocks[0]


@pytest.mark.slow
def test_verify_accepts_it_and_trusts_the_exported_certificates(world):
    result = verify_file(world["out"], trust=world["pems"])
    assert result.ok, result.failed
    assert [s.field_name for s in result.signatures] == ["PIA-Signature-Assessor", "PIA-Signature-DPO"]
    assert all(s.valid and s.trusted and s.self_signed for s in result.signatures)
    assert result.signatures[-1].covers_whole_file and result.pdfa == "PDF/A-3B"
    assert result.assessment_sha256 == result.signatures[0].assessment_sha256 == result.signatures[1].assessment_sha256
    assert result.signatures[1].report_id.endswith("-ZH")


@pytest.mark.slow
def test_the_archive_holds_the_bytes_and_the_version_is_approved(world):
    digest = hashlib.sha256(world["out"].read_bytes()).hexdigest()
    with open_store(world["data"], "test") as store:
        held = reports.find_by_sha256(store, digest)
        assert len(held) == 1 and held[0]["signed"] and held[0]["signer"] == "陈启航"
        assert held[0]["retain_until"] == plus_years(store.today(), 3).isoformat()
        sigs = reports.signatures(store, held[0]["id"])
        assert [(s["position"], s["signer"], bool(s["self_signed"])) for s in sigs] == [(1, "周雅琳", True),
                                                                                         (2, "陈启航", True)]
        a = parse(world["src"].read_bytes())
        version = assessments.find_version(store, a.id)
        assert version["state"] == "approved" and "有条件同意实施" in (version["decision_note"] or "")
        assert json.loads(assessments.content(store, version["id"]))["approval"]["opinion"] == "proceed_with_conditions"
        chain = audit.verify(store.conn)
        assert chain.ok
        actions = [e["action"] for e in audit.entries(store.conn, limit=50)]
        assert actions.count("sign") == 2 and "archive" in actions
        assert all(e["actor"] == "陈启航" for e in audit.entries(store.conn, limit=5))


@pytest.mark.slow
def test_the_approval_page_shows_the_decision_and_the_stamps(world):
    need("pdftotext")
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "3", str(world["out"]), "-"], capture_output=True,
                          text=True, timeout=120).stdout
    flat = "".join(text.split())
    for expected in ("有条件同意实施", "本报告对处理活动的描述与实际情况相符", "相关人员的意见", "电子签名见审批页",
                     "签署人Signer:陈启航", "签署人Signer:周雅琳", "审批意见Decision:有条件同意实施", "自签名证书"):
        assert expected in flat, expected
    assert "待审批" not in flat and "未签署" not in flat
    cover = "".join(subprocess.run(["pdftotext", "-l", "1", str(world["out"]), "-"], capture_output=True, text=True,
                                   timeout=120).stdout.split())
    assert "审批意见：有条件同意实施；电子签名见审批页" in cover


@pytest.mark.slow
def test_import_report_restores_the_approved_assessment(world):
    assert import_assessment(world["out"].read_bytes()) == parse(world["src"].read_bytes())


@pytest.mark.slow
def test_signing_the_same_report_again_is_refused_before_rendering(world, capsys, tmp_path, fast_render):
    again = tmp_path / "again.pdf"
    code, _, err = run("--data-dir", str(world["data"]), "report", str(world["src"]), "--out", str(again),
                       "--sign", str(world["root"] / "dpo.p12"), "--passphrase-env", "DPO_PASS",
                       env=world["env"], capsys=capsys)
    assert code == 2 and "already signed and archived" in err and "reports extract" in err
    assert len(err.strip().splitlines()) == 1 and not again.exists()
    assert fast_render.calls == []


@pytest.mark.slow
def test_a_second_language_of_the_approved_version_is_archived_next_to_the_first(world, capsys, tmp_path,
                                                                                 fast_render):
    en = tmp_path / "en.pdf"
    code, out, err = run("--data-dir", str(world["data"]), "report", str(world["src"]), "--out", str(en), "--lang",
                         "en", "--sign", str(world["root"] / "dpo.p12"), "--passphrase-env", "DPO_PASS",
                         env=world["env"], capsys=capsys)
    assert code == 0, err
    assert "-EN" in out and "is approved" in out
    assert [(rid[-3:], lang, signers) for rid, lang, signers in fast_render.calls] == [("-EN", "en", ("dpo",))]
    assert verify_file(en, trust=world["pems"]).ok
    with open_store(world["data"], "test") as store:
        rows = reports.list_reports(store)
        assert sorted(r["language"] for r in rows) == ["en", "zh"] and len({r["version_id"] for r in rows}) == 1
        assert assessments.get_version(store, rows[0]["version_id"])["state"] == "approved"


@pytest.mark.slow
def test_a_changed_file_after_approval_needs_a_new_version(world, capsys, tmp_path, fast_render):
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(approved_hotel(reasons=REASONS + "另：下次复评提前至半年后。"), ensure_ascii=False),
                       encoding="utf-8")
    code, _, err = run("--data-dir", str(world["data"]), "report", str(changed), "--out", str(tmp_path / "c.pdf"),
                       "--sign", str(world["root"] / "dpo.p12"), "--passphrase-env", "DPO_PASS",
                       env=world["env"], capsys=capsys)
    assert code == 2 and "approved" in err and "new version" in err, err
    assert not (tmp_path / "c.pdf").exists()
    assert fast_render.calls == []


def _sign_args(world, src: Path, out: Path, *extra: str) -> list[str]:
    return ["report", str(src), "--out", str(out), "--sign", str(world["root"] / "dpo.p12"), *extra]


def _archived_count(data: Path) -> int:
    with open_store(data, "test") as store:
        return len(reports.list_reports(store))


def test_refusals_come_in_one_line_and_leave_nothing_behind(material, capsys, tmp_path, fast_render):
    world = material  # the refusals need the keys and the approved file, not the signed report
    out = tmp_path / "r.pdf"
    data = tmp_path / "data"
    data.mkdir()
    unapproved = paths.example("hotel-checkin.json")
    approved = world["src"]
    cases = [
        (_sign_args(world, approved, out, "--passphrase-env", "WRONG"), {"WRONG": "not the passphrase at all"},
         "wrong passphrase"),
        (_sign_args(world, approved, out), {}, "--passphrase-env"),
        (_sign_args(world, approved, out, "--passphrase-env", "UNSET_VAR_XYZ"), {}, "UNSET_VAR_XYZ"),
        (_sign_args(world, unapproved, out, "--passphrase-env", "DPO_PASS"), world["env"], "approval"),
        (["report", str(approved), "--out", str(out), "--assessor-sign", str(world["root"] / "assessor.p12"),
          "--assessor-passphrase-env", "ASSESSOR_PASS"], world["env"], "--assessor-sign needs --sign"),
        (["report", str(approved), "--out", str(out), "--passphrase-env", "DPO_PASS"], world["env"],
         "without --sign"),
        (_sign_args(world, world["root"] / "dpo.p12", out, "--passphrase-env", "DPO_PASS"), world["env"], "not UTF-8"),
        (_sign_args(world, approved, data / "r.pdf", "--passphrase-env", "DPO_PASS"), world["env"],
         "inside the data folder"),
        (_sign_args(world, approved, world["root"] / "dpo.p12", "--passphrase-env", "DPO_PASS"), world["env"],
         "is the signing key"),
        (_sign_args(world, approved, out, "--passphrase-env", "DPO_PASS", "--assessor-sign",
                    str(world["root"] / "dpo.p12"), "--assessor-passphrase-env", "DPO_PASS"), world["env"],
         "their own certificates"),
    ]
    for args, env, expected in cases:
        env = {**env, "PIA_WIZARD_DATA_DIR": str(data)}
        code, out_text, err = run("--data-dir", str(data), *args, env=env, capsys=capsys)
        assert code == 2 and expected in err, (args, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert DPO_PASS not in err + out_text and "not the passphrase at all" not in err + out_text
        assert not out.exists()
    assert not (data / "pia-wizard.sqlite3").exists() or _archived_count(data) == 0
    assert fast_render.calls == []  # every case is refused before rendering


def test_the_demo_signs_a_changed_example_as_a_new_version(tmp_path, monkeypatch, fast_render):
    """After an update changes the built-in example, the archived approved version stays and the demo signs the
    new content as version 2 (instead of failing on the immutable version 1)."""
    from pia_wizard.context import AppContext
    from pia_wizard.services import assessments as services_assessments
    from pia_wizard.services import demo
    from pia_wizard.store import assessments as store_versions

    ctx = AppContext(data_dir=tmp_path / "data")
    original = services_assessments.example_path("hotel-checkin")
    first = demo.demo_signed_report(ctx, tmp_path / "one", "zh")
    assert first.issued is not None and first.issued.version.version == 1
    changed = json.loads(original.read_text(encoding="utf-8"))
    changed["title"] = changed.get("title", "") + "（示例已更新）"
    copy = tmp_path / "hotel-checkin.json"
    copy.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(demo, "example_path", lambda name="hotel-checkin": copy)
    second = demo.demo_signed_report(ctx, tmp_path / "two", "zh")
    assert second.issued is not None and second.report_id != first.report_id
    assert second.issued.version.version == 2 and second.issued.version.state == "approved"
    with open_store(ctx.data_dir, "test") as store:
        states = [(v["version"], v["state"], v["reason"]) for v in store_versions.versions(
            store, first.issued.version.assessment_id)]
        assert states == [(1, "superseded", None), (2, "approved", "periodic_review")]
        assert len(reports.list_reports(store)) == 2
    assert [(rid, signers) for rid, _, signers in fast_render.calls] == [
        (first.report_id, ("assessor", "dpo")), (second.report_id, ("assessor", "dpo"))]
