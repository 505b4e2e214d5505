"""The catalogue of messages meant for the user, in Chinese and English, for every front end (CLI, GUI).

Services raise typed errors (services/errors.py) that carry a code from here and its parameters; the front end
picks the language. A parameter may be a ``Text`` (formatted in the message's language) or any value (``str()``).
Details that come from a lower layer (a validation message naming a field, SQLite's words) are passed through as
``detail``: the frame around them is translated, the detail keeps the wording of its source.

Messages never name command-line flags or commands: the CLI adds its own hints (cli/hints.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from pia_wizard.core.bank import Text

LANGS = ("zh", "en")

MESSAGES: Mapping[str, Text] = {
    # files the user names
    "file_missing": Text("找不到文件：{path}", "no such file: {path}"),
    "file_is_folder": Text("{path} 是文件夹，不是{what}", "{path} is a folder, not a {what}"),
    "file_too_large": Text("{path} 超过 {limit_mb} MB，不是 pia-wizard 报告",
                           "{path} is larger than {limit_mb} MB; not a pia-wizard report"),
    "file_permission": Text("无法读取 {path}：没有权限", "cannot read {path}: permission denied"),
    "file_unreadable": Text("无法读取 {path}：{detail}", "cannot read {path}: {detail}"),
    "file_empty_pdf": Text("{path} 是空文件，不是 PDF", "{path} is empty, not a PDF"),
    "file_not_pdf": Text("{path} 不是 PDF 文件（开头不是 %PDF-）",
                         "{path} is not a PDF (it does not start with %PDF-)"),
    # output files
    "output_is_folder": Text("{path} 是文件夹；请给出输出文件名",
                             "{path} is a folder; give a file name for the output"),
    "output_no_folder": Text("无法写入 {path}：文件夹 {folder} 不存在",
                             "cannot write {path}: the folder {folder} does not exist"),
    "output_is_input": Text("输出文件 {path} 就是输入文件；请换一个名称",
                            "the output {path} is the input file; choose another name"),
    "output_is_key": Text("输出文件 {path} 是签名密钥 {key}；请换一个名称",
                          "the output {path} is the signing key {key}; choose another name"),
    "output_in_data_dir": Text("输出文件 {path} 位于数据文件夹 {folder} 内，该文件夹保存档案和密钥；请写到别处",
                               "the output {path} is inside the data folder {folder}, which holds the archive and "
                               "the keys; write it somewhere else"),
    "output_is_device": Text("{path} 不是普通文件（设备或管道）；请给出文件名",
                             "{path} is not a regular file (a device or a pipe); give a file name"),
    "output_exists": Text("{path} 已存在；请换一个名称或确认覆盖",
                          "{path} already exists; choose another name or confirm that it may be replaced"),
    "output_write_failed": Text("无法写入 {path}：{detail}", "cannot write {path}: {detail}"),
    # assessments
    "assessment_invalid": Text("评估文件有误：{detail}", "{detail}"),
    "assessment_too_large": Text("{path} 有 {size_mb} MB；评估文件最大 {limit_mb} MB",
                                 "{path} is {size_mb} MB; an assessment file may be at most {limit_mb} MB"),
    "assessment_not_found": Text("档案中没有评估 {assessment_id}", "no assessment {assessment_id} in the archive"),
    "bank_broken": Text("所安装的问卷题库已损坏（{count} 个问题，第一个：{detail}）；请重新安装 pia-wizard",
                        "the installed question bank is broken ({count} problems, first: {detail}); reinstall "
                        "pia-wizard"),
    "approved_other_content": Text("评估 {assessment_id} 已以其他内容审批：此文件与已审批版本不同，"
                                   "请开始新版本后再签署",
                                   "assessment {assessment_id} is already approved with other content: this file "
                                   "differs from the approved version, so start a new version and sign that"),
    "version_not_editable": Text("评估 {assessment_id} 的第 {version} 版{state}；请先退回草稿再签署其他内容",
                                 "version {version} of assessment {assessment_id} is {state}; return it to draft "
                                 "before signing other content"),
    # reports
    "report_problem": Text("报告：{detail}", "{detail}"),
    "approval_incomplete": Text("审批尚未完成，报告不能签署：{detail}",
                                "the report cannot be signed until the approval is complete: {detail}"),
    "same_certificate": Text("评估负责人和个人信息保护负责人必须各用自己的证书签署；{first} 和 {second} 是同一个证书",
                             "the assessor and the PI protection officer must sign with their own certificates; "
                             "{first} and {second} hold the same one"),
    "already_archived": Text("报告 {report_id} 已签署并存档（{day}，档案编号 #{archive_id}）；可从档案中导出该副本，"
                             "或修改评估（新版本）后签署新报告",
                             "report {report_id} is already signed and archived (on {day}, archive #{archive_id}); "
                             "write out the archived copy, or change the assessment (a new version) to sign a new "
                             "report"),
    "no_signature_box": Text("报告中没有{role}的签名框（模板问题）",
                             "the report has no signature box for the {role} (template problem)"),
    "not_archived": Text("已签署的报告未能存档，也未写入任何文件：{detail}",
                         "the signed report was not archived, and no file was written: {detail}"),
    "archived_not_written": Text("{detail}；已签署的报告已存档（档案编号 #{archive_id}），可从档案中导出",
                                 "{detail}; the signed report is archived (archive #{archive_id}): write it out "
                                 "from the archive"),
    "render_failed": Text("生成报告失败：{detail}", "rendering the report failed: {detail}"),
    "render_crashed": Text("生成报告的进程意外退出（{detail}）；未写入任何文件",
                           "the process rendering the report stopped unexpectedly ({detail}); no file was written"),
    "cancelled": Text("已取消：未写入任何文件，档案未改动", "cancelled: no file was written and nothing was archived"),
    "import_problem": Text("无法从报告中导入评估：{detail}", "{detail}"),
    # keys
    "wrong_passphrase": Text("{path} 的口令不正确", "wrong passphrase for {path}"),
    "key_problem": Text("签名密钥：{detail}", "{detail}"),
    "output_is_key_file": Text("输出文件 {path} 就是密钥文件本身；请使用 .pem 文件名",
                               "the output {path} is the key file itself; choose a .pem name"),
    "key_exists": Text("{path} 已存在；不会覆盖签名密钥", "{path} already exists; refusing to overwrite a signing key"),
    "demo_certificate": Text("演示证书 {path}：{detail}", "demo certificate {path}: {detail}"),
    # verifying
    "verify_problem": Text("无法核验：{detail}", "{detail}"),
    "trust_is_folder": Text("信任证书 {path} 是文件夹，不是 PEM 或 DER 文件",
                            "trust certificate {path} is a folder, not a PEM or DER file"),
    "trust_problem": Text("信任证书：{detail}", "trust certificate: {detail}"),
    # the archive
    "archive_busy": Text("档案数据库正忙：另一个程序（另一个 pia-wizard？）占用写锁过久；请稍后重试（{detail}）",
                         "{detail}"),
    "archive_newer": Text("档案数据库由更新版本的 pia-wizard 写入；请升级后再打开（{detail}）", "{detail}"),
    "archive_corrupt": Text("档案数据库已损坏或不是 pia-wizard 的数据库；请从备份恢复（{detail}）", "{detail}"),
    "archive_refused": Text("档案拒绝了该操作：{detail}", "{detail}"),
    "archive_not_found": Text("档案中找不到：{detail}", "{detail}"),
    "archive_import_rejected": Text("导入被拒绝，未导入任何记录：{detail}", "{detail}"),
    "archive_refused_assessment": Text("档案拒绝了该评估：{detail}", "the archive refused the assessment: {detail}"),
    "demo_refused": Text("档案拒绝了演示：{detail}", "the archive refused the demo: {detail}"),
    "bad_value": Text("输入有误：{detail}", "{detail}"),
    "export_format": Text("未知的导出格式 {fmt}；请使用 csv 或 json", "unknown export format {fmt}; use csv or json"),
}


def render(code: str, lang: str = "en", **params: object) -> str:
    """The message ``code`` in ``lang`` (zh or en) with its parameters filled in, on one line."""
    template = MESSAGES[code].get("zh" if lang == "zh" else "en")
    shown = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}
    try:
        text = template.format(**shown)
    except (KeyError, IndexError):  # a parameter missing: still say something useful
        text = template + " " + " ".join(f"{k}={v}" for k, v in shown.items())
    return " ".join(text.split())
