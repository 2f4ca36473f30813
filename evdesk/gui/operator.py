"""Which operator a widget acts for: the one logged in to its main window.

Pages and dialogs never keep their own copy: they ask at the moment they call a
service (`operator_of(self)`), so a new login or an unlock applies everywhere at
once. A widget shown without a main window (or any ancestor that says who acts)
fails closed: it acts for nobody, who may do nothing and sees nothing.
"""

from __future__ import annotations

from evdesk.core.permissions import NOBODY_CONTEXT, OperatorContext


def fallback_operator() -> OperatorContext:
    """Who a widget without an operator acts for: nobody (no permission, an empty domain)."""
    return NOBODY_CONTEXT


def operator_of(widget) -> OperatorContext:
    w = widget
    while w is not None:
        current = getattr(w, "current_operator", None)
        if callable(current):
            return current()
        w = w.parent()
    return fallback_operator()
