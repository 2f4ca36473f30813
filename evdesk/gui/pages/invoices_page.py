"""The Invoices page (EV Manager 000 l.784-810): the invoices with filters (run, status, user,
period, overdue) and totals; open an invoice's PDF, send it again, mark it paid or unpaid
(unpaid asks first), make a credit note, export CSV for the accounting program; the
invoice settings and a new invoice run open from here.

Admins only (the page is hidden from others); whole-site admins also change the settings.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from evdesk.core import events as ev
from evdesk.core.invoicing.documents import day_text
from evdesk.core.invoicing.service import InvoiceFilter, InvoiceRow
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.invoice_run_dialog import InvoiceRunDialog
from evdesk.gui.dialogs.invoice_settings_dialog import InvoiceSettingsDialog
from evdesk.gui.forms.ui_invoices_page import Ui_InvoicesPage
from evdesk.gui.models import invoices_model as im
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.labels import state_label

STATUS_CHOICES = ((QT_TRANSLATE_NOOP("InvoicesPage", "All statuses"), ""), ("Preview", "preview"), ("Not sent", "unsent"), ("Sent", "sent"),
                  ("Paid", "paid"), ("Overdue", "overdue"))


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def open_with_desktop(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def totals_text(rows: list[InvoiceRow]) -> str:
    if not rows:
        return QCoreApplication.translate("InvoicesPage", "No invoices match.")
    currency = rows[0].currency

    def total(pick) -> str:
        return im.money(sum(r.total_minor for r in rows if pick(r)), currency)

    text = (QCoreApplication.translate("InvoicesPage", "{count} invoice: {all} in all · paid {paid} · open {open} · "
                                                       "overdue {overdue} · previews {previews}") if len(rows) == 1 else
            QCoreApplication.translate("InvoicesPage", "{count} invoices: {all} in all · paid {paid} · open {open} · "
                                                       "overdue {overdue} · previews {previews}"))
    return text.format(count=len(rows), all=total(lambda r: True), paid=total(lambda r: r.status == "paid"),
                       open=total(lambda r: r.status in ("sent", "unsent")), overdue=total(lambda r: r.status == "overdue"),
                       previews=total(lambda r: r.status == "preview"))


class InvoicesPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_InvoicesPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.invoicesView, im.InvoicesModel(self), {im.COL_NAME: 200, im.COL_PAID: 50,
                                                                   im.COL_REF: 90, im.COL_NUMBER: 70,
                                                                   im.COL_AMOUNT: 90, im.COL_PERIOD: 170,
                                                                   im.COL_DUE: 90}, proxy=im.InvoicesProxy(self))
        # the Paid column is a check box: as narrow as its header allows ("Maksettu" and "Bezahlt" are longer)
        ui.invoicesView.setColumnWidth(im.COL_PAID, max(50, ui.invoicesView.horizontalHeader().sectionSizeHint(im.COL_PAID)))
        # newest first as the store gives them; a click on a header sorts (and each reload keeps that order)
        ui.invoicesView.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setup_search(ui.searchEdit)
        self.add_filter(ui.statusCombo, [(self.tr(label) if not value else state_label(label), value)
                                         for label, value in STATUS_CHOICES])
        ui.runCombo.addItem(self.tr("All runs"), None)
        ui.userCombo.addItem(self.tr("All users"), None)
        ui.runCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        ui.userCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        today = QDate.currentDate()
        ui.periodFromEdit.setDate(today.addMonths(-3))
        ui.periodToEdit.setDate(today)
        for widget in (ui.periodFromEdit, ui.periodToEdit):
            widget.dateChanged.connect(lambda _d: self.apply_filter() if ui.periodCheck.isChecked() else None)
        ui.periodCheck.toggled.connect(lambda _on: self.apply_filter())
        ui.overdueCheck.toggled.connect(lambda _on: self.apply_filter())
        ui.newRunButton.clicked.connect(self.new_run)
        ui.openPdfButton.clicked.connect(self.open_pdf)
        ui.resendButton.clicked.connect(self.resend)
        ui.paidButton.clicked.connect(lambda: self.set_paid(True))
        ui.unpaidButton.clicked.connect(self.confirm_unpaid)
        ui.creditButton.clicked.connect(self.confirm_credit)
        ui.exportButton.clicked.connect(self.choose_export_file)
        ui.settingsButton.clicked.connect(self.open_settings)
        self.last_pdf_path: Path | None = None
        # how a made PDF is shown: the desktop's PDF viewer (tests look at the file instead)
        self.open_file: Callable[[Path], object] = open_with_desktop
        self.loaded = 0  # reloads finished (tests wait on it)
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.InvoicesChanged, self._reloads.poke)
        self.reload()
        self._load_choices()

    def detach(self) -> None:
        self._bus.detach()

    # -- loading ----------------------------------------------------------------------------------
    def current_filter(self) -> InvoiceFilter:
        ui = self.ui
        period = ((pydate(ui.periodFromEdit.date()), pydate(ui.periodToEdit.date()))
                  if ui.periodCheck.isChecked() else None)
        return InvoiceFilter(run_id=ui.runCombo.currentData(), status=ui.statusCombo.currentData() or "",
                             user_id=ui.userCombo.currentData(), period=period, overdue=ui.overdueCheck.isChecked(),
                             text=self.search_text().strip())

    def apply_filter(self) -> None:
        super().apply_filter()
        self.reload()

    def reload(self) -> None:
        run_task(self.services.invoices.list(self.operator(), self.current_filter()), on_done=self._loaded,
                 on_error=self.failed, owner=self, what="loading invoices")

    def _loaded(self, rows: list[InvoiceRow]) -> None:
        self.model.set_rows(rows)
        if self.proxy.sortColumn() >= 0:
            self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())  # once per reload, not per row
        self.ui.totalsLabel.setText(totals_text(rows))
        self.loaded += 1
        self._update_actions()

    def _load_choices(self) -> None:
        async def load():
            ctx = self.operator()
            return await self.services.invoices.runs(ctx), (await self.services.invoices.recipients(ctx))[0]

        run_task(load(), on_done=self._fill_choices, on_error=self.failed, owner=self, what="loading invoice runs")

    def _fill_choices(self, found) -> None:
        runs, users = found
        ui = self.ui
        for combo, items in ((ui.runCombo, [(self.tr("{first} - {last} ({count} invoices, by {who})").format(
                                                 first=day_text(r["period_start"]), last=day_text(r["period_end"]),
                                                 count=r["invoices"], who=r["created_by"]), r["id"])
                                             for r in runs]),
                             (ui.userCombo, [(u["name"] or u["email"], u["id"]) for u in users])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def after_change(self) -> None:
        self.reload()

    # -- buttons ------------------------------------------------------------------------------------
    def update_actions(self, ctx: OperatorContext, row: InvoiceRow | None) -> None:
        ui = self.ui
        ui.settingsButton.setVisible(ctx.can(Permission.INVOICES) and ctx.is_root and ctx.base_group_id is None)
        status = row.status if row is not None else None
        ui.openPdfButton.setEnabled(row is not None)
        ui.resendButton.setEnabled(row is not None)
        ui.resendButton.setText(self.tr("Send") if status == "preview" else self.tr("Send again"))
        ui.paidButton.setEnabled(status in ("sent", "unsent", "overdue"))
        ui.unpaidButton.setEnabled(status == "paid")
        ui.creditButton.setEnabled(row is not None and row.kind == "invoice" and status not in (None, "preview"))
        if status == "unsent" and row.mail_error:
            ui.stateLabel.setStyleSheet("color: #e65100;")
            ui.stateLabel.setText(self.tr("Not sent: {error}").format(error=row.mail_error))

    def new_run(self) -> InvoiceRunDialog:
        dialog = InvoiceRunDialog(self.services, self.operator, self)
        dialog.open_file = self.open_file
        dialog.runFinished.connect(lambda text: (self.done(text), self._load_choices()))
        return self.open_dialog(dialog)

    def open_settings(self) -> InvoiceSettingsDialog:
        dialog = InvoiceSettingsDialog(self.services, self.operator, self)
        dialog.saved.connect(lambda: self.done(self.tr("Invoice settings saved.")))
        return self.open_dialog(dialog)

    def open_pdf(self) -> None:
        row = self.selected()
        if row is None:
            return

        async def make() -> Path:
            pdf = await self.services.invoices.pdf(self.operator(), row.id)
            folder = Path(tempfile.gettempdir()) / "evdesk-invoices"
            path = folder / f"invoice-{row.number or row.reference}.pdf"

            def write():
                folder.mkdir(exist_ok=True)
                path.write_bytes(pdf)

            await asyncio.to_thread(write)
            return path

        def opened(path: Path) -> None:
            self.last_pdf_path = path
            self.open_file(path)
            self.done(self.tr("Opened {name}.").format(name=path.name))

        self.ui.stateLabel.setText(self.tr("Making the PDF…"))
        run_task(make(), on_done=opened, on_error=self.failed, owner=self, what="opening an invoice PDF")

    def resend(self) -> None:
        row = self.selected()
        if row is None:
            return

        def said(result) -> str:
            if result.sent:
                return self.tr("Sent the invoice to {email}.").format(email=row.buyer_email)
            return next(iter(result.failed.values()), self.tr("Nothing was sent."))

        self.ui.stateLabel.setText(self.tr("Sending…"))
        self.act(self.services.invoices.resend(self.operator(), row.id), "sending an invoice", said)

    def set_paid(self, paid: bool) -> None:
        row = self.selected()
        if row is None:
            return
        self.act(self.services.invoices.set_paid(self.operator(), row.id, paid, row.version), "marking an invoice",
                 lambda _r: (self.tr("Marked {name}'s invoice {number} paid.") if paid
                             else self.tr("Marked {name}'s invoice {number} unpaid.")).format(
                                 name=row.buyer_name, number=row.number or row.reference))

    def confirm_unpaid(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Mark unpaid"), self.tr("Mark {name}'s invoice {number} unpaid?").format(
                                name=row.buyer_name, number=row.number), self.tr("Mark unpaid"),
                            lambda: self.set_paid(False),
                            detail=self.tr("It is then open again, and overdue once its due date has passed."))

    def confirm_credit(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Credit note"), self.tr("Make a credit note for {name}'s invoice {number}?").format(
                                name=row.buyer_name, number=row.number), self.tr("Make credit note"), lambda: self.credit(row),
                            detail=self.tr("The credit note cancels the whole invoice; it is a preview until you send it."))

    def credit(self, row: InvoiceRow) -> None:
        self.act(self.services.invoices.credit_note(self.operator(), row.id), "making a credit note",
                 lambda _r: self.tr("Made a credit note for invoice {number}: select it and send it.").format(number=row.number))

    def choose_export_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export invoices"), "invoices.csv", self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_file(self, path: str) -> None:
        async def export() -> int:
            text = await self.services.invoices.csv_text(self.operator(), self.current_filter())
            await asyncio.to_thread(Path(path).write_text, text, "utf-8")
            return max(0, text.count("\r\n") - 1)

        self.act(export(), "exporting invoices", lambda n: self.tr("Exported {count} rows to {path}.").format(count=n, path=path))
