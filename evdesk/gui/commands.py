"""The commands an operator can send a station, and what each one asks for.

This is a catalogue, not behaviour: every entry says which typed `CommandApi` method
it calls (`send`, a small function that passes the dialog's values to it by name)
and the parameters its dialog asks for. The dialog builds its form from it, so
adding a command is adding an entry here.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from evdesk.core.permissions import OperatorContext

if TYPE_CHECKING:
    from evdesk.csms.commands import CommandApi, CommandResult

# parameter kinds the command dialog knows how to edit
TEXT = "text"  # one line of text
LONG_TEXT = "long_text"
INT = "int"
CHOICE = "choice"  # fixed (label, value) pairs
CONNECTOR = "connector"  # a connector of this station; choices built from the station
DATETIME = "datetime"  # local time on screen, aware UTC to the API
JSON = "json"
KEY_LIST = "key_list"  # comma-separated list of strings
TARIFF = "tariff"  # as the tariff groups decide (None), Free (FREE) or a tariff's id; choices from the site
DECIMAL = "decimal"  # a number with decimals, sent as its text (kWh, money); empty = not set
ID_TAG = "id_tag"  # a token of the operator's domain chosen by uid or its user's name, or any id tag typed
RUNNING_SESSION = "running_session"  # one of the station's running sessions (read-only choice)

FREE = "free"  # the tariff choice "Free"


@dataclass(frozen=True)
class Param:
    name: str  # keyword of the CommandApi method
    label: str
    kind: str
    required: bool = True
    default: Any = None
    choices: tuple[tuple[str, Any], ...] = ()
    help: str = ""
    minimum: int = 0
    maximum: int = 2_147_483_647
    # CONNECTOR only: offer "any connector" (None) / "whole station" (0)
    allow_any: bool = False
    allow_station: bool = False
    # CONNECTOR only: offer only connectors without a running session (a cable is not released mid-charge)
    idle_only: bool = False


# send(api, station id, the dialog's values by parameter name, who acts, why) -> the outcome
Send = Callable[["CommandApi", UUID, dict[str, Any], OperatorContext, str], Awaitable["CommandResult"]]


@dataclass(frozen=True)
class Command:
    key: str
    title: str  # menu text and dialog title
    send: Send  # calls the CommandApi method of this command
    description: str
    params: tuple[Param, ...] = ()
    group: str = ""
    confirm_text: str = "Send"

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


OPTIONAL_NUMBER_HELP = "Leave at “not set” to let the station decide."

TRIGGER_MESSAGES = (
    "StatusNotification", "Heartbeat", "MeterValues", "BootNotification", "FirmwareStatusNotification",
    "DiagnosticsStatusNotification",
)

EXAMPLE_PROFILE = {
    "chargingProfileId": 1,
    "stackLevel": 0,
    "chargingProfilePurpose": "TxDefaultProfile",
    "chargingProfileKind": "Absolute",
    "chargingSchedule": {
        "chargingRateUnit": "A",
        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}],
    },
}

EXAMPLE_LOCAL_LIST = [{"idTag": "04A2B3C4D5", "idTagInfo": {"status": "Accepted"}}]

# Each command's call of its typed CommandApi method; `p` holds every parameter of the command
# (optional ones unset are None, the method's own "not given").
_SEND: dict[str, Send] = {
    "remote_start": lambda api, sid, p, ctx, reason: api.remote_start(
        sid, p["connector_id"], p["id_tag"], ctx=ctx, reason=reason,
        **({"free": True} if p["tariff_id"] == FREE else {"tariff_id": p["tariff_id"]}),
        max_minutes=p["max_minutes"], max_kwh=p["max_kwh"], max_cost=p["max_cost"]),
    "remote_stop": lambda api, sid, p, ctx, reason: api.remote_stop(sid, p["transaction_id"], ctx=ctx, reason=reason),
    "unlock_connector": lambda api, sid, p, ctx, reason: api.unlock_connector(sid, p["connector_id"], ctx=ctx, reason=reason),
    "reserve_now": lambda api, sid, p, ctx, reason: api.reserve_now(sid, p["connector_id"], p["id_tag"], p["expiry"], p["parent_id_tag"], ctx=ctx, reason=reason),
    "cancel_reservation": lambda api, sid, p, ctx, reason: api.cancel_reservation(sid, p["reservation_id"], ctx=ctx, reason=reason),
    "reset": lambda api, sid, p, ctx, reason: api.reset(sid, p["kind"], ctx=ctx, reason=reason),
    "change_availability": lambda api, sid, p, ctx, reason: api.change_availability(sid, p["connector_id"], p["available"], ctx=ctx, reason=reason),
    "clear_cache": lambda api, sid, p, ctx, reason: api.clear_cache(sid, ctx=ctx, reason=reason),
    "trigger_message": lambda api, sid, p, ctx, reason: api.trigger_message(sid, p["message"], p["connector_id"], ctx=ctx, reason=reason),
    "get_configuration": lambda api, sid, p, ctx, reason: api.get_configuration(sid, p["keys"], ctx=ctx, reason=reason),
    "change_configuration": lambda api, sid, p, ctx, reason: api.change_configuration(sid, p["key"], p["value"], ctx=ctx, reason=reason),
    "send_local_list": lambda api, sid, p, ctx, reason: api.send_local_list(sid, p["version"], p["update_type"], p["entries"], ctx=ctx, reason=reason),
    "get_local_list_version": lambda api, sid, p, ctx, reason: api.get_local_list_version(sid, ctx=ctx, reason=reason),
    "data_transfer": lambda api, sid, p, ctx, reason: api.data_transfer(sid, p["vendor_id"], p["message_id"], p["data"], ctx=ctx, reason=reason),
    "set_charging_profile": lambda api, sid, p, ctx, reason: api.set_charging_profile(sid, p["connector_id"], p["profile"], ctx=ctx, reason=reason),
    "clear_charging_profile": lambda api, sid, p, ctx, reason: api.clear_charging_profile(sid, p["profile_id"], p["connector_id"], p["purpose"], p["stack_level"], ctx=ctx, reason=reason),
    "get_composite_schedule": lambda api, sid, p, ctx, reason: api.get_composite_schedule(sid, p["connector_id"], p["duration"], p["unit"], ctx=ctx, reason=reason),
    "update_firmware": lambda api, sid, p, ctx, reason: api.update_firmware(sid, p["location"], p["retrieve_date"], p["retries"], p["retry_interval"], ctx=ctx, reason=reason),
    "get_diagnostics": lambda api, sid, p, ctx, reason: api.get_diagnostics(sid, p["location"], p["start_time"], p["stop_time"], p["retries"], p["retry_interval"], ctx=ctx, reason=reason),
    # security (the 1.6 security extension; the same for 2.0.1 stations, csms/security_commands.py)
    "signed_update_firmware": lambda api, sid, p, ctx, reason: api.signed_update_firmware(
        sid, p["location"], p["retrieve_date"], p["signing_certificate"], p["signature"], ctx=ctx, reason=reason),
    "install_certificate": lambda api, sid, p, ctx, reason: api.install_certificate(sid, ctx=ctx, reason=reason),
    "get_installed_certificate_ids": lambda api, sid, p, ctx, reason: api.get_installed_certificate_ids(
        sid, p["certificate_type"], ctx=ctx, reason=reason),
    "delete_certificate": lambda api, sid, p, ctx, reason: api.delete_certificate(sid, p["hash_data"], ctx=ctx, reason=reason),
    "get_log": lambda api, sid, p, ctx, reason: api.get_log(sid, p["location"], p["log_type"], p["start_time"], p["stop_time"],
                                                            ctx=ctx, reason=reason),
    "request_station_certificate": lambda api, sid, p, ctx, reason: api.request_station_certificate(sid, ctx=ctx, reason=reason),
}

EXAMPLE_HASH_DATA = {"hashAlgorithm": "SHA256", "issuerNameHash": "…", "issuerKeyHash": "…", "serialNumber": "…"}

COMMANDS: tuple[Command, ...] = (
    # -- charging ---------------------------------------------------------------
    Command(
        "remote_start", "Start charging…", _SEND["remote_start"],
        "Ask the station to start a session for an id tag (the driver still plugs in). Choose which tariff "
        "applies and, if you like, when evdesk stops the session.",
        (Param("connector_id", "Connector", CONNECTOR, required=False, allow_any=True),
         Param("id_tag", "Id tag", ID_TAG, help="The token the session is charged to, e.g. 04A2B3C4D5."),
         Param("tariff_id", "Tariff", TARIFF,
               help="As the tariff groups decide: the access profile's or the station's tariff. Free: no charge."),
         Param("max_minutes", "Stop after (minutes)", INT, required=False, minimum=1, maximum=10_080,
               help="evdesk asks the station to stop the session after this long."),
         Param("max_kwh", "Stop at energy (kWh)", DECIMAL, required=False, help="e.g. 20 or 12.5"),
         Param("max_cost", "Stop at cost ({currency})", DECIMAL, required=False, help="e.g. 9.50")),
        group="Charging", confirm_text="Start charging",
    ),
    Command(
        "remote_stop", "Stop charging…", _SEND["remote_stop"], "Ask the station to end a running session.",
        (Param("transaction_id", "Session (transaction id)", RUNNING_SESSION, minimum=-2_147_483_648),),
        group="Charging", confirm_text="Stop charging",
    ),
    Command(
        "unlock_connector", "Release cable (unlock connector)…", _SEND["unlock_connector"],
        "Unlock a connector so a stuck cable can be removed. A running session on it may end.",
        (Param("connector_id", "Connector", CONNECTOR, idle_only=True),), group="Charging", confirm_text="Release cable",
    ),
    Command(
        "reserve_now", "Reserve connector…", _SEND["reserve_now"], "Hold a connector for one id tag until the expiry time.",
        (Param("connector_id", "Connector", CONNECTOR, allow_station=True),
         Param("id_tag", "Id tag", TEXT),
         Param("expiry", "Expires at", DATETIME, default=3600),
         Param("parent_id_tag", "Parent id tag", TEXT, required=False)),
        group="Charging", confirm_text="Reserve",
    ),
    Command(
        "cancel_reservation", "Cancel reservation…", _SEND["cancel_reservation"], "Cancel a reservation by its number.",
        (Param("reservation_id", "Reservation id", INT),), group="Charging", confirm_text="Cancel reservation",
    ),
    # -- the station ---------------------------------------------------------------
    Command(
        "reset", "Reset…", _SEND["reset"],
        "Soft reset restarts the station's software; hard reset restarts the whole station. "
        "Running sessions are stopped.",
        (Param("kind", "Kind", CHOICE, default="Soft",
               choices=(("Soft reset (restart the application)", "Soft"), ("Hard reset (restart the station)", "Hard"))),),
        group="Station", confirm_text="Reset",
    ),
    Command(
        "change_availability", "Set available / unavailable…", _SEND["change_availability"],
        "Enable or disable charging on one connector or the whole station.",
        (Param("connector_id", "Connector", CONNECTOR, allow_station=True, default=0),
         Param("available", "Set to", CHOICE, default=True,
               choices=(("Available (operative)", True), ("Unavailable (inoperative)", False)))),
        group="Station",
    ),
    Command("clear_cache", "Clear cache…", _SEND["clear_cache"], "Clear the station's cache of recently accepted RFID tags.",
            group="Station", confirm_text="Clear cache"),
    Command(
        "trigger_message", "Trigger message…", _SEND["trigger_message"], "Ask the station to send a message now.",
        (Param("message", "Message", CHOICE, default="StatusNotification", choices=tuple((m, m) for m in TRIGGER_MESSAGES)),
         Param("connector_id", "Connector", CONNECTOR, required=False, allow_any=True)),
        group="Station", confirm_text="Trigger",
    ),
    # -- configuration -------------------------------------------------------------------
    Command(
        "get_configuration", "Refresh configuration…", _SEND["get_configuration"],
        "Read configuration keys from the station (all keys when none are given); the Configuration tab shows them.",
        (Param("keys", "Keys", KEY_LIST, required=False, help="Comma-separated; empty = all keys."),),
        group="Configuration", confirm_text="Read",
    ),
    Command(
        "change_configuration", "Change configuration…", _SEND["change_configuration"],
        "Set one configuration key. Invalid values can make a station malfunction.",
        (Param("key", "Key", TEXT), Param("value", "Value", TEXT)),
        group="Configuration", confirm_text="Change",
    ),
    Command(
        "send_local_list", "Send local authorization list…", _SEND["send_local_list"],
        "Replace (Full) or update (Differential) the id tags the station accepts offline.",
        (Param("version", "List version", INT, default=1, minimum=1),
         Param("update_type", "Update", CHOICE, default="Full", choices=(("Full", "Full"), ("Differential", "Differential"))),
         Param("entries", "Entries (JSON list)", JSON, default=EXAMPLE_LOCAL_LIST)),
        group="Configuration",
    ),
    Command("get_local_list_version", "Get local list version…", _SEND["get_local_list_version"],
            "Ask which version of the local authorization list the station holds.", group="Configuration",
            confirm_text="Ask"),
    Command(
        "data_transfer", "Data transfer…", _SEND["data_transfer"], "Send a vendor-specific message.",
        (Param("vendor_id", "Vendor id", TEXT), Param("message_id", "Message id", TEXT, required=False),
         Param("data", "Data", LONG_TEXT, required=False)),
        group="Configuration",
    ),
    # -- smart charging ------------------------------------------------------------------
    Command(
        "set_charging_profile", "Set charging profile…", _SEND["set_charging_profile"],
        "Install a charging profile (the station panel opens its editor: fields, periods and a chart).",
        (Param("connector_id", "Connector", CONNECTOR, allow_station=True, default=0),
         Param("profile", "Profile (JSON)", JSON, default=EXAMPLE_PROFILE)),
        group="Smart charging",
    ),
    Command(
        "clear_charging_profile", "Clear charging profiles…", _SEND["clear_charging_profile"],
        "Remove charging profiles; every field left unset matches all.",
        (Param("profile_id", "Profile id", INT, required=False),
         Param("connector_id", "Connector", CONNECTOR, required=False, allow_any=True, allow_station=True),
         Param("purpose", "Purpose", CHOICE, required=False, choices=(
             ("Any purpose", None), ("ChargePointMaxProfile", "ChargePointMaxProfile"),
             ("TxDefaultProfile", "TxDefaultProfile"), ("TxProfile", "TxProfile"))),
         Param("stack_level", "Stack level", INT, required=False)),
        group="Smart charging", confirm_text="Clear",
    ),
    Command(
        "get_composite_schedule", "Get composite schedule…", _SEND["get_composite_schedule"],
        "Ask the station what it will draw over the coming period, all profiles combined.",
        (Param("connector_id", "Connector", CONNECTOR, allow_station=True, default=0),
         Param("duration", "Duration (s)", INT, default=3600, minimum=1),
         Param("unit", "Unit", CHOICE, required=False, choices=(("Station's choice", None), ("Ampere (A)", "A"), ("Watt (W)", "W")))),
        group="Smart charging", confirm_text="Ask",
    ),
    # -- maintenance ---------------------------------------------------------------------
    Command(
        "update_firmware", "Firmware update…", _SEND["update_firmware"],
        "The station downloads firmware from the location and installs it after the retrieve time.",
        (Param("location", "Location (URL)", TEXT, help="e.g. ftp://files.example.com/fw/evb200-1.9.0.bin"),
         Param("retrieve_date", "Retrieve after", DATETIME, default=0),
         Param("retries", "Retries", INT, required=False),
         Param("retry_interval", "Retry interval (s)", INT, required=False)),
        group="Maintenance", confirm_text="Schedule update",
    ),
    Command(
        "get_diagnostics", "Get diagnostics…", _SEND["get_diagnostics"],
        "The station uploads a diagnostics file to the location; progress shows in the network log.",
        (Param("location", "Upload location (URL)", TEXT),
         Param("start_time", "From", DATETIME, required=False, default=-86400),
         Param("stop_time", "Until", DATETIME, required=False, default=0),
         Param("retries", "Retries", INT, required=False),
         Param("retry_interval", "Retry interval (s)", INT, required=False)),
        group="Maintenance", confirm_text="Request",
    ),
    Command(
        "signed_update_firmware", "Signed firmware update…", _SEND["signed_update_firmware"],
        "The station downloads signed firmware, checks its signature with the signing certificate and installs "
        "it after the retrieve time (1.6 SignedUpdateFirmware, 2.0.1 UpdateFirmware).",
        (Param("location", "Location (URL)", TEXT, help="e.g. https://files.example.com/fw/evb200-2.0.0.bin"),
         Param("retrieve_date", "Retrieve after", DATETIME, default=0),
         Param("signing_certificate", "Signing certificate (PEM)", LONG_TEXT),
         Param("signature", "Signature (base64)", TEXT)),
        group="Maintenance", confirm_text="Schedule update",
    ),
    Command(
        "get_log", "Get log…", _SEND["get_log"],
        "The station uploads its diagnostics or security log to the location; progress shows in the network log.",
        (Param("location", "Upload location (URL)", TEXT),
         Param("log_type", "Log", CHOICE, choices=(("Diagnostics log", "DiagnosticsLog"), ("Security log", "SecurityLog")),
               default="DiagnosticsLog"),
         Param("start_time", "From", DATETIME, required=False, default=-86400),
         Param("stop_time", "Until", DATETIME, required=False, default=0)),
        group="Maintenance", confirm_text="Request",
    ),
    # -- security ------------------------------------------------------------------------
    Command(
        "install_certificate", "Install the site CA…", _SEND["install_certificate"],
        "Give the station the site's CA certificate as its central system root, so that it trusts evdesk's "
        "wss:// certificate (security profiles 2 and 3).",
        group="Security", confirm_text="Install",
    ),
    Command(
        "get_installed_certificate_ids", "Installed certificates…", _SEND["get_installed_certificate_ids"],
        "Ask which root certificates of a kind the station holds (each with the hash data that deletes it).",
        (Param("certificate_type", "Kind", CHOICE, choices=(("Central system root", "CentralSystemRootCertificate"),
                                                           ("Manufacturer root", "ManufacturerRootCertificate")),
               default="CentralSystemRootCertificate"),),
        group="Security", confirm_text="Ask",
    ),
    Command(
        "delete_certificate", "Delete a certificate…", _SEND["delete_certificate"],
        "Remove a root certificate from the station, named by the hash data \"Installed certificates\" reported.",
        (Param("hash_data", "Hash data (JSON)", JSON, default=json.dumps(EXAMPLE_HASH_DATA, indent=2, ensure_ascii=False)),),
        group="Security", confirm_text="Delete",
    ),
    Command(
        "request_station_certificate", "Request a station certificate…", _SEND["request_station_certificate"],
        "Ask the station for a certificate signing request; it waits under Settings → Certificates for an admin "
        "(or is signed at once for adopted stations when the site says so).",
        group="Security", confirm_text="Request",
    ),
)

COMMANDS_BY_KEY = {c.key: c for c in COMMANDS}
MENU_GROUPS = ("Charging", "Station", "Configuration", "Smart charging", "Maintenance", "Security")


def parse_key_list(text: str) -> list[str] | None:
    keys = [k.strip() for k in (text or "").split(",") if k.strip()]
    return keys or None


def parse_json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ValueError(f"{label}: not valid JSON ({exc.msg} at line {exc.lineno}).") from None
