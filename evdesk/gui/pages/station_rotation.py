"""The station panel's "Rotate password" button (security profiles 1 and 2, OCPP 1.6).

Sends a new random basic-auth password to the station (ChangeConfiguration AuthorizationKey,
through the command API, so it lands in the action log) and says the outcome beside the
button; evdesk switches to the new password only once the station accepted it (see
`csms/password_rotation.py`). Shown enabled to admins (the right to edit stations) while
the station is connected here; connected to another seat, the tooltip says to rotate it there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.connection_text import serving_seat
from evdesk.gui.operator import operator_of

TOOLTIP = ("A new random password for the station's basic auth, sent as its AuthorizationKey; evdesk uses it once "
           "the station accepted it")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RotatePasswordButton", text)


class RotatePasswordButton:
    def __init__(self, panel, header_row, before_widget, panel_layout):
        self.panel = panel
        self.button = QPushButton(QCoreApplication.translate("RotatePasswordButton", "Rotate password"), panel)
        self.button.setObjectName("rotatePasswordButton")
        self.button.setMinimumHeight(30)
        self.outcome = QLabel("", panel)
        self.outcome.setObjectName("rotatePasswordOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        header_row.insertWidget(header_row.indexOf(before_widget), self.button)
        panel_layout.insertWidget(1, self.outcome)  # below the header row
        self.button.clicked.connect(self.rotate)

    def refresh(self, info) -> None:
        ctx = operator_of(self.panel)
        central = self.panel.central_system
        may = ctx.can(Permission.EDIT_STATIONS)
        connected = central is not None and info is not None and central.is_connected(info.identity)
        self.button.setEnabled(may and connected)
        elsewhere = serving_seat(self.panel.services, info) if info is not None and not connected else ""
        if not may:
            tip = _tr("Only admin operators can change station passwords.")
        elif connected:
            tip = _tr(TOOLTIP)
        elif elsewhere:  # the new password is kept by the seat the station talks to: rotate it there
            tip = _tr("The station is connected to seat {seat}: rotate its password there.").format(seat=elsewhere)
        else:
            tip = _tr("The station is not connected: it cannot be sent a new password now.")
        self.button.setToolTip(tip)

    def rotate(self) -> None:
        central = self.panel.central_system
        if central is None:
            return
        self.button.setEnabled(False)
        self._say(_tr("Sending a new password to the station…"))
        run_task(central.commands.rotate_password(self.panel.station_id, ctx=operator_of(self.panel),
                                                 reason="password rotation from the station panel"),
                 on_done=lambda result: self._done(result.message, not result.ok),
                 on_error=lambda exc: self._done(str(exc), True), owner=self.panel, what="rotating the password")

    def _done(self, text: str, failed: bool) -> None:
        self._say(text, failed)
        self.refresh(self.panel.info)

    def _say(self, text: str, failed: bool = False) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet("color: #c62828;" if failed else "color: #2e7d32;")
        self.outcome.show()
        self.panel.ui.detailsLabel.setToolTip(text)
