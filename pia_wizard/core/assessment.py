"""The assessment file: plain objects with a JSON round trip and validation that names field and problem."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from pia_wizard.core.bank import Bank, default_bank
from pia_wizard.core.fastschema import conforms
from pia_wizard.core.risk import MATRIX_ID
from pia_wizard.core.schema import FORMAT_VERSION, assessment_schema
from pia_wizard.core.workdays import Overrides

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64


class AssessmentError(ValueError):
    """Bad input. ``problems`` lists every problem found; ``str()`` is the first one, on one line."""

    def __init__(self, problems: list[str]):
        self.problems = problems or ["invalid assessment"]
        super().__init__(self.problems[0])


def _new_id() -> str:
    import uuid  # only new assessments need it: a few ms off every command that reads one

    return str(uuid.uuid4())


@dataclass
class Assessment:
    processor: dict[str, Any]
    system: dict[str, Any]
    answers: dict[str, Any] = field(default_factory=dict)
    bank_version: str = ""
    format_version: int = FORMAT_VERSION
    id: str = field(default_factory=_new_id)
    title: str = ""
    language: str = "zh"
    assessment_date: str | None = None
    sites: list[dict[str, Any]] = field(default_factory=list)
    assessor: dict[str, Any] = field(default_factory=dict)
    dpo: dict[str, Any] = field(default_factory=dict)
    risks: dict[str, Any] = field(default_factory=dict)
    risk_acceptance: dict[str, Any] = field(default_factory=lambda: {"unacceptable_from": "high",
                                                                     "matrix_id": MATRIX_ID})
    calendar_overrides: list[dict[str, Any]] = field(default_factory=list)
    calendar_complete_years: list[int] = field(default_factory=list)
    approval: dict[str, Any] = field(default_factory=dict)  # core/approval.py: recorded before signing
    # Not written back: the format the file was read in, when migrate() upgraded it (see MIGRATIONS).
    migrated_from: int | None = field(default=None, compare=False)

    _ORDER = (
        "format_version", "bank_version", "id", "title", "language", "assessment_date", "processor", "system",
        "sites", "assessor", "dpo", "answers", "risks", "risk_acceptance", "calendar_overrides",
        "calendar_complete_years", "approval",
    )

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for key in self._ORDER:
            value = getattr(self, key)
            if value is None or (key == "approval" and not value):
                continue
            out[key] = value
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @property
    def unacceptable_from(self) -> str:
        return self.risk_acceptance.get("unacceptable_from", "high")

    def overrides(self) -> Overrides:
        days = {date.fromisoformat(o["date"]): o["kind"] for o in self.calendar_overrides}
        return Overrides(days, complete_years=tuple(self.calendar_complete_years))

    @classmethod
    def from_dict(cls, data: dict[str, Any], bank: Bank | None = None) -> Assessment:
        upgraded = migrate(data)
        validate(upgraded, bank)
        a = cls(**{k: upgraded[k] for k in cls._ORDER if k in upgraded})
        if upgraded is not data:
            a.migrated_from = data["format_version"]
        return a


def _migrate_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 had one "residual" rating per risk, and it was rated with planned measures counted. Format 2
    separates the current risk (measures in place) from the target risk (after the plan). The old rating is
    kept as both, so nothing an approved file concluded changes on reading; the evaluation says that it must
    be re-rated (engine: MIGRATION_WARNING) before the file is issued again."""
    out = dict(data)
    risks = data.get("risks")
    if isinstance(risks, dict):
        new = {}
        for rid, entry in risks.items():
            if isinstance(entry, dict) and "residual" in entry:
                entry = {k: v for k, v in entry.items() if k != "residual"}
                entry["current"] = data["risks"][rid]["residual"]
                entry["target"] = json.loads(json.dumps(data["risks"][rid]["residual"]))
            new[rid] = entry
        out["risks"] = new
    out["format_version"] = 2
    return out


# format_version -> the step that lifts it by one. A file is migrated in memory when read and written back
# in the current format when saved; a signed report keeps the bytes it was signed with.
MIGRATIONS = {1: _migrate_1}


def migrate(data: Any) -> Any:
    """The same data in the current format (a new dict when anything changed, else ``data`` itself).
    Anything that is not a well-formed older file is returned unchanged for validate() to report."""
    if not isinstance(data, dict):
        return data
    fv = data.get("format_version")
    while isinstance(fv, int) and not isinstance(fv, bool) and fv in MIGRATIONS:
        data = MIGRATIONS[fv](data)
        fv = data.get("format_version")
    return data


@cache
def _schema(bank: Bank) -> dict[str, Any]:
    return assessment_schema(bank)


@cache
def _validator(bank: Bank) -> Draft202012Validator:
    # Imported here: jsonschema (with referencing and attrs) costs about 100 ms, and only a file that fails the
    # fast check (fastschema.conforms) needs it, to say what is wrong.
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(_schema(bank), format_checker=FormatChecker())


def _path(parts: list[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "the file"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: ValidationError) -> str:
    where = _path(list(err.absolute_path))
    v, kw, arg = err.instance, err.validator, err.validator_value
    if kw == "anyOf":
        # null-or-X: report against X, which is what the author meant.
        branches = [b for b in arg if b != {"type": "null"}]
        if len(branches) == 1:
            from jsonschema import Draft202012Validator, FormatChecker

            sub = Draft202012Validator(branches[0], format_checker=FormatChecker())
            inner = next(iter(sub.iter_errors(v)), None)
            if inner is not None:
                inner_where = _path(list(err.absolute_path) + list(inner.absolute_path))
                return _message_for(inner_where, inner.validator, inner.validator_value, inner.instance, inner)
    return _message_for(where, kw, arg, v, err)


def _message_for(where: str, kw: str, arg: Any, v: Any, err: ValidationError) -> str:
    if kw == "type":
        return f"{where}: expected {arg}, got {type(v).__name__ if v is not None else 'null'} {_show(v)}"
    if kw == "enum":
        allowed = ", ".join(json.dumps(a, ensure_ascii=False) for a in arg[:12])
        more = f" (and {len(arg) - 12} more)" if len(arg) > 12 else ""
        return f"{where}: {_show(v)} is not allowed; use one of {allowed}{more}"
    if kw == "const":
        return f"{where}: must be {json.dumps(arg)}, got {_show(v)}"
    if kw == "required":
        missing = [k for k in arg if isinstance(v, dict) and k not in v]
        return f"{where}: missing required field {', '.join(missing)}"
    if kw == "additionalProperties":
        extra = sorted(k for k in v if k not in err.schema.get("properties", {}))
        if where == "answers":
            return f"answers: unknown question ID {_show(extra[0])}; `pia-wizard schema` lists the valid IDs"
        if extra[0] == "residual" and where.startswith("risks."):
            return (f"{where}.residual: format {FORMAT_VERSION} rates the current risk (measures in place) and the "
                    "target risk (after the action plan) instead of one residual risk: use \"current\" and "
                    "\"target\"")
        return f"{where}: unknown field {_show(extra[0])}"
    if kw == "maxLength":
        return f"{where}: text is {len(v):,} characters long; the limit is {arg:,}"
    if kw in ("minLength", "pattern") and isinstance(v, str) and not v.strip():
        return f"{where}: must not be empty"
    if kw == "pattern":
        return f"{where}: {_show(v)} has the wrong form (expected e.g. 2026-11-26 for dates)"
    if kw == "format":
        return f"{where}: {_show(v)} is not a valid {arg} (use YYYY-MM-DD, a real calendar date)"
    if kw in ("minimum", "maximum"):
        return f"{where}: {v} is {'below the minimum' if kw == 'minimum' else 'above the maximum'} {arg}"
    if kw == "uniqueItems":
        return f"{where}: the list repeats a value"
    if kw == "maxItems":
        return f"{where}: {len(v):,} items; the limit is {arg:,}"
    return f"{where}: {err.message[:200]}"


def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(node, dict):
            stack.extend((c, d + 1) for c in node.values())
        elif isinstance(node, list):
            stack.extend((c, d + 1) for c in node)
    return deepest


def validate(data: Any, bank: Bank | None = None) -> None:
    """Raise AssessmentError listing every problem; return None when the data is a valid assessment."""
    from pia_wizard.core import risk

    bank = bank or default_bank()
    if not isinstance(data, dict):
        raise AssessmentError([f"the file must hold a JSON object, not {type(data).__name__}"])
    if _depth(data) > MAX_DEPTH:
        raise AssessmentError([f"the file is nested more than {MAX_DEPTH} levels deep"])
    fv = data.get("format_version")
    if isinstance(fv, int) and not isinstance(fv, bool) and fv > FORMAT_VERSION:
        raise AssessmentError([
            f"format_version: the file was written by a newer pia-wizard (format {fv}); this version reads "
            f"format {FORMAT_VERSION}: update pia-wizard to open it"
        ])
    data = migrate(data)
    problems = []
    if not conforms(_schema(bank), data):  # never True where jsonschema would find an error
        errors = sorted(_validator(bank).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
        problems = [_message(e) for e in errors]
    if not problems:
        problems += risk.validate_risks(data)
    if problems:
        raise AssessmentError(problems)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise AssessmentError([f"the key {_show(key)} appears twice in one object"])
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise AssessmentError([f"{name} is not a valid JSON number"])


def parse(raw: bytes | str, bank: Bank | None = None) -> Assessment:
    """Parse and validate an assessment file's content."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise AssessmentError([
                f"the file is {len(raw) / 1e6:.1f} MB; an assessment file may be at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
            ])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AssessmentError([f"the file is not UTF-8 text (bad byte at position {exc.start})"]) from None
    else:
        text = raw
        if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
            raise AssessmentError([f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"])
    if "\x00" in text:
        raise AssessmentError(["the file contains NUL characters; it is not a JSON text file"])
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise AssessmentError([f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]) from None
    except RecursionError:
        raise AssessmentError([f"the file is nested more than {MAX_DEPTH} levels deep"]) from None
    _reject_lone_surrogates(data)
    return Assessment.from_dict(data, bank)


def _reject_lone_surrogates(data: Any) -> None:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise AssessmentError([
                    f"the text {_show(node.encode('utf-8', 'replace').decode())} holds an invalid Unicode "
                    "escape (a lone surrogate); fix or retype it"
                ]) from None
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
