"""The invoice settings (EV Manager 000 l.812-851): seller, bank account and terms, the two
number series, the default period, the e-mail, monthly fees and group payers. Whole-site
admins save them; a refused field gets its message and focus, on its tab."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QTableWidgetItem, QWidget

from evdesk.core.errors import ValidationError
from evdesk.core.invoicing.settings import ALL_USERS, GROUPS, GroupPayer, InvoiceSettings, MonthlyFee
from evdesk.core.permissions import OperatorContext
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.forms.ui_invoice_settings_dialog import Ui_InvoiceSettingsDialog

FEE_COLUMNS = (QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Name"), QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Price € / month"),
               QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "VAT % (empty: default)"),
               QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Applies to"))
PAYER_COLUMNS = (QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "User group"), QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Payer name"),
                 QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "E-mail"), QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Address"),
                 QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Business ID"))


def _decimal(text: str, field: str, label: str) -> Decimal:
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(QCoreApplication.translate("InvoiceSettingsDialog", "{label} must be a number.").format(
            label=QCoreApplication.translate("InvoiceSettingsDialog", label)), field=field) from None


class InvoiceSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.services, self.operator = services, operator
        self.ui = Ui_InvoiceSettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.version = 0
        self.groups: list[dict] = []
        ui.feesTable.setColumnCount(len(FEE_COLUMNS))
        ui.feesTable.setHorizontalHeaderLabels([self.tr(c) for c in FEE_COLUMNS])
        ui.payersTable.setColumnCount(len(PAYER_COLUMNS))
        ui.payersTable.setHorizontalHeaderLabels([self.tr(c) for c in PAYER_COLUMNS])
        for table in (ui.feesTable, ui.payersTable):
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        ui.addFeeButton.clicked.connect(lambda: self.add_fee(MonthlyFee("", Decimal(0))))
        ui.removeFeeButton.clicked.connect(lambda: ui.feesTable.removeRow(ui.feesTable.currentRow()))
        ui.addPayerButton.clicked.connect(lambda: self.add_payer("", GroupPayer("", "")))
        ui.removePayerButton.clicked.connect(lambda: ui.payersTable.removeRow(ui.payersTable.currentRow()))
        ui.logoButton.clicked.connect(self.choose_logo)
        for label, code in (("English", "en"), ("Finnish (suomi)", "fi")):
            ui.languageCombo.addItem(label, code)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.loaded = False

        async def load():
            ctx = self.operator()
            settings = await services.invoices.load_settings(ctx)
            _users, groups = await services.invoices.recipients(ctx)
            return settings, groups

        run_task(load(), on_done=self._fill, on_error=lambda e: self.show_error(None, str(e)), owner=self,
                 what="loading the invoice settings")

    # -- filling in -----------------------------------------------------------------------------
    def _fill(self, found) -> None:
        (s, self.version), self.groups = found
        ui = self.ui
        for edit, value in ((ui.sellerNameEdit, s.seller_name), (ui.businessIdEdit, s.business_id),
                            (ui.vatNumberEdit, s.vat_number), (ui.emailEdit, s.email), (ui.phoneEdit, s.phone),
                            (ui.wwwEdit, s.www), (ui.logoEdit, s.logo_path), (ui.ibanEdit, s.iban), (ui.bicEdit, s.bic),
                            (ui.penaltyEdit, str(s.penalty_interest)), (ui.vatEdit, str(s.vat_rate)),
                            (ui.referenceStartEdit, str(s.reference_start)), (ui.subjectEdit, s.email_subject)):
            edit.setText(value)
        ui.addressEdit.setPlainText("\n".join(s.address_lines))
        ui.termsSpin.setValue(s.payment_terms_days)
        ui.numberStartSpin.setValue(s.number_start)
        ui.cutoffSpin.setValue(s.cutoff_day)
        ui.periodSpin.setValue(s.period_months)
        ui.htmlEdit.setPlainText(s.email_html)
        ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(s.language)))
        for fee in s.monthly_fees:
            if fee.applies_to == GROUPS:
                for group_id in fee.user_group_ids:  # one row per group it applies to
                    self.add_fee(MonthlyFee(fee.name, fee.price, fee.vat_rate, GROUPS, (group_id,)))
            else:
                self.add_fee(fee)
        for group_id, payer in s.group_payers.items():
            self.add_payer(group_id, payer)
        self.save_button.setEnabled(True)
        self.loaded = True

    def _group_combo(self, chosen: str, with_all: bool) -> QComboBox:
        combo = QComboBox()
        if with_all:
            combo.addItem(self.tr("All users"), ALL_USERS)
        for g in self.groups:
            combo.addItem(self.tr("Group {name}").format(name=g["name"]), str(g["id"]))
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def add_fee(self, fee: MonthlyFee) -> None:
        t = self.ui.feesTable
        r = t.rowCount()
        t.insertRow(r)
        t.setItem(r, 0, QTableWidgetItem(fee.name))
        t.setItem(r, 1, QTableWidgetItem(f"{fee.price:.2f}"))
        t.setItem(r, 2, QTableWidgetItem("" if fee.vat_rate is None else str(fee.vat_rate)))
        chosen = fee.user_group_ids[0] if fee.applies_to == GROUPS and fee.user_group_ids else ALL_USERS
        t.setCellWidget(r, 3, self._group_combo(chosen, True))

    def add_payer(self, group_id: str, payer: GroupPayer) -> None:
        t = self.ui.payersTable
        r = t.rowCount()
        t.insertRow(r)
        t.setCellWidget(r, 0, self._group_combo(group_id, False))
        for c, value in enumerate((payer.name, payer.email, ", ".join(payer.address_lines), payer.business_id), 1):
            t.setItem(r, c, QTableWidgetItem(value))

    def choose_logo(self) -> QFileDialog:
        dialog = QFileDialog(self, "Invoice logo", "", "Images (*.png *.jpg *.jpeg)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.ui.logoEdit.setText)
        dialog.open()
        return dialog

    # -- saving ---------------------------------------------------------------------------------------
    def settings(self) -> InvoiceSettings:
        """What the form says (ValidationError for a field that is not even a number)."""
        ui = self.ui

        def text(item) -> str:
            return item.text().strip() if item is not None else ""

        fees: dict[tuple, MonthlyFee] = {}
        for r in range(ui.feesTable.rowCount()):
            vat = text(ui.feesTable.item(r, 2))
            fee = MonthlyFee(text(ui.feesTable.item(r, 0)),
                             _decimal(text(ui.feesTable.item(r, 1)) or "0", f"monthly_fees.{r}.price", QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "A monthly fee")),
                             _decimal(vat, f"monthly_fees.{r}.vat_rate", QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "The VAT rate")) if vat else None)
            applies = ui.feesTable.cellWidget(r, 3).currentData()
            key = (fee.name, fee.price, fee.vat_rate, applies == ALL_USERS)
            if applies == ALL_USERS:
                fees[key] = fee
            else:
                before = fees.get(key)
                groups = (before.user_group_ids if before else ()) + (applies,)
                fees[key] = MonthlyFee(fee.name, fee.price, fee.vat_rate, GROUPS, groups)
        payers = {}
        for r in range(ui.payersTable.rowCount()):
            group_id = ui.payersTable.cellWidget(r, 0).currentData()
            if group_id:
                payers[group_id] = GroupPayer(text(ui.payersTable.item(r, 1)), text(ui.payersTable.item(r, 2)),
                                              tuple(a.strip() for a in text(ui.payersTable.item(r, 3)).split(",")
                                                    if a.strip()), text(ui.payersTable.item(r, 4)))
        reference = ui.referenceStartEdit.text().strip()
        if not reference.isdigit():
            raise ValidationError(self.tr("The reference number start is digits only, e.g. 10998."), field="reference_start")
        return InvoiceSettings(
            seller_name=ui.sellerNameEdit.text(), business_id=ui.businessIdEdit.text(),
            vat_number=ui.vatNumberEdit.text(), address_lines=tuple(ui.addressEdit.toPlainText().splitlines()),
            email=ui.emailEdit.text(), phone=ui.phoneEdit.text(), www=ui.wwwEdit.text(), logo_path=ui.logoEdit.text(),
            iban=ui.ibanEdit.text(), bic=ui.bicEdit.text(), payment_terms_days=ui.termsSpin.value(),
            penalty_interest=_decimal(ui.penaltyEdit.text(), "penalty_interest", QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "Penalty interest")),
            vat_rate=_decimal(ui.vatEdit.text(), "vat_rate", QT_TRANSLATE_NOOP("InvoiceSettingsDialog", "The VAT rate")), reference_start=int(reference),
            number_start=ui.numberStartSpin.value(), cutoff_day=ui.cutoffSpin.value(),
            period_months=ui.periodSpin.value(), email_subject=ui.subjectEdit.text(),
            email_html=ui.htmlEdit.toPlainText(), monthly_fees=tuple(fees.values()), group_payers=payers,
            language=ui.languageCombo.currentData())

    def save(self) -> None:
        try:
            settings = self.settings()
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        self.save_button.setEnabled(False)
        self.ui.errorLabel.setText("")
        run_task(self.services.invoices.save_settings(self.operator(), settings, self.version), on_done=self._saved,
                 on_error=self._failed, owner=self, what="saving the invoice settings")

    def _saved(self, version: int) -> None:
        self.version = version
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr("Someone else saved the invoice settings meanwhile. "
                                                        "Close and open them again."))

    FIELD_WIDGETS = {"seller_name": "sellerNameEdit", "business_id": "businessIdEdit", "vat_number": "vatNumberEdit",
                     "email": "emailEdit", "phone": "phoneEdit", "www": "wwwEdit", "logo_path": "logoEdit",
                     "iban": "ibanEdit", "bic": "bicEdit", "payment_terms_days": "termsSpin",
                     "penalty_interest": "penaltyEdit", "vat_rate": "vatEdit", "reference_start": "referenceStartEdit",
                     "number_start": "numberStartSpin", "cutoff_day": "cutoffSpin", "period_months": "periodSpin",
                     "email_subject": "subjectEdit", "email_html": "htmlEdit", "group_payers": "payersTable",
                     "language": "languageCombo"}

    def show_error(self, field: str | None, message: str) -> None:
        ui = self.ui
        ui.errorLabel.setText(message)
        name = self.FIELD_WIDGETS.get(field or "")
        if name is None and field and field.startswith("monthly_fees"):
            name = "feesTable"
        widget: QWidget | None = getattr(ui, name, None) if name else None
        if widget is not None:
            page = widget.parentWidget()
            while page is not None and ui.tabs.indexOf(page) < 0:
                page = page.parentWidget()
            if page is not None:
                ui.tabs.setCurrentWidget(page)
            widget.setFocus()
