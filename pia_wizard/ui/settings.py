"""The desktop app's settings: one object, persisted with QSettings (never module globals)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = ("zh", "en")


def system_language() -> str:
    """zh for a Chinese system locale, else en."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


@dataclass(frozen=True)
class UiSettings:
    language: str = "zh"  # the UI language; also the language of question texts and findings
    data_dir: str = ""  # empty: the platform's default (paths.data_dir); shown in the settings dialog
    report_language: str = "zh"  # the default language of reports
    assessor_name: str = ""  # pre-filled as the assessor of new assessments

    @classmethod
    def load(cls, store: QSettings | None = None) -> UiSettings:
        store = store or QSettings()
        defaults = cls(language=system_language(), report_language=system_language())
        values = {}
        for f in fields(cls):
            raw = store.value(f.name, getattr(defaults, f.name))
            values[f.name] = str(raw) if raw is not None else getattr(defaults, f.name)
        s = cls(**values)
        if s.language not in LANGUAGES:
            s = replace(s, language=defaults.language)
        if s.report_language not in LANGUAGES:
            s = replace(s, report_language=defaults.report_language)
        return s

    def save(self, store: QSettings | None = None) -> None:
        store = store or QSettings()
        for f in fields(self):
            store.setValue(f.name, getattr(self, f.name))
        store.sync()
