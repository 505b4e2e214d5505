"""Every file the user names goes through here: reading with one-line typed errors, and the one guard for
writing (never a folder, the input, a key, the data folder or a device; atomic; overwrite only when asked)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pia_wizard.core.bank import Text
from pia_wizard.services.errors import BadInput, OutputRefused

MAX_PDF_BYTES = 512 * 1024 * 1024  # far above any report; refuses a wrong file before reading it into memory
PDF = Text("PDF 文件", "PDF")
REPORT_PDF = Text("报告 PDF 文件", "report PDF")
ASSESSMENT_FILE = Text("评估文件", "assessment file")


@contextmanager
def _reading(p: Path, what: Text) -> Iterator[None]:
    """A folder, a missing file, no permission or another OS error, each as one BadInput naming the file."""
    try:
        if p.is_dir():
            raise BadInput("file_is_folder", path=p, what=what)
        yield
    except FileNotFoundError:
        raise BadInput("file_missing", path=p) from None
    except PermissionError:
        raise BadInput("file_permission", path=p) from None
    except OSError as exc:
        raise BadInput("file_unreadable", path=p, detail=exc.strerror or exc) from None


def read_bytes(path: str | os.PathLike[str], *, what: Text = PDF, limit: int | None = None,
               too_large: str = "file_too_large") -> bytes:
    """The file's bytes, or BadInput naming the file: missing, a folder, too large (``limit``, default
    MAX_PDF_BYTES; ``too_large`` names the message), unreadable."""
    p = Path(path)
    limit = MAX_PDF_BYTES if limit is None else limit
    with _reading(p, what):
        size = p.stat().st_size
        if size > limit:
            raise BadInput(too_large, path=p, limit_mb=limit // (1024 * 1024), what=what,
                           size_mb=f"{size / 1e6:.1f}")
        return p.read_bytes()
    raise AssertionError("unreachable")  # _reading re-raises every error


def check_readable(path: str | os.PathLike[str], *, what: Text) -> Path:
    """The path of a file that exists and opens for reading, or BadInput saying why not (without reading it)."""
    p = Path(path)
    with _reading(p, what), open(p, "rb"):
        pass
    return p


def read_pdf(path: str | os.PathLike[str], *, what: Text = PDF) -> bytes:
    p = Path(path)
    data = read_bytes(p, what=what)
    if not data:
        raise BadInput("file_empty_pdf", path=p)
    if not data.lstrip(b"\x00\t\n\r\f ")[:5] == b"%PDF-":
        raise BadInput("file_not_pdf", path=p)
    return data


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(dest: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                 keys: Iterable[str | os.PathLike[str]] = (), data_dir: str | os.PathLike[str] | None = None,
                 overwrite: bool = True) -> Path:
    """Refuse an output path before any slow work: a folder, a missing parent folder, one of the inputs, a signing
    key, anything inside the data folder (the archive, the keys), a device or pipe, or an existing file when
    ``overwrite`` is False. Returns the path."""
    p = Path(dest)
    if p.is_dir():
        raise OutputRefused("output_is_folder", path=p)
    parent = p.parent
    if str(parent) not in ("", ".") and not parent.is_dir():
        raise OutputRefused("output_no_folder", path=p, folder=parent)
    try:
        mode = p.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputRefused("output_is_device", path=p)
    for src in inputs:
        if _same(p, Path(src)):
            raise OutputRefused("output_is_input", path=p)
    target = p.resolve()
    for k in keys:
        if target == Path(k).resolve() or _same(p, Path(k)):
            raise OutputRefused("output_is_key", path=p, key=k)
    if data_dir is not None:
        folder = Path(data_dir).resolve()
        if target == folder or folder in target.parents:
            raise OutputRefused("output_in_data_dir", path=p, folder=folder)
    if not overwrite and mode is not None:
        raise OutputRefused("output_exists", path=p)
    return p


def write_atomic(dest: str | os.PathLike[str], data: bytes) -> Path:
    """Write next to the target and rename, so a failure never leaves half a file under the final name."""
    p = Path(dest)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputRefused("output_write_failed", path=p, detail=exc.strerror or exc) from None
    return p


class AtomicWriter:
    """A binary file object for streamed output (exports): written to a temporary name beside ``dest`` and
    renamed on ``commit()``; ``discard()`` (or leaving the ``with`` block on an exception) leaves nothing."""

    def __init__(self, dest: str | os.PathLike[str]) -> None:
        self.dest = Path(dest)
        self.tmp = self.dest.with_name(f".{self.dest.name}.{os.getpid()}.part")
        try:
            self._fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in commit/discard
        except OSError as exc:
            raise OutputRefused("output_write_failed", path=self.dest, detail=exc.strerror or exc) from None

    def write(self, data: bytes) -> int:
        return self._fh.write(data)

    def flush(self) -> None:
        self._fh.flush()

    def commit(self) -> Path:
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self.tmp, self.dest)
        except OSError as exc:
            self.discard()
            raise OutputRefused("output_write_failed", path=self.dest, detail=exc.strerror or exc) from None
        return self.dest

    def discard(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:
            self.discard()
        elif not self._fh.closed:
            self.commit()
