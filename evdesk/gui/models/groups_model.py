"""The charging-group tree: the operator's groups, their subgroups and stations, with counts.

Children are read when a branch is first opened (lazy); later changes (a group
added, renamed, moved or deleted, a station assigned) are applied to every branch
already read as row removals and inserts, never as a reset. Groups and stations
can be dragged onto a group: the model asks the page to move or assign them (the
service decides), and refuses the drop itself so nothing moves before it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from evdesk.core.groups import charging_points
from evdesk.core.permissions import Permission
from evdesk.gui.models.base import Index, Roles
from evdesk.gui.translations.columns import column_title

COLUMNS = ("Name", "Stations", "Charging points")
GROUP, STATION, ORPHANS = "group", "station", "orphans"
MIME = "application/x-evdesk-tree-items"
ORPHANS_LABEL = "Stations without a group"


@dataclass(eq=False)
class Node:
    kind: str
    id: UUID | None
    parent: "Node | None" = None
    kids: list["Node"] | None = field(default=None, repr=False)  # None: not read yet

    @property
    def key(self) -> tuple:
        return (self.kind, self.id)


class GroupTreeModel(QAbstractItemModel):
    dropRequested = Signal(str, object, object)  # kind, id, target group id

    def __init__(self, services, operator, parent=None):
        super().__init__(parent)
        self.services = services
        self.operator = operator  # callable -> OperatorContext
        self.root = Node("root", None)
        self._nodes: dict[tuple, Node] = {}
        self._counts = None
        self._can_manage: bool | None = None  # asked once per sync, not once per cell

    # -- structure ------------------------------------------------------------------------
    def _ctx(self):
        return self.services.groups.fresh(self.operator())

    def _children_keys(self, node: Node) -> list[tuple]:
        groups = self.services.groups
        ctx = self._ctx()
        if node.kind == "root":
            keys = [(GROUP, g.id) for g in groups.top_groups(ctx)]
            if ctx.sees_station(None):
                keys.append((ORPHANS, None))
            return keys
        if node.kind == GROUP:
            return ([(GROUP, g.id) for g in groups.children(node.id)]
                    + [(STATION, s.id) for s in groups.stations_in(node.id)])
        if node.kind == ORPHANS:
            return [(STATION, s.id) for s in groups.stations_in(None)]
        return []

    def _node(self, key: tuple, parent: Node) -> Node:
        node = self._nodes.get(key)
        if node is None:
            node = Node(key[0], key[1])
            self._nodes[key] = node
        node.parent = parent
        return node

    def _load(self, node: Node) -> list[Node]:
        if node.kids is None:
            node.kids = [self._node(k, node) for k in self._children_keys(node)]
        return node.kids

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        node = parent.internalPointer() if parent.isValid() else self.root
        kids = self._load(node)
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        siblings = up.parent.kids if up.parent is not None else None
        if not siblings or up not in siblings:
            return QModelIndex()
        return self.createIndex(siblings.index(up), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = parent.internalPointer() if parent.isValid() else self.root
        if node.kind == STATION:
            return 0
        return len(self._load(node))

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if not parent.isValid():
            return True
        node: Node = parent.internalPointer()
        if parent.column() != 0 or node.kind == STATION:
            return False
        if node.kids is not None:
            return bool(node.kids)
        return bool(self._children_keys(node))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    # -- data ------------------------------------------------------------------------------
    def counts(self):
        if self._counts is None:
            self._counts = self.services.groups.counts()
        return self._counts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Roles.RowId:
            return node.id
        if role == Roles.RowData:
            return node.kind
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and node.kind in (STATION, ORPHANS):
            from PySide6.QtGui import QColor

            return QColor("#455a64")
        if role == Qt.ItemDataRole.FontRole and node.kind == GROUP and column == 0:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, node: Node, column: int) -> str:
        if node.kind == GROUP:
            group = self.services.groups.groups.get(node.id)
            if column == 0:
                return group.name if group else ""
            c = self.counts().get(node.id)
            return str((c.stations if column == 1 else c.charging_points) if c else 0)
        if node.kind == STATION:
            info = self.services.stations.by_id.get(node.id)
            if info is None:
                return ""
            if column == 0:
                return f"{info.display_name}  ({info.identity})" if info.name and info.name != info.identity else info.identity
            return "" if column == 1 else str(charging_points(info))
        if node.kind == ORPHANS:
            stations = self.services.groups.stations_in(None)
            if column == 0:
                return ORPHANS_LABEL
            return str(len(stations) if column == 1 else sum(charging_points(s) for s in stations))
        return ""

    def index_of(self, kind: str, item_id: UUID | None) -> QModelIndex:
        node = self._nodes.get((kind, item_id))
        if node is None or node.parent is None or node.parent.kids is None or node not in node.parent.kids:
            return QModelIndex()
        return self.createIndex(node.parent.kids.index(node), 0, node)

    # -- live changes ----------------------------------------------------------------------
    def sync(self) -> None:
        """Bring every branch already read up to date, as row removals and inserts."""
        self._counts = None
        self._can_manage = None
        loaded = [n for n in self._walk(self.root) if n.kids is not None]
        wanted = {id(n): self._children_keys(n) for n in loaded}
        for node in loaded:  # pass 1: remove what left (or must be re-placed)
            if node.kids is None:
                continue
            keys = wanted[id(node)]
            key_set = set(keys)  # sets: a group may hold thousands of stations
            keep = [k for k in (c.key for c in node.kids) if k in key_set]
            keep_set = set(keep)
            in_order = [k for k in keys if k in keep_set] == keep
            for row in range(len(node.kids) - 1, -1, -1):
                child = node.kids[row]
                if child.key not in key_set or not in_order:
                    self.beginRemoveRows(self._index_for(node), row, row)
                    del node.kids[row]
                    self._forget(child)
                    self.endRemoveRows()
        for node in loaded:  # pass 2: insert what arrived, where it belongs
            if node.kids is None:
                continue
            parent_index = self._index_for(node)
            for row, key in enumerate(wanted[id(node)]):
                if row < len(node.kids) and node.kids[row].key == key:
                    continue
                self.beginInsertRows(parent_index, row, row)
                node.kids.insert(row, self._node(key, node))
                self.endInsertRows()
        self._changed_all(self.root)

    def _walk(self, node: Node):
        yield node
        for child in node.kids or ():
            yield from self._walk(child)

    def _forget(self, node: Node) -> None:
        """A removed branch: the view forgot it, so its children are read again if it comes back."""
        for child in node.kids or ():
            self._forget(child)
        node.kids = None

    def _index_for(self, node: Node) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.parent.kids.index(node), 0, node)

    def _changed_all(self, node: Node) -> None:
        kids = node.kids or []
        if kids:
            parent_index = self._index_for(node)
            self.dataChanged.emit(self.index(0, 0, parent_index), self.index(len(kids) - 1, len(COLUMNS) - 1, parent_index))
            for child in kids:
                self._changed_all(child)

    # -- drag and drop ------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node: Node = index.internalPointer()
        if self._can_manage is None:
            self._can_manage = self.operator().can(Permission.MANAGE_GROUPS)
        if self._can_manage:
            if node.kind in (GROUP, STATION):
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            if node.kind in (GROUP, ORPHANS):
                flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        keys = []
        for index in indexes:
            node: Node = index.internalPointer()
            if index.column() == 0 and node.kind in (GROUP, STATION):
                keys.append(f"{node.kind}:{node.id}")
        data = QMimeData()
        data.setData(MIME, QByteArray("\n".join(keys).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and (not parent.isValid() or parent.internalPointer().kind in (GROUP, ORPHANS))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(MIME):
            return False
        target = parent.internalPointer() if parent.isValid() else None
        target_id = target.id if target is not None and target.kind == GROUP else None
        for line in bytes(data.data(MIME).data()).decode().splitlines():
            kind, _, raw = line.partition(":")
            self.dropRequested.emit(kind, UUID(raw), target_id)
        return False  # nothing moves here: the page asks the service, and `sync` shows the outcome
