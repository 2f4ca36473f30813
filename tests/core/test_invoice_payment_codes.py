"""What banking apps read from an invoice: the Finnish virtual bank barcode and the EPC QR payload."""

from __future__ import annotations

from datetime import date

import pytest

from evdesk.core.invoicing.bank_barcode import encode, virtual_barcode
from evdesk.core.invoicing.epc_qr import MAX_PAYLOAD_BYTES, epc_payload

# Finance Finland's Bank Bar Code Guide 5.3, its example invoices (the same vectors the
# open-source implementations akselinurmio/virtuaaliviivakoodi and nocfo/virtuaaliviivakoodi test)
GUIDE_VECTORS = [
    ("FI79 4405 2020 0360 82", 488315, "86851 62596 19897", date(2010, 6, 12),
     "479440520200360820048831500000000868516259619897100612"),
    ("FI58 1017 1000 0001 22", 48299, "55958 22432 94671", date(2012, 1, 31),
     "458101710000001220004829900000000559582243294671120131"),
    ("FI02 5000 4640 0013 02", 69380, "69 87567 20834 35364", date(2011, 7, 24),
     "402500046400013020006938000000069875672083435364110724"),
    ("FI16 8000 1400 0502 67", 93585, "78 77767 96566 28687", None,
     "416800014000502670009358500000078777679656628687000000"),
    ("FI73 3131 3001 0000 58", 0, "8 68624", date(2013, 8, 9),
     "473313130010000580000000000000000000000000868624130809"),
    ("FI79 4405 2020 0360 82", 488315, "RF09 8685 1625 9619 897", date(2010, 6, 12),
     "579440520200360820048831509000000868516259619897100612"),
    ("FI39 3636 3002 0924 92", 103, "RF66 5907 3839 0", date(2023, 3, 11),
     "539363630020924920000010366000000000000590738390230311"),
]


@pytest.mark.parametrize(("iban", "cents", "reference", "due", "expected"), GUIDE_VECTORS)
def test_the_guides_examples_encode_to_its_digits(iban, cents, reference, due, expected):
    code = encode(iban, reference, cents, due)
    assert code.digits == expected
    assert len(code.digits) == 54
    assert code.version == int(expected[0])


def test_the_manuals_invoice_gets_a_version_4_code_and_its_rf_form_version_5():
    v4 = virtual_barcode("FI21 1234 5600 0007 85", "108986", 2685, date(2019, 4, 11))
    assert v4.digits == "4" "2112345600000785" "000026" "85" "000" "00000000000000108986" "190411"
    v5 = virtual_barcode("FI21 1234 5600 0007 85", "RF71 1089 86", 2685, date(2019, 4, 11))
    assert v5.digits == "5" "2112345600000785" "000026" "85" "71" "000000000000000108986" "190411"


@pytest.mark.parametrize(("iban", "reference", "cents", "currency"), [
    ("FI21 1234 5600 0007 85", "108986", 100_000_000, "EUR"),   # 1,000,000.00 > 999,999.99
    ("FI21 1234 5600 0007 85", "108986", 2685, "SEK"),           # the code has no currency: euros only
    ("DE89 3704 0044 0532 0130 00", "108986", 2685, "EUR"),      # 16 digits of account: Finnish only
    ("FI21 1234 5600 0007 85", "108986", 0, "EUR"),              # nothing to pay
    ("FI21 1234 5600 0007 85", "108986", -2685, "EUR"),          # a credit note
    ("FI21 1234 5600 0007 85", "RF47 ABC1 23", 2685, "EUR"),     # letters cannot be digits
])
def test_payments_a_code_cannot_carry_get_none(iban, reference, cents, currency):
    assert virtual_barcode(iban, reference, cents, date(2019, 4, 11), currency) is None


def test_the_largest_amount_fits():
    code = virtual_barcode("FI21 1234 5600 0007 85", "108986", 99_999_999, None)
    assert code.digits[17:25] == "99999999"


def test_epc_payload_of_the_manuals_invoice_field_by_field():
    payload = epc_payload(name="Ensto charging solutions Oy", iban="FI21 1234 5600 0007 85", bic="NDEAFIHH",
                          total_minor=2685, rf_reference="RF71 1089 86",
                          message="Vehicle charging 1.11.2018 - 28.2.2019")
    assert payload.split("\n") == [
        "BCD", "002", "1", "SCT", "NDEAFIHH", "Ensto charging solutions Oy", "FI2112345600000785", "EUR26.85",
        "", "RF71108986", "", "Vehicle charging 1.11.2018 - 28.2.2019"]


def test_epc_without_an_rf_reference_carries_the_message_as_unstructured_text_and_ends_there():
    payload = epc_payload(name="Seller", iban="FI2112345600000785", bic="", total_minor=5,
                          message="Invoice 12\nline two")
    assert payload.split("\n") == ["BCD", "002", "1", "SCT", "", "Seller", "FI2112345600000785", "EUR0.05",
                                   "", "", "Invoice 12 line two"]
    assert not payload.endswith("\n")


def test_epc_leaves_out_a_bic_that_is_not_one_rather_than_misdirect_the_payment():
    # the manual's example BIC has 12 characters; a BIC has 8 or 11
    payload = epc_payload(name="S", iban="FI2112345600000785", bic="ALONFI213245", total_minor=100)
    assert payload.split("\n")[4] == ""


def test_epc_cuts_the_name_to_70_and_the_payload_to_331_bytes():
    payload = epc_payload(name="Ä" * 100, iban="FI2112345600000785", bic="NDEAFIHH", total_minor=99_999_999_999,
                          rf_reference="RF71108986", message="ö" * 200)
    lines = payload.split("\n")
    assert len(lines[5]) <= 70 and lines[5].startswith("ÄÄÄ")
    assert lines[7] == "EUR999999999.99"
    assert lines[9] == "RF71108986"
    assert len(payload.encode("utf-8")) <= MAX_PAYLOAD_BYTES
    long_text = epc_payload(name="Seller", iban="FI2112345600000785", bic="", total_minor=1, message="x" * 500)
    assert long_text.split("\n")[10] == "x" * 140


@pytest.mark.parametrize(("iban", "cents", "currency"), [
    ("FI21 1234 5600 0007 86", 100, "EUR"),    # IBAN check digits wrong
    ("FI21 1234 5600 0007 85", 100, "USD"),    # SEPA credit transfers are in euros
    ("FI21 1234 5600 0007 85", 0, "EUR"),
    ("FI21 1234 5600 0007 85", -100, "EUR"),
])
def test_epc_gives_no_code_for_what_is_not_a_sepa_payment(iban, cents, currency):
    assert epc_payload(name="S", iban=iban, bic="", total_minor=cents, currency=currency) is None


def test_the_faster_qr_mask_choice_scores_and_chooses_exactly_as_reportlab():
    import random
    import string

    from reportlab.graphics.barcode import qrencoder

    from evdesk.core.invoicing.qr_code import encode, lost_points

    rng = random.Random(11)
    for _ in range(40):
        name = "".join(rng.choice(string.ascii_letters + "äöåÄÖÅ €") for _ in range(rng.randint(1, 70)))
        payload = epc_payload(name=name, iban="FI2112345600000785", bic="NDEAFIHH",
                              total_minor=rng.randint(1, 10**9), rf_reference="RF71108986",
                              message="x" * rng.randint(0, 70))
        reference = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        reference.addData(payload)
        reference.make()
        assert encode(payload) == [[bool(m) for m in row] for row in reference.modules]
        for pattern in range(8):
            reference.makeImpl(True, pattern)
            assert lost_points(reference.modules) == qrencoder.QRUtil.getLostPoint(reference)


def test_the_barcode_symbol_is_code_128_subset_c_throughout():
    from evdesk.core.invoicing.bank_barcode import code128_symbol

    symbol = code128_symbol(encode("FI21 1234 5600 0007 85", "108986", 2685, date(2019, 4, 11)), 0.85, 36)
    symbol.validate()
    symbol.encode()
    start_c, code_switches = 105, {99, 100, 101}
    assert symbol.encoded[0] == start_c
    assert len(symbol.encoded) == 1 + 27 + 1 + 1  # start, 27 digit pairs, check character, stop
    assert not code_switches & set(symbol.encoded[1:28])
