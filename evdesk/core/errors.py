"""Errors the core raises, worded for operators (the manuals' messages where they exist)."""

from __future__ import annotations

from evdesk.errors import EvdeskError  # the base, shared with modules the core builds on (secrets)
# store conditions the screens and the API word for people (they never import the store)
from evdesk.store.errors import ConstraintViolated, StorageUnavailable

__all__ = ["EvdeskError", "ValidationError", "NotFound", "StaleEdit", "AccessDenied", "ConstraintViolated",
           "StorageUnavailable"]


class ValidationError(EvdeskError):
    """Bad input. `field` names the form field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(EvdeskError):
    pass


class StaleEdit(EvdeskError):
    """Someone changed the row since it was read: optimistic concurrency said no."""

    def __init__(self, message: str = "This record was changed by someone else. Reload it and try again."):
        super().__init__(message)


class AccessDenied(EvdeskError):
    def __init__(self, message: str = "Access denied."):
        super().__init__(message)
