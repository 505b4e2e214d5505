"""What every command module shares: the AppContext it was given, one-line errors in the user's language with
the CLI's own hints, JSON output, and running a service job in the foreground (progress on a terminal, Ctrl+C
cancels)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable
from typing import IO, TypeVar

from pia_wizard.context import AppContext
from pia_wizard.services.errors import ServiceError
from pia_wizard.services.jobs import CancelToken, Job, Progress

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT, EXIT_CANCELLED = 0, 1, 2, 130
T = TypeVar("T")

Handler = Callable[..., int]


def actor_parent() -> argparse.ArgumentParser:
    """``--actor`` accepted after a sub-command too (``records add --actor 陈``), as before it."""
    actor = argparse.ArgumentParser(add_help=False)
    actor.add_argument("--actor", default=argparse.SUPPRESS,
                       help="who is acting, for the audit log (default: the OS user name)")
    return actor


def positive_int(text: str) -> int:
    """argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def shorten(text: object, width: int) -> str:
    """One line of at most ``width`` characters, for table columns."""
    s = " ".join(str(text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def one_line(message: object, limit: int = 500) -> str:
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def err(message: object) -> None:
    sys.stderr.write(f"pia-wizard: {one_line(message)}\n")


def warn(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"pia-wizard: warning: {' '.join(line.split())}\n")


def json_out(data: object, out: IO[str] | None = None) -> None:
    stream = out or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def report_error(exc: ServiceError, ctx: AppContext) -> int:
    """Print a service error in the user's language, with the CLI's hint for it; return its exit code."""
    from pia_wizard.cli.hints import hint

    extra = hint(exc, ctx)
    err(exc.message(ctx.lang) + (f" ({extra})" if extra else ""))
    for line, problem in getattr(exc, "problems", None) or []:
        if isinstance(line, int):
            sys.stderr.write(f"  line {line}: {' '.join(str(problem).split())}\n")
    return exc.exit_code


class TerminalProgress:
    """A one-line bar on stderr when it is a terminal; silent otherwise (pipes, CI, tests)."""

    WIDTH = 24

    def __init__(self, lang: str, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.lang = lang
        self.active = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = False

    def __call__(self, p: Progress) -> None:
        if not self.active:
            return
        filled = round(p.fraction * self.WIDTH)
        count = f" {p.done:,}/{p.total:,}" if p.done is not None and p.total else ""
        bar = "#" * filled + "." * (self.WIDTH - filled)
        text = f"\r[{bar}] {p.fraction * 100:3.0f}% {p.label.get(self.lang)}{count}"
        self.stream.write(text[:110].ljust(110))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 110 + "\r")
            self.stream.flush()
            self.shown = False


def run_job(job: Job[T], ctx: AppContext) -> T:
    """Run a prepared job in the foreground. Ctrl+C (SIGINT) cancels it through its token, so it stops cleanly
    (no partial file, nothing half-archived) and raises ``Cancelled``."""
    token = CancelToken()
    bar = TerminalProgress(ctx.lang)
    previous = None
    if threading.current_thread() is threading.main_thread():
        def on_sigint(_signum: int, _frame: object) -> None:
            token.cancel()

        previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        return job.run(bar, token)
    finally:
        bar.close()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
