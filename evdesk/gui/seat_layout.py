"""What the window looks like on this seat, remembered between runs (`seat_settings.py`, QSettings):
the main window's size, position and maximised state, and every splitter's sizes and table
column widths (their order and sort too: `QHeaderView.saveState`) inside a page or a panel.

Rules:
* Keys name where a widget sits: the page's key (or "station_panel"), then the object names of its
  parents down to it; a splitter or a table without an object name anywhere on that path is not
  remembered (its key would not be stable between versions).
* A remembered column layout is restored only when the table still has that many columns: after
  an update that adds a column the defaults are better than a shifted layout.
* Saved when the window closes and when a panel closes; restored when they are built.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QTreeView, QWidget

from evdesk.gui.seat_settings import seat_settings

WINDOW_KEY = "window/geometry"


def _path(root: QWidget, widget: QWidget) -> str | None:
    names = []
    node = widget
    while node is not None and node is not root:
        if node.objectName() and not node.objectName().startswith("qt_"):
            names.append(node.objectName())
        node = node.parentWidget()
    if node is None or not names:
        return None
    return "/".join(reversed(names))


def _tables(root: QWidget):
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, (QTableView, QTreeView)):
            header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
            if header is not None and header.count() > 0:
                yield view, header


def save_layout(prefix: str, root: QWidget) -> None:
    """Remember `root`'s splitters and table columns under `prefix`."""
    settings = seat_settings()
    for splitter in root.findChildren(QSplitter):
        path = _path(root, splitter)
        if path:
            settings.setValue(f"layout/{prefix}/{path}/splitter", splitter.saveState())
    for view, header in _tables(root):
        path = _path(root, view)
        if path:
            settings.setValue(f"layout/{prefix}/{path}/columns", header.saveState())
            settings.setValue(f"layout/{prefix}/{path}/column_count", header.count())
    settings.sync()


def restore_layout(prefix: str, root: QWidget) -> None:
    """Put back what `save_layout` remembered for `prefix` (what is missing keeps its defaults)."""
    settings = seat_settings()
    for splitter in root.findChildren(QSplitter):
        path = _path(root, splitter)
        state = settings.value(f"layout/{prefix}/{path}/splitter") if path else None
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
    for view, header in _tables(root):
        path = _path(root, view)
        if not path:
            continue
        state = settings.value(f"layout/{prefix}/{path}/columns")
        count = settings.value(f"layout/{prefix}/{path}/column_count")
        if isinstance(state, QByteArray) and not state.isEmpty() and str(count) == str(header.count()):
            stretch = header.stretchLastSection()
            header.restoreState(state)
            header.setStretchLastSection(stretch)


def save_window(window: QWidget) -> None:
    settings = seat_settings()
    settings.setValue(WINDOW_KEY, window.saveGeometry())
    settings.sync()


def restore_window(window: QWidget) -> bool:
    """The remembered size and position (a screen that is gone: Qt moves it onto one there is)."""
    state = seat_settings().value(WINDOW_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty():
        return window.restoreGeometry(state)
    return False

