"""The dashboard's charging-group tree: groups (and their subgroups) with their stations, each
station a line of charging-point squares (`PointStatesRole`).

Rules decided here:

* Shown: the groups the gear chose (each with its subtree), or the operator's whole domain when
  none is chosen; a group is shown when it or a group below it holds a shown station (empty
  branches would only push the stations down). Stations without a group (whole-site admins
  only) come last under "Without a group".
* A state chosen in the donut keeps only stations with at least one charging point in that
  state (the manual's "if you click Fault, only charging stations which have charging points
  at faulted state are displayed").
* Live: status changes only mark stations; `flush()` (a coalescer calls it a few times a
  second) emits one `dataChanged` per run of changed siblings, and rebuilds (a reset) only
  when the set of shown stations changed (a filter is on and a station entered or left it).
  A burst of more than `BURST` changed stations (a site-wide boot or power cut) is announced by
  `burstChanged` instead: the view repaints what it shows (cells read the live state when drawn)
  rather than walking thousands of announced rows one by one (a QTreeView does: ~0.2 s for
  2,000 rows, measured).
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from evdesk.core.reads import point_states as sm
from evdesk.gui.models.base import Index, Roles
from evdesk.gui.widgets.status_donut import PointStatesRole
from evdesk.gui.translations.columns import column_title
from evdesk.gui.translations.labels import state_label

GROUP, STATION = "group", "station"
COLUMNS = ("Charging group / station", "Charging points")
NO_GROUP_NAME = "Without a group"
BURST = 64


class Node:
    __slots__ = ("kind", "id", "name", "parent", "children", "row")

    def __init__(self, kind: str, node_id, name: str, parent: Node | None):
        self.kind, self.id, self.name, self.parent = kind, node_id, name, parent
        self.children: list[Node] = []
        self.row = 0


class DashboardTreeModel(QAbstractItemModel):
    burstChanged = Signal()  # many stations changed at once: repaint what is shown
    def __init__(self, services, operator, parent=None, group_ids=()):
        super().__init__(parent)
        self.services = services
        self.operator = operator  # () -> OperatorContext
        self.group_ids: list[UUID] = list(group_ids)
        self.state: str = ""
        self.root = Node(GROUP, None, "", None)
        self._station_nodes: dict[UUID, Node] = {}
        self._dirty: set[UUID] = set()
        self.rebuild()

    # -- building -------------------------------------------------------------------------------
    def set_filter(self, group_ids: list[UUID], state: str) -> None:
        self.group_ids, self.state = list(group_ids), state
        self.rebuild()

    def _shown_stations(self) -> list:
        stations = self.services.dashboard.visible_stations(self.operator(), self.group_ids or None)
        if self.state:
            stations = [s for s in stations if self.state in sm.point_states(s)]
        return stations

    def rebuild(self) -> None:
        self.beginResetModel()
        self.root = Node(GROUP, None, "", None)
        self._station_nodes = {}
        self._dirty.clear()
        tree = self.services.group_tree
        stations = sorted(self._shown_stations(), key=lambda s: s.display_name.casefold())
        by_group: dict[UUID | None, list] = {}
        for s in stations:
            by_group.setdefault(s.group_id, []).append(s)
        children: dict[UUID | None, list[UUID]] = {}
        for g in tree.groups.values():
            children.setdefault(g.parent_id if g.parent_id in tree.groups else None, []).append(g.id)
        ctx = self.operator()

        def add_group(gid: UUID, parent: Node) -> bool:
            node = Node(GROUP, gid, tree.groups[gid].name, parent)
            for child in sorted(children.get(gid, ()), key=lambda c: tree.groups[c].name.casefold()):
                add_group(child, node)
            for s in by_group.get(gid, ()):
                self._add_station(s, node)
            if node.children:
                node.row = len(parent.children)
                parent.children.append(node)
                return True
            return False

        # the top of what the operator sees: groups they see whose parent they do not
        tops = [g for g in tree.groups.values() if ctx.sees_group(g.id)
                and (g.parent_id is None or not ctx.sees_group(g.parent_id))]
        for g in sorted(tops, key=lambda g: g.name.casefold()):
            add_group(g.id, self.root)
        if by_group.get(None):
            orphans = Node(GROUP, None, state_label(NO_GROUP_NAME), self.root)
            for s in by_group[None]:
                self._add_station(s, orphans)
            orphans.row = len(self.root.children)
            self.root.children.append(orphans)
        self.endResetModel()

    def _add_station(self, info, parent: Node) -> None:
        node = Node(STATION, info.id, info.display_name, parent)
        node.row = len(parent.children)
        parent.children.append(node)
        self._station_nodes[info.id] = node

    # -- live ---------------------------------------------------------------------------------------
    def mark(self, station_id: UUID) -> None:
        self._dirty.add(station_id)

    def flush(self) -> None:
        """Show what changed since the last flush (see the module docstring)."""
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        if self.state or any(sid not in self._station_nodes for sid in dirty):
            shown = {s.id for s in self._shown_stations()}
            if shown != set(self._station_nodes):
                self.rebuild()
                return
        if len(dirty) > BURST:
            self.burstChanged.emit()
            return
        runs: dict[int, tuple[Node, list[int]]] = {}
        for sid in dirty:
            node = self._station_nodes.get(sid)
            if node is not None:
                runs.setdefault(id(node.parent), (node.parent, []))[1].append(node.row)
        for parent, rows in runs.values():
            rows.sort()
            first = prev = rows[0]
            for r in rows[1:] + [None]:
                if r is not None and r == prev + 1:
                    prev = r
                    continue
                self.dataChanged.emit(self.createIndex(first, 0, parent.children[first]),
                                      self.createIndex(prev, len(COLUMNS) - 1, parent.children[prev]))
                if r is not None:
                    first = prev = r

    # -- the Qt model -----------------------------------------------------------------------------
    def _node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == Roles.RowData:
            return node.kind
        if role == Roles.RowId:
            return node.id
        info = self.services.stations.by_id.get(node.id) if node.kind == STATION else None
        if node.kind == STATION and info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.name
            if column == 1 and info is not None:
                states = sm.point_states(info)
                return ", ".join(state_label(sm.POINT_STATE_LABELS[s]) for s in states) or state_label("no charging points")
            return None
        if role == PointStatesRole and column == 1 and info is not None:
            return sm.point_states(info)
        if role == Qt.ItemDataRole.ToolTipRole and info is not None:
            lines = [f"{info.display_name} ({info.identity})"]
            for c in sm.charging_points(info):
                state = sm.point_state(info, c)
                error = "" if c.error_code in ("", "NoError") else f", {c.error_code}"
                lines.append(f"Connector {c.connector_id}: {sm.POINT_STATE_LABELS[state]} ({c.status}{error})")
            if info.connection_state != "online":
                lines.append("The station is not online: what it last said may be out of date.")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and node.kind == GROUP and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def index_of_station(self, station_id: UUID) -> QModelIndex:
        node = self._station_nodes.get(station_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    def shown_station_ids(self) -> list[UUID]:
        return list(self._station_nodes)
