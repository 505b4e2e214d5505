"""AppContext: what every service needs to know about the session, passed in explicitly, never a global.

The CLI builds one from its options (``--data-dir``, ``--actor``, ``--lang``) and the environment; the GUI from
its settings. Nothing below the CLI or the GUI reads or writes ``os.environ`` for these.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

LANGS = ("zh", "en")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    """User preferences that services consult (the GUI persists them; the CLI takes the defaults)."""

    busy_timeout: float | None = None  # seconds to wait for another program's write lock (None: the store's default)


@dataclass(frozen=True)
class AppContext:
    data_dir: Path
    actor: str | None = None  # who acts, for the audit log (None: the OS user name)
    lang: str = "zh"  # the language of messages meant for the user
    clock: Callable[[], datetime] = field(default=_utc_now, repr=False)
    fixed_today: date | None = None  # "as of" a given day (tests, --today); None: the clock's local date
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser())
        if self.lang not in LANGS:
            object.__setattr__(self, "lang", "zh")

    def today(self) -> date:
        return self.fixed_today or self.clock().astimezone().date()

    def with_(self, **changes: object) -> AppContext:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @classmethod
    def for_folder(cls, folder: str | os.PathLike[str], **kwargs: object) -> AppContext:
        return cls(data_dir=Path(folder), **kwargs)  # type: ignore[arg-type]
