"""Editors for command parameters: one widget per `Param`, a value, a message when wrong."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from evdesk.gui.commands import (
    CHOICE,
    CONNECTOR,
    DATETIME,
    DECIMAL,
    FREE,
    ID_TAG,
    INT,
    JSON,
    KEY_LIST,
    LONG_TEXT,
    RUNNING_SESSION,
    TARIFF,
    TEXT,
    Param,
    parse_json,
    parse_key_list,
)
from evdesk.gui.dialogs.param_base import ParamEditor
from evdesk.gui.translations.commands import param_text

NOT_SET = QT_TRANSLATE_NOOP("ParamEditors", "not set")  # shown through _tr


def _tr(text: str) -> str:
    return QCoreApplication.translate("ParamEditors", text)


def label_of(param: Param) -> str:
    """The parameter's label in the current language (as its messages name it)."""
    return param_text(param.label)


class TextEditor(ParamEditor):
    def __init__(self, param: Param):
        widget = QPlainTextEdit() if param.kind in (LONG_TEXT, JSON) else QLineEdit()
        super().__init__(param, widget)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(110 if param.kind == JSON else 60)
        if param.help and isinstance(widget, QLineEdit):
            widget.setPlaceholderText(param_text(param.help))
        if param.default is not None:
            self.set_value(param.default)

    def text(self) -> str:
        w = self.widget
        return (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()

    def set_value(self, value: Any) -> None:
        if self.param.kind == JSON and not isinstance(value, str):
            value = json.dumps(value, indent=2)
        elif self.param.kind == KEY_LIST and isinstance(value, (list, tuple)):
            value = ", ".join(value)
        w = self.widget
        (w.setPlainText if isinstance(w, QPlainTextEdit) else w.setText)("" if value is None else str(value))

    def value(self) -> Any:
        text = self.text()
        if not text:
            if self.param.required:
                raise ValueError(QCoreApplication.translate("ParamEditors", "{label} is required.").format(label=label_of(self.param)))
            return None
        if self.param.kind == JSON:
            return parse_json(text, label_of(self.param))
        if self.param.kind == KEY_LIST:
            return parse_key_list(text)
        return text


class IntEditor(ParamEditor):
    """A number; optional numbers start at 'not set' (the spin box's special value)."""

    def __init__(self, param: Param):
        widget = QSpinBox()
        super().__init__(param, widget)
        low = param.minimum
        if not param.required:
            low = param.minimum - 1
            widget.setSpecialValueText(_tr(NOT_SET))
        widget.setRange(low, param.maximum)
        widget.setMinimumWidth(140)
        self.set_value(param.default)

    def set_value(self, value: Any) -> None:
        self.widget.setValue(self.widget.minimum() if value is None else int(value))

    def value(self) -> Any:
        if not self.param.required and self.widget.value() == self.widget.minimum():
            return None
        return self.widget.value()


class ChoiceEditor(ParamEditor):
    def __init__(self, param: Param, choices: tuple[tuple[str, Any], ...]):
        widget = QComboBox()
        super().__init__(param, widget)
        self.values = []
        for label, value in choices:
            widget.addItem(label)
            self.values.append(value)
        if param.default is not None or None in self.values:
            self.set_value(param.default)

    def set_value(self, value: Any) -> None:
        if value in self.values:
            self.widget.setCurrentIndex(self.values.index(value))

    empty_message = ""  # why there is nothing to choose (the value then is refused with it)

    def value(self) -> Any:
        index = self.widget.currentIndex()
        if self.empty_message and not self.values:
            raise ValueError(self.empty_message)
        return self.values[index] if 0 <= index < len(self.values) else None


class DateTimeEditor(ParamEditor):
    """A local date and time in the site's zone; the API gets an aware UTC datetime."""

    def __init__(self, param: Param, zone: tzinfo, zone_label: str):
        container = QWidget()
        super().__init__(param, container)
        self.zone = zone
        layout = QHBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox()
        self.enabled.setToolTip(QCoreApplication.translate("ParamEditors", "Send this field"))
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        layout.addWidget(QLabel(zone_label))
        self.enabled.setVisible(not param.required)
        self.enabled.setChecked(param.required)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(param.required)
        offset = param.default if isinstance(param.default, int) else 0
        self.set_value(datetime.now(timezone.utc) + timedelta(seconds=offset))

    def set_value(self, value: Any) -> None:
        local = value.astimezone(self.zone)
        self.edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))

    def value(self) -> Any:
        if not self.enabled.isChecked():
            return None
        qdt = self.edit.dateTime()
        d, t = qdt.date(), qdt.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)
        return local.astimezone(timezone.utc)


def connector_choices(param: Param, connector_ids: list[int], busy: frozenset[int] = frozenset()
                      ) -> tuple[tuple[str, Any], ...]:
    """`busy`: connectors with a running session, left out where the parameter is `idle_only`."""
    choices: list[tuple[str, Any]] = []
    if param.allow_any:
        choices.append((QCoreApplication.translate("ParamEditors", "Any connector (the station chooses)") if param.name == "connector_id" else QCoreApplication.translate("ParamEditors", "Any"), None))
    if param.allow_station:
        choices.append((QCoreApplication.translate("ParamEditors", "0 – whole station"), 0))
    choices.extend((QCoreApplication.translate("ParamEditors", "Connector {id}").format(id=cid), cid) for cid in connector_ids or [1]
                   if not (param.idle_only and cid in busy))
    return tuple(choices)


class DecimalEditor(TextEditor):
    """Optional decimals as text ("12.5"); the core checks range and places and names the field."""

    def __init__(self, param: Param):
        super().__init__(param)
        self.widget.setPlaceholderText(f"{_tr(NOT_SET)} — {param_text(param.help)}" if param.help else _tr(NOT_SET))
        self.widget.setMaximumWidth(220)

    def value(self) -> Any:
        text = self.text().replace(",", ".")
        if not text:
            return None
        try:
            float(text)
        except ValueError:
            raise ValueError(QCoreApplication.translate("ParamEditors", "{label}: enter a number, e.g. 12.5.").format(label=label_of(self.param).split(" (")[0])) from None
        return text


def tariff_choices(tariffs) -> tuple[tuple[str, Any], ...]:
    """As the tariff groups decide, Free, then the site's tariffs by name (`tariffs`: (name, id) pairs)."""
    return ((QCoreApplication.translate("ParamEditors", "As the tariff groups decide"), None), (QCoreApplication.translate("ParamEditors", "Free (no charge)"), FREE), *tariffs)


def make_editor(param: Param, connector_ids: list[int], zone: tzinfo, zone_label: str,
                tariffs: tuple[tuple[str, Any], ...] = (), *, services=None, operator=None, station_id=None,
                busy_connectors: frozenset[int] = frozenset()) -> ParamEditor:
    """`services`, `operator`, `station_id`: for the pickers (tokens of the operator's domain, the
    station's running sessions)."""
    if param.kind == ID_TAG:
        if services is None:
            return TextEditor(param)
        from evdesk.gui.dialogs.picker_editors import TokenPickerEditor

        return TokenPickerEditor(param, services, operator)
    if param.kind == RUNNING_SESSION:
        from evdesk.gui.dialogs.picker_editors import RunningSessionEditor

        return RunningSessionEditor(param, services, station_id, zone)
    if param.kind == DECIMAL:
        return DecimalEditor(param)
    if param.kind == TARIFF:
        return ChoiceEditor(param, tariff_choices(tariffs))
    if param.kind in (TEXT, LONG_TEXT, JSON, KEY_LIST):
        return TextEditor(param)
    if param.kind == INT:
        return IntEditor(param)
    if param.kind == CHOICE:
        return ChoiceEditor(param, tuple((param_text(label), value) for label, value in param.choices))
    if param.kind == CONNECTOR:
        editor = ChoiceEditor(param, connector_choices(param, connector_ids, busy_connectors))
        if not editor.values:
            editor.empty_message = QCoreApplication.translate("ParamEditors", "Every connector is charging: stop the session first, then release the cable.")
            editor.widget.addItem(QCoreApplication.translate("ParamEditors", "Every connector is charging"))
            editor.widget.setEnabled(False)
        return editor
    if param.kind == DATETIME:
        return DateTimeEditor(param, zone, zone_label)
    raise ValueError(f"no editor for parameter kind {param.kind!r}")
