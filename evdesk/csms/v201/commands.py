"""The command API's OCPP 2.0.1 part: the device model (GetBaseReport, GetVariables,
SetVariables), charging profiles and transaction status, and the admins' raw call.

A mixin of `CommandApi` (`csms/commands.py`), which gives `_allow`, `_execute`,
`_requests` and `services`. The version-neutral `get_configuration` and
`change_configuration` hand 2.0.1 stations to `read_device_model` and
`set_device_model_value`; configuration keys are device-model keys
(`core.device_model`: `Component/Variable`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import math

from ocpp.exceptions import OCPPError
from ocpp.messages import Call
from websockets.exceptions import ConnectionClosed

from evdesk.core.actions import Actor
from evdesk.core.clock import utcnow
from evdesk.core.device_model import address_from_ocpp, parse_key
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.csms.command_result import CommandResult
from evdesk.csms.connection import InvalidAnswer
from evdesk.csms.validation import validate_call
from evdesk.csms.redaction import MASK, is_secret_key, redact_request, redact_response
from evdesk.csms.v201 import requests as r201
from evdesk.store.repos import config as config_repo

log = logging.getLogger(__name__)

MAX_RAW_PAYLOAD = 64 * 1024
ATTRIBUTES = ("Actual", "Target", "MinSet", "MaxSet")  # OCPP 2.0.1 AttributeEnumType
MONITOR_TYPES = ("UpperThreshold", "LowerThreshold", "Delta", "Periodic", "PeriodicClockAligned")


def _addresses(keys: list[str], field: str = "keys"):
    found = []
    for key in keys:
        address = parse_key(key)
        if address is None:
            raise ValidationError(f"{key!r} is not a device-model key; write Component/Variable, e.g. "
                                  "OCPPCommCtrlr/HeartbeatInterval.", field=field)
        if address.attribute not in ATTRIBUTES:
            raise ValidationError(f"{key!r}: the attribute after # is one of {', '.join(ATTRIBUTES)}.", field=field)
        if max(len(address.component), len(address.variable), len(address.component_instance),
               len(address.variable_instance)) > 50:
            raise ValidationError(f"{key!r}: OCPP 2.0.1 names have at most 50 characters.", field=field)
        found.append(address)
    return found


class DeviceModelCommands:
    async def get_base_report(self, station_id, report_base: str = "FullInventory", *, ctx: OperatorContext,
                              reason: str = ""):
        """Ask a 2.0.1 station for its device model; its NotifyReport parts are stored as they come."""
        if report_base not in ("ConfigurationInventory", "FullInventory", "SummaryInventory"):
            raise ValidationError("Report base is ConfigurationInventory, FullInventory or SummaryInventory.",
                                  field="report_base")
        return await self._execute(station_id, "GetBaseReport", r201.get_base_report(report_base), ctx=ctx,
                                   reason=reason)

    async def read_device_model(self, station_id, keys: list[str] | None, *, ctx: OperatorContext, reason: str = ""):
        """All keys: GetBaseReport (the report arrives as NotifyReport and is stored then); some
        keys: GetVariables, the answers stored at once (unknown ones kept as such)."""
        if not keys:
            return await self.get_base_report(station_id, "FullInventory", ctx=ctx, reason=reason)
        addresses = _addresses(keys)
        result = await self._execute(station_id, "GetVariables", r201.get_variables(addresses), ctx=ctx,
                                     reason=reason)
        if result.response is None:
            return result
        rows, unknown = [], []
        for item in result.response.get("get_variable_result") or ():
            address = address_from_ocpp(item.get("component") or {}, item.get("variable") or {},
                                        item.get("attribute_type"))
            if item.get("attribute_status") == "Accepted":
                value = item.get("attribute_value")
                rows.append((address.key, MASK if value is not None and is_secret_key(address.variable) else value,
                             False))
            elif item.get("attribute_status") in ("UnknownComponent", "UnknownVariable"):
                unknown.append(address.key)
        stored = await self.services.batch.call(config_repo.store_configuration, station_id, rows, False, unknown,
                                                utcnow())
        return dataclasses.replace(result, message=f"{result.message}: {stored} variable(s) stored" +
                                   (f", {len(unknown)} unknown to the station" if unknown else ""))

    async def set_device_model_value(self, station_id, key: str, value: str, *, ctx: OperatorContext,
                                     reason: str = ""):
        """SetVariables for one variable; kept as the stored value once the station accepts it. The
        basic-auth password (SecurityCtrlr/BasicAuthPassword) becomes the one evdesk expects."""
        (address,) = _addresses([key], "key")
        if len(value) > 1000:
            raise ValidationError("OCPP 2.0.1 variable values have at most 1,000 characters.", field="value")
        secret = is_secret_key(address.variable) or address.variable == "BasicAuthPassword"
        if secret:
            require(ctx, Permission.EDIT_STATIONS)
        password = address.component == "SecurityCtrlr" and address.variable == "BasicAuthPassword"
        if password and len(value) < 16:
            raise ValidationError("OCPP 2.0.1 asks for a station password of at least 16 characters.", field="value")
        result = await self._execute(station_id, "SetVariables", r201.set_variables([(address, value)]), ctx=ctx,
                                     reason=reason)
        if result.ok:
            if password:
                await self.services.stations.set_password(station_id, value, ctx=ctx)
                result = dataclasses.replace(result, message=f"{result.message}; evdesk expects the new password "
                                                             "from the station's next connect")
            await self.services.batch.call(config_repo.store_configuration, station_id,
                                           [(address.key, MASK if secret else value, False)], False, [], utcnow())
        elif result.outcome == "rejected":
            result = dataclasses.replace(result, message=f"Charging station variable not set. {result.message}")
        return result

    async def set_variable_monitoring(self, station_id, key: str, kind: str, value: float | str, severity: int = 5, *,
                                      ctx: OperatorContext, reason: str = ""):
        """Ask a 2.0.1 station to watch a variable (N block): it reports what it sees with NotifyEvent,
        which goes into the station's event feed. Severity 0 (danger) .. 9 (debug)."""
        if self._requests(station_id) is not r201:
            raise ValidationError("Variable monitoring is an OCPP 2.0.1 feature.", field="station")
        if kind not in MONITOR_TYPES:
            raise ValidationError(f"The monitor is one of {', '.join(MONITOR_TYPES)}.", field="kind")
        if not 0 <= int(severity) <= 9:
            raise ValidationError("Severity goes from 0 (danger) to 9 (debug).", field="severity")
        (address,) = _addresses([key], "key")
        if address.attribute != "Actual":
            raise ValidationError("A monitor watches a variable's actual value: leave out the #attribute.", field="key")
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError("Give the value as a decimal number, e.g. 7400.", field="value")
        return await self._execute(station_id, "SetVariableMonitoring",
                                   r201.set_variable_monitoring(address, kind, number, int(severity)),
                                   ctx=ctx, reason=reason)

    async def get_charging_profiles(self, station_id, connector_id: int | None = None, purpose: str | None = None, *,
                                    ctx: OperatorContext, reason: str = ""):
        """Ask a 2.0.1 station for its profiles; they arrive as ReportChargingProfiles (event feed)."""
        if self._requests(station_id) is not r201:
            raise ValidationError("Only OCPP 2.0.1 stations report their charging profiles.", field="station")
        return await self._execute(station_id, "GetChargingProfiles", r201.get_charging_profiles(connector_id, purpose),
                                   ctx=ctx, reason=reason)

    async def get_transaction_status(self, station_id, transaction_id: int | None = None, *, ctx: OperatorContext,
                                     reason: str = ""):
        """Whether a 2.0.1 station still holds TransactionEvents (of a session, or any) to send."""
        if self._requests(station_id) is not r201:
            raise ValidationError("GetTransactionStatus is an OCPP 2.0.1 message.", field="station")
        self._allow(ctx, station_id)
        ref = await self._transaction_ref(station_id, transaction_id) if transaction_id is not None else None
        return await self._execute(station_id, "GetTransactionStatus", r201.get_transaction_status(ref), ctx=ctx,
                                   reason=reason)

    async def raw_call(self, station_id, action: str, payload: dict, *, ctx: OperatorContext, reason: str = ""):
        """An admin sends any action of the station's OCPP version with a JSON payload of their own;
        logged in the action log like every command (secrets masked) and checked like every answer."""
        require(ctx, Permission.EDIT_STATIONS)  # an admin matter, in their domain
        info = self._allow(ctx, station_id)
        if not isinstance(payload, dict):
            raise ValidationError("The payload is a JSON object.", field="payload")
        if len(json.dumps(payload)) > MAX_RAW_PAYLOAD:
            raise ValidationError("The payload is too large (at most 64 KiB).", field="payload")
        conn = self.registry.get(info.identity)
        if conn is not None:
            if action not in conn.known_actions:
                raise ValidationError(f"OCPP {conn.ocpp_version} has no action {action!r}.", field="action")
            try:  # what the admin typed is checked as a station's message would be, before it goes out
                validate_call(Call("raw", action, payload), conn.ocpp_version)
            except OCPPError as exc:
                raise ValidationError(f"The payload is not a valid {action} request: {exc.description}",
                                      field="payload") from None
        action_id = await self.services.actions.begin(info.id, Actor(ctx.name, ctx.operator_id), action,
                                                      reason or "raw call", redact_request(action, payload) or {})
        if conn is None:
            msg = f"{info.display_name} is not connected; the command was not sent."
            await self.services.actions.finish(action_id, "offline", None, msg)
            return CommandResult("offline", None, msg, action_id)
        timeout = self.services.settings.command_timeout
        try:
            answer = await conn.call_raw(action, payload, timeout=timeout)
        except asyncio.TimeoutError:
            outcome, answer, msg = "timeout", None, f"No answer from {info.display_name} in {int(timeout)} s."
        except OCPPError as exc:
            outcome, answer, msg = "error", None, f"The station answered {exc.code}: {exc.description}"
        except InvalidAnswer as exc:
            outcome, answer, msg = "error", None, f"{info.display_name} answered, but not as OCPP says ({exc})."
        except ConnectionClosed:
            outcome, answer, msg = "offline", None, f"The connection to {info.display_name} closed before it answered."
        else:
            status = answer.get("status")
            outcome = "accepted" if status is None or status in r201.POSITIVE else "rejected"
            msg = "Answered" if outcome == "accepted" else f"Rejected by the station: {status}"
        await self.services.actions.finish(action_id, outcome, redact_response(action, answer) if answer else None,
                                           "" if outcome == "accepted" else msg)
        log.info("raw call %s to %s by %s: %s", action, info.identity, ctx.name, outcome)
        return CommandResult(outcome, answer, msg, action_id)
