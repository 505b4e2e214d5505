"""Typed service errors: a front end tells one failure from another by type, and each says what is wrong in
Chinese and in English without naming a command-line flag."""

from __future__ import annotations

import re
import sqlite3

import pytest

from pia_wizard.context import AppContext, Settings
from pia_wizard.core.assessment import parse
from pia_wizard.core.messages import MESSAGES
from pia_wizard.paths import example
from pia_wizard.services import assessments, errors, report
from pia_wizard.services.demo import demo_approval
from pia_wizard.signing import keys
from pia_wizard.store.db import DB_NAME

PASS = "a good passphrase"
COMMAND = (r"pia-wizard (check|schema|demo|assessments|records|audit|filing|purge|reports|import-report|verify|keys"
           r"|report \S)")


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="tester", settings=Settings(busy_timeout=0.1))


@pytest.fixture
def key(tmp_path):
    path = tmp_path / "dpo.p12"
    keys.create_certificate(path, "陈启航", "锦程酒店", PASS)
    return path


def test_the_catalogue_is_complete_and_names_no_flag():
    for code, text in MESSAGES.items():
        assert text.zh and text.en, code
        assert re.search(r"[\u4e00-\u9fff]", text.zh), f"{code}: the zh message has no Chinese"
        for t in (text.zh, text.en):
            assert not re.search(r"(^|\s)--[a-z]", t), f"{code} names a flag: {t}"
            assert "`" not in t and not re.search(COMMAND, t), f"{code} names a command: {t}"
        assert set(re.findall(r"{(\w+)}", text.zh)) == set(re.findall(r"{(\w+)}", text.en)), code


def test_a_missing_file(ctx, tmp_path):
    with pytest.raises(errors.BadInput) as exc:
        assessments.read_assessment(tmp_path / "nope.json")
    assert exc.value.code == "file_missing"
    assert "找不到文件" in exc.value.message("zh") and "no such file" in exc.value.message("en")


def test_a_wrong_passphrase_is_its_own_type(ctx, tmp_path, key):
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    with pytest.raises(errors.WrongPassphrase) as exc:
        report.prepare_issue(ctx, a, tmp_path / "s.pdf", dpo=report.SignerKey(key, "not the passphrase"))
    assert "口令不正确" in exc.value.message("zh") and "wrong passphrase" in exc.value.message("en")
    assert "not the passphrase" not in exc.value.message("zh") + exc.value.message("en") + repr(exc.value.params)


def test_an_incomplete_approval_lists_every_item_in_both_languages(ctx, tmp_path, key):
    a = parse(example("hotel-checkin.json").read_bytes())
    with pytest.raises(errors.ApprovalIncomplete) as exc:
        report.prepare_issue(ctx, a, tmp_path / "s.pdf", dpo=report.SignerKey(key, PASS))
    assert exc.value.items and exc.value.items[0].field == "approval"
    assert "尚未记录审批" in exc.value.message("zh") and "no approval is recorded" in exc.value.message("en")
    assert not (ctx.data_dir / DB_NAME).exists()  # refused before the archive was even opened


def test_output_refused_inside_the_data_folder(ctx, key):
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    ctx.data_dir.mkdir(parents=True)
    with pytest.raises(errors.OutputRefused) as exc:
        report.prepare_issue(ctx, a, ctx.data_dir / "r.pdf", dpo=report.SignerKey(key, PASS))
    assert "数据文件夹" in exc.value.message("zh") and "data folder" in exc.value.message("en")


def test_a_damaged_archive(ctx):
    ctx.data_dir.mkdir(parents=True)
    (ctx.data_dir / DB_NAME).write_bytes(b"not a database at all" * 10)
    with pytest.raises(errors.ArchiveCorrupt) as exc:
        assessments.list_assessments(ctx)
    assert "已损坏" in exc.value.message("zh") and "not a pia-wizard database" in exc.value.message("en")
    assert (ctx.data_dir / DB_NAME).read_bytes() == b"not a database at all" * 10


def test_a_busy_archive(ctx):
    a = parse(example("hotel-checkin.json").read_bytes())
    assessments.save_draft(ctx, a)
    holder = sqlite3.connect(ctx.data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        changed = parse(example("hotel-checkin.json").read_bytes())
        changed.title = "changed"
        with pytest.raises(errors.ArchiveBusy) as exc:
            assessments.save_draft(ctx, changed)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "正忙" in exc.value.message("zh") and "busy" in exc.value.message("en")
