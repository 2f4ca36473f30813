"""The task editor for the service kinds (offscreen): each kind shows its own parameters (saved
reports and circuits loaded from their services), saves them, shows them again when edited, and
says a refused field in words; the screenshot of the invoice-run editor for the docs."""

from __future__ import annotations

import os
from pathlib import Path
from uuid import uuid4

from PySide6.QtCore import Qt

from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reports.definition import ReportDefinition
from evdesk.gui.dialogs.scheduled_task_dialog import ScheduledTaskDialog
from evdesk.store import models as m

SHOTS = Path(os.environ.get("EVDESK_SHOTS", "/work/wt/shots/task-kinds"))


def test_each_service_kind_shows_saves_and_reopens_its_parameters(qtbot, aio, services):
    services.settings.site_timezone = "Europe/Helsinki"
    alice = OperatorContext(uuid4(), "alice", ADMIN)
    aio.run(services.store.run(lambda: m.Operator.create(id=alice.operator_id, username="alice",
                                                         email="alice@depot.example", role=ADMIN)))
    fleet = aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Fleet"))
    report = aio.run(services.saved_reports.save(alice, "Energy by station", ReportDefinition(breakdown="station")))
    grid = aio.run(services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Grid connection", 250)))
    book = services.scheduled_tasks

    def editor(task=None):
        dialog = ScheduledTaskDialog(services, lambda: alice, task)
        qtbot.addWidget(dialog)
        dialog.resize(900, 640)
        dialog.show()
        return dialog

    def save(dialog):
        saved = []
        dialog.taskSaved.connect(saved.append)
        dialog.save()
        aio.wait_until(lambda: saved or dialog.ui.errorLabel.isVisible())
        return saved[0] if saved else None

    # invoice run: previews or send, user groups as targets (none = all users with e-mail)
    dialog = editor()
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("invoice_run"))
    assert ui.paramsStack.currentWidget() is ui.invoicePage and ui.invoiceSendCombo.count() == 2
    assert ui.targetsStack.currentWidget() is ui.userGroupsTargetPage
    assert "none for every charging user with an e-mail address" in ui.userGroupsHelp.text()
    aio.wait_until(lambda: ui.userGroupsList.count() == 1)
    ui.nameEdit.setText("Monthly invoices")
    ui.invoiceSendCombo.setCurrentIndex(1)
    ui.userGroupsList.item(0).setCheckState(Qt.CheckState.Checked)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "task-editor-invoice-run.png"))
    invoices = save(dialog)
    assert invoices.data.params == {"send": True} and invoices.data.targets["user_group_ids"] == [str(fleet.id)]
    again = editor(invoices)
    assert again.ui.invoiceSendCombo.currentData() is True
    aio.wait_until(lambda: again.ui.userGroupsList.count() == 1)
    assert again.ui.userGroupsList.item(0).checkState() == Qt.CheckState.Checked

    # report by e-mail: the operator's saved reports, files, addresses (a wrong one said in words)
    dialog = editor()
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("report_email"))
    assert ui.paramsStack.currentWidget() is ui.reportPage
    assert ui.targetsStack.currentWidget() is ui.noTargetsPage and "no targets" in ui.noTargetsLabel.text()
    assert not ui.targetsSummary.isVisibleTo(dialog)
    aio.wait_until(lambda: ui.reportCombo.count() == 1)
    assert ui.reportCombo.currentText() == "Energy by station"
    ui.nameEdit.setText("Energy report")
    ui.csvCheck.setChecked(True)
    ui.recipientsEdit.setText("boss@depot.example, accounts")
    assert save(dialog) is None
    assert ui.errorLabel.text() == "accounts is not an e-mail address."
    ui.recipientsEdit.setText("boss@depot.example; accounts@depot.example")
    assert dialog.grab().save(str(SHOTS / "task-editor-report-email.png"))
    ui.okButton.setEnabled(True)
    emailed = save(dialog)
    assert emailed.data.params["formats"] == ["pdf", "csv"]
    assert emailed.data.params["recipients"] == ["boss@depot.example", "accounts@depot.example"]
    assert emailed.data.params["report_id"] == str(report.id)
    again = editor(emailed)
    assert again.ui.csvCheck.isChecked() and again.ui.pdfCheck.isChecked()
    assert again.ui.recipientsEdit.text() == "boss@depot.example, accounts@depot.example"

    # circuit limit: the circuits the operator sees, the amperes per phase
    dialog = editor()
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("circuit_limit"))
    assert ui.paramsStack.currentWidget() is ui.circuitPage and ui.targetsStack.currentWidget() is ui.noTargetsPage
    aio.wait_until(lambda: ui.circuitCombo.count() == 1)
    assert ui.circuitCombo.currentText() == "Grid connection (now 250 A)"
    ui.nameEdit.setText("Night limit")
    ui.circuitAmpsSpin.setValue(400)
    assert dialog.grab().save(str(SHOTS / "task-editor-circuit-limit.png"))
    night = save(dialog)
    assert night.data.params == {"circuit_id": str(grid.id), "amps": 400.0}
    assert night.data.targets == {"group_ids": [], "station_ids": [], "user_ids": [], "user_group_ids": []}
    again = editor(night)
    aio.wait_until(lambda: again.ui.circuitCombo.count() == 1)
    assert again.ui.circuitAmpsSpin.value() == 400 and again.ui.circuitCombo.currentData() == str(grid.id)
    assert len(aio.run(book.list(alice))) == 3
