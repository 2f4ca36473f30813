"""Reference numbers: every reference printed in EV Manager's manual, and ISO 11649's own example."""

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.invoicing.reference import (grouped, is_valid_national, is_valid_rf, national_reference,
                                             rf_reference)

MANUAL = {10154: "101543", 10156: "101569", 10157: "101572", 10158: "101585", 10160: "101608",
          10168: "101682", 10169: "101695", 10171: "101718", 10905: "109053", 10906: "109066",
          10907: "109079", 10908: "109082", 10909: "109095", 10998: "109985", 10898: "108986"}


@pytest.mark.parametrize("base,reference", sorted(MANUAL.items()))
def test_the_manuals_references_check_out(base, reference):
    assert national_reference(base) == reference
    assert is_valid_national(reference)


def test_a_changed_digit_fails_the_check():
    assert not is_valid_national("108987")
    assert not is_valid_national("018986")


def test_rf_is_iso_11649():
    assert rf_reference("539007547034") == "RF18539007547034"  # the standard's example
    assert is_valid_rf("RF18 5390 0754 7034")
    assert not is_valid_rf("RF19539007547034")
    assert is_valid_rf(rf_reference("108986"))


@pytest.mark.parametrize("bad", ["", "12", "0123", "12a4", "1" * 20, "１２３４"])
def test_bad_bases_are_refused_with_the_rule(bad):
    with pytest.raises(ValidationError):
        national_reference(bad)


def test_printed_in_groups():
    assert grouped("1234567890123") == "123 45678 90123"
    assert grouped("RF18539007547034") == "RF18 5390 0754 7034"
