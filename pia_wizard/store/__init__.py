"""The archive: one SQLite file (sqlite-utils) with assessments and versions, reports, processing records,
the filing tracker and the hash-chained audit log. Open it with ``pia_wizard.store.db.open_store``.

This package never imports Qt or the report's internals; importing it (only the errors here) is cheap.
"""

from pia_wizard.store.errors import (
    CorruptDatabase,
    Immutable,
    ImportRejected,
    InvalidInput,
    MigrationError,
    NewerDatabase,
    NotFound,
    RetentionError,
    StateError,
    StoreError,
    StoreLocked,
)

__all__ = [
    "CorruptDatabase",
    "Immutable",
    "ImportRejected",
    "InvalidInput",
    "MigrationError",
    "NewerDatabase",
    "NotFound",
    "RetentionError",
    "StateError",
    "StoreError",
    "StoreLocked",
]
