"""OCPP 2.0.1 payloads for the version-neutral command API.

The same functions (names and arguments) as `v16/requests.py`, so a command builds its
request from whichever module fits the connected station; the arguments are evdesk's
(1.6-shaped) and are translated here:

* connectors are evdesk connector numbers (→ evse id + connector id, `core.device_model`);
* Reset Soft → OnIdle (after running sessions end), Hard → Immediate;
* remote start tokens are sent as type Central; a session's evdesk id → the station's
  own transaction id (the caller looks it up);
* a 1.6 charging profile (its field names) becomes a ChargingProfileType (purpose
  ChargePointMaxProfile → ChargingStationMaxProfile, one schedule with id 1);
* a local-list entry {idTag, idTagInfo} becomes {idToken (type ISO14443), idTokenInfo};
* configuration keys are device-model keys (`Component/Variable`); GetDiagnostics is GetLog
  (DiagnosticsLog); trigger names of 1.6 map to their 2.0.1 twins.
"""

from __future__ import annotations

import itertools
import time
from datetime import datetime, timezone

from ocpp.v201 import call

from evdesk.core.device_model import VariableAddress, evse_of

_request_ids = itertools.count(int(time.time()) % 1_000_000_000)

TRIGGERS = {"DiagnosticsStatusNotification": "LogStatusNotification"}
TRIGGERABLE = ("BootNotification", "LogStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
               "StatusNotification", "TransactionEvent")
PURPOSES = {"ChargePointMaxProfile": "ChargingStationMaxProfile"}


def next_request_id() -> int:
    return next(_request_ids)


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _evse(connector_id: int | None, with_connector: bool = False) -> dict | None:
    if not connector_id:
        return None
    evse_id, conn = evse_of(connector_id)
    return {"id": evse_id, "connectorId": conn} if with_connector or conn != 1 else {"id": evse_id}


def _token(id_tag: str) -> dict:
    return {"idToken": id_tag, "type": "Central"}


def charging_profile(profile: dict, transaction_ref: str | None = None) -> dict:
    """A 1.6-shaped profile (camelCase) as OCPP 2.0.1's ChargingProfileType."""
    schedule = dict(profile.get("chargingSchedule") or {})
    schedule.setdefault("id", 1)
    out = {
        "id": profile["chargingProfileId"], "stackLevel": profile["stackLevel"],
        "chargingProfilePurpose": PURPOSES.get(profile["chargingProfilePurpose"], profile["chargingProfilePurpose"]),
        "chargingProfileKind": profile["chargingProfileKind"], "chargingSchedule": [schedule],
    }
    for key in ("recurrencyKind", "validFrom", "validTo"):
        if profile.get(key) is not None:
            out[key] = profile[key]
    if transaction_ref:
        out["transactionId"] = transaction_ref
    return out


def remote_start(connector_id: int | None, id_tag: str, charging_profile_: dict | None):
    return call.RequestStartTransaction(
        id_token=_token(id_tag), remote_start_id=next_request_id(),
        evse_id=evse_of(connector_id)[0] if connector_id else None,
        charging_profile=charging_profile(charging_profile_) if charging_profile_ else None)


def remote_stop(transaction_ref: str):
    return call.RequestStopTransaction(transaction_id=transaction_ref)


def reset(kind: str):
    return call.Reset(type="Immediate" if kind == "Hard" else "OnIdle")


def unlock_connector(connector_id: int):
    evse_id, conn = evse_of(connector_id)
    return call.UnlockConnector(evse_id=evse_id, connector_id=conn)


def change_availability(connector_id: int, available: bool):
    return call.ChangeAvailability(operational_status="Operative" if available else "Inoperative",
                                   evse=_evse(connector_id))


def get_variables(addresses: list[VariableAddress]):
    return call.GetVariables(get_variable_data=[
        {"component": a.component_dict(), "variable": a.variable_dict(),
         **({"attributeType": a.attribute} if a.attribute != "Actual" else {})} for a in addresses])


def set_variables(items: list[tuple[VariableAddress, str]]):
    return call.SetVariables(set_variable_data=[
        {"component": a.component_dict(), "variable": a.variable_dict(), "attributeValue": value,
         **({"attributeType": a.attribute} if a.attribute != "Actual" else {})} for a, value in items])


def set_variable_monitoring(address: VariableAddress, kind: str, value: float, severity: int):
    return call.SetVariableMonitoring(set_monitoring_data=[{
        "value": value, "type": kind, "severity": severity, "component": address.component_dict(),
        "variable": address.variable_dict()}])


def get_base_report(report_base: str = "FullInventory"):
    return call.GetBaseReport(request_id=next_request_id(), report_base=report_base)


def clear_cache():
    return call.ClearCache()


def trigger_message(message: str, connector_id: int | None):
    message = TRIGGERS.get(message, message)
    return call.TriggerMessage(requested_message=message,
                               evse=_evse(connector_id, with_connector=message == "StatusNotification"))


def data_transfer(vendor_id: str, message_id: str | None, data: str | None):
    return call.DataTransfer(vendor_id=vendor_id, message_id=message_id, data=data)


def set_charging_profile(connector_id: int, profile: dict, transaction_ref: str | None = None):
    return call.SetChargingProfile(evse_id=evse_of(connector_id)[0],
                                   charging_profile=charging_profile(profile, transaction_ref))


def clear_charging_profile(profile_id, connector_id, purpose, stack_level):
    criteria = {}
    if connector_id is not None:
        criteria["evseId"] = evse_of(connector_id)[0]
    if purpose:
        criteria["chargingProfilePurpose"] = PURPOSES.get(purpose, purpose)
    if stack_level is not None:
        criteria["stackLevel"] = stack_level
    return call.ClearChargingProfile(charging_profile_id=profile_id, charging_profile_criteria=criteria or None)


def get_charging_profiles(connector_id: int | None, purpose: str | None = None):
    criterion = {"chargingProfilePurpose": PURPOSES.get(purpose, purpose)} if purpose else {}
    return call.GetChargingProfiles(request_id=next_request_id(), charging_profile=criterion,
                                    evse_id=evse_of(connector_id)[0] if connector_id is not None else None)


def get_composite_schedule(connector_id: int, duration: int, unit: str | None):
    return call.GetCompositeSchedule(duration=duration, evse_id=evse_of(connector_id)[0], charging_rate_unit=unit)


def get_transaction_status(transaction_ref: str | None):
    return call.GetTransactionStatus(transaction_id=transaction_ref)


def reserve_now(connector_id: int, id_tag: str, expiry: datetime, reservation_id: int, parent_id_tag: str | None):
    return call.ReserveNow(id=reservation_id, expiry_date_time=iso(expiry), id_token=_token(id_tag),
                           evse_id=evse_of(connector_id)[0] if connector_id else None,
                           group_id_token=_token(parent_id_tag) if parent_id_tag else None)


def cancel_reservation(reservation_id: int):
    return call.CancelReservation(reservation_id=reservation_id)


def _either(d: dict, camel: str, snake: str):
    return d.get(camel, d.get(snake))


def local_list_entry(entry: dict) -> dict:
    """A 1.6 entry (camelCase from the API, snake_case from the list sync) as 2.0.1's AuthorizationData."""
    out: dict = {"idToken": {"idToken": str(_either(entry, "idTag", "id_tag") or "")[:36], "type": "ISO14443"}}
    info = _either(entry, "idTagInfo", "id_tag_info")
    if info:
        token_info: dict = {"status": info.get("status", "Accepted")}
        if _either(info, "expiryDate", "expiry_date"):
            token_info["cacheExpiryDateTime"] = _either(info, "expiryDate", "expiry_date")
        if _either(info, "parentIdTag", "parent_id_tag"):
            token_info["groupIdToken"] = {"idToken": _either(info, "parentIdTag", "parent_id_tag"), "type": "Central"}
        out["idTokenInfo"] = token_info
    return out


def send_local_list(version: int, update_type: str, entries: list[dict]):
    return call.SendLocalList(version_number=version, update_type=update_type,
                              local_authorization_list=[local_list_entry(e) for e in entries] or None)


def get_local_list_version():
    return call.GetLocalListVersion()


def update_firmware(location: str, retrieve_date: datetime, retries: int | None, retry_interval: int | None):
    return call.UpdateFirmware(request_id=next_request_id(),
                               firmware={"location": location, "retrieveDateTime": iso(retrieve_date)},
                               retries=retries, retry_interval=retry_interval)


def get_diagnostics(location, start_time, stop_time, retries, retry_interval):
    log = {"remoteLocation": location}
    if start_time:
        log["oldestTimestamp"] = iso(start_time)
    if stop_time:
        log["latestTimestamp"] = iso(stop_time)
    return call.GetLog(log=log, log_type="DiagnosticsLog", request_id=next_request_id(), retries=retries,
                       retry_interval=retry_interval)


POSITIVE = {
    "Accepted": "Accepted by the station",
    "Unlocked": "Connector unlocked",
    "Scheduled": "Accepted; the station applies it when the running session ends",
    "RebootRequired": "Accepted; the station applies it after a reboot",
}
