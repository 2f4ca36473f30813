"""The compatibility probe's OCPP side: after a station's first accepted boot, read its whole
configuration (GetConfiguration, as the action log shows: actor "evdesk (compatibility
probe)") and hand what it says to the core's CompatibilityService, which records the
profile. Watching the station's first messages is the core's `observe`, called for every
CALL by the connection."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from evdesk.core.permissions import SYSTEM_CONTEXT

if TYPE_CHECKING:
    from evdesk.csms.commands import CommandApi
    from evdesk.csms.connection import StationConnection

PROBE = dataclasses.replace(SYSTEM_CONTEXT, display_name="evdesk (compatibility probe)")
PROBE_REASON = "compatibility probe after the station's first boot"


class CompatibilityProbe:
    def __init__(self, services, commands: "CommandApi"):
        self.services = services
        self.commands = commands

    async def after_boot(self, conn: "StationConnection") -> None:
        from evdesk.csms.commands import configuration_rows

        info = conn.info
        if conn.ocpp_version != "1.6":
            return  # the probe reads 1.6 configuration keys; a 2.0.1 station reports its device model instead
        compat = self.services.compat
        if not await compat.first_boot(info, getattr(conn.websocket, "subprotocol", None)):
            return
        result = await self.commands.get_configuration(info.id, ctx=PROBE, reason=PROBE_REASON)
        if result.ok and result.response is not None:
            rows = configuration_rows(result.response.get("configuration_key") or [])
            await compat.record_configuration(info, rows, [str(k) for k in result.response.get("unknown_key") or []])
        else:
            await compat.probe_failed(info, result.message)
