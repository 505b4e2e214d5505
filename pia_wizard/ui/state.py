"""What every view is given: the app context, the settings, the database worker, the language signal."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from pia_wizard.context import AppContext
from pia_wizard.ui.settings import UiSettings


class AppState(QObject):
    languageChanged = Signal(str)
    settingsChanged = Signal()

    def __init__(self, ctx: AppContext, settings: UiSettings, worker: ThreadPoolExecutor) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.worker = worker

    @property
    def lang(self) -> str:
        return self.settings.language

    def update_settings(self, settings: UiSettings) -> None:
        old = self.settings
        self.settings = settings
        settings.save()
        self.ctx = self.ctx.with_(lang=settings.language)
        if old.language != settings.language:
            self.languageChanged.emit(settings.language)
        self.settingsChanged.emit()

    def with_language(self, lang: str) -> None:
        self.update_settings(replace(self.settings, language=lang))
