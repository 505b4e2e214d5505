"""Collect the warnings of third-party loggers (pyHanko, WeasyPrint) per call, safely across threads.

Flipping ``propagate`` and adding a handler around each call is not thread-safe: two jobs in two threads
interleave their save/restore and can leave a shared logger silenced for good. Here each logger gets one
permanent router handler and ``propagate=False``, set once under a lock. The router hands a record to the
capture active in the current context (a ContextVar, so every thread and every asyncio task copied from it sees
its own), and outside any capture passes it on to the ancestors' handlers exactly as propagation would, so the
rest of the program sees no difference.

    with capture("pyhanko", "pyhanko_certvalidator") as messages:
        ...  # WARNING and above from those loggers (and their children) land in ``messages``, nowhere else
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from contextvars import ContextVar

LEVEL = logging.WARNING  # what a capture keeps; anything below is dropped while it is active
LIMIT = 300  # characters kept of each message

_Capture = tuple[frozenset[str], list[str]]
_active: ContextVar[tuple[_Capture, ...]] = ContextVar("pia_wizard_log_captures", default=())
_lock = threading.Lock()
_routers: dict[str, _Router] = {}


class _Router(logging.Handler):
    """The one handler on a captured logger: to the innermost capture that names the logger, else onwards."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logging.NOTSET)
        self.logger = logger

    def handle(self, record: logging.LogRecord) -> bool:
        # Without the handler lock of logging.Handler.handle: the forward calls other handlers, which lock
        # themselves, and holding ours meanwhile would serialise every thread's logging through this logger.
        rv = self.filter(record)
        if isinstance(rv, logging.LogRecord):
            record = rv
        if rv:
            self.emit(record)
        return bool(rv)

    def emit(self, record: logging.LogRecord) -> None:
        for names, messages in reversed(_active.get()):
            if self.logger.name in names:
                if record.levelno >= LEVEL:
                    try:
                        messages.append(record.getMessage()[:LIMIT])
                    except Exception:
                        self.handleError(record)
                return
        self._forward(record)

    def _forward(self, record: logging.LogRecord) -> None:
        """logging.Logger.callHandlers from this logger's parent on, as if ``propagate`` were still on."""
        # The handlers the stdlib calls itself, from the record's logger up to this one. Tools that make up for a
        # non-propagating logger attach their root handler to it as well (pytest's caplog does): those get the
        # record once, not twice. The stdlib counts them all for its lastResort.
        met = [h for h in self.logger.handlers if h is not self]
        origin = logging.root.manager.loggerDict.get(record.name)
        node = origin if isinstance(origin, logging.Logger) else self.logger
        while node is not None and node is not self.logger:
            met.extend(node.handlers)
            node = node.parent
        found = len(met)
        node = self.logger.parent
        while node is not None:
            for handler in node.handlers:
                found += 1
                if record.levelno >= handler.level and handler not in met:
                    handler.handle(record)
            node = node.parent if node.propagate else None
        if not found and logging.lastResort is not None and record.levelno >= logging.lastResort.level:
            logging.lastResort.handle(record)


def _install(name: str) -> None:
    logger = logging.getLogger(name)
    with _lock:
        router = _routers.get(name)
        if router is not None and router in logger.handlers and not logger.propagate:
            return
        # First use, or logging was reconfigured since (dictConfig resets the handlers and propagate of
        # existing loggers): put the router back.
        router = router or _Router(logger)
        _routers[name] = router
        if router not in logger.handlers:
            logger.addHandler(router)
        logger.propagate = False


@contextlib.contextmanager
def capture(*names: str) -> Iterator[list[str]]:
    """Collect the WARNING-and-above messages of the loggers ``names`` (and their children) logged in this
    context while the block runs; they reach no other handler. Other threads and contexts are unaffected."""
    for name in names:
        _install(name)
    messages: list[str] = []
    token = _active.set((*_active.get(), (frozenset(names), messages)))
    try:
        yield messages
    finally:
        _active.reset(token)
