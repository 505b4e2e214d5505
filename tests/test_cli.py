import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pia_wizard.cli import main
from pia_wizard.core.bank import default_bank


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def minimal(**answers) -> dict:
    return {
        "format_version": 1,
        "bank_version": default_bank().version,
        "processor": {"name": "某物业服务有限公司"},
        "system": {"name": "小区门禁"},
        "answers": dict(answers),
    }


def write(tmp_path: Path, data, name="a.json") -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return p


def assert_bad_input(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("pia-wizard: "), err
    assert "Traceback" not in err
    for f in fragments:
        assert f in err, err


def test_check_exit_0_without_prohibited(tmp_path):
    path = str(write(tmp_path, minimal(**{"scope.private_space": "no"})))
    code, out, err = run_cli("check", path, "--lang", "en", "--by", "obligation")
    assert code == 0, err
    assert "FRM-02-SCOPE" in out  # unanswered scope question reported as a gap
    assert "[prohibited]" not in out


def test_check_exit_1_on_prohibited(tmp_path):
    code, out, _ = run_cli("check", str(write(tmp_path, minimal(**{"scope.private_space": "yes"}))),
                           "--by", "obligation")
    assert code == 1
    assert "[禁止] FRM-13-PRIVATE-SPACE-BAN" in out


def test_check_shows_issues_by_default_with_their_legal_bases():
    from tests.core.test_issues import EXAMPLES

    code, out, err = run_cli("check", str(EXAMPLES / "hotel-checkin.json"), "--lang", "en", "--today", "2026-11-26")
    assert code == 0, err
    assert "Issues (" in out and "Legal basis: PIPL Art. 17" in out
    assert "FRM-05-NOTICE-RETENTION" not in out  # obligation IDs are for --by obligation
    code, by_ob, _ = run_cli("check", str(EXAMPLES / "hotel-checkin.json"), "--lang", "en", "--today", "2026-11-26",
                             "--by", "obligation")
    assert "FRM-05-NOTICE-RETENTION" in by_ob and "Issues (" not in by_ob
    code, raw, _ = run_cli("check", str(EXAMPLES / "hotel-checkin.json"), "--format", "json", "--today", "2026-11-26")
    data = json.loads(raw)
    assert data["issues"] and data["findings"]
    first = data["issues"][0]
    assert {"id", "severity", "statement", "remedy", "bases", "questions"} <= set(first)
    assert first["bases"][0]["authority"] == "law"


def test_check_json_has_findings_and_risks(tmp_path):
    code, out, _ = run_cli("check", str(write(tmp_path, minimal(**{"scope.private_space": "yes"}))),
                           "--format", "json")
    assert code == 1
    data = json.loads(out)
    ban = [f for f in data["findings"] if f["obligation"] == "FRM-13-PRIVATE-SPACE-BAN"]
    assert ban[0]["verdict"] == "prohibited"
    assert ban[0]["citation"] == "FRT Measures Art. 13"
    assert ban[0]["citation_zh"] == "《人脸识别技术应用安全管理办法》第十三条"
    assert set(data["risks"]) == {"leak", "tamper", "loss", "destruction", "illegal_acquisition",
                                  "illegal_sale", "illegal_use"}
    assert set(data["risks"]["leak"]) >= {"inherent", "current", "target"}


def test_schema_is_valid_json_schema():
    from jsonschema import Draft202012Validator

    code, out, _ = run_cli("schema")
    assert code == 0
    schema = json.loads(out)
    Draft202012Validator.check_schema(schema)
    assert "scope.private_space" in schema["properties"]["answers"]["properties"]


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"this is not json", ["not valid JSON"]),
        ({"format_version": 1}, ["missing required field"]),
        ("wrong types", ["processor: expected object"]),
        ("unknown question", ["unknown question ID", "scope.bogus"]),
        ("wrong answer type", ["answers.scope.in_prc"]),
        ("invalid date", ["not a valid date"]),
        ("future version", ["newer pia-wizard", "format 99"]),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, content, fragments):
    data = {
        "wrong types": {**minimal(), "processor": "a string"},
        "unknown question": minimal(**{"scope.bogus": "yes"}),
        "wrong answer type": minimal(**{"scope.in_prc": 1}),
        "invalid date": {**minimal(), "assessment_date": "2026-13-01"},
        "future version": {**minimal(), "format_version": 99},
    }.get(content, content) if isinstance(content, str) else content
    assert_bad_input(*run_cli("check", str(write(tmp_path, data))), *fragments)


def test_ten_megabytes_of_text(tmp_path):
    data = minimal(**{"scope.description": "人" * (10 * 1024 * 1024 // 3)})
    assert_bad_input(*run_cli("check", str(write(tmp_path, data))), "MB", "at most 8 MB")


def test_directory_and_missing_file(tmp_path):
    assert_bad_input(*run_cli("check", str(tmp_path)), "is a folder")
    assert_bad_input(*run_cli("check", str(tmp_path / "nope.json")), "no such file")


def test_usage_errors_are_one_line():
    assert_bad_input(*run_cli("check"), "the following arguments are required: file")
    assert_bad_input(*run_cli("frobnicate"), "invalid choice")
    assert_bad_input(*run_cli("check", "x.json", "--format", "xml"), "invalid choice")


def test_python_dash_m_runs_the_cli(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pia_wizard", "check", str(tmp_path / "missing.json")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == f"pia-wizard: no such file: {tmp_path / 'missing.json'}\n"
