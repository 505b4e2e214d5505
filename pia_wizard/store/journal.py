"""The draft journal: every answer a DPO gives is on disk before the app says it is saved, without writing an
audit entry per keystroke.

One append-only file per draft, ``<data folder>/drafts/<sha256 of the assessment id>.journal``: a JSON line per
edit, each carrying the SHA-256 of the line before it, flushed and fsync'ed before ``append`` returns (what
"acknowledged" means). A crash or a power cut can only tear the line being written, which was never acknowledged;
``read`` stops at the first line that is torn or does not chain, and reports it.

Edits are folded into the archive's draft version at a checkpoint (services/drafts.py): one audited save carrying
the number of edits and the SHA-256 of their lines; then the journal starts again from that content.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pia_wizard.store.errors import StoreError

FOLDER = "drafts"
GENESIS = "0" * 64


@dataclass(frozen=True)
class Edit:
    seq: int
    at: str
    actor: str
    path: tuple[str, ...]  # ("answers", qid) or a top-level field, e.g. ("title",)
    value: object  # None: the answer is cleared
    line_hash: str


@dataclass
class Replay:
    edits: list[Edit] = field(default_factory=list)
    base_sha256: str | None = None  # the content the edits apply to (the archive's draft when the journal began)
    torn: str | None = None  # why reading stopped early (a torn last line), None when the whole file was read
    head: str = GENESIS
    digest: str = field(default_factory=lambda: hashlib.sha256().hexdigest())  # over all good lines


def journal_path(data_dir: Path, assessment_id: str) -> Path:
    return Path(data_dir) / FOLDER / (hashlib.sha256(assessment_id.encode("utf-8")).hexdigest()[:32] + ".journal")


def _line(record: dict[str, object]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


class Journal:
    """The journal of one draft. Not thread-safe: one writer (the GUI's database worker) at a time."""

    def __init__(self, data_dir: Path, assessment_id: str) -> None:
        self.assessment_id = assessment_id
        self.path = journal_path(data_dir, assessment_id)
        self._fh: object | None = None
        self._head = GENESIS
        self._seq = 0

    # --- reading -----------------------------------------------------------------------------------------------
    def read(self) -> Replay:
        out = Replay()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return out
        except OSError as exc:
            raise StoreError(f"cannot read the draft journal {self.path}: {exc.strerror or exc}") from None
        digest = hashlib.sha256()
        prev = GENESIS
        for n, line in enumerate(raw.splitlines(keepends=True), start=1):
            try:
                if not line.endswith(b"\n"):
                    raise ValueError("the last line is incomplete")
                record = json.loads(line)
                if record.get("prev") != prev:
                    raise ValueError("it does not follow the line before")
                if record.get("assessment_id") != self.assessment_id:
                    raise ValueError("it belongs to another assessment")
            except (ValueError, AttributeError) as exc:
                out.torn = f"line {n} of {self.path.name}: {exc}; it and what follows were never acknowledged"
                break
            prev = hashlib.sha256(line).hexdigest()
            digest.update(line)
            if record.get("kind") == "base":
                out.base_sha256 = record.get("content_sha256")
            else:
                out.edits.append(Edit(record["seq"], record["at"], record["actor"], tuple(record["path"]),
                                      record.get("value"), prev))
        out.head = prev
        out.digest = digest.hexdigest()
        return out

    # --- writing -----------------------------------------------------------------------------------------------
    def _open(self) -> None:
        if self._fh is not None:
            return
        replay = self.read()
        if replay.torn is not None:
            self._rewrite(replay)  # drop the torn tail before appending after it
            replay = self.read()
        self._head = replay.head
        self._seq = replay.edits[-1].seq if replay.edits else 0
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._fh = open(self.path, "ab")  # noqa: SIM115 - kept open while the draft is edited
        except OSError as exc:
            raise StoreError(f"cannot write the draft journal {self.path}: {exc.strerror or exc}") from None

    def _write(self, record: dict[str, object]) -> str:
        self._open()
        record = {**record, "assessment_id": self.assessment_id, "prev": self._head}
        line = _line(record)
        try:
            self._fh.write(line)  # type: ignore[attr-defined]
            self._fh.flush()  # type: ignore[attr-defined]
            os.fsync(self._fh.fileno())  # type: ignore[attr-defined]
        except OSError as exc:
            raise StoreError(f"cannot write the draft journal {self.path}: {exc.strerror or exc}") from None
        self._head = hashlib.sha256(line).hexdigest()
        return self._head

    def begin(self, content_sha256: str, at: str, actor: str) -> None:
        """Start the journal over the archived content with this SHA-256 (after a checkpoint, or for a new draft)."""
        self.close()
        self._replace([{"kind": "base", "content_sha256": content_sha256, "at": at, "actor": actor}])

    def append(self, path: tuple[str, ...], value: object, at: str, actor: str) -> Edit:
        """Write one edit and return once it is on disk."""
        self._open()
        self._seq += 1
        head = self._write({"kind": "edit", "seq": self._seq, "at": at, "actor": actor, "path": list(path),
                            "value": value})
        return Edit(self._seq, at, actor, path, value, head)

    def _rewrite(self, replay: Replay) -> None:
        records: list[dict[str, object]] = []
        if replay.base_sha256 is not None:
            records.append({"kind": "base", "content_sha256": replay.base_sha256, "at": "", "actor": ""})
        for e in replay.edits:
            records.append({"kind": "edit", "seq": e.seq, "at": e.at, "actor": e.actor, "path": list(e.path),
                            "value": e.value})
        self._replace(records)

    def _replace(self, records: list[dict[str, object]]) -> None:
        """Write a whole new journal atomically (a temporary file, fsync, rename, fsync of the folder)."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        prev = GENESIS
        try:
            with open(tmp, "wb") as fh:
                for r in records:
                    line = _line({**r, "assessment_id": self.assessment_id, "prev": prev})
                    fh.write(line)
                    prev = hashlib.sha256(line).hexdigest()
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write the draft journal {self.path}: {exc.strerror or exc}") from None
        self._head = prev
        self._seq = max((int(r.get("seq", 0)) for r in records), default=0)  # type: ignore[call-overload]

    def discard(self) -> None:
        """Remove the journal (the draft was deleted or approved)."""
        self.close()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()  # type: ignore[attr-defined]
            self._fh = None


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
