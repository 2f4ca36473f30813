"""The stations table: every station the site knows, live from the core's cache.

Rows are station ids; cell values are read from `services.stations` (memory, no
database) each time the view asks, so a change only needs a `dataChanged` for its
row. Group names are the one thing read from the store, once and when a station
moves to a group not yet known.
"""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QFont

from evdesk.core import events as ev
from evdesk.core.hardware_rules import SYSTEM_STATUS_LABELS
from evdesk.core.station_cache import StationInfo
from evdesk.core.station_status import ONLINE
from evdesk.gui import display
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.connection_text import connection_colour, connection_text
from evdesk.gui.models.base import BusListener, Index, Roles, ZoneFollower, redraw_columns
from evdesk.gui.translations.columns import column_title
from evdesk.gui.translations.labels import state_label

COLUMNS = ("Name", "Identifier", "Group", "Location", "Connectors", "Firmware", "Connection", "System status",
           "Connector status", "Last seen")
(COL_NAME, COL_IDENTITY, COL_GROUP, COL_LOCATION, COL_CONNECTORS, COL_FIRMWARE, COL_CONNECTION, COL_SYSTEM_STATUS,
 COL_CONNECTOR_STATUS, COL_LAST_SEEN) = range(len(COLUMNS))
SYSTEM_STATUS_COLOURS = {"disabled": "#757575", "out_of_order": "#c62828"}
# Registration is not a column (most stations are adopted): the name says when a station is not.
REGISTRATION_SUFFIX = {"pending": "  (pending)", "rejected": "  (rejected)"}

CONNECTION_ORDER = {"online": 0, "temporarily_unavailable": 1, "long_term_unavailable": 2, "never_connected": 3}


def connector_summary(info: StationInfo) -> str:
    """'1: Charging · 2: Available' (connector 0 is the station itself, shown only if faulted)."""
    parts = [
        f"{cid}: {c.status}" for cid, c in sorted(info.connectors.items())
        if cid != 0 or c.status in ("Faulted", "Unavailable")
    ]
    return " · ".join(parts) if parts else "–"


class StationsModel(QAbstractTableModel):
    LAST_SEEN_REFRESH_MS = 5000

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._ids: list[UUID] = [s.id for s in sorted(services.stations.all(), key=lambda s: s.display_name.lower())]
        self._row_of = {sid: i for i, sid in enumerate(self._ids)}
        # status bursts (a boot storm) become one repaint per changed range every 200 ms
        self._changed_rows: set[int] = set()
        self._row_updates = Coalescer(self.flush_changes, 200, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.StationAdded, self._station_added)
        self._bus.on(ev.StationRemoved, self._station_removed)
        self._bus.on(ev.StationChanged, self._station_changed)
        self._bus.on(ev.ConnectionStateChanged, lambda e: self._touch(e.station_id))
        self._bus.on(ev.ConnectorStatusChanged, lambda e: self._touch(e.station_id))
        ZoneFollower(self._bus, services.settings, lambda: redraw_columns(self, [COL_LAST_SEEN]))
        # "last seen" moves on every frame without an event (the hot path stays cheap):
        # refresh that column on a timer instead.
        self._clock = QTimer(self)
        self._clock.setInterval(self.LAST_SEEN_REFRESH_MS)
        self._clock.timeout.connect(self._refresh_last_seen)
        self._clock.start()
        self._bus.on(ev.GroupChanged, lambda _e: self._groups_changed())
        self._bus.on(ev.LocationsChanged, lambda _e: redraw_columns(self, [COL_LOCATION]))

    def detach(self) -> None:
        self._bus.detach()
        self._clock.stop()
        self._row_updates.stop()

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    # -- groups ------------------------------------------------------------------
    def _groups_changed(self) -> None:
        # a group renamed (here or by another seat): its name in the group column
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_GROUP), self.index(len(self._ids) - 1, COL_GROUP))

    def group_name(self, group_id: UUID | None) -> str:
        """From the core's group tree in memory (no store read)."""
        return self.services.groups.name_of(group_id)

    # -- the Qt model ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_LAST_SEEN:
                return display.time_header("Last seen", self.zone, two_lines=True)  # a narrow column
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_LAST_SEEN:
            return f"Local time, {display.zone_name(self.zone)}"
        return None

    def station_at(self, row: int) -> StationInfo | None:
        if 0 <= row < len(self._ids):
            return self.services.stations.by_id.get(self._ids[row])
        return None

    def row_of(self, station_id: UUID) -> int:
        return self._row_of.get(station_id, -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self.station_at(index.row())
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Roles.RowData:
            return info
        if role == Roles.RowId:
            return info.id
        if role == Roles.Status:
            return info.connection_state
        if role == Roles.Registration:
            return info.registration
        if role == Roles.ConnectorStatuses:
            return [(cid, c.status) for cid, c in sorted(info.connectors.items()) if cid != 0]
        if role == Roles.SearchText:
            return f"{info.name}\n{info.identity}".lower()
        if role == Roles.SortValue:
            return self._sort_value(info, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_CONNECTION:
                return display.QColor(connection_colour(self.services, info))
            if column == COL_SYSTEM_STATUS and info.system_status in SYSTEM_STATUS_COLOURS:
                return display.QColor(SYSTEM_STATUS_COLOURS[info.system_status])
            if column == COL_NAME and info.registration != "adopted":
                return display.QColor("#ef6c00")
            if info.connection_state != ONLINE:
                return display.OFFLINE_TEXT  # offline rows greyed, as operators expect
            return None
        if role == Qt.ItemDataRole.FontRole and column in (COL_NAME, COL_CONNECTION):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CONNECTORS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, info: StationInfo, column: int):
        if column == COL_NAME:
            return info.display_name + state_label(REGISTRATION_SUFFIX.get(info.registration, ""))
        if column == COL_IDENTITY:
            return info.identity
        if column == COL_GROUP:
            return self.group_name(info.group_id)
        if column == COL_LOCATION:
            return self.services.locations.name_of(info.location_id)
        if column == COL_SYSTEM_STATUS:
            return state_label(SYSTEM_STATUS_LABELS.get(info.system_status, info.system_status))
        if column == COL_CONNECTORS:
            return str(len([c for c in info.connectors if c != 0]))
        if column == COL_FIRMWARE:
            return info.firmware_version or "–"
        if column == COL_CONNECTION:
            return self._connection_text(info)
        if column == COL_CONNECTOR_STATUS:
            return connector_summary(info)
        if column == COL_LAST_SEEN:
            return display.last_seen_text(info.last_seen, self.zone)
        return None

    def _sort_value(self, info: StationInfo, column: int):
        if column == COL_CONNECTORS:
            return len(info.connectors)
        if column == COL_CONNECTION:
            return CONNECTION_ORDER.get(info.connection_state, 9)
        if column == COL_LAST_SEEN:
            return (info.last_seen or datetime.min.replace(tzinfo=timezone.utc)).timestamp()
        text = self._display(info, column)
        return text.lower() if isinstance(text, str) else text

    def _tooltip(self, info: StationInfo, column: int) -> str | None:
        if column == COL_LAST_SEEN:
            when = display.local_time(info.last_seen, self.zone)
            return f"{when} {display.zone_name(self.zone)} ({display.ago(info.last_seen)})" if when else "Never seen"
        if column == COL_CONNECTOR_STATUS:
            lines = []
            for cid, c in sorted(info.connectors.items()):
                extra = f" — {display.error_code_label(c.error_code)}" if c.error_code not in ("", "NoError") else ""
                lines.append(f"#{cid}: {c.status}{extra}")
            return "\n".join(lines) or None
        if column == COL_NAME:  # the whole name, however narrow the column
            device = f"{info.vendor} {info.model}".strip()
            return f"{info.display_name}\n{info.identity}" + (f"\n{device} firmware {info.firmware_version or '?'}"
                                                              if device else "")
        if column == COL_FIRMWARE:
            return f"{info.vendor} {info.model} firmware {info.firmware_version or '?'}".strip()
        if column in (COL_IDENTITY, COL_GROUP, COL_LOCATION):
            return self._display(info, column) or None
        if column == COL_SYSTEM_STATUS and info.system_status != "active":
            return "Not monitored: its faults are not counted or mailed."
        return None

    # -- live updates ------------------------------------------------------------
    def _station_added(self, event: ev.StationAdded) -> None:
        if event.station_id in self._row_of or event.station_id not in self.services.stations.by_id:
            return
        row = len(self._ids)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.append(event.station_id)
        self._row_of[event.station_id] = row
        self.endInsertRows()

    def _station_removed(self, event: ev.StationRemoved) -> None:
        self.flush_changes()  # pending row numbers are about to shift
        row = self._row_of.get(event.station_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._row_of = {sid: i for i, sid in enumerate(self._ids)}
        self.endRemoveRows()

    def _station_changed(self, event: ev.StationChanged) -> None:
        self._touch(event.station_id)

    def _touch(self, station_id: UUID) -> None:
        row = self._row_of.get(station_id)
        if row is not None:
            self._changed_rows.add(row)
            self._row_updates.poke()

    def flush_changes(self) -> None:
        """Announce the rows changed since the last flush, as contiguous ranges."""
        rows, self._changed_rows = sorted(self._changed_rows), set()
        last_column = len(COLUMNS) - 1
        start = prev = None
        for row in rows + [None]:
            if row is not None and prev is not None and row == prev + 1:
                prev = row
                continue
            if start is not None and start < len(self._ids):
                self.dataChanged.emit(self.index(start, 0), self.index(min(prev, len(self._ids) - 1), last_column))
            start = prev = row

    def _refresh_last_seen(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_LAST_SEEN), self.index(len(self._ids) - 1, COL_LAST_SEEN))
            if self.services.shared_db.engine is not None:  # which seat serves a station moves without an event
                self.dataChanged.emit(self.index(0, COL_CONNECTION), self.index(len(self._ids) - 1, COL_CONNECTION))

    def _connection_text(self, info: StationInfo) -> str:
        return connection_text(self.services, info)


class StationFilterProxy(QSortFilterProxyModel):
    """Search by name or identifier; filter by connection state and registration."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._connection: str | None = None
        self._registration: str | None = None
        self._sees = None  # the operator's domain: group id -> visible?
        self.setSortRole(Roles.SortValue)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().lower()
        self.endFilterChange()

    def set_connection_state(self, state: str | None) -> None:
        """None = any; 'offline' = every state but online."""
        self.beginFilterChange()
        self._connection = state or None
        self.endFilterChange()

    def set_registration(self, registration: str | None) -> None:
        self.beginFilterChange()
        self._registration = registration or None
        self.endFilterChange()

    def set_domain(self, sees_station) -> None:
        """Show only stations the operator sees (`sees_station(group_id)`); None shows all."""
        self.beginFilterChange()
        self._sees = sees_station
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._sees is not None:
            info = model.station_at(source_row)
            if info is not None and not self._sees(info.group_id):
                return False
        index = model.index(source_row, 0, source_parent)
        if self._search and self._search not in (model.data(index, Roles.SearchText) or ""):
            return False
        if self._registration and model.data(index, Roles.Registration) != self._registration:
            return False
        if self._connection:
            state = model.data(index, Roles.Status)
            if self._connection == "offline":
                return state != ONLINE
            return state == self._connection
        return True
