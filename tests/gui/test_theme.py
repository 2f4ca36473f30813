"""The dark palette: applied when the OS uses a dark scheme, back to the platform's look when not;
the custom-painted status donut and squares stay readable on it."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from evdesk.gui import theme
from evdesk.gui.widgets.status_donut import StatusDonut


def contrast(a, b) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_palette_follows_the_choice_and_goes_back(qapp, qtbot):
    light_window = qapp.palette().color(QPalette.ColorRole.Window)
    style = qapp.style().name()
    assert theme.os_prefers_dark(qapp) is False  # the offscreen platform reports no dark scheme
    try:
        assert theme.apply_theme(qapp, dark=True) is True
        p = qapp.palette()
        assert theme.dark_palette_in_force()
        for fg, bg in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                       (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                       (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
            assert contrast(p.color(fg), p.color(bg)) >= 4.5, (fg, bg)
        # the donut's count is drawn in the palette's text colour: readable on the dark window
        donut = StatusDonut()
        qtbot.addWidget(donut)
        donut.resize(320, 320)
        donut.set_counts({"charging": 2, "available": 3})
        donut.show()
        image: QImage = donut.grab().toImage()
        window = p.color(QPalette.ColorRole.Window)
        text = p.color(QPalette.ColorRole.WindowText)
        assert contrast(text, window) >= 7
        assert any(contrast(image.pixelColor(x, y), window) >= 7
                   for x in range(image.width()) for y in range(0, image.height(), 3))  # the count is there
    finally:
        theme.apply_theme(qapp, dark=False)
    assert qapp.palette().color(QPalette.ColorRole.Window) == light_window
    assert qapp.style().name() == style
    assert not theme.dark_palette_in_force()
    assert QApplication.instance() is qapp
