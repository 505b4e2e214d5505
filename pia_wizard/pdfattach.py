"""The one reader of a report PDF's embedded files, shared by ``import-report`` (report/importer.py), signing and
``verify`` (signing/), so that they can never disagree on which ``assessment.json`` a PDF holds.

Order: the PDF/A-3 associated files (/AF, what render.py writes) first, then the /EmbeddedFiles name tree, each
file once. The assessment is the attachment named exactly ``assessment.json``; a PDF holding two *different* such
files is ambiguous (a forgery could show one to a reader and another to a verifier) and every user refuses it.
Works on pyHanko reader objects (duck-typed: ``get``, ``get_object``, ``data``); imports nothing of ours.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

ASSESSMENT_NAME = "assessment.json"
MAX_NAME_TREE_NODES = 10_000  # a hostile name tree may be huge or loop


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class AssessmentAttachment:
    attachment: Attachment | None  # the assessment.json, when there is exactly one (by content)
    json_names: tuple[str, ...]  # every .json attachment's name, in order
    conflicting: int = 0  # how many different assessment.json bodies (0 or >= 2 when ambiguous)

    @property
    def ambiguous(self) -> bool:
        return self.conflicting > 1


def text(value: object) -> str:
    try:
        value = value.get_object() if hasattr(value, "get_object") else value  # type: ignore[union-attr]
        return str(value)
    except Exception:  # a hostile PDF can hold anything here
        return ""


def _filespecs(root: object) -> list[object]:
    found: list[object] = []
    af = root.get("/AF")  # type: ignore[attr-defined]
    if af is not None:
        found.extend(ref.get_object() for ref in af.get_object())
    names = root.get("/Names")  # type: ignore[attr-defined]
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    stack = [tree.get_object()] if tree is not None else []
    seen: set[int] = set()
    visited = 0
    while stack and visited < MAX_NAME_TREE_NODES:
        node = stack.pop(0)
        visited += 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        pairs = node.get("/Names")
        if pairs is not None:
            pairs = pairs.get_object()
            found.extend(pairs[i].get_object() for i in range(1, len(pairs), 2))
        kids = node.get("/Kids")
        if kids is not None:
            stack.extend(k.get_object() for k in kids.get_object())
    return found


def attachments(root: object) -> list[Attachment]:
    """Embedded files of the document, /AF first, then the name tree; each (name, bytes) once."""
    out: list[Attachment] = []
    keys: set[tuple[str, bytes]] = set()
    specs: set[int] = set()
    for spec in _filespecs(root):
        if id(spec) in specs:
            continue
        specs.add(id(spec))
        try:
            name = text(spec.get("/UF")) or text(spec.get("/F")) or "(unnamed)"  # type: ignore[attr-defined]
            ef = spec["/EF"].get_object()  # type: ignore[index]
            data = (ef.get("/UF") or ef["/F"]).get_object().data
        except (KeyError, TypeError, ValueError, AttributeError, zlib.error):  # zlib: a damaged stream
            continue
        if (name, data) not in keys:
            keys.add((name, data))
            out.append(Attachment(name, data))
    return out


def assessment_attachment(root: object) -> AssessmentAttachment:
    """The embedded assessment (see the module docstring) and the names of all JSON attachments."""
    files = attachments(root)
    named = [a for a in files if a.name == ASSESSMENT_NAME]
    bodies = {a.data for a in named}
    json_names = tuple(a.name for a in files if a.name.lower().endswith(".json"))
    if len(bodies) > 1:
        return AssessmentAttachment(None, json_names, len(bodies))
    return AssessmentAttachment(named[0] if named else None, json_names, len(bodies))
