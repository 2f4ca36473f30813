"""Where the message of a failed save goes in an editor dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError


def show_save_failure(show_error: Callable[[str | None, str], None], exc: BaseException, stale: str,
                      failed: str = "") -> None:
    """A stale edit says so (`stale`), a refused field gets its message next to it, any other
    refusal goes to the form, and anything unexpected reads "<failed> (<error>). Try again."."""
    if isinstance(exc, StaleEdit):
        show_error(None, stale)
    elif isinstance(exc, ValidationError):
        show_error(exc.field, str(exc))
    elif isinstance(exc, EvdeskError):
        show_error(None, str(exc))
    else:
        failed = failed or QCoreApplication.translate("SaveFailure", "Could not save")
        show_error(None, QCoreApplication.translate("SaveFailure", "{failed} ({error}). Try again.").format(
            failed=failed, error=exc))
