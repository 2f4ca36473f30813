"""The Invoices page, the new-run dialog (previews, remove a line, send with progress) and the
invoice settings dialog, offscreen with the real services, PDF worker processes and aiosmtpd."""

from __future__ import annotations

import subprocess
import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from evdesk.core.clock import utcnow
from evdesk.core.invoicing.settings import InvoiceSettings
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.dialogs.invoice_settings_dialog import InvoiceSettingsDialog
from evdesk.gui.models import invoices_model as im
from evdesk.gui.pages.invoices_page import InvoicesPage
from evdesk.gui.pages.registry import PAGES_BY_KEY
from tests.mailserver import point_at

ROOT = SYSTEM_CONTEXT


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def site(aio, services, smtp_server):
    point_at(services.settings, smtp_server)

    async def seed():
        depot = (await services.groups.add(ROOT, "Depot")).id
        station = await services.stations.create_station("CP-1", group_id=depot, connectors=1, ctx=ROOT)
        await services.people.users.create(ROOT, UserInput("Donald", "Duck", "donald@duckburg.com"),
                                           [TokenInput("TAG-D")])
        await services.invoices.save_settings(ROOT, InvoiceSettings(
            seller_name="Ensto charging solutions Oy", iban="FI21 1234 5600 0007 85", bic="ALONFI21",
            reference_start=10898), 0)
        for wh, hours in ((60_000, 5), (39_030, 3)):
            t0 = utcnow() - timedelta(hours=hours)
            start = await services.transactions.start(station, 1, "TAG-D", 0, iso(t0))
            await services.transactions.stop(station, start.ocpp_id, wh, iso(t0 + timedelta(minutes=40)))

    aio.run(seed())
    return smtp_server


def show(qtbot, widget, size=(1200, 760)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    return widget


def test_a_run_from_the_dialog_then_paid_unpaid_and_the_pdf(qtbot, aio, services, site, tmp_path):
    page = show(qtbot, InvoicesPage(services, lambda: ROOT))
    opened = []
    page.open_file = opened.append
    aio.wait_until(lambda: page.loaded >= 1)
    dialog = page.new_run()
    aio.wait_until(lambda: dialog.ui.usersList.count() == 1)
    today = QDate.currentDate()
    dialog.ui.fromEdit.setDate(QDate(today.year(), today.month(), 1).addMonths(-3))
    dialog.ui.toEdit.setDate(QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1))
    dialog.ui.usersList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.ui.kwhPriceEdit.setText("0,15")
    dialog.ui.monthlyPriceEdit.setText("3.00")
    dialog.ui.previewButton.click()
    aio.wait_until(lambda: dialog.previews_loaded >= 1)
    invoice = dialog.ui.previewTree.topLevelItem(0)
    assert [invoice.text(c) for c in (0, 1, 2, 3)] == ["Donald Duck", "108986", "26.85 €", "5.20 €"]
    assert [invoice.child(i).text(2) for i in range(invoice.childCount())] == ["14.85 €", "12.00 €"]
    # remove the monthly line: the preview's total follows
    dialog.ui.previewTree.setCurrentItem(invoice.child(1))
    dialog.ui.removeButton.click()
    aio.wait_until(lambda: dialog.previews_loaded >= 2)
    assert dialog.ui.previewTree.topLevelItem(0).text(2) == "14.85 €"
    dialog.ui.sendButton.click()
    aio.wait_until(lambda: dialog.ui.progressBar.value() == 1 and dialog.ui.closeButton.isEnabled(), timeout=30)
    assert dialog.ui.errorLabel.text() == "Sent 1 invoice."
    assert site.messages[-1]["To"] == "donald@duckburg.com"
    dialog.close()
    aio.wait_until(lambda: page.model.rowCount() == 1 and page.model.rows()[0].status == "sent")
    assert page.ui.totalsLabel.text().startswith("1 invoice: 14.85 € in all")
    assert page.model.index(0, im.COL_STATUS).data() == "Sent"
    page.select_id(page.model.rows()[0].id)
    page.ui.paidButton.click()
    aio.wait_until(lambda: page.model.rows()[0].status == "paid")
    assert page.model.index(0, im.COL_PAID).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.select_id(page.model.rows()[0].id)
    box = page.confirm_unpaid()
    assert "unpaid" in box.text() and page.model.rows()[0].status == "paid"  # nothing happens before confirming
    page.confirm_button.click()
    aio.wait_until(lambda: page.model.rows()[0].status == "sent")
    page.select_id(page.model.rows()[0].id)
    page.ui.openPdfButton.click()
    aio.wait_until(lambda: opened, timeout=20)
    text = subprocess.run(["pdftotext", str(opened[0]), "-"], capture_output=True, text=True).stdout
    assert "14.85" in text and "108986" in text
    # filters: overdue shows nothing yet, paid nothing
    page.ui.overdueCheck.setChecked(True)
    aio.wait_until(lambda: page.model.rowCount() == 0)
    assert page.ui.totalsLabel.text() == "No invoices match."


def test_the_settings_dialog_shows_a_bad_iban_next_to_it(qtbot, aio, services, site):
    dialog = show(qtbot, InvoiceSettingsDialog(services, lambda: ROOT), (640, 560))
    aio.wait_until(lambda: dialog.loaded)
    assert dialog.ui.sellerNameEdit.text() == "Ensto charging solutions Oy"
    dialog.ui.ibanEdit.setText("FI22 1234 5600 0007 85")
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    aio.wait_until(lambda: dialog.ui.errorLabel.text())
    assert "IBAN is not valid" in dialog.ui.errorLabel.text()
    assert dialog.ui.tabs.currentWidget() is dialog.ui.paymentTab
    dialog.ui.ibanEdit.setText("FI21 1234 5600 0007 85")
    dialog.ui.addFeeButton.click()
    dialog.ui.feesTable.item(0, 0).setText("Membership")
    dialog.ui.feesTable.item(0, 1).setText("5")
    dialog.ui.htmlEdit.setPlainText("<p>Hei <script>x()</script><b>you</b></p>")
    dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findData("fi"))
    saved = []
    dialog.saved.connect(lambda: saved.append(1))
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    aio.wait_until(lambda: saved)
    stored, _ = aio.run(services.invoices.load_settings(ROOT))
    assert [f.name for f in stored.monthly_fees] == ["Membership"] and stored.email_html == "<p>Hei <b>you</b></p>"
    assert stored.language == "fi"


def test_the_page_is_for_admins_only():
    spec = PAGES_BY_KEY["invoices"]
    assert spec.visible_to(ROOT)
    assert not spec.visible_to(OperatorContext(None, "bob", BASIC))


def test_the_invoices_model_passes_the_model_tester(qtmodeltester):
    from datetime import date

    from evdesk.core.invoicing.service import InvoiceRow

    def row(n, status="sent"):
        return InvoiceRow(uuid.UUID(int=n), 1, None, "invoice", status, n, f"10{n}", "", f"Buyer {n}", "b@x.fi",
                          None, date(2026, 1, 1), date(2026, 1, 15), date(2025, 12, 1), date(2025, 12, 31), "EUR",
                          100 * n, 24 * n, 124 * n, "", None, None, None)

    model = im.InvoicesModel()
    model.set_rows([row(n) for n in range(1, 6)])
    qtmodeltester.check(model)
    model.set_rows([row(2, "paid"), row(3), row(7)])  # removals, a change, an append: no reset
    assert [r.number for r in model.rows()] == [2, 3, 7] and model.rows()[0].status == "paid"
    assert model.index(0, im.COL_AMOUNT).data() == "2.48 €"
    qtmodeltester.check(model)


def test_group_members_without_email_are_asked_about_and_the_csv(qtbot, aio, services, site, tmp_path):
    async def seed():
        fleet = await services.people.groups.create(ROOT, "Fleet")
        for first, email in (("Fred", "fred@fleet.example"), ("Gus", "")):
            await services.people.users.create(ROOT, UserInput(first, "Fleet", email, user_group_id=fleet.id),
                                               [TokenInput(f"TAG-{first}")])

    aio.run(seed())
    page = show(qtbot, InvoicesPage(services, lambda: ROOT))
    dialog = page.new_run()
    aio.wait_until(lambda: dialog.ui.groupsList.count() == 1)
    dialog.ui.groupsList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.ui.monthlyPriceEdit.setText("5")
    today = QDate.currentDate()
    dialog.ui.fromEdit.setDate(QDate(today.year(), today.month(), 1).addMonths(-1))
    dialog.ui.toEdit.setDate(QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1))
    dialog.ui.previewButton.click()
    aio.wait_until(lambda: dialog.question is not None)
    assert "Gus Fleet" in dialog.question.text() and dialog.previews_loaded == 0  # nothing made before the answer
    make = next(b for b in dialog.question.buttons() if b.text() == "Make the others' invoices")
    make.click()
    aio.wait_until(lambda: dialog.previews_loaded >= 1)
    assert dialog.ui.previewTree.topLevelItemCount() == 1
    assert dialog.ui.previewTree.topLevelItem(0).text(2) == "10.00 €"  # two full months × 5.00
    assert "Left out (no e-mail address): Gus Fleet." in dialog.ui.errorLabel.text()
    dialog.close()
    path = tmp_path / "invoices.csv"
    page.export_file(str(path))
    aio.wait_until(lambda: "Exported" in page.ui.stateLabel.text())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("number,kind,status,reference") and ",preview," in lines[1]
