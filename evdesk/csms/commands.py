"""The version-neutral command API: what screens, the scheduler and integrations call.

Version-neutral: each command builds its request with `v16/requests.py` or
`v201/requests.py` (same functions) by the OCPP version the station is connected
with; a station that is not connected gets the 1.6 request, which is never sent (the
command ends "offline"). The action log names the action actually sent.

Every command: checks the input, records an action-log row (who, why, what was
sent), waits out the station's post-boot quiet time, sends one CALL at a time per
station with a timeout, and records and returns the outcome in words.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ocpp.exceptions import OCPPError
from websockets.exceptions import ConnectionClosed

from evdesk.core import events as ev
from evdesk.core.actions import Actor
from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.log_limit import limited
from evdesk.core.ocpp16_keys import check_value
from evdesk.core.remote_start import remote_start_choice
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext, Permission, require, require_station
from evdesk.core.tasks import spawn
from evdesk.csms import certificate_signing, password_rotation
from evdesk.csms.command_result import CommandResult
from evdesk.csms.connection import InvalidAnswer
from evdesk.csms.redaction import MASK, is_secret_key, redact_configuration, redact_request, redact_response
from evdesk.csms.registry import ConnectionRegistry
from evdesk.csms.v16 import requests as r16
from evdesk.csms.v201 import requests as r201
from evdesk.csms.security_commands import SecurityCommands
from evdesk.csms.v201.commands import DeviceModelCommands
from evdesk.store.repos import ocpp201 as ref_repo
from evdesk.store.repos import config as config_repo

if TYPE_CHECKING:
    from evdesk.core.services import Services
    from evdesk.csms.connection import StationConnection

log = logging.getLogger(__name__)

AFTER_BOOT = dataclasses.replace(SYSTEM_CONTEXT, display_name="evdesk (after boot)")
TRIGGERABLE = (
    "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
    "MeterValues", "StatusNotification",
)


def _as_dict(result: Any) -> dict | None:
    """A payload's fields (snake_case, None left out) for the action log and the caller. Shallow:
    1.6 payloads hold plain dicts and lists below their fields (no deep copy on a busy site)."""
    if result is None:
        return None
    if dataclasses.is_dataclass(result):
        return {f.name: value for f in dataclasses.fields(result) if (value := getattr(result, f.name)) is not None}
    return dict(result)


def configuration_rows(entries: list) -> list[tuple[str, str | None, bool]]:
    """GetConfiguration's keys as evdesk keeps them: (key, value, read-only), secrets masked,
    entries that are not key objects left out."""
    rows = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        key = str(entry.get("key", ""))
        value = entry.get("value")
        if value is not None:
            value = MASK if is_secret_key(key) else str(value)
        rows.append((key, value, bool(entry.get("readonly", False))))
    return rows


def check_profile_fits(switches, profile: dict) -> None:
    """A charging profile the station's compatibility profile says it cannot take is refused here,
    in words, instead of a bare "Rejected" (or worse, accepted and ignored; INTEROP §3)."""
    if not switches.smart_charging:
        raise ValidationError("This station does not support smart charging (SmartCharging is not among its "
                              "feature profiles; see its compatibility profile).", field="profile")
    level = profile.get("stackLevel")
    if switches.max_stack_level is not None and isinstance(level, int) and level > switches.max_stack_level:
        raise ValidationError(f"This station takes stack levels up to {switches.max_stack_level} "
                              "(ChargeProfileMaxStackLevel).", field="stack_level")
    unit = (profile.get("chargingSchedule") or {}).get("chargingRateUnit")
    if unit in ("A", "W") and not switches.allows_unit(unit):
        raise ValidationError(f"This station takes limits in {switches.rate_units} only "
                              "(ChargingScheduleAllowedChargingRateUnit).", field="unit")


def _variable_status(response: dict) -> str | None:
    """The first refused status of a SetVariables / SetVariableMonitoring answer (None: all accepted, or not
    such an answer): a variable the station refused to set makes the command "rejected". (A
    GetVariables answer naming unknown variables is a successful read; the caller counts them.)"""
    for key in ("set_variable_result", "set_monitoring_result"):
        for item in response.get(key) or ():
            status = (item.get("attribute_status") or item.get("status")) if isinstance(item, dict) else None
            if status is not None and status not in r16.POSITIVE:
                return status
    return None


class CommandApi(DeviceModelCommands, SecurityCommands):
    def __init__(self, services: "Services", registry: ConnectionRegistry):
        self.services = services
        self.registry = registry  # the stations connected here
        self._remote_starts: dict[tuple[UUID, int | None], tuple[UUID, asyncio.Task]] = {}
        self._reservation_counter = 0
        # commands another seat asks this one to send (a station connected here; issue 14)
        self._unsubscribe_relay = services.bus.subscribe(ev.RelayedCommand, self._relayed)
        self._unsubscribe_csr = services.bus.subscribe(ev.StationCertificateRequested,
                                                       lambda e: certificate_signing.sign_automatically(self, e))

    def is_connected(self, station_id: UUID) -> bool:
        return self.registry.connection_for(station_id) is not None

    async def stop(self) -> None:
        self._unsubscribe_relay()
        self._unsubscribe_csr()
        for _action, task in list(self._remote_starts.values()):
            task.cancel()
        self._remote_starts.clear()

    # -- the engine ------------------------------------------------------------
    def _allow(self, ctx: OperatorContext, station_id: UUID, permission: Permission = Permission.REMOTE_COMMANDS):
        """The operator may send this command to this station (in their domain); returns the station."""
        require(ctx, permission)
        info = self.services.stations.get_by_id(station_id)
        require_station(self.services.stations.fresh_context(ctx), info.group_id)
        return info

    def _requests(self, station_id: UUID):
        """The request module for the station's connected OCPP version (1.6 when not connected)."""
        return r201 if self.version_of(station_id) == "2.0.1" else r16

    def version_of(self, station_id: UUID) -> str:
        conn = self.registry.connection_for(station_id)
        return conn.ocpp_version if conn is not None else "1.6"

    async def _transaction_ref(self, station_id: UUID, transaction_id: int) -> str:
        ref = await self.services.store.read(ref_repo.ref_for_ocpp_id, station_id, int(transaction_id))
        if ref is None:
            raise ValidationError("This station does not know that session (no OCPP 2.0.1 transaction of it).",
                                  field="transaction_id")
        return ref

    async def _execute(self, station_id: UUID, action: str, payload, *, ctx: OperatorContext, reason: str,
                       timeout: float | None = None) -> CommandResult:
        action = type(payload).__name__ if dataclasses.is_dataclass(payload) else action  # the one actually sent
        info = self._allow(ctx, station_id, Permission.FIRMWARE_UPDATES if action == "UpdateFirmware" else
                           Permission.REMOTE_COMMANDS)
        request = redact_request(action, _as_dict(payload) or {})
        actor = Actor(ctx.name, ctx.operator_id)
        action_id = await self.services.actions.begin(info.id, actor, action, reason, request)
        result = await self._send(info, action, payload, action_id, timeout)
        if ctx.via == "system":  # evdesk's own housekeeping calls: they repeat with every boot
            limited(log, logging.INFO, info.identity, "system-command", "command %s to %s by %s: %s - %s", action,
                    info.identity, ctx.name, result.outcome, result.message)
        else:
            log.info("command %s to %s by %s (%s): %s - %s", action, info.identity, ctx.name, ctx.via, result.outcome,
                     result.message)
        return result

    def _relayed(self, event: "ev.RelayedCommand") -> None:
        from evdesk.core.tasks import spawn

        spawn(self._send_relayed(event), name="command from another seat")

    async def _send_relayed(self, event: "ev.RelayedCommand") -> None:
        """Send a command another seat queued for a station connected here; its outcome goes back."""
        from ocpp.v16 import call

        try:
            info = self.services.stations.get_by_id(event.station_id)
            payload = getattr(call, event.action)(**event.payload)
        except Exception as exc:  # an unknown station or action: say so to the asking seat
            self.services.shared_db.command_done(event.command_id, "error", None, f"This seat could not send it: {exc}")
            return
        actor = Actor("another seat (shared database)", None)
        action_id = await self.services.actions.begin(info.id, actor, event.action, "asked by another seat",
                                                      redact_request(event.action, dict(event.payload)))
        result = await self._send(info, event.action, payload, action_id, None, relay=False)
        self.services.shared_db.command_done(event.command_id, result.outcome, result.response, result.message)

    async def _send(self, info, action: str, payload, action_id: UUID, timeout: float | None,
                    relay: bool = True) -> CommandResult:
        conn = self.registry.get(info.identity)
        if conn is None and relay and self.services.shared_db.serving_seat(info.id) is not None:
            # connected to another seat of the site: that seat sends it (commands across seats)
            wait = (timeout or self.services.settings.command_timeout) + 5
            outcome, response, msg = await self.services.shared_db.relay_command(info.id, action, _as_dict(payload)
                                                                                 or {}, wait)
            await self.services.actions.finish(action_id, outcome, redact_response(action, response or {}),
                                               "" if outcome == "accepted" else msg)
            return CommandResult(outcome, response, msg, action_id)
        if conn is None:
            msg = f"{info.display_name} is not connected; the command was not sent."
            await self.services.actions.finish(action_id, "offline", None, msg)
            return CommandResult("offline", None, msg, action_id)
        timeout = timeout or self.services.settings.command_timeout
        try:
            result = await conn.call_station(payload, timeout=timeout)
        except asyncio.TimeoutError:
            msg = f"No answer from {info.display_name} in {int(timeout)} s."
            await self.services.actions.finish(action_id, "timeout", None, msg)
            return CommandResult("timeout", None, msg, action_id)
        except OCPPError as exc:
            msg = f"Remote command execution failed. The station answered {exc.code}: {exc.description}"
            await self.services.actions.finish(action_id, "error", {"code": exc.code, "description": exc.description, "details": exc.details}, msg)
            return CommandResult("error", None, msg, action_id)
        except InvalidAnswer as exc:
            msg = (f"{info.display_name} answered, but not as OCPP {conn.ocpp_version} says ({exc}). If this station's firmware is "
                   "known to send such answers, switch on 'skip schema validation' for it.")
            await self.services.actions.finish(action_id, "error", None, msg)
            return CommandResult("error", None, msg, action_id)
        except ConnectionClosed:
            msg = f"The connection to {info.display_name} closed before it answered."
            await self.services.actions.finish(action_id, "offline", None, msg)
            return CommandResult("offline", None, msg, action_id)
        response = _as_dict(result) or {}
        status = response.get("status")
        if status is None:
            status = _variable_status(response)
        if status is None or status in r16.POSITIVE:
            outcome, message = "accepted", r16.POSITIVE.get(status, "Done")
        else:
            outcome, message = "rejected", f"Rejected by the station: {status}"
        await self.services.actions.finish(action_id, outcome, redact_response(action, response),
                                           "" if outcome == "accepted" else message)
        return CommandResult(outcome, response, message, action_id)

    # -- commands --------------------------------------------------------------
    async def remote_start(self, station_id: UUID, connector_id: int | None, id_tag: str, *, ctx: OperatorContext,
                           reason: str = "", charging_profile: dict | None = None, tariff_id: UUID | None = None,
                           free: bool = False, max_minutes: int | None = None, max_kwh=None,
                           max_cost=None) -> CommandResult:
        """Start a session; optionally choose its tariff (a tariff's id, or `free`; by default the
        tariff groups decide) and its stop limits (`core/remote_start.py` has the rules)."""
        id_tag = (id_tag or "").strip()
        if not id_tag:
            raise ValidationError("Enter the token (id tag) to start with.", field="id_tag")
        req = self._requests(station_id)
        if len(id_tag) > (36 if req is r201 else 20):
            raise ValidationError(f"OCPP {self.version_of(station_id)} allows at most {36 if req is r201 else 20} "
                                  "characters in a remote start id tag.", field="id_tag")
        services = self.services
        choice = remote_start_choice(services.tariffs, services.settings.currency, tariff_id=tariff_id, free=free,
                                     max_minutes=max_minutes, max_kwh=max_kwh, max_cost=max_cost)
        if choice.tariff is not None or choice.has_limits:
            self._allow(ctx, station_id)  # nothing is remembered for a station the operator may not start
            if choice.tariff is not None:
                services.transactions.choose_remote_tariff(station_id, connector_id, choice.tariff)
            if choice.has_limits:
                services.transactions.choose_remote_limits(station_id, connector_id, minutes=choice.max_minutes,
                                                           kwh=choice.max_kwh, cost=choice.max_cost)
            reason = f"{reason} ({choice.describe()})" if reason else choice.describe()
        try:
            result = await self._execute(station_id, "RemoteStartTransaction",
                                         req.remote_start(connector_id, id_tag, charging_profile), ctx=ctx, reason=reason)
        except BaseException:
            services.transactions.forget_remote_choice(station_id, connector_id)
            raise
        if result.ok:
            self._watch_remote_start(station_id, connector_id, result.action_id)
        else:
            services.transactions.forget_remote_choice(station_id, connector_id)
        return result

    def _watch_remote_start(self, station_id: UUID, connector_id: int | None, action_id: UUID) -> None:
        key = (station_id, connector_id)
        old = self._remote_starts.pop(key, None)
        if old is not None:
            old[1].cancel()
        task = spawn(self._remote_start_deadline(key, action_id), name=f"remote-start-watch {station_id}")
        self._remote_starts[key] = (action_id, task)

    async def _remote_start_deadline(self, key, action_id: UUID) -> None:
        timeout = self.services.settings.remote_start_timeout
        await asyncio.sleep(timeout)
        if self._remote_starts.get(key, (None,))[0] != action_id:
            return
        del self._remote_starts[key]
        msg = f"The station accepted, but no session started within {timeout} s (no car plugged in?)."
        await self.services.actions.finish(action_id, "failed", None, msg)
        info = self.services.stations.by_id.get(key[0])
        if info is not None:
            self.services.status.station_event(info, "remote_start", "failed", msg)

    def transaction_started(self, conn: "StationConnection", connector_id: int, id_tag: str, ocpp_id: int) -> None:
        """A StartTransaction arrived: it settles a waiting remote start on that connector."""
        for key in ((conn.info.id, connector_id), (conn.info.id, None)):
            entry = self._remote_starts.pop(key, None)
            if entry is not None:
                entry[1].cancel()
                return

    async def remote_stop(self, station_id: UUID, transaction_id: int, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        if self._requests(station_id) is r201:
            self._allow(ctx, station_id)
            payload = r201.remote_stop(await self._transaction_ref(station_id, transaction_id))
        else:
            payload = r16.remote_stop(int(transaction_id))
        return await self._execute(station_id, "RemoteStopTransaction", payload, ctx=ctx, reason=reason)

    async def reset(self, station_id: UUID, kind: str, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        if kind not in ("Soft", "Hard"):
            raise ValidationError("Reset is Soft or Hard.", field="kind")
        return await self._execute(station_id, "Reset", self._requests(station_id).reset(kind), ctx=ctx, reason=reason)

    async def unlock_connector(self, station_id: UUID, connector_id: int, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        if connector_id < 1:
            raise ValidationError("Choose a connector (1 or higher).", field="connector_id")
        return await self._execute(station_id, "UnlockConnector", self._requests(station_id).unlock_connector(connector_id), ctx=ctx, reason=reason)

    async def change_availability(self, station_id: UUID, connector_id: int, available: bool, *, ctx: OperatorContext,
                                  reason: str = "") -> CommandResult:
        return await self._execute(station_id, "ChangeAvailability", self._requests(station_id).change_availability(connector_id, available),
                                   ctx=ctx, reason=reason)

    async def get_configuration(self, station_id: UUID, keys: list[str] | None = None, *, ctx: OperatorContext,
                                reason: str = "") -> CommandResult:
        """Read keys from the station and keep them per station (value, read-only flag, when
        fetched; keys the station does not know are kept as such), for the settings view."""
        keys = [str(k).strip() for k in keys or () if str(k).strip()] or None
        if self._requests(station_id) is r201:
            return await self.read_device_model(station_id, keys, ctx=ctx, reason=reason)
        result = await self._execute(station_id, "GetConfiguration", r16.get_configuration(keys), ctx=ctx, reason=reason)
        if result.ok and result.response is not None:
            known = result.response.get("configuration_key") or []
            unknown = result.response.get("unknown_key") or []
            # in the next group commit with other stations' rows: no transaction of its own
            stored = await self.services.batch.call(config_repo.store_configuration, station_id,
                                                    configuration_rows(known), not keys,
                                                    [str(k) for k in unknown], utcnow())
            result = dataclasses.replace(
                result, response={**result.response, "configuration_key": redact_configuration(known)},
                message=f"{result.message}: {stored} key(s) stored" + (f", {len(unknown)} unknown to the station"
                                                                        if unknown else ""))
        return result

    async def change_configuration(self, station_id: UUID, key: str, value: str, *, ctx: OperatorContext,
                                   reason: str = "") -> CommandResult:
        """Set one key. A password key (AuthorizationKey) needs the right to edit stations, is masked in
        every log, and once the station accepts it becomes the station's basic-auth password."""
        key = (key or "").strip()
        if self._requests(station_id) is r201:  # a device-model variable: its own rules
            return await self.set_device_model_value(station_id, key, str(value), ctx=ctx, reason=reason)
        if not key or len(key) > 50:
            raise ValidationError("Configuration keys have 1 to 50 characters.", field="key")
        # the OCPP 1.6 standard key's type and range (vendor keys: length only)
        value = check_value(key, str(value))
        secret = is_secret_key(key)
        if secret:
            require(ctx, Permission.EDIT_STATIONS)
            if key.lower() == "authorizationkey" and len(value) < 8:
                raise ValidationError("Use a station password of at least 8 characters.", field="value")
        result = await self._execute(station_id, "ChangeConfiguration", r16.change_configuration(key, value), ctx=ctx, reason=reason)
        if result.ok:
            if key.lower() == "authorizationkey":
                # the station logs in with it from its next connect: evdesk must expect it
                await self.services.stations.set_password(station_id, value, ctx=ctx)
                result = dataclasses.replace(result, message=f"{result.message}; evdesk expects the new password "
                                                             "from the station's next connect")
            await self.services.batch.call(config_repo.store_configuration, station_id,
                                           [(key, MASK if secret else value, False)], False, [], utcnow())
        elif result.outcome == "rejected":
            result = dataclasses.replace(result, message=f"Charging point configuration error. {result.message}")
        return result

    async def clear_cache(self, station_id: UUID, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        return await self._execute(station_id, "ClearCache", self._requests(station_id).clear_cache(), ctx=ctx, reason=reason)

    async def trigger_message(self, station_id: UUID, message: str, connector_id: int | None = None, *, ctx: OperatorContext,
                              reason: str = "") -> CommandResult:
        allowed = TRIGGERABLE + (r201.TRIGGERABLE if self._requests(station_id) is r201 else ())
        if message not in allowed:
            raise ValidationError(f"A station can be asked for: {', '.join(dict.fromkeys(allowed))}.", field="message")
        return await self._execute(station_id, "TriggerMessage", self._requests(station_id).trigger_message(message, connector_id), ctx=ctx, reason=reason)

    async def data_transfer(self, station_id: UUID, vendor_id: str, message_id: str | None = None, data: str | None = None, *,
                            ctx: OperatorContext, reason: str = "") -> CommandResult:
        if not vendor_id:
            raise ValidationError("Vendor id is required.", field="vendor_id")
        return await self._execute(station_id, "DataTransfer", self._requests(station_id).data_transfer(vendor_id, message_id, data), ctx=ctx, reason=reason)

    async def set_charging_profile(self, station_id: UUID, connector_id: int, profile: dict, *, ctx: OperatorContext,
                                   reason: str = "") -> CommandResult:
        for required in ("chargingProfileId", "stackLevel", "chargingProfilePurpose", "chargingProfileKind", "chargingSchedule"):
            if required not in profile:
                raise ValidationError(f"The charging profile needs {required}.", field="profile")
        check_profile_fits(self.services.compat.switches(station_id), profile)
        if self._requests(station_id) is r201:
            # a TxProfile names evdesk's session id; a 2.0.1 station knows its own transaction id
            self._allow(ctx, station_id)
            ref = (await self._transaction_ref(station_id, profile["transactionId"])
                   if profile.get("transactionId") is not None else None)
            payload = r201.set_charging_profile(connector_id, profile, ref)
        else:
            payload = r16.set_charging_profile(connector_id, profile)
        return await self._execute(station_id, "SetChargingProfile", payload, ctx=ctx, reason=reason)

    async def clear_charging_profile(self, station_id: UUID, profile_id: int | None = None, connector_id: int | None = None,
                                     purpose: str | None = None, stack_level: int | None = None, *, ctx: OperatorContext,
                                     reason: str = "") -> CommandResult:
        return await self._execute(station_id, "ClearChargingProfile",
                                   self._requests(station_id).clear_charging_profile(profile_id, connector_id, purpose, stack_level), ctx=ctx, reason=reason)

    async def get_composite_schedule(self, station_id: UUID, connector_id: int, duration: int, unit: str | None = None, *,
                                     ctx: OperatorContext, reason: str = "") -> CommandResult:
        if duration <= 0:
            raise ValidationError("Duration must be a positive number of seconds.", field="duration")
        if unit not in (None, "A", "W"):
            raise ValidationError("Unit is A or W.", field="unit")
        return await self._execute(station_id, "GetCompositeSchedule", self._requests(station_id).get_composite_schedule(connector_id, duration, unit),
                                   ctx=ctx, reason=reason)

    async def reserve_now(self, station_id: UUID, connector_id: int, id_tag: str, expiry: datetime,
                          parent_id_tag: str | None = None, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        if not id_tag or len(id_tag) > 20:
            raise ValidationError("Enter a token of at most 20 characters.", field="id_tag")
        if expiry.tzinfo is None:
            raise ValidationError("The expiry time needs a time zone.", field="expiry")
        self._allow(ctx, station_id)
        reservation_id = await self.services.batch.call(config_repo.allocate_reservation, station_id, connector_id,
                                                        id_tag, expiry)
        result = await self._execute(station_id, "ReserveNow",
                                     self._requests(station_id).reserve_now(connector_id, id_tag, expiry, reservation_id, parent_id_tag), ctx=ctx, reason=reason)
        await self.services.batch.call(config_repo.record_reservation_outcome, reservation_id,
                                       "accepted" if result.ok else "rejected")
        return dataclasses.replace(result, response={**(result.response or {}), "reservation_id": reservation_id})

    async def cancel_reservation(self, station_id: UUID, reservation_id: int, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        result = await self._execute(station_id, "CancelReservation", self._requests(station_id).cancel_reservation(int(reservation_id)), ctx=ctx, reason=reason)
        if result.ok:
            await self.services.batch.call(config_repo.record_reservation_outcome, int(reservation_id), "cancelled")
        return result

    async def send_local_list(self, station_id: UUID, version: int, update_type: str, entries: list[dict], *,
                              ctx: OperatorContext, reason: str = "") -> CommandResult:
        if update_type not in ("Full", "Differential"):
            raise ValidationError("Update type is Full or Differential.", field="update_type")
        if version < 1:
            raise ValidationError("List versions start at 1.", field="version")
        return await self._execute(station_id, "SendLocalList", self._requests(station_id).send_local_list(version, update_type, entries), ctx=ctx, reason=reason)

    async def get_local_list_version(self, station_id: UUID, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        return await self._execute(station_id, "GetLocalListVersion", self._requests(station_id).get_local_list_version(), ctx=ctx, reason=reason)

    async def update_firmware(self, station_id: UUID, location: str, retrieve_date: datetime, retries: int | None = None,
                              retry_interval: int | None = None, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        if not location or "://" not in location:
            raise ValidationError("Give the firmware location as a URL (ftp://, http:// or https://).", field="location")
        return await self._execute(station_id, "UpdateFirmware", self._requests(station_id).update_firmware(location, retrieve_date, retries, retry_interval),
                                   ctx=ctx, reason=reason)

    async def get_diagnostics(self, station_id: UUID, location: str, start_time: datetime | None = None,
                              stop_time: datetime | None = None, retries: int | None = None, retry_interval: int | None = None, *,
                              ctx: OperatorContext, reason: str = "") -> CommandResult:
        if not location or "://" not in location:
            raise ValidationError("Give the upload location as a URL (ftp://, http:// or https://).", field="location")
        return await self._execute(station_id, "GetDiagnostics",
                                   self._requests(station_id).get_diagnostics(location, start_time, stop_time, retries, retry_interval), ctx=ctx, reason=reason)

    async def rotate_password(self, station_id: UUID, *, ctx: OperatorContext, reason: str = "") -> CommandResult:
        """A new random basic-auth password, switched to once the station accepted (csms/password_rotation.py)."""
        return await password_rotation.rotate_password(self, station_id, ctx=ctx, reason=reason)

    # -- what the server does by itself ----------------------------------------
    async def configure_after_boot(self, conn: "StationConnection") -> None:
        """Set the station's meter-value interval after each accepted boot (heartbeat
        comes with the boot answer)."""
        info = conn.info
        if not self.services.compat.switches(info.id).configure_meter_interval:
            return  # its compatibility profile: the key is missing or read-only on this station
        # the same setting in the two versions: 1.6's key, 2.0.1's variable of the sampled-data controller
        key = "SampledDataCtrlr/TxUpdatedInterval" if conn.ocpp_version == "2.0.1" else "MeterValueSampleInterval"
        await self.change_configuration(info.id, key, str(info.meter_value_interval),
                                        ctx=AFTER_BOOT, reason="configure meter value interval after boot")

    async def trigger_boot(self, conn: "StationConnection") -> None:
        await self.trigger_message(conn.info.id, "BootNotification", ctx=SYSTEM_CONTEXT,
                                   reason="station connected without an accepted boot")
