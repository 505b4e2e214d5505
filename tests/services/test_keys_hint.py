"""services.keys.passphrase_hint, for the keys dialog (issue 12 item 3): a bilingual strength hint for a new
passphrase, refusing what passphrase_problem refuses."""

from __future__ import annotations

import pytest

from pia_wizard.services import keys


@pytest.mark.parametrize(("passphrase", "acceptable", "strength"), [
    ("", False, "too_short"),
    ("short", False, "too_short"),
    ("abcdefgh", True, "weak"),
    ("Abcd-1234-xyz", True, "fair"),
    ("陈启航的口令 dpo-2026!", True, "strong"),
])
def test_the_hint_follows_passphrase_problem(passphrase, acceptable, strength):
    hint = keys.passphrase_hint(passphrase)
    assert hint.acceptable is acceptable and (keys.passphrase_problem(passphrase) is None) is acceptable
    assert hint.strength == strength
    assert hint.text.zh and hint.text.en and hint.text.zh != hint.text.en


def test_the_minimum_is_named_in_both_languages():
    text = keys.passphrase_hint("abc").text
    assert "8" in text.zh and "8" in text.en

