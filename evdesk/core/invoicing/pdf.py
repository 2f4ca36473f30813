"""An invoice (or credit note) as a PDF: `render_invoice_pdf(doc) -> bytes`.

Pure reportlab, no Qt: it runs in worker processes (`render_pool.InvoicePdfPool`), never on
the GUI's event loop (reportlab holds the GIL for the whole render).

Layout, after EV Manager's invoice example (000 l.853-892, fields 1-13), on A4:
* page 1, top: the seller's logo (if the file is a readable local JPEG/PNG; anything else
  is left out, never an error) and name; the title ("Invoice" / "Credit note") and the
  total including VAT (field 2). Left: the payer's name, e-mail and address (field 1).
  Right: invoice number, invoice date (3), period (4), due date (5), payment terms in days
  (6), penalty interest (7), reference number and RF reference; a credit note names the
  invoice it corrects.
* "Vehicle charging invoice": the lines (description, amount (8), unit, unit price incl. VAT
  (9), total incl. VAT (10), VAT % (11), VAT € (12)); then totals per VAT rate and
  total excluding VAT, VAT, to be paid (13). A long list of lines flows onto page 2.
* page 1, foot (fixed position, as on a Finnish bank transfer form): the seller's details,
  the transfer form, the EPC QR code and the bank barcode (`pdf_payment`).
* Appendix: the charging sessions, from a new page, the table's header repeated on each
  page; thousands of rows paginate (one LongTable, fixed row heights).
* Every page: "Invoice <number> - page x / y" at the bottom.
Every figure is printed as given in the document (invoicing decides rounding); this module
only formats (`pdf_text`). Labels in the document's language (`pdf_labels`: English, Finnish).
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Frame, Image, LongTable, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)

from evdesk.core.invoicing import pdf_text as fmt
from evdesk.core.invoicing.document import InvoiceDocument
from evdesk.core.invoicing.pdf_labels import labels
from evdesk.core.invoicing.pdf_payment import PaymentArea
from evdesk.core.invoicing.reference import grouped

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_H = 8 * mm
LOGO_BOX = (40 * mm, 18 * mm)
MAX_LOGO_BYTES = 5_000_000
GRID = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")
SESSION_ROW_H = 12.5


def render_invoice_pdf(doc: InvoiceDocument) -> bytes:
    """The PDF's bytes. Deterministic for the same document (fixed creation date, no random ids)."""
    fmt.register_fonts()
    out = io.BytesIO()
    st = fmt.styles()
    words = labels(doc.language)
    payment = PaymentArea(doc, CONTENT_W)
    first_bottom = MARGIN + FOOTER_H + payment.height + 4 * mm
    first = Frame(MARGIN, first_bottom, CONTENT_W, PAGE_H - MARGIN - first_bottom, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, MARGIN + FOOTER_H, CONTENT_W, PAGE_H - 2 * MARGIN - FOOTER_H, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    title = _title(doc, words)

    def first_page(canvas, _doc):
        payment.draw(canvas, MARGIN, MARGIN + FOOTER_H)

    template = BaseDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"{title} {doc.number}", author=doc.seller.name, subject=doc.message, creator="evdesk",
        invariant=1, pageTemplates=[PageTemplate("first", [first], onPage=first_page),
                                    PageTemplate("later", [later])])
    story = [NextPageTemplate("later"), *_header(doc, st, words), Spacer(1, 5 * mm), *_lines(doc, st, words)]
    if doc.notes:
        story += [Spacer(1, 3 * mm), *[Paragraph(fmt.text(n), st["small"]) for n in doc.notes]]
    if doc.sessions:
        story += [PageBreak(), *_sessions(doc, st, words)]
    footer = words["page"].replace("{title}", title).replace("{number}", doc.number)
    template.build(story, canvasmaker=_numbered_canvas(footer))
    return out.getvalue()


def _title(doc: InvoiceDocument, words: dict[str, str]) -> str:
    return words["credit_note"] if doc.kind == "credit_note" else words["invoice"]


def _style(*commands) -> TableStyle:
    """A table style whose cells use the bundled font (reportlab's default, Helvetica, is not embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fmt.FONT), *commands])


def _logo(path: str) -> Image | None:
    """The logo scaled into LOGO_BOX, or None for no path, a URL, a missing, huge or invalid file."""
    if not path or "://" in path:
        return None
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_LOGO_BYTES + 1)
        if not data or len(data) > MAX_LOGO_BYTES:
            return None
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
        if w <= 0 or h <= 0:
            return None
        scale = min(LOGO_BOX[0] / w, LOGO_BOX[1] / h)
        return Image(io.BytesIO(data), width=w * scale, height=h * scale, hAlign="LEFT")
    except Exception:  # noqa: BLE001 - any unreadable image: the invoice is printed without it
        return None


def _header(doc: InvoiceDocument, st, words: dict[str, str]) -> list:
    title = _title(doc, words)
    logo = _logo(doc.logo_path)
    seller = [logo] if logo is not None else []
    seller.append(Paragraph(fmt.text(fmt.clip(doc.seller.name, 140)), st["seller"]))
    total_label = words["total_credited"] if doc.total_minor < 0 else words["total_incl_vat"]
    top_right = [Paragraph(title, st["title"]),
                 Paragraph(f"{total_label} <b><font size=14>{fmt.money(abs(doc.total_minor), doc.currency)}"
                           f"</font></b>", st["body"])]
    top = Table([[seller, top_right]], colWidths=[CONTENT_W * 0.55, CONTENT_W * 0.45])
    top.setStyle(_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    b = doc.buyer
    payer = [Paragraph(fmt.text(b.name), st["bold"])]
    payer += [Paragraph(fmt.text(x), st["body"]) for x in (*b.address_lines, b.email, b.phone) if x]
    facts = [(words["number"].format(title=title), doc.number)]
    if doc.kind == "credit_note" and doc.credits_number:
        facts.append((words["corrects"], doc.credits_number))
    facts += [(words["date"].format(title=title), fmt.day(doc.invoice_date)),
              (words["period"], fmt.period(doc.period_start, doc.period_end))]
    if doc.total_minor > 0:
        facts += [(words["due"], fmt.day(doc.due_date)),
                  (words["terms"], words["terms_days"].format(days=doc.payment_terms_days)),
                  (words["penalty"], fmt.percent(doc.penalty_interest))]
    if doc.reference:
        facts.append((words["reference"], grouped(doc.reference)))
    if doc.rf_reference:
        facts.append((words["rf_reference"], grouped(doc.rf_reference)))
    if b.business_id:
        facts.append((words["payer_business_id"], b.business_id))
    if b.vat_number:
        facts.append((words["payer_vat_number"], b.vat_number))
    fact_rows = [[Paragraph(label, st["label"]), Paragraph(fmt.text(value), st["body"])] for label, value in facts]
    fact_table = Table(fact_rows, colWidths=[CONTENT_W * 0.2, CONTENT_W * 0.25])
    fact_table.setStyle(_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")))
    middle = Table([[payer, fact_table]], colWidths=[CONTENT_W * 0.55, CONTENT_W * 0.45])
    middle.setStyle(_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0)))
    return [top, Spacer(1, 8 * mm), middle]


def _lines(doc: InvoiceDocument, st, words: dict[str, str]) -> list:
    sym = fmt.currency_symbol(doc.currency)
    heading = words["heading_credit"] if doc.kind == "credit_note" else words["heading_invoice"]
    head = [Paragraph(words["col_description"], st["head"]), Paragraph(words["col_amount"], st["head_right"]),
            Paragraph(words["col_unit"], st["head"]),
            Paragraph(words["col_unit_price"].format(sym=sym), st["head_right"]),
            Paragraph(words["col_total"].format(sym=sym), st["head_right"]),
            Paragraph(words["col_vat_rate"], st["head_right"]),
            Paragraph(words["col_vat"].format(sym=sym), st["head_right"])]
    rows = [head]
    for line in doc.lines:
        rows.append([Paragraph(fmt.text(line.description), st["body"]), line.quantity, line.unit,
                     fmt.unit_price(line.unit_price_minor_gross), fmt.amount(line.gross_minor),
                     fmt.percent(line.vat_rate), fmt.amount(line.vat_minor)])
    w = CONTENT_W
    table = Table(rows, colWidths=[w * 0.31, w * 0.10, w * 0.09, w * 0.14, w * 0.14, w * 0.10, w * 0.12],
                  repeatRows=1)
    table.setStyle(_style(
        ("FONTSIZE", (0, 1), (-1, -1), 9),
        ("ALIGN", (1, 1), (1, -1), "RIGHT"), ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ))
    return [Paragraph(heading, st["heading"]), table, Spacer(1, 3 * mm), _totals(doc, st, words)]


def _totals(doc: InvoiceDocument, st, words: dict[str, str]) -> Table:
    """Per VAT rate (net, VAT, gross), then total excluding VAT, VAT and to be paid (field 13)."""
    sym = fmt.currency_symbol(doc.currency)
    rows = [["", Paragraph(words["col_vat_rate"], st["head_right"]),
             Paragraph(words["col_net"].format(sym=sym), st["head_right"]),
             Paragraph(words["col_vat"].format(sym=sym), st["head_right"]),
             Paragraph(words["col_gross"].format(sym=sym), st["head_right"])]]
    for vat in doc.vat_totals:
        rows.append(["", fmt.percent(vat.vat_rate), fmt.amount(vat.net_minor), fmt.amount(vat.vat_minor),
                     fmt.amount(vat.gross_minor)])
    first_sum = len(rows)
    pay_label = words["sum_credit"] if doc.total_minor < 0 else words["sum_pay"]
    rows += [["", words["sum_net"].format(sym=sym), "", "", fmt.amount(doc.net_minor)],
             ["", words["sum_vat"].format(sym=sym), "", "", fmt.amount(doc.vat_minor)],
             ["", pay_label.format(sym=sym), "", "", fmt.amount(doc.total_minor)]]
    w = CONTENT_W
    table = Table(rows, colWidths=[w * 0.40, w * 0.15, w * 0.15, w * 0.15, w * 0.15])
    table.setStyle(_style(
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (1, 0), (-1, 0), 0.5, GRID),
        ("LINEABOVE", (1, first_sum), (-1, first_sum), 0.8, colors.black),
        ("SPAN", (1, first_sum), (3, first_sum)), ("SPAN", (1, first_sum + 1), (3, first_sum + 1)),
        ("SPAN", (1, first_sum + 2), (3, first_sum + 2)),
        ("FONTNAME", (1, -1), (-1, -1), fmt.FONT_BOLD), ("FONTSIZE", (1, -1), (-1, -1), 10.5),
        ("BACKGROUND", (1, -1), (-1, -1), SHADE),
    ))
    return table


def _sessions(doc: InvoiceDocument, st, words: dict[str, str]) -> list:
    sym = fmt.currency_symbol(doc.currency)
    rows = [[words["col_started"], words["col_station"], words["col_token"], words["col_energy"],
             words["col_session_amount"].format(sym=sym)]]
    for s in doc.sessions:
        rows.append([s.started, fmt.clip(s.station, 38), fmt.clip(s.token, 22), s.energy_kwh,
                     "" if s.amount_minor is None else fmt.amount(s.amount_minor)])
    rows.append(["", words["sessions_count"].format(count=len(doc.sessions)), "", _kwh_total(doc), ""])
    w = CONTENT_W
    table = LongTable(rows, colWidths=[w * 0.2, w * 0.38, w * 0.2, w * 0.11, w * 0.11], repeatRows=1,
                      rowHeights=[SESSION_ROW_H] * len(rows))
    table.setStyle(_style(
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, 0), (-1, 0), fmt.FONT_BOLD), ("FONTNAME", (0, -1), (-1, -1), fmt.FONT_BOLD),
        ("ALIGN", (3, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ))
    intro = words["appendix_intro"].format(number=fmt.text(doc.number),
                                           period=fmt.period(doc.period_start, doc.period_end))
    return [Paragraph(words["appendix"], st["heading"]), Paragraph(intro, st["small"]), Spacer(1, 2 * mm), table]


def _kwh_total(doc: InvoiceDocument) -> str:
    try:
        total = sum((Decimal(s.energy_kwh) for s in doc.sessions), Decimal(0))
    except InvalidOperation:
        return ""
    return f"{total:.2f}"


def _numbered_canvas(footer: str):
    """A canvas class that writes the footer ("Invoice 1 - page {page} / {pages}") on every
    page, the number of pages known at the end."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # reportlab's default first font is Helvetica, which is not embedded: start with ours
            kwargs["initialFontName"] = fmt.FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(fmt.FONT, 7.5)
                self.setFillColor(colors.HexColor("#555555"))
                line = footer.replace("{page}", str(number)).replace("{pages}", str(total))
                self.drawRightString(PAGE_W - MARGIN, MARGIN, line)
                super().showPage()
            super().save()

    return NumberedCanvas
