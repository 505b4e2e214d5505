"""UI translations through Qt's system: English source strings, ``i18n/pia_wizard_zh_CN.ts`` in git, the ``.qm``
compiled from it (by ``./dev setup``, the packaging build, or here on first use when it is missing or older)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

HERE = Path(__file__).resolve().parent / "i18n"
CATALOGUES = {"zh": "pia_wizard_zh_CN"}


def compiled(lang: str, cache: Path | None = None) -> Path | None:
    """The .qm for ``lang`` (None for English, the source language, or when there is no catalogue)."""
    name = CATALOGUES.get(lang)
    if name is None:
        return None
    ts, qm = HERE / f"{name}.ts", HERE / f"{name}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return qm if qm.exists() else None
    target = qm if _writable(HERE) else (cache or Path.home() / ".cache" / "pia-wizard") / f"{name}.qm"
    target.parent.mkdir(parents=True, exist_ok=True)
    tool = shutil.which("pyside6-lrelease") or _bundled_lrelease()
    if tool is None:
        return qm if qm.exists() else None
    subprocess.run([tool, "-silent", str(ts), "-qm", str(target)], check=True, capture_output=True)
    return target


def _writable(path: Path) -> bool:
    try:
        probe = path / ".write-test"
        probe.touch()
        probe.unlink()
        return True
    except OSError:
        return False


def _bundled_lrelease() -> str | None:
    import PySide6

    for name in ("lrelease", "lrelease.exe"):
        candidate = Path(PySide6.__file__).parent / name
        if candidate.exists():
            return str(candidate)
    return None


class Translations:
    """The translators installed in the application; ``use(lang)`` switches at runtime (widgets retranslate on
    QEvent.LanguageChange)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def use(self, lang: str) -> None:
        for t in self.installed:
            self.app.removeTranslator(t)
        self.installed = []
        if lang == "en":
            QLocale.setDefault(QLocale("en_US"))
            return
        QLocale.setDefault(QLocale("zh_CN"))
        qm = compiled(lang)
        if qm is not None:
            ours = QTranslator(self.app)
            if ours.load(str(qm)):
                self.app.installTranslator(ours)
                self.installed.append(ours)
        qt = QTranslator(self.app)  # Qt's own strings (standard buttons, dialogs)
        if qt.load(QLocale("zh_CN"), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt)
            self.installed.append(qt)
