"""Render the application icon (resources/icons/evdesk.svg) into each OS's format.

    python3 packaging/make_icons.py

writes packaging/icons/evdesk.png (512 px, Linux), evdesk.ico (16-256 px, Windows) and
evdesk.icns (16-1024 px, macOS). The outputs are committed; run this again after
changing the SVG. Needs PySide6 (to draw the SVG) and Pillow (to write .ico/.icns).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "evdesk.svg"
OUT = HERE / "icons"


def render(size: int):
    """The SVG drawn at size x size as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    OUT.mkdir(parents=True, exist_ok=True)
    big = render(1024)
    render(512).save(OUT / "evdesk.png", optimize=True)
    # .ico: each size drawn from the vector, not scaled down from one bitmap
    ico_sizes = [16, 24, 32, 48, 64, 128, 256]
    ico_images = [render(s) for s in ico_sizes]
    ico_images[-1].save(OUT / "evdesk.ico", sizes=[(s, s) for s in ico_sizes], append_images=ico_images[:-1])
    # .icns: Pillow writes the 16..1024 px set (with @2x variants) from the largest image
    big.save(OUT / "evdesk.icns")
    for name in ("evdesk.png", "evdesk.ico", "evdesk.icns"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
