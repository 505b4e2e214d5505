"""A fast, strict stand-in for jsonschema on valid data: the JSON Schema subset pia-wizard's own schemas use.

``conforms(schema, data)`` is True only if jsonschema's Draft 2020-12 validator (with a ``FormatChecker``) would
find no error. Each keyword follows jsonschema's code (``_keywords.py``, ``_types.py``, ``_utils.equal`` and
``uniq``, ``_format.is_date``); where exact agreement would cost code it is stricter instead (``integer`` means a
Python int, ``enum`` and ``const`` compare scalars of the same type, ``type`` takes one name, subschemas are
objects), and a keyword it does not know makes it False. False says nothing: the caller then runs jsonschema,
which reports the problems with its usual messages. Valid files, the common case, never import jsonschema
(about 100 ms with referencing and attrs) and are checked several times faster.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

# jsonschema._format: ``_RE_DATE.fullmatch(instance) and date.fromisoformat(instance)``; ASCII digits only.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
# Annotations: jsonschema's Draft 2020-12 validator has no check for them. (``$id``, checked below only for being a
# string, sets a base URI, which only a ``$ref`` would use, and ``$ref`` is not in the subset.)
ANNOTATIONS = ("title", "description", "x-cites", "$comment", "examples", "default")


def conforms(schema: Any, data: Any) -> bool:
    """True only if ``data`` is valid under ``schema`` for jsonschema's Draft202012Validator (see the module)."""
    if type(schema) is not dict:
        return False  # a boolean schema or something stranger: leave it to jsonschema
    for key, arg in schema.items():
        check = KEYWORDS.get(key)
        if check is None or not check(arg, data, schema):
            return False
    return True


def _is_number(v: Any) -> bool:
    return (type(v) is int or type(v) is float) and v == v  # not NaN, which compares with nothing


_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: type(v) is int,  # jsonschema also takes 1.0: stricter
    "number": _is_number,
}
_SCALARS = (str, int, float, bool, type(None))


def _same(a: Any, b: Any) -> bool:
    """``jsonschema._utils.equal`` for scalars of one type (True is not 1; 1 and 1.0 are equal there but not
    here: stricter); lists, objects and anything else are never the same here."""
    return type(a) is type(b) and type(a) in _SCALARS and a == b


def _type(arg: Any, v: Any, _schema: Any) -> bool:
    return type(arg) is str and arg in _TYPES and _TYPES[arg](v)


def _enum(arg: Any, v: Any, _schema: Any) -> bool:
    return isinstance(arg, list) and any(_same(v, e) for e in arg)


def _const(arg: Any, v: Any, _schema: Any) -> bool:
    return _same(v, arg)


def _properties(arg: Any, v: Any, _schema: Any) -> bool:
    if not isinstance(v, dict):
        return True
    return type(arg) is dict and all(conforms(arg[k], x) for k, x in v.items() if k in arg)


def _additional_properties(arg: Any, v: Any, schema: Mapping[str, Any]) -> bool:
    if not isinstance(v, dict):
        return True
    known = schema.get("properties", {})
    extra = [x for k, x in v.items() if k not in known]
    if arg is False:
        return not extra
    return type(arg) is dict and all(conforms(arg, x) for x in extra)


def _required(arg: Any, v: Any, _schema: Any) -> bool:
    return not isinstance(v, dict) or (isinstance(arg, list) and all(k in v for k in arg))


def _items(arg: Any, v: Any, _schema: Any) -> bool:
    return not isinstance(v, list) or (type(arg) is dict and all(conforms(arg, x) for x in v))


def _unique_key(v: Any) -> Any:
    """A key equal for two items exactly when ``jsonschema._utils.equal`` calls them equal (True and 1 differ,
    1 and 1.0 do not); None for an item this module does not compare (a list, an object, NaN)."""
    if type(v) is str:
        return ("s", v)
    if type(v) is bool or v is None:
        return ("c", v)
    if _is_number(v):
        return ("n", v)  # 1 == 1.0 and hash(1) == hash(1.0), as in equal()
    return None


def _unique_items(arg: Any, v: Any, _schema: Any) -> bool:
    if type(arg) is not bool:
        return False
    if arg is False or not isinstance(v, list):
        return True
    keys = set()
    for item in v:
        key = _unique_key(item)
        if key is None or key in keys:
            return False
        keys.add(key)
    return True


def _count(limit_ok: Callable[[int, Any], bool], kind: type) -> Callable[[Any, Any, Any], bool]:
    def check(arg: Any, v: Any, _schema: Any) -> bool:
        return not isinstance(v, kind) or (type(arg) is int and limit_ok(len(v), arg))

    return check


def _bound(ok: Callable[[Any, Any], bool]) -> Callable[[Any, Any, Any], bool]:
    # jsonschema compares every numbers.Number but a bool; this module knows int and float only.
    def check(arg: Any, v: Any, _schema: Any) -> bool:
        if isinstance(v, bool) or not isinstance(v, numbers.Number):
            return True  # not a number: the keyword does not apply
        return _is_number(v) and _is_number(arg) and ok(v, arg)

    return check


def _pattern(arg: Any, v: Any, _schema: Any) -> bool:
    return not isinstance(v, str) or (type(arg) is str and re.search(arg, v) is not None)


def _format(arg: Any, v: Any, _schema: Any) -> bool:
    if arg != "date":
        return False  # jsonschema checks other formats differently, or not at all: leave them to it
    if not isinstance(v, str):
        return True
    if not _DATE.fullmatch(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _any_of(arg: Any, v: Any, _schema: Any) -> bool:
    return isinstance(arg, list) and bool(arg) and any(conforms(sub, v) for sub in arg)


def _annotation(_arg: Any, _v: Any, _schema: Any) -> bool:
    return True


KEYWORDS: dict[str, Callable[[Any, Any, Mapping[str, Any]], bool]] = {
    "$schema": lambda arg, _v, _s: arg == DRAFT_2020_12,
    "$id": lambda arg, _v, _s: type(arg) is str,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "anyOf": _any_of,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "required": _required,
    "minProperties": _count(lambda n, arg: n >= arg, dict),
    "items": _items,
    "minItems": _count(lambda n, arg: n >= arg, list),
    "maxItems": _count(lambda n, arg: n <= arg, list),
    "uniqueItems": _unique_items,
    "minLength": _count(lambda n, arg: n >= arg, str),  # code points, as jsonschema's len(instance)
    "maxLength": _count(lambda n, arg: n <= arg, str),
    "pattern": _pattern,
    "format": _format,
    "minimum": _bound(lambda v, arg: v >= arg),
    "maximum": _bound(lambda v, arg: v <= arg),
    **{key: _annotation for key in ANNOTATIONS},
}
