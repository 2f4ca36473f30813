"""The task editor's parameters for the service kinds (invoice run, report by e-mail, circuit limit):
the choices loaded from their services (the operator's saved reports - their own and the shared
ones - and the circuits they see), shown from a task and read back into its parameters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from evdesk.core.permissions import OperatorContext
from evdesk.gui.asyncutil import run_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServiceParams", text)


PARAM_PAGES = {"invoice_run": 6, "report_email": 7, "circuit_limit": 8}
NO_TARGETS_PAGE = 3
NO_TARGETS = {
    "report_email": QT_TRANSLATE_NOOP("ServiceParams", "A report by e-mail has no targets: the saved report says what it "
                                                       "covers, and the addresses under Parameters receive it."),
    "circuit_limit": QT_TRANSLATE_NOOP("ServiceParams", "A circuit limit has no targets: the circuit chosen under Parameters "
                                                        "is changed."),
}
USER_GROUPS_HELP = {
    "invoice_run": QT_TRANSLATE_NOOP("ServiceParams", "Tick the charging user groups to invoice, or none for every charging "
                                                      "user with an e-mail address."),
    "user_group_active": QT_TRANSLATE_NOOP("ServiceParams", "Tick the charging user groups to make active or inactive."),
}
FIELD_WIDGETS = {"send": "invoiceSendCombo", "report_id": "reportCombo", "formats": "pdfCheck",
                 "recipients": "recipientsEdit", "circuit_id": "circuitCombo", "circuit_amps": "circuitAmpsSpin"}


class ServiceParams:
    def __init__(self, ui, services, operator: Callable[[], OperatorContext], owner, params: dict | None):
        self.ui, self.services, self.operator, self.owner = ui, services, operator, owner
        self.wanted = dict(params or {})  # the task's choices, selected when the lists arrive
        ui.invoiceSendCombo.addItem(QCoreApplication.translate("ServiceParams", "Make previews only"), False)
        ui.invoiceSendCombo.addItem(QCoreApplication.translate("ServiceParams", "Make previews and send them"), True)
        self._load()

    def _load(self) -> None:
        ui = self.ui

        def reports(rows) -> None:
            for r in rows:
                ui.reportCombo.addItem(QCoreApplication.translate("ServiceParams", "{name} (shared)").format(name=r.name) if r.shared
                                       else r.name, str(r.id))
            if not rows:
                ui.reportCombo.setPlaceholderText(QCoreApplication.translate("ServiceParams", "No saved reports: save one on the Reports page"))
            self._select(ui.reportCombo, self.wanted.get("report_id"))

        def circuits(rows) -> None:
            for c in sorted(rows, key=lambda c: c.name.casefold()):
                ui.circuitCombo.addItem(QCoreApplication.translate("ServiceParams", "{name} (now {amps} A)").format(
                    name=c.name, amps=f"{c.max_current_a:g}"), str(c.id))
            if not rows:
                ui.circuitCombo.setPlaceholderText(QCoreApplication.translate("ServiceParams", "No circuits: add them on the Load management page"))
            self._select(ui.circuitCombo, self.wanted.get("circuit_id"))

        ctx = self.operator()
        run_task(self.services.saved_reports.list(ctx), on_done=reports, owner=self.owner, what="loading saved reports")
        run_task(self.services.circuits.list(ctx), on_done=circuits, owner=self.owner, what="loading circuits")

    @staticmethod
    def _select(combo, value) -> None:
        index = combo.findData(value) if value else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))

    def show(self, kind: str, p: dict) -> None:
        ui = self.ui
        if kind == "invoice_run":
            ui.invoiceSendCombo.setCurrentIndex(1 if p.get("send") else 0)
        elif kind == "report_email":
            formats = p.get("formats") or ()
            ui.pdfCheck.setChecked("pdf" in formats)
            ui.csvCheck.setChecked("csv" in formats)
            ui.recipientsEdit.setText(", ".join(p.get("recipients") or ()))
        elif kind == "circuit_limit":
            ui.circuitAmpsSpin.setValue(float(p.get("amps", 0)))

    def params(self, kind: str) -> dict:
        ui = self.ui
        if kind == "invoice_run":
            return {"send": ui.invoiceSendCombo.currentData()}
        if kind == "report_email":
            return {"report_id": ui.reportCombo.currentData(),
                    "formats": [f for f, box in (("pdf", ui.pdfCheck), ("csv", ui.csvCheck)) if box.isChecked()],
                    "recipients": ui.recipientsEdit.text()}
        return {"circuit_id": ui.circuitCombo.currentData(), "amps": ui.circuitAmpsSpin.value()}

    def targets_page(self, kind: str) -> int | None:
        """The targets page for a kind (None: the dialog's own choice), with its help text."""
        self.ui.userGroupsHelp.setText(_tr(USER_GROUPS_HELP[kind]) if kind in USER_GROUPS_HELP else "")
        self.ui.userGroupsHelp.setVisible(kind in USER_GROUPS_HELP)
        self.ui.targetsSummary.setVisible(kind not in NO_TARGETS)  # ("Chosen: nothing yet" would mislead)
        if kind in NO_TARGETS:
            self.ui.noTargetsLabel.setText(_tr(NO_TARGETS[kind]))
            return NO_TARGETS_PAGE
        return 2 if kind == "invoice_run" else None
