"""Everything the store refuses is a StoreError whose ``str()`` is one line a user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; the CLI prints ``str(exc)`` and exits 2."""


class CorruptDatabase(StoreError):
    """The file is not an SQLite database, not ours, or damaged. It was not modified."""


class NewerDatabase(StoreError):
    """The database was written by a newer pia-wizard (a schema version this build does not know)."""

    def __init__(self, message: str, found: int, supported: int) -> None:
        super().__init__(message)
        self.found = found
        self.supported = supported


class StoreLocked(StoreError):
    """Another program held the write lock for longer than the busy timeout."""


class MigrationError(StoreError):
    pass


class NotFound(StoreError):
    pass


class InvalidInput(StoreError):
    """A value the user gave is not acceptable (wrong date, unknown reason, ...)."""


class RetentionError(StoreError):
    """A delete (or shortening) refused because ``retain_until`` has not passed. Already audited."""


class Immutable(StoreError):
    """A change to an approved (or otherwise frozen) assessment version, a report or the audit log."""


class StateError(StoreError):
    """A workflow transition that is not allowed (e.g. approving a draft that was never submitted)."""


class ImportRejected(StoreError):
    """A CSV import with bad rows; nothing was imported. ``problems`` holds (line, message) for every bad row."""

    def __init__(self, source: str, problems: list[tuple[int, str]]) -> None:
        self.source = source
        self.problems = problems
        rows = len({line for line, _ in problems})
        super().__init__(
            f"{source}: {rows} bad row{'s' if rows != 1 else ''}, nothing imported "
            f"(first: line {problems[0][0]}: {problems[0][1]})"
        )
