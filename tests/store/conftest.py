import hashlib
import sqlite3
from pathlib import Path

import pytest

from pia_wizard.store.db import DB_NAME, open_store


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir, "tester")
    yield s
    s.close()


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, bypassing all of our code (autocommit)."""
    return sqlite3.connect(path, isolation_level=None)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


RECORD = {
    "record_date": "2026-11-02",
    "system": "小区门禁",
    "pi_types": "人脸图像、人脸特征值",
    "quantity": "1200",
    "sources": "业主现场采集",
    "purposes": "门禁通行核验",
    "scenarios": "小区出入口",
}
