"""Rendering in a separate process.

WeasyPrint's layout holds the GIL for seconds and cannot be interrupted; a process can be stopped at once and
survives a native crash (a font or Pango failure takes only the worker down). The worker gets the assessment as
JSON and returns ``render.RenderResult``; no secret ever crosses (signing stays in the calling process).

Uses the ``spawn`` start method on every platform (the only one on Windows and macOS; on Linux it avoids forking
a process that runs threads), so a frozen app must call ``multiprocessing.freeze_support()`` first thing in its
entry point (``pia_wizard/__main__.py`` does).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from datetime import date

from pia_wizard.core.assessment import Assessment
from pia_wizard.report.render import RenderResult

POLL_SECONDS = 0.05


class RenderCancelled(Exception):
    pass


class RenderCrashed(Exception):
    """The worker process died or raised; ``str()`` is one line."""


def _child(inbox: object, outbox: object) -> None:
    import signal

    from pia_wizard.core.assessment import parse
    from pia_wizard.report.render import render

    # Ctrl+C in a terminal reaches the whole process group: the parent decides (it cancels and stops this worker),
    # so the worker must not die of it first and report a failure instead of a cancel. (The parent also starts it
    # with SIGINT ignored, which covers the interpreter's start-up.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        payload, lang, today, signers, front_only = inbox.recv()  # type: ignore[attr-defined]
        a = parse(payload)
        result = render(a, None, lang, today=date.fromisoformat(today) if today else None, signers=signers,
                        front_only=front_only)
        outbox.send(("ok", result))  # type: ignore[attr-defined]
    except BaseException as exc:  # report every failure, never hang the parent
        outbox.send(("error", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=8)))  # type: ignore[attr-defined]
    finally:
        outbox.close()  # type: ignore[attr-defined]


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """While the worker starts: it inherits SIG_IGN, so a Ctrl+C during its start-up cannot kill it half-way (only
    the main thread may change signal handling; elsewhere, e.g. a GUI worker thread, there is no Ctrl+C)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def render_in_process(a: Assessment, lang: str = "zh", *, today: date | None = None, signers: tuple[str, ...] = (),
                      should_stop: Callable[[], bool] = lambda: False,
                      on_start: Callable[[Callable[[], None]], None] | None = None,
                      target: Callable[..., None] | None = None, front_only: bool = False) -> RenderResult:
    """Render ``a`` in a fresh process. ``should_stop`` is polled every 50 ms: when it says so, the worker is
    terminated and RenderCancelled raised. ``on_start(stop)`` hands the caller a function that stops the worker at
    once (for a cancel button that should not wait for the next poll). ``target`` replaces the child's function
    (tests: a worker that crashes). ``front_only``: see render.render.

    The assessment goes to the worker through a pipe after it started, never as a Process argument: spawn writes
    its arguments into a pipe whose read end the parent holds until the write is done, so a worker that dies at
    start-up would leave the parent blocked for ever on an argument larger than the pipe buffer."""
    ctx = multiprocessing.get_context("spawn")
    inbox_r, inbox_w = ctx.Pipe(duplex=False)
    outbox_r, outbox_w = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=target or _child, args=(inbox_r, outbox_w), name="pia-wizard-render", daemon=True)
    with _sigint_ignored():
        proc.start()
    inbox_r.close()
    outbox_w.close()
    stopped = False

    def stop() -> None:
        nonlocal stopped
        stopped = True
        if proc.is_alive():
            proc.terminate()

    if on_start is not None:
        on_start(stop)
    try:
        try:
            inbox_w.send((a.to_json(), lang, today.isoformat() if today else None, tuple(signers), front_only))
        except OSError:  # the worker is gone already: stopped, or it died at start-up (reported below)
            pass
        finally:
            inbox_w.close()
        while True:
            if should_stop() or stopped:
                stop()
                raise RenderCancelled()
            if outbox_r.poll(POLL_SECONDS):
                try:
                    message = outbox_r.recv()
                except EOFError:
                    break
                if message[0] == "ok":
                    return message[1]
                raise RenderCrashed(" ".join(str(message[1]).split())[:400])
            if not proc.is_alive() and not outbox_r.poll(0):
                break
        if stopped or should_stop():
            raise RenderCancelled()
        proc.join(5)  # the pipe closed: the worker is gone or going; its exit code says how
        raise RenderCrashed(f"exit code {proc.exitcode}")
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        outbox_r.close()
