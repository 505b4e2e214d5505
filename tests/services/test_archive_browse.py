"""What the archive views need from services.archive besides the CLI's calls: importing the JSON export back,
paging and searching the audit log, the reports with their assessment and signers, and saving a filing
attachment (never into the data folder)."""

from __future__ import annotations

import json
import uuid

import pytest

from pia_wizard.context import AppContext
from pia_wizard.services import archive, assessments
from pia_wizard.services.errors import BadInput, OutputRefused
from pia_wizard.store import reports as store_reports
from pia_wizard.store.db import open_store

FIELDS = {"record_date": "2026-10-01", "system": "门禁", "pi_types": "人脸图像", "quantity": 3, "sources": "现场",
          "purposes": "通行", "scenarios": "出入口"}


@pytest.fixture
def ctx(tmp_path) -> AppContext:
    return AppContext(tmp_path / "data", actor="tester")


def test_the_json_export_imports_back(ctx, tmp_path):
    for i in range(3):
        archive.add_record(ctx, {**FIELDS, "quantity": i, "note": "<b>x</b> 👩‍👩‍👧"})
    out = tmp_path / "records.json"
    archive.export_records(ctx, "json", out)
    seen = []
    summary = archive.prepare_records_import(ctx, out).run(seen.append)
    assert summary.rows == 3 and summary.source == "records.json"
    assert seen[-1].fraction == 1.0
    page = archive.list_records(ctx, limit=10)
    assert page.total == 6 and {r.note for r in page.rows} == {"<b>x</b> 👩‍👩‍👧"}


def test_bad_json_records_are_listed_by_position_and_nothing_is_imported(ctx, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([FIELDS, {**FIELDS, "record_date": "2026-13-01", "colour": "red"}, 7]),
                    encoding="utf-8")
    with pytest.raises(BadInput) as info:
        archive.prepare_records_import(ctx, path).run()
    problems = info.value.problems  # type: ignore[attr-defined]
    assert [n for n, _ in problems] == [2, 2, 3]
    assert any(msg.startswith("record_date:") for _, msg in problems)
    assert archive.list_records(ctx).total == 0
    for text, words in (("{not json", "not valid JSON"), ('{"a": 1}', "JSON array")):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(BadInput) as info:
            archive.prepare_records_import(ctx, path).run()
        ((line, msg),) = info.value.problems  # type: ignore[attr-defined]
        assert line == 1 and words in msg


def test_audit_entries_page_back_and_search(ctx):
    for i in range(5):
        archive.add_record(ctx, {**FIELDS, "system": f"sys-{i}"})
    newest = archive.audit_entries(ctx, limit=2)
    older = archive.audit_entries(ctx, limit=2, before_seq=newest[-1].seq)
    assert [e.seq for e in newest + older] == list(range(newest[0].seq, newest[0].seq - 4, -1))
    hits = archive.audit_entries(ctx, search="SYS-3", limit=50)  # case-insensitive for ASCII
    assert len(hits) == 1 and '"sys-3"' in (hits[0].after or "")
    assert archive.audit_entries(ctx, search="100%_", limit=50) == []  # LIKE wildcards are literal
    with pytest.raises(BadInput):
        archive.audit_entries(ctx, limit=0)


def test_report_listings_name_the_assessment_version_and_signers(ctx):
    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    a.id = str(uuid.uuid4())
    version = assessments.save_draft(ctx, a)
    sig = store_reports.Signature("陈启航", "ab" * 32, "2026-11-01T10:00:00+08:00", "dpo", "锦程", True)
    with open_store(ctx.data_dir, "tester") as store:
        store_reports.archive(store, version_id=version.id, pdf=b"%PDF-1.7 x", report_id="R-1", signatures=[sig])
    (listing,) = archive.list_report_listings(ctx)
    assert listing.assessment_id == a.id and listing.version == 1 and listing.system == a.system["name"]
    assert [s.signer for s in listing.report.signatures] == ["陈启航"]


def test_a_filing_attachment_is_saved_but_never_into_the_data_folder(ctx, tmp_path):
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="P")
    doc = tmp_path / "form.pdf"
    doc.write_bytes(b"%PDF-1.7 form")
    archive.set_filing_material(ctx, "processor-form", file=doc, processor="P")
    out = archive.extract_filing_attachment(ctx, "processor-form", tmp_path / "copy.pdf", processor="P")
    assert out.read_bytes() == b"%PDF-1.7 form"
    with pytest.raises(OutputRefused):
        archive.extract_filing_attachment(ctx, "processor-form", ctx.data_dir / "x.pdf", processor="P")
    with pytest.raises(BadInput):
        archive.extract_filing_attachment(ctx, "uscc", tmp_path / "none.pdf", processor="P")
