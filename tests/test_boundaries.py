"""design.md: core, store and report import without PySide6; nothing reaches outside the package."""

import subprocess
import sys
import textwrap

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError("PySide6 is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import pkgutil, importlib
    import pia_wizard
    for pkg in ("pia_wizard.core", "pia_wizard.store", "pia_wizard.report", "pia_wizard.signing",
                "pia_wizard.services", "pia_wizard.cli"):
        mod = importlib.import_module(pkg)
        for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
            importlib.import_module(info.name)
    import pia_wizard.services, pia_wizard.cli
    from pia_wizard.core.rules import load_all
    load_all()
    assert not any(m == "PySide6" or m.startswith("PySide6.") for m in sys.modules), "Qt was imported"
    print("ok")
    """
)


def test_core_store_report_import_without_pyside6():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_blocker_really_blocks_pyside6():
    """Guard against a vacuous boundary test: the finder must make a PySide6 import fail."""
    probe = "\ntry:\n    import PySide6\nexcept ImportError:\n    print('blocked')\n"
    code = BLOCK_QT.split("import pkgutil")[0] + probe
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "blocked", result.stderr


def test_cli_start_does_not_import_heavy_modules():
    code = (
        "import sys; import pia_wizard.cli; "
        "print(sorted(m for m in ('PySide6', 'weasyprint', 'pyhanko') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
