"""The Circuits page's lower editors for the selected circuit: the stations on it (put a
station on with its max current and priority, take one off; each station's charging points
with their phases, the phase a single-phase point is wired to and a three-phase point's
rotation, from the station's EVSE rows — edited in the station's details, shown here because
the allocation depends on them) and its limits by time of day (add, delete).

Everything goes through `CircuitService`; its messages go under the editor they concern.
The station list offers the stations in the operator's domain that are on no circuit yet."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_circuit_members import Ui_CircuitMembers


def point_text(point: dict) -> str:
    """"EVSE 1: 3 ph RST" (phases, rotation) / "EVSE 2: 1 ph on L2" (the phase it is wired to)."""
    phases = point.get("phases")
    if not phases:
        return f"EVSE {point['evse_id']}: not described (3 ph RST)"
    if phases == 1:
        return f"EVSE {point['evse_id']}: 1 ph on {point.get('phase') or 'L1 (not described)'}"
    return f"EVSE {point['evse_id']}: {phases} ph {point.get('phase_rotation') or 'RST'}"


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class CircuitMembers(QWidget):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.ui = Ui_CircuitMembers()
        self.ui.setupUi(self)
        self.services, self.operator = services, operator
        self.circuit = None
        self.stations, self.schedules = [], []
        self._generation = 0
        ui = self.ui
        ui.putButton.clicked.connect(self.put_station)
        ui.removeButton.clicked.connect(self.remove_station)
        ui.addScheduleButton.clicked.connect(self.add_schedule)
        ui.deleteScheduleButton.clicked.connect(self.delete_schedule)
        ui.toEdit.setTime(QTime(6, 0))
        ui.fromEdit.setTime(QTime(22, 0))

    def apply_operator(self, ctx: OperatorContext) -> None:
        may = ctx.can(Permission.EDIT_STATIONS)
        for w in (self.ui.putButton, self.ui.removeButton, self.ui.addScheduleButton, self.ui.deleteScheduleButton):
            w.setEnabled(may and self.circuit is not None)

    def show_circuit(self, circuit) -> None:
        self.circuit = circuit
        self.ui.stationError.clear()
        self.ui.scheduleError.clear()
        self.apply_operator(self.operator())
        if circuit is None:
            self._generation += 1
            self._stations_loaded(([], {}, []))
            self._schedules_loaded([])
            return
        self.ui.limitSpin.setMaximum(circuit.max_current_a)
        self.reload()

    def reload(self) -> None:
        circuit = self.circuit
        if circuit is None:
            return
        circuits, ctx = self.services.circuits, self.operator()
        self._generation += 1  # a slower, older load must not overwrite a newer one
        generation = self._generation

        async def load():
            on = await circuits.stations_on(ctx, circuit.id)
            points = await circuits.points_of(ctx, [r.station_id for r in on])
            taken = await circuits.stations_on_any_circuit()
            return on, points, [s for s in self.services.stations.all()
                                if ctx.sees_station(s.group_id) and s.id not in taken]
        run_task(load(), on_done=lambda r: generation == self._generation and self._stations_loaded(r), owner=self,
                 what="loading the circuit's stations")
        run_task(circuits.schedules(ctx, circuit.id), owner=self,
                 on_done=lambda r: generation == self._generation and self._schedules_loaded(r),
                 what="loading the circuit's limits by time of day")

    def _stations_loaded(self, result) -> None:
        self.stations, points, free = result
        table = self.ui.stationsTable
        table.setRowCount(len(self.stations))
        for i, row in enumerate(self.stations):
            info = self.services.stations.by_id.get(row.station_id)
            name = info.display_name if info else row.identity
            wiring = "; ".join(point_text(p) for p in points.get(row.station_id, [])) or \
                "no charging points described (taken as one three-phase point, RST)"
            for j, text in enumerate([name, wiring, f"{row.max_current_a:g}", str(row.priority)]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.station_id)
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        combo = self.ui.stationCombo
        combo.clear()
        for info in sorted(free, key=lambda s: s.display_name.lower()):
            combo.addItem(f"{info.display_name} ({info.identity})" if info.display_name != info.identity
                          else info.identity, str(info.id))  # str: findData compares it

    def _schedules_loaded(self, rows) -> None:
        self.schedules = rows
        table = self.ui.scheduleTable
        table.setRowCount(len(rows))
        for i, s in enumerate(rows):
            for j, text in enumerate([clock_text(s.start_minute), clock_text(s.end_minute), f"{s.max_current_a:g}"]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                table.setItem(i, j, item)

    # -- changes -------------------------------------------------------------------------------------
    def _selected(self, table) -> UUID | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _run(self, coro, label, what: str) -> None:
        label.clear()
        run_task(coro, on_done=lambda _r: self.reload(), owner=self, what=what, cancel_with_owner=False,
                 on_error=lambda exc: label.setText(str(exc) if isinstance(exc, EvdeskError) else
                                                    f"That did not work ({exc}). Try again."))

    def put_station(self) -> None:
        chosen = self.ui.stationCombo.currentData()
        if self.circuit is None or chosen is None:
            self.ui.stationError.setText("Choose a station that is on no circuit yet.")
            return
        station_id = UUID(chosen)
        self._run(self.services.circuits.put_station(self.operator(), self.circuit.id, station_id,
                                                     self.ui.stationMaxSpin.value(), self.ui.stationPrioritySpin.value()),
                  self.ui.stationError, "putting a station on a circuit")

    def remove_station(self) -> None:
        station_id = self._selected(self.ui.stationsTable)
        if station_id is None:
            self.ui.stationError.setText("Choose the station to take off in the table.")
            return
        self._run(self.services.circuits.remove_station(self.operator(), station_id), self.ui.stationError,
                  "taking a station off a circuit")

    def add_schedule(self) -> None:
        if self.circuit is None:
            return
        ui = self.ui
        self._run(self.services.circuits.add_schedule(self.operator(), self.circuit.id, ui.fromEdit.time().toString("HH:mm"),
                                                      ui.toEdit.time().toString("HH:mm"), ui.limitSpin.value()),
                  ui.scheduleError, "adding a limit by time of day")

    def delete_schedule(self) -> None:
        schedule_id = self._selected(self.ui.scheduleTable)
        if schedule_id is None:
            self.ui.scheduleError.setText("Choose the limit to delete in the table.")
            return
        self._run(self.services.circuits.delete_schedule(self.operator(), schedule_id), self.ui.scheduleError,
                  "deleting a limit by time of day")
