"""The CLI's own hints for service errors: the commands and flags that fix them. Services never name flags; the
hint follows the message on the same line, in brackets."""

from __future__ import annotations

from pia_wizard.context import AppContext
from pia_wizard.services import errors as e


def hint(exc: e.ServiceError, ctx: AppContext) -> str | None:
    zh = ctx.lang == "zh"
    detail = str(exc.params.get("detail", ""))
    if isinstance(exc, e.AlreadyArchived | e.ArchivedNotWritten):
        cmd = f"pia-wizard reports extract {exc.archive_id} --out FILE.pdf"
        return f"导出存档副本：{cmd}" if zh else f"write out the archived copy: {cmd}"
    if isinstance(exc, e.WrongPassphrase):
        return ("口令从 --passphrase-env 指定的环境变量读取" if zh else
                "the passphrase is read from the variable named by --passphrase-env")
    if exc.code in ("approved_other_content",) or "start a new version" in detail:
        cmd = "pia-wizard assessments new-version ID --reason REASON"
        return f"开始新版本：{cmd}" if zh else f"start one with: {cmd}"
    if isinstance(exc, e.ArchiveCorrupt) or "another data folder" in detail:
        return "用 --data-dir 选择其他数据文件夹" if zh else "choose another folder with --data-dir"
    if "name the processor" in detail:
        return "用 --processor 指定" if zh else "name it with --processor"
    if "with a purge" in detail:
        return "pia-wizard purge"
    if "the actor" in detail:
        return "--actor"
    return None
