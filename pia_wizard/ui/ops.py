"""Work off the UI thread, results back on it (the shape of Anki's CollectionOp).

``Op(parent, worker, fn).success(cb).failure(cb).run()`` runs ``fn`` on the one serial worker thread (the archive is a
single SQLite file: one writer at a time, in order) and calls ``cb`` on the UI thread. A services Job runs the
same way with ``progress`` reported as a signal. No worker touches a widget: the callbacks do.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


def serial_worker() -> ThreadPoolExecutor:
    """The app's one database worker (owned by the app's state and passed to every view)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-db")


# Ops whose result is not delivered yet. The Op and its bridge only refer to each other, so without this root the
# cyclic garbage collector may free them between the worker's emit and the queued delivery: the queued call then
# reaches a freed slot (a crash seen under allocation-heavy work such as paging 100,000 records).
_PENDING: set[Op] = set()


class _Bridge(QObject):
    done = Signal(object, object)  # result, error (the error is None on success)
    progress = Signal(object)
    op: Op | None = None


class Op:
    def __init__(self, parent: QObject | None, worker: ThreadPoolExecutor, fn: Callable[..., Any]) -> None:
        self._worker = worker
        self._fn = fn
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[Any], None] | None = None
        # The bridge has no Qt parent: were it the owner's child, closing the owner would delete it while the worker
        # may be emitting on it (a use-after-free seen as a rare crash). It lives until the result is delivered, and
        # the callbacks run only while the owner does.
        self._owner = parent
        self._bridge = _Bridge()
        self.future: Future | None = None

    def success(self, cb: Callable[[Any], None]) -> Op:
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op:
        self._on_failure = cb
        return self

    def progress(self, cb: Callable[[Any], None]) -> Op:
        self._on_progress = cb
        return self

    def run(self, *args: Any, **kwargs: Any) -> Op:
        bridge = self._bridge
        bridge.op = self
        _PENDING.add(self)  # keeps this Op alive until its result is delivered (callers drop it)
        bridge.done.connect(self._finish)
        if self._on_progress:
            on_progress = self._on_progress
            bridge.progress.connect(lambda value: on_progress(value) if self._owner_alive() else None)

        def work() -> None:
            try:
                result = self._fn(*args, **kwargs)
            except BaseException as exc:
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                bridge.done.emit(None, exc)
            else:
                bridge.done.emit(result, None)

        try:
            self.future = self._worker.submit(work)
        except RuntimeError:  # the worker has shut down: the app is closing and starts no more work
            _PENDING.discard(self)
            bridge.op = None
            bridge.deleteLater()
        return self

    def emit_progress(self, value: Any) -> None:
        """For ``fn`` to report progress from the worker (queued to the UI thread)."""
        self._bridge.progress.emit(value)

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        try:
            if not self._owner_alive():
                return
            if error is not None:
                if self._on_failure:
                    self._on_failure(error)
                else:
                    raise error
            elif self._on_success:
                self._on_success(result)
        finally:
            _PENDING.discard(self)
            self._bridge.op = None
            self._bridge.deleteLater()
