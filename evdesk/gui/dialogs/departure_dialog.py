"""Asking an operator when a running session needs its energy ("Ready by…" on a connector card).

The operator types a time of day ("07:30", site time zone): the next such time after now is
the session's departure (`core/load/priorities.py`); an empty field gives the session back its
user's daily departure time. Saved through `CircuitService.set_session_departure`; a refusal is
shown in the dialog's own message box. Non-blocking (`open()`), like every dialog here."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.load.priorities import clean_departure_time, departure_epoch
from evdesk.gui.asyncutil import run_task


def departure_at(text: str, zone_name: str | None, now: datetime | None = None) -> datetime | None:
    """"HH:MM" -> the next such time after `now` (UTC), or None for an empty text."""
    cleaned = clean_departure_time(text, field="departure_at")
    if not cleaned:
        return None
    now = now or datetime.now(timezone.utc)
    return datetime.fromtimestamp(departure_epoch(now, None, cleaned, zone_name), timezone.utc)


def ask_departure(parent: QWidget, services, operator, session, zone_name: str | None) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(f"Ready by — connector {session.connector_id}")
    dialog.setLabelText("When does this vehicle need its energy? A time of day such as 07:30 (site time); "
                        "empty: its driver's usual departure time.")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)

    def say(text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Ready by", text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("departureRefused")
        box.open()

    def chosen(text: str) -> None:
        try:
            when = departure_at(text, zone_name)
        except ValidationError as exc:
            say(str(exc))
            return
        run_task(services.circuits.set_session_departure(operator(), session.id, when), owner=parent,
                 what="setting a session's departure", cancel_with_owner=False,
                 on_error=lambda exc: say(str(exc) if isinstance(exc, EvdeskError) else f"Not saved ({exc})."))
    dialog.textValueSelected.connect(chosen)
    dialog.open()
    return dialog
