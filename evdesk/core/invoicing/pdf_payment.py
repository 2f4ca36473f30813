"""The foot of an invoice's first page: the seller's details, the bank-transfer form with
the EPC payment QR code, and the Finnish bank barcode with its digits.

Layout rule (EV Manager's example, 000 l.868-874, and the Finnish bank transfer form): the
seller block (company, address, business ID, VAT number, telephone, e-mail, www), then a
boxed transfer form: recipient's account (IBAN, grouped by four) and BIC, recipient (name
and address), message, payer, reference number (national, grouped by five from the right)
and RF reference, due date, amount; the QR code at the form's right, the barcode under it.
When there is nothing to pay (a credit note, a zero total) the form is replaced by one
sentence saying so, and neither code is drawn. A payment that cannot carry a code
(not EUR, not a Finnish account for the barcode, see `bank_barcode` and `epc_qr`) is still
printed in full as text. Names, addresses and the message are cut (with "…") to the EPC
code's limits (70, three address lines, 140), so the foot never outgrows the page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from evdesk.core.invoicing import pdf_text as fmt
from evdesk.core.invoicing.bank_barcode import code128_symbol, virtual_barcode
from evdesk.core.invoicing.document import InvoiceDocument
from evdesk.core.invoicing import qr_code
from evdesk.core.invoicing.epc_qr import epc_payload
from evdesk.core.invoicing.pdf_labels import labels
from evdesk.core.invoicing.reference import grouped

QR_SIZE = 34 * mm
BARCODE_MODULE = 0.3 * mm
BARCODE_HEIGHT = 13 * mm
GAP = 4 * mm
LINE = colors.HexColor("#444444")
# limits that keep the foot of page 1 within the page whatever was entered (EPC's own limits)
MAX_NAME = 70
MAX_ADDRESS_LINES = 3
MAX_MESSAGE = 140


def grouped_iban(iban: str) -> str:
    compact = iban.replace(" ", "").upper()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def _party_lines(name: str, address: tuple[str, ...]) -> str:
    """Name and at most three address lines, each cut to fit: the form's height stays bounded."""
    lines = [fmt.clip(name, MAX_NAME)] + [fmt.clip(line, MAX_NAME) for line in address if line][:MAX_ADDRESS_LINES]
    return "<br/>".join(fmt.text(line) for line in lines if line)


def _style(*commands) -> TableStyle:
    """Cells in the bundled font (reportlab's default, Helvetica, would not be embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fmt.FONT), *commands])


def _joined(lines: tuple[str, ...]) -> str:
    return ", ".join(line for line in lines if line)


class PaymentArea:
    """Built once per document; `height` is known before the page frames are laid out."""

    def __init__(self, doc: InvoiceDocument, width: float):
        self.doc = doc
        self.width = width
        self.st = fmt.styles()
        self.words = labels(doc.language)
        self.payable = doc.total_minor > 0
        self.barcode = (virtual_barcode(doc.iban, doc.reference or doc.rf_reference, doc.total_minor,
                                        doc.due_date, doc.currency)
                        if self.payable else None)
        self.qr_payload = (epc_payload(name=doc.seller.name, iban=doc.iban, bic=doc.bic,
                                       total_minor=doc.total_minor, currency=doc.currency,
                                       rf_reference=doc.rf_reference, message=doc.message)
                           if self.payable else None)
        self.seller_table = self._seller_table()
        self.form = self._form() if self.payable else self._nothing_to_pay()
        self.seller_h = self.seller_table.wrap(width, 1000)[1]
        form_width = width - (QR_SIZE + GAP if self.qr_payload else 0)
        self.form_h = self.form.wrap(form_width, 1000)[1]
        self.form_width = form_width
        code_h = BARCODE_HEIGHT + 4 * mm if self.barcode else 0
        self.height = self.seller_h + GAP + max(self.form_h, QR_SIZE + 4 * mm if self.qr_payload else 0) + (
            GAP + code_h if self.barcode else 0)

    def _p(self, value: str, style: str = "body") -> Paragraph:
        return Paragraph(value, self.st[style])

    def _seller_table(self) -> Table:
        s, words = self.doc.seller, self.words
        rows = [(words["company"], fmt.clip(s.name, MAX_NAME), words["phone"], s.phone),
                (words["address"], fmt.clip(_joined(s.address_lines), 2 * MAX_NAME), words["email"], s.email),
                (words["business_id"], s.business_id, words["www"], s.www)]
        if s.vat_number:
            rows.append((words["vat_number"], s.vat_number, "", ""))
        data = [[self._p(fmt.text(a), "label"), self._p(fmt.text(b), "small"),
                 self._p(fmt.text(c), "label"), self._p(fmt.text(d), "small")] for a, b, c, d in rows]
        w = self.width
        table = Table(data, colWidths=[0.14 * w, 0.46 * w, 0.12 * w, 0.28 * w])
        table.setStyle(_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, LINE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ))
        return table

    def _form(self) -> Table:
        d = self.doc
        recipient = _party_lines(d.seller.name, d.seller.address_lines)
        payer = _party_lines(d.buyer.name, d.buyer.address_lines)
        reference = grouped(d.reference) if d.reference else ""
        rf = grouped(d.rf_reference) if d.rf_reference else ""
        lab, val, words = "label", "body", self.words
        data = [
            [self._p(words["account"], lab), self._p(grouped_iban(d.iban), "bold"),
             self._p(words["bic"], lab), self._p(fmt.text(d.bic), "bold")],
            [self._p(words["recipient"], lab), self._p(recipient, val),
             self._p(words["message"], lab), self._p(fmt.text(fmt.clip(d.message, MAX_MESSAGE)), val)],
            [self._p(words["payer"], lab), self._p(payer, val), "", ""],
            [self._p(words["reference"], lab), self._p(reference, "bold"),
             self._p(words["rf_reference"], lab), self._p(rf, val)],
            [self._p(words["due"], lab), self._p(fmt.day(d.due_date), "bold"),
             self._p(words["amount"].format(sym=fmt.currency_symbol(d.currency)), lab),
             self._p(fmt.amount(d.total_minor), "bold")],
        ]
        w = self.width - (QR_SIZE + GAP if self.qr_payload else 0)
        table = Table(data, colWidths=[0.2 * w, 0.38 * w, 0.14 * w, 0.28 * w])
        table.setStyle(_style(
            ("BOX", (0, 0), (-1, -1), 0.8, LINE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, LINE),
            ("LINEBEFORE", (1, 0), (1, -1), 0.4, LINE),
            ("LINEBEFORE", (2, 0), (2, -1), 0.4, LINE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ))
        return table

    def _nothing_to_pay(self) -> Table:
        d = self.doc
        if d.kind == "credit_note":
            sentence = self.words["nothing_credit"].format(number=fmt.text(d.credits_number),
                                                           amount=fmt.money(-d.total_minor, d.currency))
        else:
            sentence = self.words["nothing_zero"]
        table = Table([[self._p(sentence, "bold")]], colWidths=[self.width])
        table.setStyle(_style(("BOX", (0, 0), (-1, -1), 0.8, LINE),
                              ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)))
        return table

    def draw(self, canvas, x: float, bottom: float) -> None:
        """Draws the area with its lower edge at `bottom`."""
        y = bottom
        if self.barcode:
            canvas.saveState()
            canvas.setFont(fmt.FONT, 8)
            canvas.drawString(x, y, self.words["barcode"].format(version=self.barcode.version,
                                                                  digits=self.barcode.digits))
            canvas.restoreState()
            y += 3 * mm
            code128_symbol(self.barcode, BARCODE_MODULE, BARCODE_HEIGHT).drawOn(canvas, x, y)
            y += BARCODE_HEIGHT + 1 * mm + GAP
        block_h = max(self.form_h, QR_SIZE + 4 * mm if self.qr_payload else 0)
        self.form.drawOn(canvas, x, y + block_h - self.form_h)
        if self.qr_payload:
            qr_x, qr_y = x + self.width - QR_SIZE, y + block_h - QR_SIZE
            qr_code.draw(canvas, self.qr_payload, qr_x, qr_y, QR_SIZE)
            canvas.saveState()
            canvas.setFont(fmt.FONT, 7)
            canvas.drawCentredString(qr_x + QR_SIZE / 2, qr_y - 1 * mm, self.words["qr_caption"])
            canvas.restoreState()
        y += block_h + GAP
        self.seller_table.drawOn(canvas, x, y)
