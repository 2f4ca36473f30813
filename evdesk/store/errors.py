"""What the store reports to its callers, in store terms (the core words them for operators)."""

from __future__ import annotations


class StaleRow(Exception):
    """The row's version moved on since the caller read it (optimistic concurrency)."""


class MissingRow(Exception):
    """No live row with that id (never existed, or deleted)."""


class ConstraintViolated(Exception):
    """The database refused a write that breaks one of its constraints (a reference to a row
    that is not there, a value that must be unique): the caller's data, not a fault."""


class StorageUnavailable(Exception):
    """The database cannot be written: disk full, read-only folder, I/O error.

    `reason` says which, in words an operator understands."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class RowRejected(Exception):
    """The database refused this row (a value it cannot hold); other rows were written."""


def storage_problem(exc: BaseException | None) -> StorageUnavailable | None:
    """The words for a database error that means "nothing can be written now", else None.

    Follows the exception's context: when a COMMIT fails for a full disk, SQLite has
    already rolled back and the driver's own ROLLBACK then fails with "no transaction
    is active", which hides the reason."""
    seen = 0
    while exc is not None and seen < 8:
        found = _storage_problem_of(exc)
        if found is not None:
            return found
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None


def _storage_problem_of(exc: BaseException) -> StorageUnavailable | None:
    if isinstance(exc, StorageUnavailable):
        return exc
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return StorageUnavailable("The disk holding the database is full. Free some space: evdesk resumes by itself.")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly database" in text:
        return StorageUnavailable("The database folder is read-only. Give evdesk write access to it.")
    if "disk i/o error" in text or "i/o error" in text:
        return StorageUnavailable("The disk holding the database reports I/O errors.")
    return None
