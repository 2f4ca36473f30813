"""The Reports page: a report runs in the background and shows its chart and table; it is saved,
reopened, and exported as CSV and PDF (the PDF from a child process) with the progress shown."""

from __future__ import annotations

import csv
import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt

from evdesk.core.permissions import ADMIN, ANALYST, OperatorContext
from evdesk.core.reports.definition import ReportDefinition
from evdesk.gui.pages.reports_page import ReportsPage
from evdesk.store import models as m
from tests.store.test_aggregates import simulated_run


@pytest.fixture
def site(aio, services):
    a, b = aio.run(simulated_run(services))
    ada = OperatorContext(uuid.uuid4(), "ada", ADMIN, display_name="Ada Admin")
    ann = OperatorContext(uuid.uuid4(), "ann", ANALYST)
    aio.run(services.store.run(lambda: [m.Operator.create(id=c.operator_id, username=c.username, role=c.role)
                                        for c in (ada, ann)]))
    return ada, ann


def page_for(qtbot, services, ctx):
    page = ReportsPage(services, lambda: ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


MARCH = ReportDefinition(metric="energy", period="custom", first_day=date(2026, 3, 28), last_day=date(2026, 3, 29),
                         compare="previous", breakdown="station")


def test_a_report_runs_saves_reopens_and_exports(qtbot, aio, services, site, tmp_path):
    ada, ann = site
    page = page_for(qtbot, services, ada)
    page.show_definition(MARCH)
    assert page.definition() == MARCH
    page.run_report()
    aio.wait_until(lambda: page.result is not None and not page.busy, message="the report ran")
    model = page.model
    assert model.rowCount() == 3 and model.index(2, 0).data() == "Total"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())][3:] == ["AGG-1", "AGG-2"]
    assert model.index(0, 1).data() == "6.000" and model.index(2, 1).data() == "44.500"
    assert "Energy, 2026-03-28 – 2026-03-29 (Europe/Helsinki): 44.50 kWh" in page.ui.summaryLabel.text()
    assert page.ui.exportPdfButton.isEnabled()

    page.save_new("Energy by station")
    aio.wait_until(lambda: page.opened is not None and page.ui.savedCombo.currentData() == page.opened.id)
    page.ui.metricCombo.setCurrentIndex(page.ui.metricCombo.findData("sessions"))
    page.open_saved()
    assert page.definition() == MARCH  # reopened as saved
    aio.wait_until(lambda: not page.busy)

    page.export("csv", str(tmp_path / "energy.csv"))
    aio.wait_until(lambda: page.last_export is not None and not page.busy)
    rows = list(csv.reader((tmp_path / "energy.csv").open(encoding="utf-8")))
    assert rows[0][:3] == ["bucket_start", "bucket_end", "energy_kwh"] and rows[-1][2] == "44.500"
    page.export("pdf", str(tmp_path / "energy.pdf"))
    aio.wait_until(lambda: page.last_export is not None and page.last_export.suffix == ".pdf" and not page.busy,
                   timeout=60)
    assert (tmp_path / "energy.pdf").read_bytes().startswith(b"%PDF")
    page.detach()

    # a charging user's sessions only: the sessions' path (Driver 2 charged 12 kWh at AGG-1 on the 28th)
    aio.wait_until(lambda: page.ui.userCombo.count() == 3)
    page.ui.userCombo.setCurrentIndex(page.ui.userCombo.findText("Driver 2"))
    page.run_report()
    aio.wait_until(lambda: not page.busy and page.result.definition.user_ids)
    assert page.model.index(2, 1).data() == "12.000"

    other = page_for(qtbot, services, ann)  # an analyst: ada's own report is not there, shares nothing
    aio.wait_until(lambda: other.ui.savedCombo.count() == 1)
    assert other.ui.savedCombo.currentData() is None and not other.ui.shareCheck.isVisible()
