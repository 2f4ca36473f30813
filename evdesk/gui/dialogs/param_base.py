"""The base of every command-parameter editor (`param_editors.py`, `picker_editors.py`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from evdesk.gui.commands import Param


class ParamEditor:
    """A widget for one parameter. `value()` raises ValueError with an operator's message."""

    def __init__(self, param: Param, widget: QWidget):
        self.param = param
        self.widget = widget
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
