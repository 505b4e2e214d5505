"""A character outside the main font face (a name such as 王堃) prints with the bundled extension face, not as
tofu and not in some other font of the computer."""

from __future__ import annotations

import pytest

from pia_wizard.core.assessment import Assessment
from pia_wizard.report.render import render

from .conftest import example, fonts_of, tool, write

pytestmark = pytest.mark.slow


def test_rare_characters_use_the_extension_face(tmp_path):
    data = example("hotel-checkin").to_dict()
    data["dpo"] = {**data["dpo"], "name": "王堃"}
    data["answers"]["scope.description"] = "由李喆、张玥负责。" + data["answers"]["scope.description"]
    result = render(Assessment.from_dict(data), lang="zh")
    path = write(tmp_path, result.pdf)
    names = {f["name"].split("+", 1)[1] for f in fonts_of(path)}
    assert names == {"PIA-Sans", "PIA-Sans-Bold", "PIA-Sans-Ext"}, names
    assert all(f["emb"] == "yes" for f in fonts_of(path))
    text = "".join(tool("pdftotext", str(path), "-").split())
    assert "王堃" in text and "李喆" in text and "张玥" in text
    assert result.warnings == [] and result.uncovered == ()
