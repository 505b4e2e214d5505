"""Reading a user-named file with one-line errors (no Qt, no printing): shared by import-report and verify."""

from __future__ import annotations

import os
from pathlib import Path

MAX_PDF_BYTES = 512 * 1024 * 1024  # far above any report; refuses a wrong file before reading it into memory


def read_bytes(path: str | os.PathLike[str], error: type[Exception], *, what: str = "PDF",
               limit: int = MAX_PDF_BYTES) -> bytes:
    """The file's bytes, or ``error`` with one line naming the file: missing, a folder, too large, unreadable."""
    p = Path(path)
    try:
        if p.is_dir():
            raise error(f"{p} is a folder, not a {what}")
        if p.stat().st_size > limit:
            raise error(f"{p} is larger than {limit // (1024 * 1024)} MB; not a pia-wizard report")
        return p.read_bytes()
    except FileNotFoundError:
        raise error(f"no such file: {p}") from None
    except PermissionError:
        raise error(f"cannot read {p}: permission denied") from None
    except OSError as exc:
        raise error(f"cannot read {p}: {exc.strerror or exc}") from None
