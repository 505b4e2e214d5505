"""The render context of the report: plain data built from (Assessment, Evaluation, lang).

Nothing here turns user text into markup: it stays ``str`` and bank/label text stays ``Text`` until the
autoescaping Jinja2 templates print it (see ``templating.py``), so user text can never become HTML or CSS.
The one piece of markup, the heat map, is drawn from level codes and our own labels (heatmap.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from pia_wizard.core import risk as risk_mod
from pia_wizard.core.approval import ATTESTATIONS, OPINIONS, required_attestations
from pia_wizard.core.approval import problems as approval_problems
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Bank, Question, Text, default_bank
from pia_wizard.core.engine import Evaluation
from pia_wizard.core.findings import VERDICT_LABELS, VERDICT_ORDER, Finding
from pia_wizard.core.labels import option_text
from pia_wizard.core.obligations import decidable
from pia_wizard.core.obligations import get as get_obligation
from pia_wizard.report import heatmap

LANGS = ("zh", "en", "bilingual")
RETENTION_YEARS = 3
# WeasyPrint lays out one paragraph in time that grows faster than its length (a 100,000-character
# paragraph takes ~3.5 s, the same text in 2,000-character paragraphs ~1.5 s), so very long user
# paragraphs are printed in pieces, cut after a sentence end where there is one.
CHUNK = 1500
VIEWS_SHORT = 110  # characters of what the people concerned said, on the approval page (in full in Annex B)
SHORT = 60  # characters of an answer shown in the coverage matrix; the annex prints it in full
SENTENCE_END = re.compile(r"[。！？；.!?;]\s*")

T = Text


@dataclass
class Para:
    """A user text, as paragraphs (each a list of chunks to print as consecutive blocks)."""

    paragraphs: list[list[str]]
    length: int


@dataclass
class Cell:
    kind: str  # "none" | "text" | "labels" | "value"
    text: Para | None = None
    labels: list[Text | str] = field(default_factory=list)
    value: str = ""


@dataclass
class AnswerView:
    qid: str
    question: Question
    kind: str  # "none" | "text" | "labels" | "value" | "rows"
    cell: Cell | None = None
    columns: list[Text] = field(default_factory=list)
    column_ids: list[str] = field(default_factory=list)
    column_types: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    short: Text | str = ""


def canonical_json(a: Assessment) -> str:
    return json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(a: Assessment) -> str:
    return hashlib.sha256(canonical_json(a).encode("utf-8")).hexdigest()


LANG_CODES = {"zh": "ZH", "en": "EN", "bilingual": "BI"}


def report_id(a: Assessment, lang: str = "zh") -> str:
    """Stable for the same content and language: the assessment id (its first 8 alphanumerics), 8 hex of the
    content hash, and the language. The zh and en reports of one assessment are two documents, each signed and
    archived under its own ID; the first two parts show they report the same content."""
    stem = re.sub(r"[^0-9A-Za-z]", "", a.id)[:8].upper() or "NOID"
    return f"PIA-{stem}-{content_hash(a)[:8].upper()}-{LANG_CODES[lang]}"


# Who may sign the approval page, in signing order: (role, zh title, en title). The signing step puts its
# fields in the boxes the template draws with id "sig-<role>".
SIGNER_ROLES: tuple[tuple[str, str, str], ...] = (
    ("assessor", "评估负责人", "Lead assessor"),
    ("dpo", "个人信息保护负责人", "PI protection officer"),
)


def _person(p: dict[str, Any] | None) -> dict[str, str]:
    return {k: str((p or {}).get(k) or "") for k in ("name", "role", "organisation", "contact")}


def _status(a: Assessment, signing: bool) -> Text:
    opinion = OPINIONS.get((a.approval or {}).get("opinion", ""))
    if signing and opinion:
        return T(f"审批意见：{opinion[0]}；电子签名见审批页",
                 f"Decision: {opinion[1]}; see the electronic signatures on the approval page")
    if opinion:
        return T(f"审批意见已记录（{opinion[0]}），未签署", f"Decision recorded ({opinion[1]}); not signed")
    return T("待审批，未签署", "For approval; not signed")


def _approval(a: Assessment, lang: str) -> dict[str, Any] | None:
    ap = a.approval or {}
    if not ap:
        return None
    attest = ap.get("attestations") or {}
    opinion = OPINIONS.get(ap.get("opinion", ""))
    conditions = ap.get("conditions") if ap.get("opinion") == "proceed_with_conditions" else None
    return {
        "attestations": [{"text": T(zh, en), "confirmed": attest.get(k) is True,
                          "required": k in required_attestations(ap.get("opinion"))} for k, zh, en in ATTESTATIONS],
        "opinion": T(*opinion) if opinion else None,
        "opinion_id": ap.get("opinion"),
        "reasons": paragraphs(ap["reasons"]) if str(ap.get("reasons") or "").strip() else None,
        "conditions": paragraphs(conditions) if str(conditions or "").strip() else None,
        "approver": _person(ap.get("approver")),
        "date": ap.get("date"),
        "problems": approval_problems(a),
    }


def report_version(a: Assessment) -> str:
    return f"{a.bank_version or default_bank().version}/f{a.format_version}"


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February: the later day is the safe one for a retention period
        return date(d.year + years, 3, 1)


def paragraphs(text: str, chunk: int = CHUNK) -> Para:
    """Paragraphs of inline chunks. A cut after a sentence end stays inside the paragraph (an inline piece);
    a cut inside an unbreakable run (a 5,000-character "word") starts a new block, because WeasyPrint cannot
    wrap a word across the boundary of two inline boxes and would let that line overflow the page."""
    out: list[list[str]] = []
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = para.strip()
        if not para:
            continue
        pieces: list[str] = []
        while len(para) > chunk:
            cut = 0
            for m in SENTENCE_END.finditer(para, chunk // 2, chunk):
                cut = m.end()
            pieces.append(para[: cut or chunk])
            para = para[cut or chunk:]
            if not cut:
                out.append(pieces)
                pieces = []
        pieces.append(para)
        out.append(pieces)
    return Para(out, len(text))


def _shorten(text: str, limit: int = SHORT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _number(q: Question | None, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    shown = f"{value:,}" if isinstance(value, int) else (f"{value:,.2f}".rstrip("0").rstrip(".")
                                                          if isinstance(value, float) else str(value))
    if q is not None and q.unit:
        unit = q.unit.get("zh" if lang == "bilingual" else lang)
        return f"{shown} {unit}" if lang == "en" else f"{shown}{unit}"
    return shown


def _cell(kind: str, options: tuple, value: Any, q: Question | None, lang: str) -> Cell:
    if value is None or value == "" or value == []:
        return Cell("none")
    if kind in ("yesno", "single"):
        return Cell("labels", labels=[option_text(options, value)])
    if kind == "multi":
        values = value if isinstance(value, list) else [value]
        return Cell("labels", labels=[option_text(options, v) for v in values])
    if kind == "number":
        return Cell("value", value=_number(q, value, lang))
    if kind == "date":
        return Cell("value", value=str(value))
    if kind == "text":
        return Cell("text", text=paragraphs(str(value)))
    return Cell("value", value=json.dumps(value, ensure_ascii=False))


def _short_text(text: Text, zh: int = 34, en: int = 70) -> Text:
    return Text(_shorten(text.zh, zh), _shorten(text.en, en))


def _short_of(cell: Cell, lang: str) -> Text | str:
    if cell.kind == "none":
        return ""
    if cell.kind == "labels":
        if all(isinstance(x, Text) for x in cell.labels):
            return _short_text(Text("；".join(x.zh for x in cell.labels), "; ".join(x.en for x in cell.labels)),
                               SHORT // 2, SHORT)
        return _shorten("; ".join(x.get("zh" if lang != "en" else "en") if isinstance(x, Text) else x
                                  for x in cell.labels))
    if cell.kind == "text" and cell.text is not None:
        return _shorten(" ".join("".join(p) for p in cell.text.paragraphs))
    return cell.value


def answer_view(q: Question, value: Any, lang: str) -> AnswerView:
    if q.type == "rows":
        rows = value if isinstance(value, list) else []
        view = AnswerView(q.id, q, "rows" if rows else "none", columns=[c.label for c in q.columns],
                          column_ids=[c.id for c in q.columns], column_types=[c.type for c in q.columns])
        for row in rows:
            view.rows.append([_cell(c.type, c.options, row.get(c.id), None, lang) for c in q.columns])
        if rows:
            view.short = Text(f"{len(rows)} 行（见附录B）", f"{len(rows)} row(s) (see Annex B)")
        return view
    cell = _cell(q.type, q.options, value, q, lang)
    return AnswerView(q.id, q, cell.kind, cell=cell, short=_short_of(cell, lang))


def _verdict(v: str) -> dict[str, Any]:
    return {"id": v, "label": VERDICT_LABELS[v], "rank": VERDICT_ORDER[v]}


def _finding(f: Finding) -> dict[str, Any]:
    ob = get_obligation(f.obligation)
    return {
        "obligation": f.obligation,
        "citation": Text(ob.citation("zh"), ob.citation("en")),
        "verdict": _verdict(f.verdict),
        "explanation": f.explanation,
        "action": f.action,
        "questions": list(f.questions),
    }


def _level(axis: str, level: str | None) -> dict[str, Any] | None:
    if level is None:
        return None
    labels = risk_mod.labels()["levels"][axis][level]
    return {"id": level, "label": Text(labels["zh"], labels["en"])}


def _lab(node: Any) -> Text:
    return Text(node["zh"], node["en"])


def _rating_rows(rating: dict | None, score: Any, axis: str) -> dict[str, Any]:
    """One stage (inherent, current or target) of one risk on one axis: per-dimension cells, adjustments, result."""
    names = risk_mod.IMPACT_DIMENSIONS if axis == "impact" else risk_mod.LIKELIHOOD_FACTORS
    level_axis = "impact" if axis == "impact" else "likelihood"
    cells = (rating or {}).get(axis, {})
    out = []
    for n in names:
        cell = cells.get(n) or {}
        reason = cell.get("reason")
        out.append({"level": _level(level_axis, cell.get("level")),
                    "reason": paragraphs(reason) if isinstance(reason, str) and reason.strip() else None})
    adjustments = []
    for adj in (rating or {}).get(f"{axis}_adjustments", []) or []:
        kind = adj.get("kind")
        label = risk_mod.labels()["adjustments"].get(kind)
        reason = adj.get("reason")
        adjustments.append({"label": _lab(label) if label else str(kind),
                            "reason": paragraphs(reason) if isinstance(reason, str) and reason.strip() else None})
    base = getattr(score, f"{axis}_base", None) if score else None
    result = getattr(score, axis, None) if score else None
    clamped = getattr(score, f"{axis}_clamped", False) if score else False
    return {"cells": out, "adjustments": adjustments, "base": _level(level_axis, base),
            "result": _level(level_axis, result), "clamped": clamped}


def _risks(a: Assessment, ev: Evaluation) -> list[dict[str, Any]]:
    labels = risk_mod.labels()
    out = []
    for n, (rid, res) in enumerate(ev.risk.results.items(), start=1):
        entry = a.risks.get(rid, {}) if isinstance(a.risks, dict) else {}
        stages = {}
        for stage in risk_mod.STAGES:
            score = getattr(res, stage)
            stages[stage] = {
                "impact": _rating_rows(entry.get(stage), score, "impact"),
                "likelihood": _rating_rows(entry.get(stage), score, "likelihood"),
                "level": _level("risk", score.level if score else None),
                "complete": bool(score and score.complete),
                "rated": score is not None,
            }
        out.append({
            "n": n,
            "id": rid,
            "label": _lab(labels["risks"][rid]),
            "description": paragraphs(res.description) if res.description else None,
            "measures": paragraphs(res.measures) if res.measures else None,
            "inherent": stages["inherent"],
            "current": stages["current"],
            # No separate target rating: no planned measure changes this risk, so the target is the current.
            "target": stages["target"] if res.target is not None else stages["current"],
            "target_rated": res.target is not None,
            "unacceptable": rid in ev.risk.unacceptable,
            "unacceptable_target": rid in ev.risk.unacceptable_target,
            "current_id": res.current.level if res.current else None,
        })
    return out


def _criteria() -> dict[str, Any]:
    lab = risk_mod.labels()
    crit = lab["criteria"]
    impact_levels = list(reversed(risk_mod.IMPACT_LEVELS))
    likelihood_levels = list(reversed(risk_mod.LIKELIHOOD_LEVELS))
    return {
        "source": _lab(crit["source"]),
        "impact_title": _lab(crit["impact"]["title"]),
        "likelihood_title": _lab(crit["likelihood"]["title"]),
        "impact": [{"level": _level("impact", lv), "general": _lab(crit["impact"]["general"][lv]),
                    "by": [_lab(crit["impact"]["by_dimension"][d][lv]) for d in risk_mod.IMPACT_DIMENSIONS]}
                   for lv in impact_levels],
        "likelihood": [{"level": _level("likelihood", lv), "general": _lab(crit["likelihood"]["general"][lv]),
                        "by": [_lab(crit["likelihood"]["by_factor"][f][lv]) for f in risk_mod.LIKELIHOOD_FACTORS]}
                       for lv in likelihood_levels],
        "dimensions": [_lab(lab["dimensions"][d]) for d in risk_mod.IMPACT_DIMENSIONS],
        "dimension_notes": [_lab(lab["dimensions"][d]["note"]) for d in risk_mod.IMPACT_DIMENSIONS
                            if "note" in lab["dimensions"][d]],
        "factors": [_lab(lab["factors"][f]) for f in risk_mod.LIKELIHOOD_FACTORS],
        "adjustments": [{"label": _lab(lab["adjustments"][k]), "help": _lab(lab["adjustments"][k]["help"])}
                        for k in (*risk_mod.IMPACT_ADJUSTMENTS, *risk_mod.LIKELIHOOD_ADJUSTMENTS)],
        "matrix_title": _lab(lab["matrix"]["title"]),
        "matrix_source": _lab(lab["matrix"]["source"]),
        "matrix_rows": _lab(lab["matrix"]["rows"]),
        "matrix_columns": _lab(lab["matrix"]["columns"]),
        "matrix": [{"impact": _level("impact", imp),
                    "cells": [_level("risk", risk_mod.MATRIX[imp][lk]) for lk in risk_mod.LIKELIHOOD_LEVELS]}
                   for imp in impact_levels],
        "likelihood_levels": [_level("likelihood", lk) for lk in risk_mod.LIKELIHOOD_LEVELS],
        "conventions": [Text(c["zh"], c["en"]) for c in risk_mod.CONVENTIONS.values()],
        "terms": {k: _lab(v) for k, v in lab["terms"].items()},
    }


# Which answers each Art. 9 section prints (the annex prints all of them).
ART9_QUESTIONS = {
    "lawful": [
        "purpose.categories", "purpose.description", "purpose.other_uses", "purpose.other_uses_reason",
        "purpose.necessity", "purpose.alternatives_considered", "purpose.alternatives_rejected",
        "purpose.nonface_comparison", "purpose.least_impact_measures", "purpose.least_impact_reason",
        "consent.basis", "consent.basis_reason", "alternatives.offered", "alternatives.refusal_consequences",
        "conclusion.lawful_judgement", "conclusion.lawful_reason",
    ],
    "impact": ["risk.impact_rights", "risk.mitigation_effective", "risk.mitigation_reason"],
    "security": [],  # risk.harms is printed grouped by risk
    "measures": [
        "purpose.protection_measures", "security.controls", "security.controls_evidence", "security.management",
        "security.incident_plan", "security.mlps_status", "risk.methods", "risk.measures_judgement",
        "risk.measures_reason",
    ],
}
SCOPE_QUESTIONS = [
    "scope.in_prc", "scope.rnd_only", "scope.deployment", "scope.description", "scope.frt_mode",
    "scope.data_subjects", "scope.public_place", "scope.private_space", "scope.minors_u14", "scope.elderly_disabled",
    "scope.off_device", "scope.cross_border", "scope.third_parties", "scope.started", "scope.pipl55_triggers",
]
ORGANISATION_QUESTIONS = [
    "conclusion.reason", "conclusion.change_description", "conclusion.previous_report", "conclusion.previous_actions",
    "conclusion.form", "conclusion.period_start", "conclusion.period_end", "conclusion.recipients",
    "conclusion.consulted", "conclusion.consult_groups", "conclusion.consult_methods", "conclusion.consult_result",
    "conclusion.consult_why_not",
]
MAPPING_EXTRA = ["mapping.data_flow", "mapping.logging", "mapping.log_retention", "mapping.backup",
                 "mapping.backup_deletion", "mapping.record_maintained"]
FILING_QUESTIONS = ["filing.stored_count", "filing.count_date", "filing.projected_count", "filing.reached_on",
                    "filing.authority", "filing.filed", "filing.filed_on", "filing.number", "filing.change_on",
                    "filing.change_filed_on", "filing.ended_on", "filing.cancelled_on", "filing.disposed"]
ART9_TRIGGERS = ("purpose_change", "method_change", "major_incident")
# Where the body prints answers in full. Annex B lists every shown question but, for a text or table
# answer printed in the body, points there (with its page) instead of printing it twice.
PRINTED_IN = {
    **dict.fromkeys(SCOPE_QUESTIONS, "s-scope-2"),
    **dict.fromkeys([*ORGANISATION_QUESTIONS, "conclusion.team"], "s-scope-3"),
    "mapping.activities": "s-c1", "mapping.lifecycle": "s-c2", "storage.retention": "s-retention",
    "mapping.systems": "s-systems", **dict.fromkeys(MAPPING_EXTRA, "s-systems"),
    **dict.fromkeys(ART9_QUESTIONS["lawful"], "s-lawful"), **dict.fromkeys(ART9_QUESTIONS["impact"], "s-impact"),
    "risk.harms": "s-security", **dict.fromkeys(ART9_QUESTIONS["measures"], "s-measures"),
    "risk.measures": "s-plan", **dict.fromkeys(FILING_QUESTIONS, "s-filing-1"),
    "conclusion.retention": "s-retention-stmt", "conclusion.publish": "s-retention-stmt",
    "conclusion.decision": "s-decision", "conclusion.conditions": "s-decision",
    "conclusion.decision_reason": "s-decision",
}
DISTRIBUTION = {
    "full": Text("公开（全文对外公开）", "Public (published in full)"),
    "summary": Text("内部（摘要对外公开）", "Internal (a summary is published)"),
    "on_request": Text("内部（个人和监管部门可应要求查阅）",
                       "Internal (available to individuals and regulators on request)"),
    "internal": Text("仅限内部", "Internal only"),
}


def build_context(a: Assessment, ev: Evaluation, lang: str, bank: Bank | None = None,
                  as_of: date | None = None, signers: tuple[str, ...] = (), *,
                  front_only: bool = False) -> dict[str, Any]:
    """``signers``: the roles (SIGNER_ROLES) about to sign this copy electronically; empty for an unsigned copy,
    which gets boxes for handwritten signatures instead. ``front_only``: the cover, the approval page, the summary
    and the findings only (a quick preview while answering; never signed)."""
    if front_only and signers:
        raise ValueError("a front-only preview is never signed")
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r}; use one of {', '.join(LANGS)}")
    unknown = set(signers) - {r for r, _, _ in SIGNER_ROLES}
    if unknown:
        raise ValueError(f"unknown signer role(s) {', '.join(sorted(unknown))}")
    bank = bank or default_bank()
    visible = bank.visible(a.answers)

    def shown(qid: str) -> Any:
        return a.answers.get(qid) if visible.get(qid) else None

    views: dict[str, AnswerView] = {}

    def view(qid: str) -> AnswerView:
        if qid not in views:
            views[qid] = answer_view(bank.question(qid), shown(qid), lang)
        return views[qid]

    def views_for(qids: list[str]) -> list[AnswerView]:
        return [view(q) for q in qids if q in bank.questions and visible.get(q)]

    findings = [_finding(f) for f in ev.findings]
    by_ob: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        by_ob.setdefault(f["obligation"], []).append(f)
    open_findings = [f for f in findings if f["verdict"]["id"] in ("prohibited", "gap", "advisory")]
    seen: set[str] = set()
    for f in open_findings:  # the first finding of an obligation carries the link target
        f["anchor"] = f["obligation"] not in seen
        seen.add(f["obligation"])

    def related(qids: list[str]) -> list[dict[str, Any]]:
        wanted = set(qids)
        return [f for f in open_findings if wanted & set(f["questions"])]

    cited = bank.cited()
    coverage = []
    for ob in decidable():
        fs = by_ob.get(ob.id, [])
        qids = list(dict.fromkeys(q for f in fs for q in f["questions"] if q in bank.questions)) or cited.get(ob.id, [])
        coverage.append({
            "id": ob.id,
            "citation": Text(ob.citation("zh"), ob.citation("en")),
            "questions": [{"id": q, "text": _short_text(bank.question(q).text), "shown": bool(visible.get(q)),
                           "answer": view(q).short if visible.get(q) else ""} for q in qids],
            "verdicts": [f["verdict"] for f in fs] or [_verdict("gap")],
        })

    annex = []
    for section in bank.sections:
        qs = [view(q.id) for q in section.questions if visible.get(q.id)]
        if qs:
            annex.append({"id": section.id, "title": section.title, "law": section.law, "answers": qs})

    risks = _risks(a, ev)
    harms_by_risk = []
    harm_rows = shown("risk.harms") or []
    harm_q = bank.question("risk.harms")
    cols = {c.id: c for c in harm_q.columns}
    for r in risks:
        rows = [{"causes": _cell("text", (), h.get("causes"), None, lang),
                 "harm": _cell("text", (), h.get("harm"), None, lang)} for h in harm_rows if h.get("risk") == r["id"]]
        harms_by_risk.append({"risk": r, "rows": rows})

    measures_q = bank.question("risk.measures")
    measure_rows = []
    for row in shown("risk.measures") or []:
        measure_rows.append({c.id: _cell(c.type, c.options, row.get(c.id), None, lang) for c in measures_q.columns})
    measure_cols = {c.id: c.label for c in measures_q.columns}
    statuses = [row.get("status") for row in shown("risk.measures") or []]

    decision = view("conclusion.decision") if visible.get("conclusion.decision") else None
    ad = date.fromisoformat(a.assessment_date) if a.assessment_date else None
    triggers_q = bank.question("conclusion.reassess_triggers")
    chosen = shown("conclusion.reassess_triggers") or []
    triggers = [{"label": o.label, "chosen": o.value in chosen, "art9": o.value in ART9_TRIGGERS}
                for o in triggers_q.options]
    publish = shown("conclusion.publish")
    overall = ev.risk

    rid = report_id(a, lang)
    people = {"assessor": a.assessor, "dpo": (a.approval or {}).get("approver") or a.dpo}
    signing = bool(signers)
    return {
        "front_only": front_only,
        "signing": signing,
        "sign_boxes": [{"role": r, "title": T(zh, en), "person": _person(people[r])}
                       for r, zh, en in SIGNER_ROLES if r in signers or not signing],
        "status": _status(a, signing),
        "approval": _approval(a, lang),
        "views_sought": shown("conclusion.consulted"),
        "views": {k: view(f"conclusion.{k}") for k in ("consult_groups", "consult_methods", "consult_why_not")
                  if visible.get(f"conclusion.{k}")},
        # the approval page is one page: what they said is summarised there and printed in full in Annex B
        "views_result": _shorten(shown("conclusion.consult_result") or "", VIEWS_SHORT) or None,
        "views_result_cut": len(" ".join(str(shown("conclusion.consult_result") or "").split())) > VIEWS_SHORT,
        "lang": lang,
        "html_lang": "en" if lang == "en" else "zh-Hans",
        "report_id": rid,
        "version": report_version(a),
        "bank_version": a.bank_version or bank.version,
        "format_version": a.format_version,
        "current_bank": bank.version,
        "date": a.assessment_date,
        "as_of": as_of.isoformat() if as_of else a.assessment_date,
        "retain_until": add_years(ad, RETENTION_YEARS).isoformat() if ad else None,
        "content_hash": content_hash(a),
        "processor": a.processor,
        "system": a.system,
        "system_description": paragraphs(a.system["description"]) if a.system.get("description") else None,
        "sites": a.sites,
        "devices_total": sum(s.get("devices") or 0 for s in a.sites),
        "assessor": a.assessor,
        "dpo": a.dpo,
        "distribution": DISTRIBUTION.get(publish) if publish else None,
        "counts": [{"verdict": _verdict(v), "n": n} for v, n in ev.counts.items()],
        "counts_by_id": ev.counts,
        "measures_apply": ev.measures_apply,
        "measures_reason": ev.measures_reason,
        "unanswered": [{"id": q, "text": bank.question(q).text} for q in ev.unanswered],
        "warnings": ev.warnings,
        "overall_inherent": _level("risk", overall.overall_inherent),
        "overall_current": _level("risk", overall.overall_current),
        "overall_target": _level("risk", overall.overall_target),
        "unacceptable_from": _level("risk", overall.unacceptable_from),
        "unacceptable": [r for r in risks if r["unacceptable"]],
        "risk_missing": list(overall.missing),
        "risk_warnings": list(overall.warnings),
        "matrix_id": overall.matrix_id,
        "risks": risks,
        "criteria": _criteria(),
        "decision": decision,
        "decision_reason": view("conclusion.decision_reason") if visible.get("conclusion.decision_reason") else None,
        "conditions": view("conclusion.conditions") if visible.get("conclusion.conditions") else None,
        "signatory": _shorten(shown("conclusion.signatory") or "", 200) or None,
        "prohibited": [f for f in open_findings if f["verdict"]["id"] == "prohibited"],
        "open_findings": open_findings,
        "scope": views_for(SCOPE_QUESTIONS),
        "organisation": views_for(ORGANISATION_QUESTIONS),
        "team": view("conclusion.team") if visible.get("conclusion.team") else None,
        "c1": view("mapping.activities"),
        "c2": view("mapping.lifecycle"),
        "systems": view("mapping.systems"),
        "mapping_extra": views_for(MAPPING_EXTRA),
        "art9": {k: views_for(v) for k, v in ART9_QUESTIONS.items()},
        "art9_related": {k: related(v) for k, v in ART9_QUESTIONS.items()},
        "harms_related": related(["risk.harms"]),
        "harms": harms_by_risk,
        "harm_cols": {k: c.label for k, c in cols.items()},
        "measures": measure_rows,
        "measure_cols": measure_cols,
        "measures_in_place": statuses.count("in_place"),
        "measures_planned": statuses.count("planned"),
        "retention_rows": view("storage.retention") if visible.get("storage.retention") else None,
        "filing": views_for(FILING_QUESTIONS),
        "filing_findings": [f for f in findings if f["obligation"].startswith("FILING-")],
        "retention_answer": view("conclusion.retention") if visible.get("conclusion.retention") else None,
        "publish": view("conclusion.publish") if visible.get("conclusion.publish") else None,
        "triggers": triggers,
        "next_review": shown("conclusion.next_review"),
        "pia_regime": view("conclusion.pia_regime") if visible.get("conclusion.pia_regime") else None,
        "coverage": coverage,
        "annex": annex,
        "bank_title": bank.title,
        "printed_in": PRINTED_IN,
        "heatmap": Markup(heatmap.svg(ev, lang)),
    }
