"""Settings → Certificates: the stations' certificate signing requests waiting for an admin.

A small table (station, what its CSR asked for, when, OCPP version) with Approve and Refuse for
the selected request, and the site setting "sign automatically for adopted stations". Approving
goes through the command API (it sends CertificateSigned over the station's connection, so only
a seat with the OCPP server can do it; the buttons say so otherwise). The list is the core
service's, filtered to the operator's domain; it refreshes when a request arrives or is decided.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.operator import operator_of
from evdesk.settings import SiteSettings

COLUMNS = ("Station", "OCPP", "Received", "Asked for")


class CertificateRequestsBox:
    def __init__(self, page, services, central):
        self.page, self.services, self.central = page, services, central  # central: () -> CentralSystem | None
        self.box = QGroupBox("Certificate requests from stations (security profile 3)", page)
        self.box.setObjectName("certificateRequestsBox")
        layout = QVBoxLayout(self.box)
        self.auto_check = QCheckBox("Sign automatically for adopted stations", self.box)
        self.auto_check.setObjectName("autoSignCheck")
        self.auto_check.setToolTip("Requests of adopted stations are signed by the site CA without asking an admin.")
        layout.addWidget(self.auto_check)
        self.table = QTableWidget(0, len(COLUMNS), self.box)
        self.table.setObjectName("certificateRequestsTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(160)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.approve_button = QPushButton("Approve", self.box)
        self.approve_button.setObjectName("approveRequestButton")
        self.refuse_button = QPushButton("Refuse", self.box)
        self.refuse_button.setObjectName("refuseRequestButton")
        self.outcome = QLabel("", self.box)
        self.outcome.setWordWrap(True)
        row.addWidget(self.approve_button)
        row.addWidget(self.refuse_button)
        row.addWidget(self.outcome, 1)
        layout.addLayout(row)
        self.requests = []
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.table.itemSelectionChanged.connect(self._enable)
        self.auto_check.toggled.connect(self._save_auto)
        self._unsubscribe = services.bus.subscribe(ev.StationCertificateRequested, lambda _e: self.refresh())

    def detach(self) -> None:
        self._unsubscribe()

    def refresh(self) -> None:
        ctx = operator_of(self.page)
        self.requests = self.services.station_csrs.pending(ctx) if ctx.can(Permission.EDIT_STATIONS) else []
        zone = display.site_zone(self.services.settings.site_timezone)
        self.table.setRowCount(len(self.requests))
        for i, r in enumerate(self.requests):
            for j, text in enumerate((r.identity, r.ocpp_version, f"{r.received_at.astimezone(zone):%Y-%m-%d %H:%M}",
                                      r.requested_subject or "—")):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.auto_check.blockSignals(True)
        self.auto_check.setChecked(self.services.settings.sign_station_certificates_automatically)
        self.auto_check.blockSignals(False)
        self._enable()

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.requests[rows[0].row()] if rows and rows[0].row() < len(self.requests) else None

    def _enable(self) -> None:
        chosen = self._selected() is not None
        online = self.central() is not None
        self.approve_button.setEnabled(chosen and online)
        self.refuse_button.setEnabled(chosen and online)
        if not online:
            self.approve_button.setToolTip("This seat runs no OCPP server: approve on the seat the station is "
                                           "connected to.")

    def approve(self) -> None:
        request, central = self._selected(), self.central()
        if request is None or central is None:
            return
        self._say(f"Signing a certificate for {request.identity}…")
        run_task(central.commands.approve_certificate_request(request.id, ctx=operator_of(self.page),
                                                              reason="approved on the Certificates page"),
                 on_done=lambda result: self._done(f"{request.identity}: {result.message}", not result.ok),
                 on_error=lambda exc: self._done(str(exc) if isinstance(exc, EvdeskError) else
                                                 f"That did not work: {exc}", True),
                 owner=self.page, what="signing a station certificate")

    def refuse(self) -> None:
        request, central = self._selected(), self.central()
        if request is None or central is None:
            return
        try:
            central.commands.refuse_certificate_request(request.id, ctx=operator_of(self.page))
        except EvdeskError as exc:
            self._done(str(exc), True)
            return
        self._done(f"The request of {request.identity} was refused; it gets no certificate.", False)

    def _save_auto(self, checked: bool) -> None:
        values = self.services.settings.as_dict()
        values["sign_station_certificates_automatically"] = bool(checked)
        run_task(self.services.save_settings(SiteSettings.from_dict(values), ctx=operator_of(self.page)),
                 on_done=lambda _r: self._say("Saved: requests of adopted stations are signed automatically."
                                              if checked else "Saved: every request waits for an admin."),
                 on_error=lambda exc: self._done(str(exc), True), owner=self.page, what="saving the setting")

    def _done(self, text: str, failed: bool) -> None:
        self._say(text, failed)
        self.refresh()

    def _say(self, text: str, failed: bool = False) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet("color: #b00020;" if failed else "")
