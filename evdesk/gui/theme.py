"""Light or dark: the desk follows the operating system's colour scheme.

Rules:
* Qt 6.5+ says what the OS uses (`QStyleHints.colorScheme()`); Dark gives the Fusion style with
  the dark palette below (the platform styles do not all darken themselves), Light or Unknown
  leaves the platform's own look. A change of the OS setting while evdesk runs applies at once.
* Custom-painted widgets take their text and lines from the palette (`is_dark` where a colour has
  to differ); the charts keep their white plot area in both, as a printed chart would, so their
  colours were chosen once against white.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

_light_palette: QPalette | None = None
_light_style: str | None = None


def os_prefers_dark(app: QGuiApplication | None = None) -> bool:
    app = app or QGuiApplication.instance()
    hints = app.styleHints() if app is not None else None
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#263238"), QColor("#1e272c"), QColor("#eceff1")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor("#2c393f"),
        QPalette.ColorRole.ToolTipBase: QColor("#37474f"), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#90a4ae"), QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#37474f"), QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff8a80"), QPalette.ColorRole.Light: QColor("#546e7a"),
        QPalette.ColorRole.Midlight: QColor("#455a64"), QPalette.ColorRole.Mid: QColor("#37474f"),
        QPalette.ColorRole.Dark: QColor("#1a2327"), QPalette.ColorRole.Shadow: QColor("#101518"),
        QPalette.ColorRole.Highlight: QColor("#1565c0"), QPalette.ColorRole.HighlightedText: QColor("white"),
        QPalette.ColorRole.Link: QColor("#64b5f6"), QPalette.ColorRole.LinkVisited: QColor("#b39ddb"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    disabled = QColor("#78909c")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_theme(app: QApplication, dark: bool | None = None) -> bool:
    """Dark palette when `dark` (default: what the OS prefers); returns whether dark is in force."""
    global _light_palette, _light_style
    if dark is None:
        dark = os_prefers_dark(app)
    if _light_palette is None:
        _light_palette = QPalette(app.palette())
        _light_style = app.style().name()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        if _light_style:
            app.setStyle(_light_style)
        app.setPalette(_light_palette)
    return dark


def follow_os_theme(app: QApplication) -> None:
    """Apply the OS's scheme now and whenever it changes."""
    apply_theme(app)
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette_in_force() -> bool:
    """The application's palette is dark (for painting without a widget at hand)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
