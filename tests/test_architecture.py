"""The architecture's arrows, held by import-linter contracts in pyproject.toml ([tool.importlinter])."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())"]


def _lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"}
    return subprocess.run([*LINT, "--no-cache", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=env)


def test_the_contracts_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The package and its contracts in a folder of their own, to break on purpose."""
    dest = tmp_path_factory.mktemp("arch")
    shutil.copytree(ROOT / "pia_wizard", dest / "pia_wizard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("core/engine.py", "import pia_wizard.services.report", "front ends > services >"),
    ("store/records.py", "from pia_wizard.report import render", "front ends > services >"),
    ("signing/sign.py", "import pia_wizard.cli", "front ends > services >"),
    ("cli/check.py", "from pia_wizard.store import db", "the CLI and the GUI reach"),
    ("services/assessments.py", "import PySide6.QtCore", "nothing outside ui imports PySide6"),
])
def test_a_forbidden_import_breaks_a_contract(copy, module, line, contract):
    path = copy / "pia_wizard" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + f"\n{line}  # added by the test\n", encoding="utf-8")
        result = _lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    assert "Broken contracts" in result.stdout, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert contract in broken, result.stdout
    assert "pia_wizard." + module.removesuffix(".py").replace("/", ".") in broken, result.stdout


def test_nothing_below_the_front_ends_reads_the_environment():
    """The AppContext carries the data folder, the actor and the settings; only cli/ (and ui/) read os.environ."""
    import re

    offenders = []
    for package in ("core", "store", "report", "signing", "services"):
        for path in sorted((ROOT / "pia_wizard" / package).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if re.search(r"\bos\.environ\b|\bgetenv\(|\benviron\.get\(|from os import .*environ", line):
                    offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
