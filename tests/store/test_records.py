"""Processing records: add, list, export, and all-or-nothing CSV import that reports every bad row."""

import csv
import io
import json

import pytest

from pia_wizard.store import audit, records
from pia_wizard.store.errors import ImportRejected, InvalidInput
from tests.store.conftest import RECORD
from tests.test_cli import run_cli

HEADER = "record_date,system,pi_types,quantity,sources,purposes,scenarios,cross_border,retain_until\n"


def _csv(tmp_path, text: str, name="records.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_add_validates_every_field(store):
    with pytest.raises(InvalidInput) as info:
        records.add(store, {**RECORD, "record_date": "2026-02-30", "quantity": "-3", "purposes": " "})
    text = str(info.value)
    assert "record_date" in text and "quantity" in text and "purposes: must not be empty" in text
    with pytest.raises(InvalidInput, match="unknown processing-record field"):
        records.add(store, {**RECORD, "colour": "blue"})
    with pytest.raises(InvalidInput, match="no assessment"):
        records.add(store, {**RECORD, "assessment_id": "nope"})
    assert records.count(store) == 0


def test_list_filters_and_pages(store):
    for i in range(7):
        records.add(store, {**RECORD, "system": "A" if i % 2 else "B", "record_date": f"2026-10-0{i + 1}",
                            "purposes": "考勤" if i == 3 else "通行"})
    page = records.list_page(store, limit=3, with_total=True)
    assert [r["record_date"] for r in page.rows] == ["2026-10-07", "2026-10-06", "2026-10-05"]
    assert page.has_more and page.total == 7
    page = records.list_page(store, system="A", date_from="2026-10-02", date_to="2026-10-04", with_total=True)
    assert [r["record_date"] for r in page.rows] == ["2026-10-04", "2026-10-02"] and page.total == 2
    assert [r["record_date"] for r in records.list_page(store, search="考勤").rows] == ["2026-10-04"]
    assert records.list_page(store, search="%").rows == []


def test_import_with_bad_rows_reports_every_bad_row_and_imports_nothing(store, tmp_path):
    text = (HEADER
            + "2026-10-01,门禁,人脸图像,100,现场采集,通行,出入口,否,\n"          # line 2: good
            + "2026-13-01,门禁,人脸图像,100,现场采集,通行,出入口,否,\n"          # line 3: bad month
            + "2026-10-02,门禁,人脸图像,很多,现场采集,通行,出入口,否,\n"        # line 4: quantity
            + "2026-10-03,门禁,人脸图像,100,现场采集,通行,出入口,否,2027-01-01\n"  # line 5: retention too short
            + "2026-10-04,门禁,人脸图像,100,现场采集,通行\n"                    # line 6: too few fields
            + '2026-10-05,"门禁\n二期",人脸图像,100,现场采集,,出入口,否,\n'     # lines 7-8: empty purposes
            + "2026-10-06,门禁,人脸图像,100,现场采集,通行,出入口,否,\n")        # line 9: good
    before = audit.verify(store.conn).entries
    with pytest.raises(ImportRejected) as info:
        records.import_csv(store, _csv(tmp_path, text))
    problems = info.value.problems
    assert [line for line, _ in problems] == [3, 4, 5, 6, 7]
    assert "record_date" in problems[0][1] and "quantity" in problems[1][1] and "retain_until" in problems[2][1]
    assert "6 fields, but the header has 9" in problems[3][1] and "purposes: must not be empty" in problems[4][1]
    assert records.count(store) == 0
    assert audit.verify(store.conn).entries == before


def test_import_header_problems(store, tmp_path):
    with pytest.raises(ImportRejected) as info:
        records.import_csv(store, _csv(tmp_path, "record_date,system,colour\n2026-10-01,x,blue\n"))
    messages = [m for _, m in info.value.problems]
    assert any("unknown column 'colour'" in m for m in messages)
    assert any("missing required columns pi_types" in m for m in messages)
    with pytest.raises(ImportRejected, match="empty"):
        records.import_csv(store, _csv(tmp_path, ""))
    with pytest.raises(ImportRejected, match="no records"):
        records.import_csv(store, _csv(tmp_path, HEADER))


def test_import_is_one_transaction_with_one_audit_entry_and_a_checkable_digest(store, tmp_path):
    rows = "".join(f"2026-10-{d:02d},门禁,人脸图像,{d * 10},现场采集,通行,出入口,否,\n" for d in range(1, 21))
    summary = records.import_csv(store, _csv(tmp_path, HEADER + rows))
    assert summary["rows"] == 20 and (summary["first_id"], summary["last_id"]) == (1, 20)
    entries = audit.entries(store.conn, entity="processing_record")
    assert len(entries) == 1 and entries[0]["action"] == "import"
    recorded = json.loads(entries[0]["after"])
    assert recorded["rows_sha256"] == records.rows_digest(store, 1, 20)
    assert recorded["source"] == "records.csv" and len(recorded["source_sha256"]) == 64


def test_chinese_headers_and_gb18030_files_import(store, tmp_path):
    header = "记录日期,关联系统,个人信息类型,数量,来源,处理目的,使用场景\n"
    p = _csv(tmp_path, header + "2026-10-01,门禁,人脸图像,\"12,000\",现场采集,通行,出入口\n", encoding="gb18030")
    records.import_csv(store, p)
    assert records.get(store, 1)["quantity"] == 12000


def test_csv_export_round_trips_through_import(store, tmp_path):
    records.add(store, {**RECORD, "note": '带"引号",逗号\n和换行'})
    records.add(store, {**RECORD, "system": "员工考勤", "quantity": 3})
    buf = io.BytesIO()
    summary = records.export(store, "csv", buf)
    data = buf.getvalue()
    assert data.startswith(b"\xef\xbb\xbf") and summary["rows"] == 2
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["note"] == '带"引号",逗号\n和换行'
    last = audit.entries(store.conn, limit=1)[0]
    assert last["action"] == "export" and json.loads(last["after"])["rows"] == 2
    p = tmp_path / "export.csv"
    p.write_bytes(data)
    records.import_csv(store, p)
    assert records.count(store) == 4
    assert records.get(store, 3)["note"] == '带"引号",逗号\n和换行'


def test_json_export(store):
    records.add(store, RECORD)
    buf = io.BytesIO()
    records.export(store, "json", buf)
    rows = json.loads(buf.getvalue())
    assert rows[0]["system"] == "小区门禁" and rows[0]["quantity"] == 1200


def test_cli_records_commands(tmp_path):
    code, out, err = run_cli("records", "add", "--date", "2026-10-01", "--system", "门禁", "--pi-types", "人脸图像",
                             "--quantity", "5", "--sources", "现场", "--purposes", "通行", "--scenarios", "出入口",
                             "--actor", "王五")
    assert code == 0 and "processing record 1 added" in out, err
    code, out, _ = run_cli("records", "list", "--format", "json")
    assert code == 0 and json.loads(out)["rows"][0]["created_by"] == "王五"
    code, out, err = run_cli("records", "export", "--format", "csv")
    assert code == 0 and out.count("\n") == 2
    code, _, _ = run_cli("--actor", "赵六", "records", "export", "--format", "json", "--out",
                           str(tmp_path / "r.json"))
    assert code == 0 and json.loads((tmp_path / "r.json").read_text())[0]["id"] == 1
    code, out, _ = run_cli("audit", "list", "--limit", "1", "--format", "json")
    assert json.loads(out)[0]["actor"] == "赵六"


def test_cli_import_reports_every_bad_row(tmp_path):
    p = _csv(tmp_path, HEADER + "2026-10-01,门禁,人脸图像,1,现场,通行,出入口,否,\n"
             + "2026-10-01,,人脸图像,x,现场,通行,出入口,否,\n"
             + "bad,门禁,人脸图像,1,现场,通行,出入口,否,\n")
    code, out, err = run_cli("records", "import", str(p))
    lines = err.splitlines()
    assert code == 2 and out == "" and "Traceback" not in err
    assert lines[0] == f"pia-wizard: {p}: 2 bad rows, nothing imported"
    assert lines[1:] == ["  line 3: system: must not be empty", "  line 3: quantity: 'x' is not a whole number",
                         "  line 4: record_date: 'bad' is not a date (use YYYY-MM-DD)"]
    code, out, _ = run_cli("records", "list")
    assert "no processing records" in out


def test_cli_delete_refused_is_one_line(tmp_path):
    run_cli("records", "add", "--date", "2026-10-01", "--system", "门禁", "--pi-types", "人脸图像", "--quantity", "5",
            "--sources", "现场", "--purposes", "通行", "--scenarios", "出入口")
    code, out, err = run_cli("records", "delete", "1")
    assert out == ""
    assert code == 2 and err.count("\n") == 1 and "kept until" in err
