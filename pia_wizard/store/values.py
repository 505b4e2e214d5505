"""Checks for values that users type or import. Each raises ValueError with a message naming no field."""

from __future__ import annotations

import re
from datetime import date

MAX_TEXT = 10_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # \t \n \r are allowed in free text
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def text(value: object, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise ValueError("must not be empty")
    if len(value) > max_len:
        raise ValueError(f"is {len(value):,} characters long; the limit is {max_len:,}")
    if _CONTROL.search(value):
        raise ValueError("contains a control character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains characters that are not valid Unicode") from None
    return value


def iso_date(value: object) -> str:
    """A real calendar date as YYYY-MM-DD (returned as text: that is how the database stores dates)."""
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise ValueError(f"{_show(value)} is not a date (use YYYY-MM-DD)")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{_show(value)} is not a real calendar date") from None


def count(value: object) -> int:
    """A whole number >= 0; thousands separators (120,000 or 120，000) are accepted."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a whole number")
    if isinstance(value, int):
        number = value
    else:
        raw = str(value).strip().replace(",", "").replace("，", "").replace("_", "")
        if not raw.isascii() or not raw.lstrip("-").isdigit():
            raise ValueError(f"{_show(value)} is not a whole number")
        number = int(raw)
    if number < 0:
        raise ValueError(f"{number} is negative")
    if number > 2**62:
        raise ValueError(f"{number} is too large")
    return number


def _show(value: object) -> str:
    text_ = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text_ if len(text_) <= 40 else text_[:37] + "...'"
