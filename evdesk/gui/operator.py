"""Which operator a widget acts for: the one logged in to its main window.

Pages and dialogs never keep their own copy: they ask at the moment they call a
service (`operator_of(self)`), so a new login or an unlock applies everywhere at
once. A widget shown without a main window (a test of one dialog) acts for the
desk's fallback operator, a root admin named after the computer's user.
"""

from __future__ import annotations

import getpass

from evdesk.core.permissions import ADMIN, OperatorContext


def desktop_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd container)
        return "operator"


def fallback_operator() -> OperatorContext:
    return OperatorContext(None, desktop_user(), ADMIN, via="desk")


def operator_of(widget) -> OperatorContext:
    w = widget
    while w is not None:
        current = getattr(w, "current_operator", None)
        if callable(current):
            return current()
        w = w.parent()
    return fallback_operator()
