"""Long work as jobs: a cheap ``prepare`` that refuses bad input before anything slow, then ``run(progress,
cancel)`` that reports typed progress and honours a cancellation token.

A GUI runs ``job.run`` on a worker thread and calls ``token.cancel()`` from the UI thread; the CLI calls ``run`` in
the foreground and cancels on Ctrl+C. A cancelled job raises ``errors.Cancelled`` and leaves no output file and
nothing archived.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pia_wizard.core.bank import Text
from pia_wizard.services.errors import Cancelled

T = TypeVar("T", covariant=True)


@dataclass(frozen=True)
class Progress:
    step: str  # a stable id: "keys", "render", "sign-assessor", "sign-dpo", "archive", "write", "rows", ...
    fraction: float  # of the whole job, 0.0 .. 1.0
    label: Text  # what is happening, for people
    done: int | None = None  # units of this step (rows, entries) when they are counted
    total: int | None = None


ProgressFn = Callable[[Progress], None]


def _ignore(_: Progress) -> None:
    pass


class CancelToken:
    """Set from any thread; the job checks it between steps and its callbacks stop work that is under way (a render
    process, an SQLite statement through ``Connection.interrupt``)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks = list(self._callbacks)
        for fn in callbacks:
            fn()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def on_cancel(self, fn: Callable[[], None]) -> Callable[[], None]:
        """Call ``fn`` when cancelled (at once if already); returns a function that unregisters it."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(fn)

                def remove() -> None:
                    with self._lock:
                        if fn in self._callbacks:
                            self._callbacks.remove(fn)

                return remove
        fn()
        return lambda: None


class Job(Protocol[T]):
    """What ``prepare_*`` returns: everything checked, nothing slow done yet."""

    title: Text

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> T: ...


class Steps:
    """Reports progress over weighted steps: ``steps.start("render")`` moves the fraction to where that step
    begins; ``steps.within(done, total)`` moves it inside the current step."""

    def __init__(self, weights: dict[str, tuple[float, Text]], progress: ProgressFn | None,
                 cancel: CancelToken | None) -> None:
        self.weights = weights
        self.total = sum(w for w, _ in weights.values()) or 1.0
        self.progress = progress or _ignore
        self.cancel = cancel or CancelToken()
        self.current: str | None = None
        self.base = 0.0

    def start(self, step: str, *, cancellable: bool = True) -> None:
        if cancellable:
            self.cancel.check()
        self.base = 0.0
        for name, (weight, _) in self.weights.items():
            if name == step:
                break
            self.base += weight
        self.current = step
        self.progress(Progress(step, self.base / self.total, self.weights[step][1]))

    def within(self, done: int, total: int | None) -> None:
        assert self.current is not None
        weight, label = self.weights[self.current]
        part = (done / total) if total else 0.0
        self.progress(Progress(self.current, (self.base + weight * min(part, 1.0)) / self.total, label, done,
                               total))

    def finish(self) -> None:
        step = self.current or "done"
        label = self.weights[step][1] if step in self.weights else Text("完成", "Done")
        self.progress(Progress(step, 1.0, label))
