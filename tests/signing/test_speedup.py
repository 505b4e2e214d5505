"""The faster reverse-xref mapping (pia_wizard/signing/_speedup.py) must give exactly pyHanko's result, and replace
only the exact method it was copied from."""

from __future__ import annotations

import functools
import io
import threading

import pytest


def _mapping(pdf: bytes, revision: int, method) -> dict:
    from pyhanko.pdf_utils.reader import PdfFileReader

    resolver = PdfFileReader(io.BytesIO(pdf)).get_historical_resolver(revision)
    method(resolver)
    return {ref: {repr(p) for p in paths} for ref, paths in resolver._indirect_object_access_cache.items()}


def test_patched_mapping_is_identical(signed_twice):
    from pyhanko.pdf_utils.reader import HistoricalResolver
    from pyhanko.version import __version__

    from pia_wizard.signing import _speedup

    # pyproject pins the series the speed-up was copied from; another version would silently run unpatched
    assert _speedup.install(), (f"pyHanko {__version__}: {_speedup.refused}; re-check signing/_speedup.py "
                                "(and ORIGINAL_SOURCE_SHA256) and the pin together")
    assert HistoricalResolver._load_reverse_xref_cache is _speedup._load_reverse_xref_cache
    original = _speedup.ORIGINAL
    pdf = signed_twice[1].pdf
    for revision in (0, 1, 2):
        fast = _mapping(pdf, revision, _speedup._load_reverse_xref_cache)
        assert fast and fast == _mapping(pdf, revision, original)


@pytest.fixture
def fresh(monkeypatch):
    """The module as before any install(), with pyHanko's own method in place (restored afterwards)."""
    from pyhanko.pdf_utils.reader import HistoricalResolver

    from pia_wizard.signing import _speedup

    _speedup.install()
    if _speedup.ORIGINAL is not None:
        monkeypatch.setattr(HistoricalResolver, "_load_reverse_xref_cache", _speedup.ORIGINAL)
    monkeypatch.setattr(_speedup, "_installed", False)
    monkeypatch.setattr(_speedup, "refused", None)
    monkeypatch.setattr(_speedup, "ORIGINAL", None)
    return _speedup


def _refused(speedup, monkeypatch, replacement) -> str:
    from pyhanko.pdf_utils.reader import HistoricalResolver

    monkeypatch.setattr(HistoricalResolver, "_load_reverse_xref_cache", replacement)
    assert speedup.install() is False
    assert HistoricalResolver._load_reverse_xref_cache is replacement  # runs unpatched
    assert speedup.install() is False  # decided once
    return speedup.refused


def test_a_method_with_other_source_is_refused(fresh, monkeypatch):
    from pyhanko.pdf_utils.reader import HistoricalResolver

    def _load_reverse_xref_cache(self):  # a later release, say: same name and place, other code
        return None

    original = HistoricalResolver._load_reverse_xref_cache
    _load_reverse_xref_cache.__module__ = original.__module__
    _load_reverse_xref_cache.__qualname__ = original.__qualname__
    assert "not the method it was copied from" in _refused(fresh, monkeypatch, _load_reverse_xref_cache)


def test_a_method_someone_else_wrapped_is_refused(fresh, monkeypatch):
    from pyhanko.pdf_utils.reader import HistoricalResolver

    original = HistoricalResolver._load_reverse_xref_cache

    @functools.wraps(original)  # inspect.getsource would show the original's source for this one
    def wrapper(self):
        return original(self)

    assert "wrapped" in _refused(fresh, monkeypatch, wrapper)


def test_install_is_idempotent_across_threads(fresh):
    from pyhanko.pdf_utils.reader import HistoricalResolver

    original = HistoricalResolver._load_reverse_xref_cache
    start = threading.Barrier(4)
    results = []

    def run():
        start.wait()
        results.append(fresh.install())

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 4
    assert HistoricalResolver._load_reverse_xref_cache is fresh._load_reverse_xref_cache
    assert fresh.ORIGINAL is original  # never our own function, whichever thread came first
