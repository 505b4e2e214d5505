"""The faster reverse-xref mapping (pia_wizard/signing/_speedup.py) must give exactly pyHanko's result."""

from __future__ import annotations

import io


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
    assert _speedup.install(), (f"pyHanko {__version__} is installed but the speed-up was written for "
                                f"{_speedup.PATCHED_FOR}x: re-check signing/_speedup.py and the pin together")
    assert HistoricalResolver._load_reverse_xref_cache is _speedup._load_reverse_xref_cache
    original = _speedup.ORIGINAL
    pdf = signed_twice[1].pdf
    for revision in (0, 1, 2):
        fast = _mapping(pdf, revision, _speedup._load_reverse_xref_cache)
        assert fast and fast == _mapping(pdf, revision, original)


def test_only_the_known_version_is_patched(monkeypatch):
    from pia_wizard.signing import _speedup

    monkeypatch.setattr(_speedup, "_installed", False)
    monkeypatch.setattr(_speedup, "PATCHED_FOR", "0.0.")
    from pyhanko.pdf_utils.reader import HistoricalResolver

    before = HistoricalResolver._load_reverse_xref_cache
    assert _speedup.install() is False
    assert HistoricalResolver._load_reverse_xref_cache is before
