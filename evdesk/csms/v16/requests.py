"""OCPP 1.6 payloads for the version-neutral command API, and how to read the answers."""

from __future__ import annotations

from datetime import datetime, timezone

from ocpp.v16 import call


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def remote_start(connector_id: int | None, id_tag: str, charging_profile: dict | None) -> call.RemoteStartTransaction:
    return call.RemoteStartTransaction(id_tag=id_tag, connector_id=connector_id, charging_profile=charging_profile)


def remote_stop(transaction_id: int):
    return call.RemoteStopTransaction(transaction_id=transaction_id)


def reset(kind: str):
    return call.Reset(type=kind)


def unlock_connector(connector_id: int):
    return call.UnlockConnector(connector_id=connector_id)


def change_availability(connector_id: int, available: bool):
    return call.ChangeAvailability(connector_id=connector_id, type="Operative" if available else "Inoperative")


def get_configuration(keys: list[str] | None):
    return call.GetConfiguration(key=keys or None)


def change_configuration(key: str, value: str):
    return call.ChangeConfiguration(key=key, value=value)


def clear_cache():
    return call.ClearCache()


def trigger_message(message: str, connector_id: int | None):
    return call.TriggerMessage(requested_message=message, connector_id=connector_id)


def data_transfer(vendor_id: str, message_id: str | None, data: str | None):
    return call.DataTransfer(vendor_id=vendor_id, message_id=message_id, data=data)


def set_charging_profile(connector_id: int, profile: dict):
    return call.SetChargingProfile(connector_id=connector_id, cs_charging_profiles=profile)


def clear_charging_profile(profile_id, connector_id, purpose, stack_level):
    return call.ClearChargingProfile(
        id=profile_id, connector_id=connector_id, charging_profile_purpose=purpose, stack_level=stack_level
    )


def get_composite_schedule(connector_id: int, duration: int, unit: str | None):
    return call.GetCompositeSchedule(connector_id=connector_id, duration=duration, charging_rate_unit=unit)


def reserve_now(connector_id: int, id_tag: str, expiry: datetime, reservation_id: int, parent_id_tag: str | None):
    return call.ReserveNow(
        connector_id=connector_id, expiry_date=iso(expiry), id_tag=id_tag, reservation_id=reservation_id,
        parent_id_tag=parent_id_tag,
    )


def cancel_reservation(reservation_id: int):
    return call.CancelReservation(reservation_id=reservation_id)


def send_local_list(version: int, update_type: str, entries: list[dict]):
    return call.SendLocalList(list_version=version, update_type=update_type, local_authorization_list=entries)


def get_local_list_version():
    return call.GetLocalListVersion()


def update_firmware(location: str, retrieve_date: datetime, retries: int | None, retry_interval: int | None):
    return call.UpdateFirmware(location=location, retrieve_date=iso(retrieve_date), retries=retries, retry_interval=retry_interval)


def get_diagnostics(location, start_time, stop_time, retries, retry_interval):
    return call.GetDiagnostics(
        location=location, start_time=iso(start_time) if start_time else None,
        stop_time=iso(stop_time) if stop_time else None, retries=retries, retry_interval=retry_interval,
    )


# Answers that mean "done" (or "will be done"), with the words an operator reads.
POSITIVE = {
    "Accepted": "Accepted by the station",
    "Unlocked": "Connector unlocked",
    "Scheduled": "Accepted; the station applies it when the running session ends",
    "RebootRequired": "Accepted; the station applies it after a reboot",
}
