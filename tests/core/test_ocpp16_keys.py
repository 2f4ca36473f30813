"""The OCPP 1.6 standard keys' type checks (core/ocpp16_keys.py) and the command API applying them."""

from __future__ import annotations

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.ocpp16_keys import BOOL, CSL, INT, check_value, kind_of, required_keys, standard_key


@pytest.mark.parametrize("key, typed, sent", [
    ("HeartbeatInterval", " 0300 ", "300"),
    ("heartbeatinterval", "60", "60"),  # key names ignore case, as stations do
    ("LocalAuthListEnabled", "TRUE", "true"),
    ("MeterValuesSampledData", "Energy.Active.Import.Register , SoC,", "Energy.Active.Import.Register,SoC"),
    ("MeterValuesSampledData", "", ""),  # an empty list switches sampling off
    ("ConnectorPhaseRotation", "0.RST, 1.STR", "0.RST,1.STR"),
    ("LightIntensity", "100", "100"),
    ("DLMPHASELIMIT", "16 A or so", "16 A or so"),  # vendor keys: any text (000 l.418)
])
def test_good_values_are_sent_normalised(key, typed, sent):
    assert check_value(key, typed) == sent


@pytest.mark.parametrize("key, typed, words", [
    ("HeartbeatInterval", "-5", "whole number"),
    ("HeartbeatInterval", "1.5", "whole number"),
    ("HeartbeatInterval", "2147483648", "0 to 2147483647"),
    ("LightIntensity", "101", "0 to 100"),
    ("SecurityProfile", "4", "0 to 3"),
    ("StopTransactionOnInvalidId", "yes", "true or false"),
    ("MeterValuesSampledData", "Energy", "is not one of"),
    ("ConnectorPhaseRotation", "RST", "connector.rotation"),
    ("CELLID", "x" * 501, "at most 500"),
])
def test_wrong_values_are_refused_next_to_the_value(key, typed, words):
    with pytest.raises(ValidationError) as err:
        check_value(key, typed)
    assert words in str(err.value) and err.value.field == "value"


def test_the_table_knows_types_profiles_and_required_keys():
    assert kind_of("HeartbeatInterval") == INT and kind_of("LocalPreAuthorize") == BOOL
    assert kind_of("SupportedFeatureProfiles") == CSL and standard_key("NumberOfConnectors").readonly
    assert standard_key("CELLID") is None
    core = required_keys([])
    assert "MeterValueSampleInterval" in core and "ChargeProfileMaxStackLevel" not in core
    assert "BlinkRepeat" not in core  # optional in the spec
    assert {"ChargeProfileMaxStackLevel", "ChargingScheduleAllowedChargingRateUnit"} <= set(required_keys(["SmartCharging"]))
    assert "describe" and "integer, seconds, 0 or more" in standard_key("HeartbeatInterval").describe()
