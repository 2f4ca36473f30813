"""Invoice PDFs read back: the text (pdftotext), the pages (pdfinfo), the images (pdfimages), and
what banking apps read: the QR code and the bank barcode decoded by zbarimg from a 200 dpi render."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from evdesk.core.invoicing.document import InvoiceLine, SessionRow
from evdesk.core.invoicing.epc_qr import epc_payload
from evdesk.core.invoicing.pdf import render_invoice_pdf
from tests.core.invoice_examples import SELLER, manual_example

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("zbarimg")),
                                reason="needs poppler-utils and zbar-tools (.ci/run installs them)")

MANUAL_BARCODE = "421123456000007850000268500000000000000000108986190411"


def write(tmp_path: Path, doc, name: str = "invoice.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(render_invoice_pdf(doc))
    return path


def text(pdf: Path, *, layout: bool = False, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def flat(value: str) -> str:
    """Whitespace made single spaces (of -layout text: a label and its value read "label value")."""
    return " ".join(value.split())


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def decoded(pdf: Path, symbology: str) -> list[str]:
    """zbarimg's reading of page 1 at 200 dpi: "qrcode" or "code128"; [] when there is none."""
    png_base = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(png_base)],
                   check=True)
    run = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", f"-S{symbology}.enable", f"{png_base}.png"],
                         capture_output=True, text=True)
    assert run.returncode in (0, 4), run.stderr  # 4: no symbol found
    return [run.stdout.removesuffix("\n")] if run.stdout else []  # one symbol of the kind at most


def test_the_manuals_example_prints_every_numbered_field(tmp_path):
    pdf = write(tmp_path, manual_example())
    body = flat(text(pdf, layout=True))
    for expected in [
        "Donald Duck", "donald@duckburg.com",                            # 1
        "Total including VAT 26.85 €",                                  # 2
        "Invoice date 28.3.2019",                                       # 3
        "Invoice period 1.11.2018 - 28.2.2019",                         # 4
        "Due date 11.4.2019",                                           # 5
        "Payment terms 14 days",                                        # 6
        "Total excluding VAT € 21.66", "VAT € 5.20", "To be paid € 26.85",  # 13
        "Reference number 1 08986", "RF reference RF71 1089 86",
        "FI21 1234 5600 0007 85", "ALONFI213245", "Ensto charging solutions Oy",
        "Ensio Miettisenkatu 2", "06600 Porvoo", "1481990-6", "+3585012345678", "www.ensto.com",
        "operator@acme.com",
    ]:
        assert expected in body, expected
    assert re.search(r"Penalty interest 8\s?%", body)                # 7 (poppler drops the no-break space)
    assert "Message Vehicle charging 1.11.2018 - 28.2.2019" in flat(text(pdf))  # wrapped in the form's cell
    rows = {line.split()[0]: line.split() for line in text(pdf, layout=True, page=1).splitlines() if line.strip()}
    # fields 8-12 in the manual's column order: amount, unit, unit price incl. VAT, total incl. VAT, VAT %, VAT €
    assert rows["Usage"] == ["Usage", "(kWh)", "99.03", "kWh", "0.15", "14.85", "24", "%", "2.88"]
    assert rows["No."][-7:] == ["4", "month", "3.00", "12.00", "24", "%", "2.32"]
    # the per-rate totals row: 24 %, net, VAT, gross
    assert any(line.split() == ["24", "%", "21.66", "5.20", "26.85"]
               for line in text(pdf, layout=True, page=1).splitlines())
    assert pages(pdf) == 2  # page 1 and the sessions appendix
    assert "Invoice 1 - page 1 / 2" in body and "Invoice 1 - page 2 / 2" in body


def test_finnish_letters_and_the_euro_sign_come_back_as_text_from_the_embedded_font(tmp_path):
    doc = manual_example(seller=replace(SELLER, name="Sähkö Åland Öy"),
                         buyer=replace(manual_example().buyer, name="Åke Öhman-Ääri"))
    pdf = write(tmp_path, doc)
    body = text(pdf)
    for word in ("Sähkö Åland Öy", "Åke Öhman-Ääri", "26.85 €", "Pääkonttori, Pörssi 2 (Åbo)"):
        assert word in body, word
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "DejaVuSans " in fonts and "DejaVuSans-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # every font embedded


def test_banking_apps_read_the_qr_code_and_the_barcode_of_the_manuals_invoice(tmp_path):
    doc = manual_example(seller=replace(SELLER, name="Sähkö Åland Oy"), bic="NDEAFIHH")
    pdf = write(tmp_path, doc)
    expected_qr = epc_payload(name="Sähkö Åland Oy", iban=doc.iban, bic="NDEAFIHH", total_minor=2685,
                              rf_reference="RF71108986", message=doc.message)
    assert decoded(pdf, "qrcode") == [expected_qr]
    assert expected_qr.split("\n")[7:10] == ["EUR26.85", "", "RF71108986"]
    assert decoded(pdf, "code128") == [MANUAL_BARCODE]
    assert f"Virtual bank barcode (version 4): {MANUAL_BARCODE}" in flat(text(pdf))


def test_an_rf_only_invoice_gets_a_version_5_barcode(tmp_path):
    pdf = write(tmp_path, manual_example(reference="", sessions=()))
    assert decoded(pdf, "code128") == ["5" "2112345600000785" "00002685" "71" "000000000000000108986" "190411"]


def test_a_credit_note_names_the_invoice_it_corrects_and_asks_for_no_payment(tmp_path):
    original = manual_example()
    note = replace(original, number="2", kind="credit_note", credits_number="1",
                   lines=tuple(replace(line, gross_minor=-line.gross_minor, vat_minor=-line.vat_minor,
                                       quantity=f"-{line.quantity}") for line in original.lines),
                   vat_totals=(replace(original.vat_totals[0], net_minor=-2166, vat_minor=-520, gross_minor=-2685),),
                   net_minor=-2166, vat_minor=-520, total_minor=-2685, sessions=())
    pdf = write(tmp_path, note)
    body = flat(text(pdf, layout=True))
    assert "Credit note" in body and "Credit note number 2" in body and "Corrects invoice 1" in body
    assert "Total to be credited 26.85 €" in body and "Credit total € -26.85" in body
    assert "Nothing to pay: this credit note corrects invoice 1 and credits 26.85 €." in body
    assert "Due date" not in body and "Recipient's account" not in body
    assert decoded(pdf, "qrcode") == [] and decoded(pdf, "code128") == []


def test_a_payment_in_another_currency_is_printed_without_codes(tmp_path):
    pdf = write(tmp_path, manual_example(currency="SEK", iban="SE45 5000 0000 0583 9825 7466", bic="ESSESESS"))
    body = flat(text(pdf, layout=True))
    assert "Total including VAT 26.85 SEK" in body and "Unit price SEK incl. VAT" in flat(text(pdf))
    assert "SE45 5000 0000 0583 9825 7466" in body
    assert decoded(pdf, "qrcode") == [] and decoded(pdf, "code128") == []


def test_a_readable_logo_is_printed_and_a_missing_invalid_or_remote_one_is_left_out(tmp_path):
    from PIL import Image as PILImage

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (100, 60), (20, 120, 200)).save(logo)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"this is not a JPEG")

    def images(doc) -> int:
        pdf = write(tmp_path, doc, "logo.pdf")
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert "Donald Duck" in text(pdf)  # the invoice itself is always there
        return len(listing.splitlines()) - 2

    assert images(manual_example(logo_path=str(logo))) == 1
    for path in (str(tmp_path / "missing.png"), str(bad), "http://some.valid.address/image_name.jpg",
                 str(tmp_path), ""):
        assert images(manual_example(logo_path=path)) == 0, path


def test_thousands_of_sessions_paginate_with_the_header_on_every_page(tmp_path):
    rows = tuple(SessionRow(f"{1 + i % 28}.1.2019 12:{i % 60:02d}", f"Station {i}", "04A2B3C4", "1.00", 15)
                 for i in range(3000))
    started = time.perf_counter()
    pdf = write(tmp_path, manual_example(sessions=rows))
    elapsed = time.perf_counter() - started
    count = pages(pdf)
    assert 40 < count < 80, count
    for page in range(2, count + 1):
        assert "Started" in text(pdf, page=page).split("\n")[:6] or "Started" in text(pdf, page=page)[:200], page
    body = flat(text(pdf, layout=True))
    assert "Station 0 " in body and "Station 2999 " in body and "3000 sessions 3000.00" in body
    assert f"Invoice 1 - page {count} / {count}" in body
    assert elapsed < 20, elapsed


def test_many_lines_flow_to_the_next_page_and_the_payment_form_stays_on_the_first(tmp_path):
    lines = tuple(InvoiceLine(f"Usage (kWh), tariff {i}", "1.00", "kWh", 1500, 15, "24", 3) for i in range(60))
    pdf = write(tmp_path, manual_example(lines=lines, sessions=()))
    first, later = flat(text(pdf, layout=True, page=1)), flat(text(pdf, layout=True, page=3))
    assert "Recipient's" in first and "(IBAN)" in first and "tariff 0 " in first
    assert "tariff 59" in later and "To be paid € 26.85" in later


def test_text_that_looks_like_markup_is_printed_as_written(tmp_path):
    doc = manual_example(buyer=replace(manual_example().buyer, name="Duck & <b>Sons</b>"),
                         lines=(InvoiceLine("Usage <i>& more", "1", "kWh", 1500, 15, "24", 3),))
    body = text(write(tmp_path, doc))
    assert "Duck & <b>Sons</b>" in body and "Usage <i>& more" in body


def test_overlong_names_addresses_and_messages_keep_the_payment_form_on_page_one(tmp_path):
    doc = manual_example(
        seller=replace(SELLER, name="Seller " * 40, address_lines=tuple(f"line {i} " * 10 for i in range(20))),
        buyer=replace(manual_example().buyer, name="Buyer " * 50, address_lines=tuple(f"addr {i}" for i in range(15))),
        message="msg " * 150)
    pdf = write(tmp_path, doc)
    first = flat(text(pdf, layout=True, page=1))
    assert "Reference 1 08986" in first and "Due date 11.4.2019" in first and "Amount € 26.85" in first
    assert "msg…" in flat(text(pdf, page=1)) and "addr 3" not in first
    assert decoded(pdf, "code128") == [MANUAL_BARCODE]


def test_a_finnish_invoice_speaks_finnish_and_an_unknown_language_english(tmp_path):
    pdf = write(tmp_path, manual_example(language="fi"))
    body = flat(text(pdf, layout=True))
    for expected in ("Lasku", "Yhteensä sis. alv 26.85 €", "Laskun numero 1", "Laskun päivämäärä 28.3.2019",
                     "Laskutuskausi 1.11.2018 - 28.2.2019", "Eräpäivä 11.4.2019", "Maksuehto 14 päivää netto",
                     "Viitenumero 1 08986", "RF-viite RF71 1089 86", "Veroton yhteensä € 21.66", "Alv € 5.20",
                     "Maksettava € 26.85", "Y-tunnus 1481990-6", "Maksaja Donald Duck",
                     "Liite: lataustapahtumat", "3 latausta 99.03", "Lasku 1 - sivu 2 / 2"):
        assert expected in body, expected
    assert "Virtuaaliviivakoodi (versio 4): " + MANUAL_BARCODE in body
    assert re.search(r"Viivästyskorko 8\s?%", body)
    note = manual_example(language="fi", kind="credit_note", number="2", credits_number="1", total_minor=-2685,
                          net_minor=-2166, vat_minor=-520, sessions=())
    note_body = flat(text(write(tmp_path, note, "note.pdf"), layout=True))
    assert "Hyvityslaskun numero 2" in note_body and "Hyvitettävä lasku 1" in note_body
    assert "Ei maksettavaa: tämä hyvityslasku korjaa laskua 1 ja hyvittää 26.85 €." in note_body
    english = flat(text(write(tmp_path, manual_example(language="de"), "de.pdf"), layout=True))
    assert "Invoice date 28.3.2019" in english and "To be paid € 26.85" in english
