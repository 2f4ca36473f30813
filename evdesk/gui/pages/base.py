"""What the main window expects of every page: a status message signal, a way to be told
who acts now, and a way to stop listening before it closes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from evdesk.core.permissions import OperatorContext


class Page(QWidget):
    statusMessage = Signal(str)  # one line for the window's status bar

    def apply_operator(self, ctx: OperatorContext) -> None:
        """Someone else acts now (a login, an unlock, a new domain): show and offer what they may."""

    def detach(self) -> None:
        """Stop listening to the core (the window is closing)."""
