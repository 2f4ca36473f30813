"""A new invoice run (EV Manager 000 l.894-957): the period (by default the settings' rule),
optional kWh and monthly prices for this run only, the user groups and users to bill; then
the previews, where an invoice or a line can be removed and invoices unticked; then send,
with a progress bar and a cancel button (PDFs are made in worker processes, the window stays
responsive). Group members without an e-mail address are asked about, as in the manual."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox, QTreeWidgetItem

from evdesk.core.errors import ValidationError
from evdesk.core.invoicing.documents import day_text
from evdesk.core.invoicing.runs import MissingEmails, RunRequest
from evdesk.core.invoicing.settings import MonthlyFee
from evdesk.core.permissions import OperatorContext
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_invoice_run_dialog import Ui_InvoiceRunDialog
from evdesk.gui.models.invoices_model import money

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "invoice" or "line"
TREE_COLUMNS = (QT_TRANSLATE_NOOP("InvoiceRunDialog", "Name / line"), QT_TRANSLATE_NOOP("InvoiceRunDialog", "Reference"),
                QT_TRANSLATE_NOOP("InvoiceRunDialog", "Amount"), QT_TRANSLATE_NOOP("InvoiceRunDialog", "VAT"),
                QT_TRANSLATE_NOOP("InvoiceRunDialog", "Period"), QT_TRANSLATE_NOOP("InvoiceRunDialog", "Due"),
                QT_TRANSLATE_NOOP("InvoiceRunDialog", "Status"))
# an invoice's status as the preview shows it (the store's word, translated)
STATUS_WORDS = (QT_TRANSLATE_NOOP("InvoiceRunDialog", "preview"), QT_TRANSLATE_NOOP("InvoiceRunDialog", "unsent"),
                QT_TRANSLATE_NOOP("InvoiceRunDialog", "sent"), QT_TRANSLATE_NOOP("InvoiceRunDialog", "paid"),
                QT_TRANSLATE_NOOP("InvoiceRunDialog", "overdue"))


def line_text(ln: dict) -> str:
    """'No. of months: 4 months × 3.00 €', 'Energy, Depot standard: 31.00 kWh × 0.3200 €'."""
    unit = ln["unit"] + ("s" if ln["unit"] in ("month", "session") and ln["quantity"] not in ("1", "-1") else "")
    price = ""
    if ln["unit_price_gross"] is not None:
        value = Decimal(ln["unit_price_gross"])
        places = Decimal("0.01") if value == value.quantize(Decimal("0.01")) else Decimal("0.0001")
        price = f" × {value.quantize(places)} €"
    return f"{ln['description']}: {ln['quantity']} {unit}{price}"


def _price(text: str, field: str) -> Decimal | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(QCoreApplication.translate("InvoiceRunDialog", "Give the price as a number such as 0.15, or leave it empty."), field=field) from None
    if not value.is_finite() or value < 0:
        raise ValidationError(QCoreApplication.translate("InvoiceRunDialog", "Give the price as a number such as 0.15, or leave it empty."), field=field)
    return value


class InvoiceRunDialog(QDialog):
    runFinished = Signal(str)

    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.services, self.operator = services, operator
        self.ui = Ui_InvoiceRunDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.run_id = None
        self.cancel_event: asyncio.Event | None = None
        self.question: QMessageBox | None = None
        self.previews_loaded = 0  # tests wait on it
        self.last_pdf_path: Path | None = None
        # how a made PDF is shown: the desktop's PDF viewer (tests look at the file instead)
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path)))
        ui.previewTree.setColumnCount(len(TREE_COLUMNS))
        ui.previewTree.setHeaderLabels([self.tr(c) for c in TREE_COLUMNS])
        ui.previewTree.setColumnWidth(0, 260)
        ui.progressBar.hide()
        ui.cancelSendButton.hide()
        ui.sendButton.setEnabled(False)
        ui.previewButton.clicked.connect(lambda: self.make_previews(False))
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.openPdfButton.clicked.connect(self.open_pdf)
        ui.sendButton.clicked.connect(self.send)
        ui.cancelSendButton.clicked.connect(self.cancel_sending)
        ui.closeButton.clicked.connect(self.reject)
        ui.userSearchEdit.textChanged.connect(self._filter_users)

        async def load():
            ctx = self.operator()
            return await services.invoices.default_period(ctx), await services.invoices.recipients(ctx)

        run_task(load(), on_done=self._fill, on_error=self.show_error, owner=self, what="loading an invoice run")

    def _fill(self, found) -> None:
        (start, end), (users, groups) = found
        ui = self.ui
        ui.fromEdit.setDate(QDate(start.year, start.month, start.day))
        ui.toEdit.setDate(QDate(end.year, end.month, end.day))
        for g in groups:
            label = g["name"] + (self.tr(" (billed to {payer})").format(payer=g["payer"]) if g["payer"] else "")
            self._check_item(ui.groupsList, label, g["id"])
        for u in users:
            self._check_item(ui.usersList, f"{u['name']} <{u['email']}>", u["id"])
        ui.groupsList.setEnabled(bool(groups))

    @staticmethod
    def _check_item(widget, label: str, value) -> QListWidgetItem:
        item = QListWidgetItem(label, widget)
        item.setData(ID_ROLE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _filter_users(self, text: str) -> None:
        for i in range(self.ui.usersList.count()):
            item = self.ui.usersList.item(i)
            item.setHidden(text.casefold() not in item.text().casefold())

    @staticmethod
    def _checked(widget) -> tuple:
        return tuple(widget.item(i).data(ID_ROLE) for i in range(widget.count())
                     if widget.item(i).checkState() == Qt.CheckState.Checked)

    # -- previews ---------------------------------------------------------------------------------------
    def request(self, leave_out: bool) -> RunRequest:
        ui = self.ui
        monthly = _price(ui.monthlyPriceEdit.text(), "monthly_price")
        f, t = ui.fromEdit.date(), ui.toEdit.date()
        return RunRequest(date(f.year(), f.month(), f.day()), date(t.year(), t.month(), t.day()),
                          self._checked(ui.usersList), self._checked(ui.groupsList),
                          _price(ui.kwhPriceEdit.text(), "kwh_price"),
                          None if monthly is None else (MonthlyFee("No. of months", monthly),),
                          leave_out_without_email=leave_out)

    def make_previews(self, leave_out: bool) -> None:
        try:
            req = self.request(leave_out)
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.ui.errorLabel.setText("")
        self.ui.previewButton.setEnabled(False)
        run_task(self.services.invoices.create_run(self.operator(), req), on_done=self._made,
                 on_error=self._refused, owner=self, what="making invoice previews")

    def _refused(self, exc: BaseException) -> None:
        self.ui.previewButton.setEnabled(True)
        if isinstance(exc, MissingEmails):
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Members without e-mail"), str(exc), parent=self)
            make = box.addButton(self.tr("Make the others' invoices"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.buttonClicked.connect(lambda clicked: self.make_previews(True) if clicked is make else None)
            self.question = box
            box.open()
            return
        self.show_error(exc)

    def _made(self, result) -> None:
        self.run_id = result.run_id
        notes = []
        if result.left_out:
            notes.append(self.tr("Left out (no e-mail address): {names}.").format(names=", ".join(result.left_out)))
        if result.nothing_to_bill:
            notes.append(self.tr("Nothing to bill for: {names}.").format(names=", ".join(result.nothing_to_bill)))
        self.ui.errorLabel.setText(" ".join(notes))
        for widget in (self.ui.fromEdit, self.ui.toEdit, self.ui.kwhPriceEdit, self.ui.monthlyPriceEdit,
                       self.ui.groupsList, self.ui.usersList):
            widget.setEnabled(False)  # a run's previews are made once; remove what should not go
        self.reload_previews()

    def reload_previews(self) -> None:
        run_task(self.services.invoices.run_invoices(self.operator(), self.run_id), on_done=self._show_previews,
                 on_error=self.show_error, owner=self, what="loading invoice previews")

    def _show_previews(self, found) -> None:
        tree = self.ui.previewTree
        ticked = {tree.topLevelItem(i).data(0, ID_ROLE): tree.topLevelItem(i).checkState(0)
                  for i in range(tree.topLevelItemCount())}
        tree.clear()
        total = 0
        for row, lines in found:
            item = QTreeWidgetItem([row.buyer_name, row.reference, money(row.total_minor, row.currency),
                                    money(row.vat_minor, row.currency),
                                    f"{day_text(row.period_start)} - {day_text(row.period_end)}",
                                    day_text(row.due_date), self.tr(row.status) if not row.mail_error
                                    else self.tr("not sent")])
            item.setData(0, ID_ROLE, row.id)
            item.setData(0, KIND_ROLE, "invoice")
            if row.status in ("preview", "unsent"):
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, ticked.get(row.id, Qt.CheckState.Checked))
                total += row.total_minor
            if row.mail_error:
                item.setToolTip(6, row.mail_error)
            for ln in lines:
                child = QTreeWidgetItem([line_text(ln), "",
                                         money(ln["gross_minor"], row.currency), money(ln["vat_minor"], row.currency),
                                         self.tr("VAT {rate} %").format(rate=ln["vat_rate"])])
                child.setData(0, ID_ROLE, ln["id"])
                child.setData(0, KIND_ROLE, "line")
                item.addChild(child)
            tree.addTopLevelItem(item)
        n = tree.topLevelItemCount()
        self.ui.previewTotalLabel.setText((self.tr("{count} invoice, to send {total}") if n == 1 else
                                           self.tr("{count} invoices, to send {total}")).format(
                                              count=n, total=money(total, self.services.settings.currency)))
        self.ui.sendButton.setEnabled(any(r.status in ("preview", "unsent") for r, _ in found))
        self.previews_loaded += 1

    def remove_selected(self) -> None:
        item = self.ui.previewTree.currentItem()
        if item is None:
            return
        invoices = self.services.invoices
        if item.data(0, KIND_ROLE) == "invoice":
            job = invoices.remove_invoice(self.operator(), item.data(0, ID_ROLE))
        else:
            job = invoices.remove_line(self.operator(), item.data(0, ID_ROLE))
        run_task(job, on_done=lambda _r: self.reload_previews(), on_error=self.show_error, owner=self,
                 what="removing from a preview")

    def open_pdf(self) -> None:
        item = self.ui.previewTree.currentItem()
        if item is None:
            return
        if item.data(0, KIND_ROLE) == "line":
            item = item.parent()
        invoice_id = item.data(0, ID_ROLE)

        async def make() -> Path:
            pdf = await self.services.invoices.pdf(self.operator(), invoice_id)
            path = Path(tempfile.gettempdir()) / "evdesk-invoices" / f"preview-{item.text(1)}.pdf"

            def write():
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(pdf)

            await asyncio.to_thread(write)
            return path

        def opened(path: Path) -> None:
            self.last_pdf_path = path
            self.open_file(path)

        run_task(make(), on_done=opened, on_error=self.show_error, owner=self, what="opening a preview PDF")

    # -- sending -------------------------------------------------------------------------------------------
    def ticked_ids(self) -> list:
        tree = self.ui.previewTree
        return [tree.topLevelItem(i).data(0, ID_ROLE) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def send(self) -> None:
        ids = self.ticked_ids()
        if not ids:
            self.ui.errorLabel.setText(self.tr("Tick the invoices to send."))
            return
        ui = self.ui
        self.cancel_event = asyncio.Event()
        ui.progressBar.setRange(0, len(ids))
        ui.progressBar.setValue(0)
        ui.progressBar.show()
        ui.cancelSendButton.show()
        ui.cancelSendButton.setEnabled(True)
        for button in (ui.sendButton, ui.removeButton, ui.closeButton):
            button.setEnabled(False)
        ui.errorLabel.setText("")
        run_task(self.services.invoices.send(self.operator(), ids, progress=self._progress,
                                             cancelled=self.cancel_event),
                 on_done=self._sent, on_error=self._send_failed, owner=self, what="sending invoices",
                 cancel_with_owner=False)

    def _progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setValue(done)

    def cancel_sending(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.ui.cancelSendButton.setEnabled(False)
            self.ui.errorLabel.setText(self.tr("Cancelling: the invoices being e-mailed now finish first…"))

    def _finish_sending(self) -> None:
        ui = self.ui
        ui.cancelSendButton.hide()
        for button in (ui.removeButton, ui.closeButton):
            button.setEnabled(True)
        self.reload_previews()

    def _sent(self, result) -> None:
        self._finish_sending()
        text = (self.tr("Sent {count} invoice.") if len(result.sent) == 1 else self.tr("Sent {count} invoices.")).format(
            count=len(result.sent))
        if result.failed:
            reasons = sorted(set(result.failed.values()))
            text += " " + (self.tr("{count} not sent: {reason} (and other reasons)") if len(reasons) > 1
                           else self.tr("{count} not sent: {reason}")).format(count=len(result.failed), reason=reasons[0])
            text += " " + self.tr("Send them again from the list.")
        if result.cancelled:
            text = self.tr("Sending was cancelled.") + " " + text
        self.ui.errorLabel.setText(text)
        self.runFinished.emit(text)

    def _send_failed(self, exc: BaseException) -> None:
        self._finish_sending()
        self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        self.ui.errorLabel.setText(str(exc))
        field = getattr(exc, "field", None)
        target = {"kwh_price": self.ui.kwhPriceEdit, "monthly_price": self.ui.monthlyPriceEdit,
                  "period_start": self.ui.fromEdit, "period_end": self.ui.toEdit, "user_ids": self.ui.usersList,
                  "user_group_ids": self.ui.groupsList}.get(field)
        if target is not None:
            target.setFocus()
