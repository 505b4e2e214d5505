"""The one place that finds resources and data directories.

Resources (``assets/``, ``templates/``, ``examples/``) are found in this order:

1. a frozen app (PyInstaller): ``sys._MEIPASS/<name>``;
2. an installed wheel: ``pia_wizard/<name>`` inside the package (the wheel build force-includes them);
3. a checkout or an editable install: ``<repo>/<name>`` next to the package.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

APP_NAME = "pia-wizard"
DATA_DIR_ENV = "PIA_WIZARD_DATA_DIR"
RESOURCE_NAMES = ("assets", "templates", "examples")


class ResourceNotFound(RuntimeError):
    pass


def resource_dir(name: str) -> Path:
    """Return the directory of a shipped resource tree (``assets`` or ``templates``)."""
    if name not in RESOURCE_NAMES:
        raise ValueError(f"unknown resource tree {name!r}; expected one of {RESOURCE_NAMES}")
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    packaged = resources.files("pia_wizard") / name
    candidates.append(Path(str(packaged)))
    candidates.append(Path(__file__).resolve().parent.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise ResourceNotFound(f"cannot find the {name!r} folder of pia-wizard (looked in: {tried}); reinstall the app")


def asset(*parts: str) -> Path:
    return resource_dir("assets").joinpath(*parts)


def example(name: str) -> Path:
    return resource_dir("examples") / name


def template_dir() -> Path:
    return resource_dir("templates")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data directory: ``--data-dir`` beats ``PIA_WIZARD_DATA_DIR`` beats the platform default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
