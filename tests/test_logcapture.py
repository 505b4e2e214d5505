"""pia_wizard/logcapture.py: per-context collection of third-party warnings, without touching shared logger state
per call."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from pia_wizard.logcapture import capture

ROUNDS = 20


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def on_root():
    keep = _Keep()
    logging.root.addHandler(keep)
    yield keep
    logging.root.removeHandler(keep)


def test_two_threads_capture_only_their_own_messages(on_root):
    log = logging.getLogger("pyhanko")
    both = threading.Barrier(2, timeout=10)
    seen: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def job(name: str) -> None:
        try:
            with capture("pyhanko", "pyhanko_certvalidator") as messages:
                both.wait()  # both captures are open before either logs
                for i in range(ROUNDS):
                    log.warning("%s %d", name, i)
                    logging.getLogger("pyhanko.sign.validation").error("%s child %d", name, i)
                    both.wait()  # strictly interleaved
            seen[name] = list(messages)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
            both.abort()

    threads = [threading.Thread(target=job, args=(name,)) for name in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    for name in ("A", "B"):
        expected = [m for i in range(ROUNDS) for m in (f"{name} {i}", f"{name} child {i}")]
        assert seen[name] == expected
    assert not [r for r in on_root.records if r.name.startswith("pyhanko")]  # nothing leaked while captured

    log.warning("after the captures")
    assert [r.getMessage() for r in on_root.records if r.name == "pyhanko"] == ["after the captures"]


def test_outside_a_capture_records_reach_the_root_handlers_and_caplog(caplog):
    with capture("pyhanko"):
        pass
    with caplog.at_level(logging.INFO, logger="pyhanko"):
        logging.getLogger("pyhanko.reader").info("plain info")
        logging.getLogger("pyhanko").warning("a warning %s", "with args")
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("pyhanko.reader", "INFO", "plain info"), ("pyhanko", "WARNING", "a warning with args")]


def test_root_handler_levels_are_respected(on_root):
    on_root.setLevel(logging.ERROR)
    with capture("weasyprint"):
        pass
    logging.getLogger("weasyprint").warning("below the handler's level")
    logging.getLogger("weasyprint").error("at the handler's level")
    assert [r.getMessage() for r in on_root.records] == ["at the handler's level"]


def test_a_capture_keeps_warnings_only_in_the_same_format_as_before():
    log = logging.getLogger("weasyprint")
    with capture("weasyprint") as messages:
        log.info("not kept")
        log.warning("kept: %s", "x" * 400)
    assert messages == ["kept: " + "x" * 294]


def test_a_logger_not_named_is_not_captured(on_root):
    with capture("pyhanko") as messages:
        logging.getLogger("pyhanko_certvalidator").warning("not mine")  # routed once another capture named it
        logging.getLogger("weasyprint").warning("not mine either")
    assert messages == []
    assert [r.getMessage() for r in on_root.records] == ["not mine", "not mine either"]


def test_nested_captures_the_innermost_naming_the_logger_wins():
    with capture("pyhanko") as outer:
        with capture("weasyprint") as inner:
            logging.getLogger("pyhanko").warning("outer's")
            logging.getLogger("weasyprint").warning("inner's")
        logging.getLogger("pyhanko").warning("outer's again")
    assert outer == ["outer's", "outer's again"] and inner == ["inner's"]


def test_asyncio_tasks_inside_a_capture_are_captured():
    """pyHanko validates with asyncio: tasks run in a copy of the caller's context."""

    async def main():
        async def task():
            logging.getLogger("pyhanko_certvalidator").warning("from a task")

        await asyncio.gather(task(), task())

    with capture("pyhanko_certvalidator") as messages:
        asyncio.run(main())
    assert messages == ["from a task", "from a task"]


def test_the_logger_state_is_set_once_not_per_call():
    log = logging.getLogger("pyhanko")
    with capture("pyhanko"):
        handlers = list(log.handlers)
    for _ in range(3):
        with capture("pyhanko"):
            assert log.handlers == handlers and log.propagate is False
    assert log.handlers == handlers and log.propagate is False


def test_without_any_logging_setup_warnings_still_reach_the_terminal():
    """With no handler anywhere, the stdlib prints WARNING and above to stderr (logging.lastResort); a logger
    the router sits on must keep doing that outside a capture."""
    import subprocess
    import sys

    code = ("import logging\nfrom pia_wizard.logcapture import capture\n"
            "with capture('weasyprint') as m:\n    logging.getLogger('weasyprint.css').warning('inside')\n"
            "logging.getLogger('weasyprint.css').warning('outside')\nlogging.getLogger('weasyprint').info('quiet')\n"
            "print(m)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['inside']"
    assert out.stderr.strip() == "outside"
