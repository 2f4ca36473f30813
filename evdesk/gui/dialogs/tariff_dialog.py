"""Add, edit or look at a tariff, with a live "what would this session cost" preview.

Rules of this editor:

* Only the fields of the chosen type are shown (`FIELDS_BY_KIND`); switching type keeps
  what was typed in the others, but only the shown ones are saved.
* The prices are checked as they are typed by the same function the service and the API
  use (`prices_from_dict`); each message appears next to its field, every wrong field at
  once. The preview prices a session with the pure engine (`evdesk.core.pricing.price`,
  no I/O, so it runs on the window's thread at each change) in the site's time zone.
* The currency is the site's and cannot be chosen here.
* Only whole-site administrators change tariffs (the rule of `core/tariffs.py`); anyone
  else sees the tariff read-only with a line that says why. A base tariff keeps the name
  of its tariff group.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidgetItem, QWidget

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import ANALYST, NOBODY, OperatorContext, Permission
from evdesk.core.pricing import Span, Usage, price
from evdesk.core.pricing.tariff import FIELDS_BY_KIND, KINDS, TIME_BASES, TariffPrices, prices_from_dict
from evdesk.core.tariffs import TariffRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_tariff_dialog import Ui_TariffDialog
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.translations.phrases import phrase

STALE = QT_TRANSLATE_NOOP("TariffDialog", "Someone else changed this tariff since you opened it. Close this window and open it again.")
# rows of the prices form: the row's key and the fields it holds (shown when the type uses its first field)
ROWS = {
    "sessionPrice": ("session_price",), "dayStarts": ("day_starts",), "nightStarts": ("night_starts",),
    "energyPrice": ("energy_price",), "nightEnergyPrice": ("night_energy_price",),
    "dcEnergyPrice": ("dc_energy_price",), "timePrice": ("time_price", "time_unit"),
    "nightTimePrice": ("night_time_price",), "timeBasis": ("time_basis",), "levels": ("levels",),
    "connectionFee": ("connection_fee",), "minuteFee": ("minute_fee", "minute_fee_from"),
    "dcMinuteFee": ("dc_minute_fee", "dc_minute_fee_from"), "idleFee": ("idle_fee_per_hour", "idle_grace_minutes"),
}
PRICE_EDITS = {"session_price": "sessionPrice", "energy_price": "energyPrice", "night_energy_price": "nightEnergyPrice",
               "dc_energy_price": "dcEnergyPrice", "time_price": "timePrice", "night_time_price": "nightTimePrice",
               "connection_fee": "connectionFee", "minute_fee": "minuteFee", "dc_minute_fee": "dcMinuteFee",
               "idle_fee_per_hour": "idleFee"}
# where a field's message goes: the error label of its row (the rest: under the form)
ERROR_LABELS = {field: f"{row}Error" for row, names in ROWS.items() for field in names} | {
    "name": "nameError", "kind": "kindError", "vat_rate": "vatRateError", "valid_from": "validFromError",
    "valid_to": "validToError", "max_minutes": "maxMinutesError", "max_kwh": "maxKwhError",
    "max_cost": "maxCostError"}
# the labels that change with the type (day / night, AC / DC)
ROW_LABELS = {
    "sessionPrice": QT_TRANSLATE_NOOP("TariffDialog", "Price per session:"), "energyPrice": QT_TRANSLATE_NOOP("TariffDialog", "Energy:"), "nightEnergyPrice": QT_TRANSLATE_NOOP("TariffDialog", "Energy (night):"),
    "dcEnergyPrice": QT_TRANSLATE_NOOP("TariffDialog", "Energy (DC):"), "timePrice": QT_TRANSLATE_NOOP("TariffDialog", "Time:"), "nightTimePrice": QT_TRANSLATE_NOOP("TariffDialog", "Time (night):"),
    "connectionFee": QT_TRANSLATE_NOOP("TariffDialog", "Connection fee:"), "minuteFee": QT_TRANSLATE_NOOP("TariffDialog", "Per-minute fee:"), "dcMinuteFee": QT_TRANSLATE_NOOP("TariffDialog", "Per-minute fee (DC):"),
    "idleFee": QT_TRANSLATE_NOOP("TariffDialog", "Parking fee:"),
}
KIND_LABELS = {"day_night": {"energyPrice": QT_TRANSLATE_NOOP("TariffDialog", "Energy (day):"), "timePrice": QT_TRANSLATE_NOOP("TariffDialog", "Time (day):")},
               "ac_dc": {"energyPrice": QT_TRANSLATE_NOOP("TariffDialog", "Energy (AC):"), "minuteFee": QT_TRANSLATE_NOOP("TariffDialog", "Per-minute fee (AC):")}}
# a stand-in for a field that cannot be left empty, to find the other fields' problems too
STAND_INS = {"day_starts": "07:00", "night_starts": "22:00", "levels": [{"max_kw": "1", "price_per_minute": "0"}]}
UTC_ZONE = QTimeZone.utc()


def may_edit(ctx: OperatorContext) -> bool:
    """Tariffs and tariff groups change for whole-site administrators only."""
    return ctx.can(Permission.TARIFFS) and ctx.is_root


def read_only_reason(ctx: OperatorContext) -> str:
    if ctx.role == NOBODY:
        return QCoreApplication.translate("TariffDialog", "Log in to change tariffs.")
    if ctx.role == ANALYST:
        return QCoreApplication.translate("TariffDialog", "You can look at tariffs and tariff groups; analysts change nothing.")
    if not ctx.can(Permission.TARIFFS):
        return QCoreApplication.translate("TariffDialog", "You can look at tariffs and tariff groups; only administrators "
                                                          "change them.")
    return QCoreApplication.translate("TariffDialog", "You can look at tariffs and assign tariff groups within your charging "
                                      "groups; only administrators of the whole site change tariffs and tariff groups, "
                                      "because one price reaches every station that uses it.")


def all_problems(data: dict) -> dict[str, str]:
    """Every field's message at once ({} when the prices are right): the first problem is
    noted, its field emptied (an empty price is 0) or given a stand-in, and checked again."""
    data, problems = dict(data), {}
    for _ in range(40):
        try:
            prices_from_dict(data)
            return problems
        except ValidationError as exc:
            field = exc.field or "prices"
            if field in problems:
                return problems
            problems[field] = str(exc)
            if field in STAND_INS:
                data[field] = STAND_INS[field]
            elif field in data and field != "kind":
                data[field] = ""
            else:
                return problems
    return problems


def wall_clock(edit, zone) -> datetime:
    """The local time a QDateTimeEdit shows (kept in UTC so no DST of this computer moves it), in `zone`."""
    naive = edit.dateTime().toPython().replace(tzinfo=None)
    return naive.replace(tzinfo=zone).astimezone(timezone.utc)


def set_wall_clock(edit, at: datetime, zone) -> None:
    edit.setTimeZone(UTC_ZONE)
    local = at.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    edit.setDateTime(QDateTime(local.date(), QTime(local.hour, local.minute), UTC_ZONE))


def amount(value: Decimal) -> str:
    return f"{value:.2f}"


def quantity(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.0001')):f}".rstrip("0").rstrip(".")
    return text or "0"


class TariffDialog(QDialog):
    tariffSaved = Signal(object)  # TariffRow

    def __init__(self, services, operator: Callable[[], OperatorContext], tariff: TariffRow | None = None,
                 parent=None):
        super().__init__(parent)
        self.ui = Ui_TariffDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.tariff = services, operator, tariff
        self.can_edit = may_edit(operator())
        self.preview_breakdown = None  # the last Breakdown shown (tests and screenshots read it)
        ui = self.ui
        # names are operators' text: never markup
        ui.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        ui.formError.setTextFormat(Qt.TextFormat.PlainText)
        ui.nameError.setTextFormat(Qt.TextFormat.PlainText)
        self.currency = services.settings.currency
        self.zone = display.zone_of(services.settings)
        for key, text in KINDS.items():
            ui.kindCombo.addItem(phrase(text), key)
        ui.timeUnitCombo.addItem(self.tr("per hour"), "hour")
        ui.timeUnitCombo.addItem(self.tr("per minute"), "minute")
        for key, text in TIME_BASES.items():
            ui.timeBasisCombo.addItem(phrase(text[0].upper() + text[1:]), key)
        ui.currencyValue.setText(self.tr("{currency} (the site's currency; every price is in it)").format(currency=self.currency))
        ui.maxCostUnit.setText(self.currency)
        zone = display.zone_label(self.zone)
        ui.validityHelp.setText(self.tr("Times in {zone}. A tariff outside its dates admits no session: the tariff "
                                        "group's next choice applies.").format(zone=zone))
        ui.idleGraceSpin.setToolTip(self.tr("Minutes parked after charging that cost nothing."))
        self._setup_levels()
        self._setup_preview()
        for check, edit in ((ui.validFromCheck, ui.validFromEdit), (ui.validToCheck, ui.validToEdit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._changed)
            set_wall_clock(edit, datetime.now(timezone.utc).replace(minute=0), self.zone)
            edit.setEnabled(False)
        self._fill(tariff)
        for edit in self._line_edits():
            edit.textChanged.connect(self._changed)
        for spin in (ui.minuteFeeFromSpin, ui.dcMinuteFeeFromSpin, ui.idleGraceSpin):
            spin.valueChanged.connect(self._changed)
        for combo in (ui.kindCombo, ui.timeUnitCombo, ui.timeBasisCombo):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (ui.dayStartsEdit, ui.nightStartsEdit):
            edit.timeChanged.connect(self._changed)
        ui.pricesIncludeVatCheck.toggled.connect(self._changed)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self._apply_rights()
        self._changed()

    # -- filling in --------------------------------------------------------------------------------------
    def _line_edits(self):
        ui = self.ui
        return [getattr(ui, f"{row}Edit") for row in PRICE_EDITS.values()] + [
            ui.nameEdit, ui.vatRateEdit, ui.maxMinutesEdit, ui.maxKwhEdit, ui.maxCostEdit]

    def _fill(self, tariff: TariffRow | None) -> None:
        ui = self.ui
        if tariff is None:
            self.setWindowTitle(self.tr("Add tariff"))
            ui.introLabel.setText(self.tr("A tariff is used once it is in a tariff group that applies to a station."))
            ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("energy_time"))
            ui.dayStartsEdit.setTime(QTime(7, 0))
            ui.nightStartsEdit.setTime(QTime(22, 0))
            ui.okButton.setText(self.tr("Add tariff"))
            return
        p = tariff.prices
        self.setWindowTitle(self.tr("Tariff {name}").format(name=tariff.name))
        groups = ", ".join(tariff.in_groups)
        ui.introLabel.setText(
            (self.tr("In the tariff group(s) {groups}.").format(groups=groups) if groups
             else self.tr("Not in any tariff group yet.")) + " "
            + self.tr("A change applies to sessions that start after it; running and past sessions keep their prices."))
        ui.nameEdit.setText(tariff.name)
        if tariff.base_of is not None:
            ui.nameEdit.setEnabled(False)
            ui.nameEdit.setToolTip(self.tr("A base tariff is named after its tariff group."))
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(p.kind)))
        snapshot = p.to_dict()
        for field, row in PRICE_EDITS.items():
            value = Decimal(snapshot[field])
            getattr(ui, f"{row}Edit").setText("" if not value else snapshot[field])
        ui.minuteFeeFromSpin.setValue(p.minute_fee_from)
        ui.dcMinuteFeeFromSpin.setValue(p.dc_minute_fee_from)
        ui.idleGraceSpin.setValue(p.idle_grace_minutes)
        ui.timeUnitCombo.setCurrentIndex(max(0, ui.timeUnitCombo.findData(p.time_unit)))
        ui.timeBasisCombo.setCurrentIndex(max(0, ui.timeBasisCombo.findData(p.time_basis)))
        ui.dayStartsEdit.setTime(QTime(p.day_starts.hour, p.day_starts.minute) if p.day_starts else QTime(7, 0))
        ui.nightStartsEdit.setTime(QTime(p.night_starts.hour, p.night_starts.minute) if p.night_starts else QTime(22, 0))
        for level in p.levels:
            self.add_level(str(level.max_kw), str(level.price_per_minute))
        ui.vatRateEdit.setText("" if not p.vat_rate else str(p.vat_rate))
        ui.pricesIncludeVatCheck.setChecked(p.prices_include_vat)
        for check, edit, at in ((ui.validFromCheck, ui.validFromEdit, tariff.valid_from),
                                (ui.validToCheck, ui.validToEdit, tariff.valid_to)):
            check.setChecked(at is not None)
            if at is not None:
                set_wall_clock(edit, at, self.zone)
        ui.maxMinutesEdit.setText("" if p.max_minutes is None else str(p.max_minutes))
        ui.maxKwhEdit.setText("" if p.max_kwh is None else str(p.max_kwh))
        ui.maxCostEdit.setText("" if p.max_cost is None else str(p.max_cost))
        ui.notesEdit.setPlainText(tariff.notes)

    def _apply_rights(self) -> None:
        ui = self.ui
        if self.can_edit:
            ui.readOnlyLabel.hide()
            return
        ui.readOnlyLabel.setText(read_only_reason(self.operator()))
        ui.readOnlyLabel.show()
        for box in (ui.tariffBox, ui.pricesBox, ui.vatBox, ui.limitsBox):
            for child in box.findChildren(QWidget):
                if not isinstance(child, QLabel):
                    child.setEnabled(False)
        ui.notesEdit.setReadOnly(True)
        ui.okButton.hide()
        ui.cancelButton.setText(self.tr("Close"))

    # -- power levels -------------------------------------------------------------------------------------
    def _setup_levels(self) -> None:
        table = self.ui.levelsTable
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels([self.tr("Up to (average kW)"), self.tr("Price per minute")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._changed)
        self.ui.addLevelButton.clicked.connect(lambda: self.add_level())
        self.ui.removeLevelButton.clicked.connect(self.remove_level)

    def add_level(self, max_kw: str = "", price_per_minute: str = "") -> None:
        table = self.ui.levelsTable
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(max_kw))
        table.setItem(row, 1, QTableWidgetItem(price_per_minute))
        table.blockSignals(False)
        self._changed()

    def remove_level(self) -> None:
        table = self.ui.levelsTable
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._changed()

    def _levels(self) -> list[dict]:
        table, out = self.ui.levelsTable, []
        for row in range(table.rowCount()):
            cells = [table.item(row, c).text().strip() if table.item(row, c) else "" for c in (0, 1)]
            if any(cells):
                out.append({"max_kw": cells[0], "price_per_minute": cells[1]})
        return out

    # -- the fields as the service takes them --------------------------------------------------------------------
    def kind(self) -> str:
        return self.ui.kindCombo.currentData()

    def price_fields(self) -> dict:
        ui = self.ui
        data = {"kind": self.kind(), "currency": self.currency,
                "prices_include_vat": ui.pricesIncludeVatCheck.isChecked(), "vat_rate": ui.vatRateEdit.text().strip(),
                "time_unit": ui.timeUnitCombo.currentData(), "time_basis": ui.timeBasisCombo.currentData(),
                "minute_fee_from": ui.minuteFeeFromSpin.value(), "dc_minute_fee_from": ui.dcMinuteFeeFromSpin.value(),
                "idle_grace_minutes": ui.idleGraceSpin.value(),
                "day_starts": ui.dayStartsEdit.time().toString("HH:mm"),
                "night_starts": ui.nightStartsEdit.time().toString("HH:mm"), "levels": self._levels(),
                "max_minutes": ui.maxMinutesEdit.text().strip(), "max_kwh": ui.maxKwhEdit.text().strip(),
                "max_cost": ui.maxCostEdit.text().strip()}
        for field, row in PRICE_EDITS.items():
            data[field] = getattr(ui, f"{row}Edit").text().strip()
        used = set(FIELDS_BY_KIND[data["kind"]])
        # what the chosen type does not use is not saved (nor checked)
        for field in list(data):
            if field in ROW_FIELDS and field not in used:
                del data[field]
        return data

    def validity(self) -> tuple[datetime | None, datetime | None]:
        ui = self.ui
        return (wall_clock(ui.validFromEdit, self.zone) if ui.validFromCheck.isChecked() else None,
                wall_clock(ui.validToEdit, self.zone) if ui.validToCheck.isChecked() else None)

    # -- checking and the preview as fields change ---------------------------------------------------------------
    def _changed(self, *_args) -> None:
        ui, kind = self.ui, self.kind()
        used = set(FIELDS_BY_KIND[kind])
        for row, fields in ROWS.items():
            ui.pricesForm.setRowVisible(getattr(ui, f"{row}Row"), fields[0] in used)
            if row in ROW_LABELS:
                getattr(ui, f"{row}Label").setText(self.tr(KIND_LABELS.get(kind, {}).get(row, ROW_LABELS[row])))
        ui.pricesBox.setVisible(kind != "free")
        ui.vatForm.setRowVisible(ui.vatRateRow, kind != "free")
        unit = self.tr("per minute") if ui.timeUnitCombo.currentData() == "minute" else self.tr("per hour")
        ui.nightTimePriceUnit.setText(unit)
        self._show_problems(all_problems(self.price_fields()), keep=("name", "valid_from", "valid_to"))
        self.update_preview()

    def _error_label(self, field: str | None) -> QLabel:
        return getattr(self.ui, ERROR_LABELS.get(field or "", "formError"))

    def _show_problems(self, problems: dict[str, str], keep=()) -> None:
        labels = {self._error_label(f) for f in ERROR_LABELS} | {self.ui.formError}
        keep_labels = {self._error_label(f) for f in keep}
        shown: dict[QLabel, str] = {}
        for field, text in problems.items():
            label = self._error_label(field)
            shown[label] = f"{shown[label]} {text}" if label in shown else text
        for label in labels - keep_labels:
            label.setText(shown.get(label, ""))
            # a field's label stays (empty) so its row keeps its shape; the form's own line shows only when used
            label.setVisible(label in shown or label is not self.ui.formError)
        self.problems = problems

    def show_error(self, field: str | None, text: str) -> None:
        label = self._error_label(field)
        label.setText(text)
        label.show()

    # -- the preview --------------------------------------------------------------------------------------------
    def _setup_preview(self) -> None:
        ui = self.ui
        table = ui.previewTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Amount")])
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(table.EditTrigger.NoEditTriggers)
        ui.durationMinSpin.setValue(60)
        ui.energySpin.setValue(20.0)
        start = datetime.now(timezone.utc).astimezone(self.zone).replace(minute=0, second=0, microsecond=0)
        set_wall_clock(ui.startEdit, start, self.zone)
        ui.startLabel.setText(self.tr("Start ({zone}):").format(zone=display.zone_label(self.zone)))
        for spin in (ui.durationMinSpin, ui.durationSecSpin, ui.parkingSpin):
            spin.valueChanged.connect(self.update_preview)
        ui.energySpin.valueChanged.connect(self.update_preview)
        ui.startEdit.dateTimeChanged.connect(self.update_preview)
        ui.currentCombo.currentIndexChanged.connect(self.update_preview)

    def usage(self) -> Usage:
        ui = self.ui
        start = wall_clock(ui.startEdit, self.zone)
        end = start + timedelta(minutes=ui.durationMinSpin.value(), seconds=ui.durationSecSpin.value())
        parked = timedelta(minutes=ui.parkingSpin.value())
        idle = (Span(end, end + parked),) if parked else ()
        wh = int((Decimal(str(ui.energySpin.value())) * 1000).to_integral_value())
        return Usage(start, end, wh, idle=idle, current=ui.currentCombo.currentText())

    def update_preview(self, *_args) -> None:
        ui, table = self.ui, self.ui.previewTable
        charging = self.kind() in ("energy_time", "day_night", "power_levels") and \
            ui.timeBasisCombo.currentData() == "charging"
        ui.previewNote.setText(self.tr("Priced as a session would be: each line rounded to the cent, the total their sum.") + " "
                               + (self.tr("Here the car charges for the whole duration.") + " " if charging else "")
                               + self.tr("A session keeps the prices it started with."))
        ui.currentCombo.setEnabled(self.kind() == "ac_dc" or not self.can_edit)
        table.setRowCount(0)
        self.preview_breakdown = None
        if getattr(self, "problems", None):
            ui.previewTotals.setText(self.tr("Correct the fields marked in red to see the price."))
            return
        try:
            prices: TariffPrices = prices_from_dict(self.price_fields())
        except ValidationError as exc:  # (all_problems found none: should not happen)
            ui.previewTotals.setText(str(exc))
            return
        result = price(prices, self.usage(), self.zone)
        self.preview_breakdown = result
        for ln in result.lines:
            row = table.rowCount()
            table.insertRow(row)
            unit = "" if ln.unit == "session" else ln.unit
            cells = (ln.label, f"{quantity(ln.quantity)} {ln.unit}", f"{ln.unit_price}{'/' + unit if unit else ''}",
                     amount(ln.amount))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        if not result.lines:
            ui.previewTotals.setText(self.tr("<b>Total {currency} 0.00</b>: this session costs nothing.").format(currency=result.currency))
            return
        vat = ""
        if result.vat_rate:
            words = self.tr("included") if result.prices_include_vat else self.tr("added")
            vat = self.tr("Net {net} · VAT {rate} % {vat} ({words})").format(
                net=amount(result.net), rate=quantity(result.vat_rate), vat=amount(result.vat), words=words) + "<br>"
        ui.previewTotals.setText(vat + self.tr("<b>Total {currency} {total}</b>").format(currency=result.currency,
                                                                                       total=amount(result.total)))

    # -- saving ----------------------------------------------------------------------------------------------------
    def save(self) -> None:
        ui = self.ui
        self._changed()
        if self.problems:
            self.show_error(None, self.tr("Correct the fields marked in red, then save."))
            return
        for label in (ui.nameError, ui.validFromError, ui.validToError, ui.formError):
            label.clear()
        ui.formError.hide()
        ctx, service = self.operator(), self.services.tariffs
        valid_from, valid_to = self.validity()
        args = (ui.nameEdit.text(), self.price_fields(), valid_from, valid_to, ui.notesEdit.toPlainText().strip())
        if self.tariff is None:
            coro = service.create_tariff(ctx, *args)
        else:
            coro = service.update_tariff(ctx, self.tariff.id, self.tariff.version, *args)
        ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a tariff",
                 cancel_with_owner=False)

    def _saved(self, row: TariffRow) -> None:
        self.tariffSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.okButton.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr(STALE))


ROW_FIELDS = {field for fields in ROWS.values() for field in fields}
