"""The Scheduled tasks page and its editor (issue 13): a task made in the dialog (errors next to
their field, times in the site's zone), activate, copy, run now, and the event feed with each
station's outcome in words and Retry only on failed runs."""

from __future__ import annotations

from PySide6.QtCore import QTime, Qt

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.scheduling.runner import TaskScheduler
from evdesk.csms.commands import CommandApi
from evdesk.csms.registry import ConnectionRegistry
from evdesk.gui.models import scheduled_tasks_model as sm
from evdesk.gui.pages.scheduled_tasks_page import ScheduledTasksPage
from tests.gui.test_access_profiles_page import show, tree_item


def test_make_a_task_run_it_and_read_the_feed(qtbot, aio, services, check_model):
    services.settings.site_timezone = "Europe/Helsinki"
    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    aio.run(services.stations.create_station("CP-1", name="Gate charger", group_id=depot.id, ctx=SYSTEM_CONTEXT))
    page = show(qtbot, ScheduledTasksPage(services, lambda: SYSTEM_CONTEXT))
    check_model(page.model)
    check_model(page.runs)
    assert "Europe/Helsinki" in page.ui.clockLabel.text() and "UTC" in page.ui.clockLabel.text()
    dialog = page.add_task()
    ui = dialog.ui
    assert not ui.activeCheck.isChecked()  # new tasks start inactive, as in the manual
    dialog.save()  # no name: said, with the name field focused
    aio.wait_until(lambda: ui.errorLabel.isVisible())
    assert "name" in ui.errorLabel.text()
    ui.nameEdit.setText("Limit charging current at daytime")
    ui.ampsSpin.setValue(6)
    ui.recurrenceCombo.setCurrentIndex(ui.recurrenceCombo.findData("weekly"))
    assert ui.weekdaysBox.isVisibleTo(dialog) and not ui.dayCombo.isVisibleTo(dialog)
    ui.timeEdit.setTime(QTime(1, 0))
    dialog.save()  # no target
    aio.wait_until(lambda: "station" in ui.errorLabel.text())
    tree_item(ui.targetTree, "Depot").setCheckState(0, Qt.CheckState.Checked)
    dialog.save()  # no day ticked
    aio.wait_until(lambda: "day of the week" in ui.errorLabel.text())
    ui.day0.setChecked(True)
    ui.day4.setChecked(True)
    assert ui.targetsSummary.text() == "Chosen: 1 group(s)"
    assert ui.scheduleLabel.text().startswith("Weekly on Mon, Fri at 01:00 (Europe/Helsinki). Next run:")
    saved = []
    dialog.taskSaved.connect(saved.append)
    dialog.save()
    aio.wait_until(lambda: saved)
    aio.wait_until(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, sm.COL_ACTIVE).data() == "Inactive"
    assert page.model.index(0, sm.COL_TYPE).data() == "Change station limit (max 6.0 A)"
    page.view.selectRow(0)
    assert page.ui.activateButton.isEnabled() and not page.ui.deactivateButton.isEnabled()
    page.set_active(True)
    aio.wait_until(lambda: page.model.index(0, sm.COL_ACTIVE).data() == "Active")
    page.copy_selected()
    aio.wait_until(lambda: page.model.rowCount() == 2)
    # run now (the station is not connected: the real command API says so, in words), then the feed
    commands = CommandApi(services, ConnectionRegistry(services.stations))
    scheduler = TaskScheduler(services, commands, seat="gui", tick_seconds=0.1)
    aio.run(scheduler.start())
    try:
        page.select_id(saved[0].id)
        page.run_selected_now()
        aio.wait_until(lambda: page.runs.rowCount() == 1 and page.runs.rows()[0].state != "running")
        assert page.runs.index(0, sm.RUN_STATUS).data() == "All tasks failed"
        assert page.runs.index(0, sm.RUN_RETRY).data() == "↻ Retry"
        page.select_run(0)
        aio.wait_until(lambda: page.outcomes.rowCount() == 1)
        assert page.outcomes.index(0, sm.OUT_MESSAGE).data() == \
            "Max current 6 A (charging profile): Gate charger is not connected; the command was not sent."
        assert page.ui.retryButton.isEnabled()
        page.retry_selected_run()
        aio.wait_until(lambda: page.model.rowCount() == 3)
        assert "Retry: Limit charging current at daytime" in [r.data.name for r in page.model.rows()]
    finally:
        aio.run(scheduler.stop())


def test_the_page_is_not_offered_to_basic_operators_or_analysts():
    """"Only admin operators can create, edit and view scheduled tasks" (manual l.995)."""
    from evdesk.core.permissions import ADMIN, ANALYST, BASIC, OperatorContext
    from evdesk.gui.pages.registry import PAGES_BY_KEY

    spec = PAGES_BY_KEY["scheduled_tasks"]
    assert spec.visible_to(OperatorContext(None, "ada", ADMIN))
    assert not spec.visible_to(OperatorContext(None, "bob", BASIC))
    assert not spec.visible_to(OperatorContext(None, "ann", ANALYST))
