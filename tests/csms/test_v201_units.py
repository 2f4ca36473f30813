"""The pure parts of OCPP 2.0.1 support: EVSE/connector numbers, device-model keys, meter values,
the 2.0.1 requests of the version-neutral commands, and secrets in Set/GetVariables."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from evdesk.core.device_model import VariableAddress, connector_number, evse_of, parse_key
from evdesk.csms.payloads import payload_dict
from evdesk.csms.redaction import MASK, redact_frame, redact_request, redact_response
from evdesk.csms.v201 import requests as r201
from evdesk.csms.v201.transactions import meter_values_16, register_wh


@pytest.mark.parametrize("evse, connector, number", [(None, None, 0), (0, None, 0), (1, None, 1), (1, 1, 1),
                                                     (2, 1, 2), (1, 2, 101), (2, 2, 102), (100, 1, 100)])
def test_evse_and_connector_to_evdesk_connector_and_back(evse, connector, number):
    assert connector_number(evse, connector) == number
    if number:
        assert evse_of(number) == (evse, connector or 1)


@pytest.mark.parametrize("key", ["OCPPCommCtrlr/HeartbeatInterval", "EVSE@1/Power#MaxSet", "Connector@2.1/ConnectorType",
                                 "Ctrlr:main@3/Var:phase1#Target"])
def test_device_model_keys_parse_back(key):
    address = parse_key(key)
    assert address is not None and address.key == key


def test_keys_that_are_not_variables_are_not_parsed():
    assert parse_key("HeartbeatInterval") is None and parse_key("/x") is None and parse_key("EVSE@x/Power") is None
    address = VariableAddress("EVSE", "Power", evse_id=2, connector_id=1, attribute="MaxSet")
    assert address.component_dict() == {"name": "EVSE", "evse": {"id": 2, "connectorId": 1}}


def test_meter_values_get_the_16_shape_with_multipliers():
    values = meter_values_16([{"timestamp": "2026-11-30T00:00:00Z", "sampled_value": [
        {"value": 12.5, "context": "Transaction.Begin", "unit_of_measure": {"unit": "kWh"}},
        {"value": 11, "measurand": "Power.Active.Import", "unit_of_measure": {"unit": "W", "multiplier": 3}}]}])
    assert values[0]["sampled_value"][1] == {"value": "11000", "measurand": "Power.Active.Import", "unit": "W"}
    assert register_wh(values, "Transaction.Begin") == 12500 and register_wh(values, "Transaction.End") is None


def test_version_neutral_arguments_become_201_requests():
    assert payload_dict(r201.reset("Soft")) == {"type": "OnIdle"}
    assert payload_dict(r201.reset("Hard")) == {"type": "Immediate"}
    assert payload_dict(r201.unlock_connector(102)) == {"evseId": 2, "connectorId": 2}
    assert payload_dict(r201.change_availability(0, True)) == {"operationalStatus": "Operative"}
    assert payload_dict(r201.trigger_message("DiagnosticsStatusNotification", None)) == {
        "requestedMessage": "LogStatusNotification"}
    profile = payload_dict(r201.set_charging_profile(1, {
        "chargingProfileId": 3, "stackLevel": 0, "chargingProfilePurpose": "ChargePointMaxProfile",
        "chargingProfileKind": "Absolute", "chargingSchedule": {"chargingRateUnit": "W", "chargingSchedulePeriod": [
            {"startPeriod": 0, "limit": 7000}]}}))
    assert profile["chargingProfile"]["chargingProfilePurpose"] == "ChargingStationMaxProfile"
    assert profile["chargingProfile"]["chargingSchedule"] == [{"chargingRateUnit": "W", "chargingSchedulePeriod": [
        {"startPeriod": 0, "limit": 7000}], "id": 1}]
    log = payload_dict(r201.get_diagnostics("ftp://x/y", datetime(2026, 1, 1, tzinfo=timezone.utc), None, 2, None))
    assert log["log"] == {"remoteLocation": "ftp://x/y", "oldestTimestamp": "2026-01-01T00:00:00Z"} and log["retries"] == 2


def test_secret_variables_are_masked_in_requests_answers_and_frames():
    data = {"component": {"name": "SecurityCtrlr"}, "variable": {"name": "BasicAuthPassword"},
            "attributeValue": "hunter2-hunter2-hunter2"}
    other = {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}, "attributeValue": "60"}
    request = redact_request("SetVariables", {"set_variable_data": [data, other]})
    assert request["set_variable_data"][0]["attributeValue"] == MASK and request["set_variable_data"][1] == other
    answer = redact_response("GetVariables", {"get_variable_result": [
        {"variable": {"name": "BasicAuthPassword"}, "attribute_value": "hunter2"}]})
    assert answer["get_variable_result"][0]["attribute_value"] == MASK
    frame = redact_frame('[2,"1","SetVariables",{"setVariableData":[%s]}]' % str(data).replace("'", '"'),
                         "SetVariables", 2)
    assert "hunter2" not in frame and MASK in frame
