"""How the invoice PDF writes things: fonts, numbers, dates, money, and its paragraph styles.

Rules (following EV Manager's invoice example, 000 l.853-892):
* Dates d.m.yyyy without leading zeros ("28.3.2019"); periods "1.11.2018 - 28.2.2019".
* Amounts with two decimals and a point ("26.85"); with the currency "26.85 €" (the symbol
  for EUR, otherwise the ISO code: "26.85 SEK"). No thousands separator, as in the manual.
  Negative amounts (credit notes) with a leading "-".
* Unit prices (1/10000 of the currency unit) with two decimals, more only when the price has
  them ("0.15", "3.00", "0.1234").
* Percentages "24 %" (a space, the Finnish and SI way; the manual mixes "24%" and "8 %").
* Fonts: DejaVu Sans regular and bold, bundled in evdesk/resources/fonts (they carry ä, ö, å,
  €, and most of Latin, Greek and Cyrillic), read through importlib.resources so the same
  code works from the source tree, a wheel and a PyInstaller bundle; registered once per process.
"""

from __future__ import annotations

import io
import threading
from datetime import date
from importlib.resources import files
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_fonts_lock = threading.Lock()
_fonts_ready = False

CURRENCY_SYMBOLS = {"EUR": "€"}


def register_fonts() -> None:
    """Registers the bundled fonts with reportlab (once per process; cheap after the first call)."""
    global _fonts_ready
    if _fonts_ready:
        return
    with _fonts_lock:
        if _fonts_ready:
            return
        folder = files("evdesk.resources.fonts")
        for name, filename in _FONT_FILES.items():
            data = folder.joinpath(filename).read_bytes()
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _fonts_ready = True


def day(d: date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


def period(start: date, end: date) -> str:
    return f"{day(start)} - {day(end)}"


def amount(minor: int) -> str:
    """Cents as "26.85" / "-3.00"."""
    sign = "-" if minor < 0 else ""
    euros, cents = divmod(abs(minor), 100)
    return f"{sign}{euros}.{cents:02d}"


def currency_symbol(currency: str) -> str:
    return CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())


def money(minor: int, currency: str) -> str:
    return f"{amount(minor)} {currency_symbol(currency)}"


def unit_price(ten_thousandths: int | None) -> str:
    """A unit price in 1/10000 of the currency unit: "0.15", "3.00", "0.1234"; "" when none."""
    if ten_thousandths is None:
        return ""
    sign = "-" if ten_thousandths < 0 else ""
    whole, frac = divmod(abs(ten_thousandths), 10_000)
    digits = f"{frac:04d}".rstrip("0").ljust(2, "0")
    return f"{sign}{whole}.{digits}"


def percent(rate: str) -> str:
    """"24 %" with a no-break space: the sign never starts a line of its own."""
    return f"{rate}\u00a0%" if rate else ""


def clip(value: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis marking a cut (keeps fixed blocks within the page)."""
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


def text(value: str) -> str:
    """Operator-entered text made safe for a reportlab Paragraph (its markup is XML)."""
    return escape(value)


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9),
        "label": ParagraphStyle("label", parent=base, fontSize=7.5, leading=9, textColor="#555555"),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9),
        "head_right": ParagraphStyle("head_right", parent=base, fontName=FONT_BOLD, fontSize=7.5,
                                     leading=9, alignment=2),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=24),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14,
                                  spaceBefore=4, spaceAfter=6),
        "seller": ParagraphStyle("seller", parent=base, fontName=FONT_BOLD, fontSize=12, leading=15),
    }
