"""Typed errors of the services: a front end tells "wrong passphrase" from "archive busy" by type, and shows the
message in its language (``exc.message("zh")``; ``str(exc)`` is English). Codes and texts: core/messages.py.

``translated()`` turns the lower layers' exceptions (AssessmentError, ReportError, StoreError, SigningError,
sqlite3.Error, BankError) into these at the service boundary, so nothing untyped escapes a service.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pia_wizard.core import messages
from pia_wizard.core.approval import Problem
from pia_wizard.core.bank import Text


class ServiceError(Exception):
    """Base class. ``code`` names the message, ``params`` fill it in; one line in either language."""

    exit_code = 2

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return messages.render(self.code, lang, **self.params)


class BadInput(ServiceError):
    """A file, value or choice the user gave cannot be used."""


class OutputRefused(BadInput):
    """The output path is refused (a folder, the input, a key, inside the data folder, a device, exists)."""


class WrongPassphrase(BadInput):
    """The passphrase does not open the key file."""


class KeyProblem(BadInput):
    """The key file cannot be used for signing (not PKCS#12, expired, no private key, ...)."""


class ApprovalIncomplete(BadInput):
    """The officer's approval is missing something; ``items`` lists every one (core.approval.Problem: the field,
    and what to do in zh and en)."""

    def __init__(self, items: list[Problem]) -> None:
        self.items = list(items)
        super().__init__("approval_incomplete", detail=Text(self._join(items, "zh"), self._join(items, "en")))

    @staticmethod
    def _join(items: list[Problem], lang: str) -> str:
        more = ""
        if len(items) > 2:
            more = f"（另有 {len(items) - 2} 项）" if lang == "zh" else f" (and {len(items) - 2} more)"
        return ("；" if lang == "zh" else "; ").join(p.get(lang) for p in items[:2]) + more


class NotFound(BadInput):
    """An assessment, version, report or record that the archive does not hold."""


class BankBroken(ServiceError):
    """The installed question bank does not load (a broken installation)."""


class ArchiveError(ServiceError):
    """The archive refused or could not do what was asked (base of the specific kinds)."""


class ArchiveBusy(ArchiveError):
    """Another program holds the archive's write lock."""


class ArchiveNewer(ArchiveError):
    """The archive was written by a newer pia-wizard."""


class ArchiveCorrupt(ArchiveError):
    """The archive file is damaged or not ours; it was not modified."""


class ArchiveRefused(ArchiveError):
    """A rule of the archive refused the change (approved versions are immutable, retention, workflow)."""


class AlreadyArchived(ArchiveError):
    """The report is already signed and archived: ``archive_id`` is its row (to write out the archived copy)."""

    def __init__(self, report_id: str, day: str, archive_id: int) -> None:
        self.archive_id = archive_id
        self.report_id = report_id
        super().__init__("already_archived", report_id=report_id, day=day, archive_id=archive_id)


class ArchivedNotWritten(ServiceError):
    """The signed report is archived but the output file could not be written."""

    def __init__(self, detail: str, archive_id: int) -> None:
        self.archive_id = archive_id
        super().__init__("archived_not_written", detail=detail, archive_id=archive_id)


class RenderFailed(ServiceError):
    """Rendering failed or its process crashed; nothing was written."""


class Cancelled(ServiceError):
    """The user cancelled a job; it left no file and changed nothing in the archive."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("cancelled")


def one_line(exc: BaseException | str, limit: int = 500) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def from_store(exc: Exception, frame: str | None = None) -> ServiceError:
    """The typed error for a StoreError (or a stray sqlite3.Error); ``frame`` wraps refusals in a message code."""
    from pia_wizard.store import errors as se

    if isinstance(exc, sqlite3.Error):
        from pia_wizard.store.db import translate

        exc = translate(exc, Path("the archive"), 0)
    detail = one_line(exc)
    if isinstance(exc, se.StoreLocked):
        return ArchiveBusy("archive_busy", detail=detail)
    if isinstance(exc, se.NewerDatabase):
        return ArchiveNewer("archive_newer", detail=detail)
    if isinstance(exc, se.CorruptDatabase):
        return ArchiveCorrupt("archive_corrupt", detail=detail)
    if isinstance(exc, se.NotFound):
        return NotFound("archive_not_found", detail=detail)
    if isinstance(exc, se.ImportRejected):
        err = BadInput("archive_import_rejected", detail=detail.split(" (first:")[0])
        err.problems = list(exc.problems)  # type: ignore[attr-defined]
        return err
    if isinstance(exc, se.InvalidInput):
        return BadInput("bad_value", detail=detail)
    return ArchiveRefused(frame or "archive_refused", detail=detail)


def from_signing(exc: Exception) -> ServiceError:
    from pia_wizard.signing import WrongPassphraseError

    if isinstance(exc, WrongPassphraseError):
        return WrongPassphrase("wrong_passphrase", path=exc.path)
    return KeyProblem("key_problem", detail=one_line(exc))


@contextmanager
def translated(store_frame: str | None = None) -> Iterator[None]:
    """Re-raise the lower layers' exceptions as typed ServiceErrors (without their tracebacks)."""
    from pia_wizard.core.assessment import AssessmentError
    from pia_wizard.core.bank import BankError
    from pia_wizard.signing import SigningError
    from pia_wizard.store import StoreError

    try:
        yield
    except ServiceError:
        raise
    except (StoreError, sqlite3.Error) as exc:
        raise from_store(exc, store_frame) from None
    except SigningError as exc:
        raise from_signing(exc) from None
    except BankError as exc:
        raise BankBroken("bank_broken", count=len(exc.problems), detail=one_line(exc.problems[0])) from None
    except AssessmentError as exc:
        from pia_wizard.report import ReportError

        code = "report_problem" if isinstance(exc, ReportError) else "assessment_invalid"
        raise BadInput(code, detail=one_line(exc)) from None
