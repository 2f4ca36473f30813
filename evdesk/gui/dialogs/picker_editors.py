"""Command parameters chosen from what evdesk knows instead of typed: the id tag of Start charging
(a token of the operator's domain, found by uid, name or its user's name, or any id tag typed for
a card evdesk does not know) and the session of Stop charging (one of the station's running
sessions, read-only: a typed transaction id could name another station's session).

Rules:
* The token list is the operator's domain only (`people.reads.tokens`, home groups), at most
  `TOKEN_PAGE` at a time, looked up again as the operator types (debounced, on the reader
  connection; the dialog never waits for it). Blocked tokens are listed, marked: the station's
  answer then says why the start was refused.
* Choosing a list entry sends its uid; any other text is sent as typed (trimmed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter

from evdesk.core.reads.people import TokenFilter
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.param_base import ParamEditor
from evdesk.gui.translations.commands import param_text

TOKEN_PAGE = 50
TYPE_AHEAD_MS = 200


def token_label(t) -> str:
    parts = [t.uid]
    who = t.user_name or t.name
    if who:
        parts.append(who)
    if t.name and t.user_name:
        parts.append(f"({t.name})")
    text = " — ".join(parts[:2]) + (f" {parts[2]}" if len(parts) > 2 else "")
    return text + ("  [blocked]" if t.status == "blocked" else "")


class TokenPickerEditor(ParamEditor):
    """An editable combo: the domain's tokens to choose from, free text for an unknown card."""

    def __init__(self, param, services, operator: Callable):
        widget = QComboBox()
        super().__init__(param, widget)
        widget.setObjectName("tokenPicker")
        widget.setEditable(True)
        widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        widget.setMinimumWidth(320)
        widget.lineEdit().setPlaceholderText(QCoreApplication.translate("ParamEditors", "Type a token id or a user's name, or any id tag"))
        self.services = services
        self.operator = operator
        self.uids: dict[str, str] = {}  # label -> uid
        self.completer_model = QStringListModel(widget)
        completer = QCompleter(self.completer_model, widget)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        widget.setCompleter(completer)
        self.timer = QTimer(widget)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPE_AHEAD_MS)
        self.timer.timeout.connect(self.look_up)
        widget.lineEdit().textEdited.connect(lambda _t: self.timer.start())
        self.loaded_for: str | None = None
        self.look_up()

    def look_up(self) -> None:
        text = self.widget.currentText().strip()
        if text in self.uids:
            return  # a chosen entry
        run_task(self.services.people.reads.tokens(self.operator(), TokenFilter(text=text), limit=TOKEN_PAGE),
                 on_done=lambda page, asked=text: self._fill(asked, page.items), owner=self.widget,
                 what="looking up tokens")

    def _fill(self, asked: str, tokens) -> None:
        labels = [token_label(t) for t in tokens]
        self.uids.update({label: t.uid for label, t in zip(labels, tokens)})
        typed = self.widget.currentText()
        self.widget.blockSignals(True)
        self.widget.clear()
        self.widget.addItems(labels)
        self.widget.setCurrentIndex(-1)
        self.widget.setEditText(typed)
        self.widget.blockSignals(False)
        self.completer_model.setStringList(labels)
        self.loaded_for = asked
        if asked and self.widget.lineEdit().hasFocus():
            self.widget.completer().complete()

    def set_value(self, value: Any) -> None:
        self.widget.setEditText("" if value is None else str(value))

    def value(self) -> Any:
        text = self.widget.currentText().strip()
        if text in self.uids:
            return self.uids[text]
        if not text:
            if self.param.required:
                raise ValueError(QCoreApplication.translate("ParamEditors", "{label} is required.").format(label=param_text(self.param.label)))
            return None
        return text


class RunningSessionEditor(ParamEditor):
    """The station's running sessions (transaction number, connector, id tag, start); read-only."""

    def __init__(self, param, services, station_id, zone):
        widget = QComboBox()
        super().__init__(param, widget)
        widget.setObjectName("sessionPicker")
        widget.setMinimumWidth(320)
        self.values: list[int] = []
        running = sorted((t for t in services.transactions.active.values() if t.station_id == station_id),
                         key=lambda t: (t.connector_id, t.started_at))
        for t in running:
            started = display.clock_time(t.started_at, zone)
            widget.addItem(f"#{t.ocpp_id} · connector {t.connector_id} · {t.id_tag_key} · since {started}")
            self.values.append(t.ocpp_id)
        if not running:
            widget.addItem(QCoreApplication.translate("ParamEditors", "No session is running at this station"))
            widget.setEnabled(False)

    def set_value(self, value: Any) -> None:
        if value in self.values:
            self.widget.setCurrentIndex(self.values.index(value))

    def value(self) -> Any:
        index = self.widget.currentIndex()
        if not self.values or index < 0:
            raise ValueError(QCoreApplication.translate("ParamEditors", "No session is running at this station, so there is nothing to stop."))
        return self.values[index]
