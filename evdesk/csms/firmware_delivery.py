"""Sending firmware to stations and asking them for diagnostics, with evdesk as the file server.

Rules:
* The address in a link is the one the station itself reached evdesk on (the local address
  of its websocket): a charger on any of this computer's networks gets a link it can reach.
  A station not connected gets the first LAN address the OCPP listener answers on.
* UpdateFirmware goes to every station of a roll-out at once (each with its own link; the
  command API records each in the action log with the operator's reason), `retrieveDate`
  as chosen (now by default).
* GetDiagnostics asks for an upload to a link of its own request (HTTP, or FTP with one-time
  credentials); the answer's file name is kept.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
from datetime import datetime
from urllib.parse import quote
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.firmware.transfers import DOWNLOAD, PROTOCOLS, Transfer
from evdesk.core.lan_addresses import reachable_addresses
from evdesk.core.permissions import OperatorContext, Permission, require, require_group, require_station
from evdesk.csms.file_server import FileServer
from evdesk.csms.ftp_server import FtpServer

log = logging.getLogger(__name__)
WILDCARDS = ("", "0.0.0.0", "::")


class FirmwareDelivery:
    def __init__(self, services, commands, registry, host: str, ephemeral: bool = False):
        self.services = services
        self.firmware = services.firmware
        self.commands = commands
        self.registry = registry
        self.host = host
        settings = services.settings
        # an OCPP listener on "any free port" (tests, the self-test) gets file servers on free ports too
        http_port = 0 if ephemeral else settings.file_server_port
        self.http = FileServer(self.firmware.transfers, self.firmware.diagnostics, host, http_port)
        # FTP starts with each expected transfer: it takes the port setting in force then
        self.ftp = FtpServer(self.firmware.transfers, self.firmware.diagnostics, host,
                             0 if ephemeral else (lambda: settings.ftp_port))
        self.error = ""

    async def start(self) -> None:
        """The file server is an extra: if its port is taken (a second seat on this computer) it takes
        a free one, which the links carry; if it cannot listen at all the OCPP server still runs
        (and says why)."""
        try:
            await self.http.start()
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE and self.http.requested_port:
                wanted, self.http.requested_port = self.http.requested_port, 0
                log.warning("file server for firmware and diagnostics: port %s is taken (another evdesk on this "
                            "computer?); a free port is used instead, and the stations' links carry it", wanted)
                await self._start_http()
            else:
                self._failed(exc)
        self.ftp.attach()

    async def _start_http(self) -> None:
        try:
            await self.http.start()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        self.error = f"cannot listen on {self.host}:{self.http.requested_port}: {exc.strerror or exc}"
        log.error("file server for firmware and diagnostics not started: %s", self.error)

    async def stop(self) -> None:
        await self.http.stop()
        await self.ftp.close()

    # -- links ---------------------------------------------------------------
    def _address_for(self, station_id: UUID) -> str:
        conn = self.registry.connection_for(station_id)
        address = None
        if conn is not None:
            local = getattr(conn.websocket, "local_address", None)
            address = local[0] if local else None
        if not address:
            if self.host not in WILDCARDS:
                address = self.host
            else:
                found = reachable_addresses(self.host)
                address = found[0].address if found else "127.0.0.1"
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.version == 6 and ip.ipv4_mapped is not None:  # an IPv4 station on a dual-stack listener
            return str(ip.ipv4_mapped)
        if ip.version == 6:
            return f"[{address}]"
        return address

    def url_for(self, transfer: Transfer) -> str:
        if transfer.protocol == "http" and self.http.port is None:
            raise ValidationError(f"evdesk's file server is not running ({self.error}); use FTP or free the port "
                                  "in Settings.", field="protocol")
        address = self._address_for(transfer.station_id)
        name = quote(transfer.file_name) if transfer.direction == DOWNLOAD else ""
        if transfer.protocol == "http":
            return f"http://{address}:{self.http.port}/t/{transfer.token}/{name}"
        if not self.ftp.running:
            try:
                self.ftp.start()
            except OSError as exc:
                raise ValidationError(f"evdesk's FTP server cannot listen on {self.host}:{self.ftp.requested_port} "
                                      f"({exc.strerror or exc}); use HTTP or choose another FTP port in Settings.",
                                      field="protocol") from exc
        return f"ftp://{transfer.ftp_user}:{transfer.ftp_password}@{address}:{self.ftp.port}/{name}"

    # -- firmware ------------------------------------------------------------
    def _stations_of(self, ctx: OperatorContext, station_ids, group_id) -> tuple[list, str]:
        stations = self.services.stations
        ctx = stations.fresh_context(ctx)
        if group_id is not None:
            require_group(ctx, group_id)
            group = self.services.group_tree.get(group_id)
            subtree = self.services.group_tree.index.subtree(group_id)
            infos = sorted((s for s in stations.all() if s.group_id in subtree), key=lambda s: s.identity)
            if not infos:
                raise ValidationError(f"The group {group.name} has no stations.", field="target")
            return infos, f"group {group.name}"
        infos = [stations.get_by_id(i) for i in station_ids or ()]
        if not infos:
            raise ValidationError("Choose a station or a group to send the firmware to.", field="target")
        for info in infos:
            require_station(ctx, info.group_id)
        target = f"station {infos[0].identity}" if len(infos) == 1 else f"{len(infos)} stations"
        return infos, target

    async def send_firmware(self, ctx: OperatorContext, file_id: UUID, *, station_ids: list[UUID] | None = None,
                            group_id: UUID | None = None, retrieve_date: datetime | None = None,
                            protocol: str = "http", reason: str = "") -> UUID:
        """Start a roll-out; returns its id once every station has answered (or not)."""
        require(ctx, Permission.FIRMWARE_UPDATES)
        if protocol not in PROTOCOLS:
            raise ValidationError("Choose HTTP or FTP.", field="protocol")
        if retrieve_date is not None and retrieve_date.tzinfo is None:
            raise ValidationError("The retrieve time needs a time zone.", field="retrieve_date")
        infos, target = self._stations_of(ctx, station_ids, group_id)
        file_row = await self.firmware.library.get(file_id)
        retrieve_date = retrieve_date or utcnow()
        deadline = self.firmware.download_deadline(retrieve_date)
        rollout_id, row_ids = await self.firmware.rollouts.create(ctx, file_row, infos, target, group_id, protocol,
                                                                  retrieve_date, deadline)
        path = self.firmware.library.path_of(file_row.id, file_row.name)
        reason = reason or f"firmware {file_row.name} to {target}"

        async def send(info) -> None:
            transfer = self.firmware.transfers.expect(DOWNLOAD, protocol, info.id, info.identity, deadline,
                                                      file_path=path, owner_id=row_ids[info.id])
            self.firmware.rollouts.watch(transfer, rollout_id)
            try:
                result = await self.commands.update_firmware(info.id, self.url_for(transfer), retrieve_date,
                                                             ctx=ctx, reason=reason)
            except Exception as exc:  # one station's trouble must not stop the others
                log.exception("UpdateFirmware to %s failed", info.identity)
                await self.firmware.rollouts.finish(info.id, "error", f"The command could not be sent: {exc}")
                return
            await self.firmware.rollouts.command_outcome(rollout_id, row_ids[info.id], info.id, result.outcome,
                                                         result.message)

        await asyncio.gather(*(send(info) for info in infos))
        return rollout_id

    # -- diagnostics ---------------------------------------------------------
    async def request_diagnostics(self, ctx: OperatorContext, station_id: UUID, *, protocol: str = "http",
                                  start_time: datetime | None = None, stop_time: datetime | None = None,
                                  reason: str = "") -> UUID:
        """Ask the station for its diagnostics; returns the request's id (see the diagnostics log)."""
        if protocol not in PROTOCOLS:
            raise ValidationError("Choose HTTP or FTP.", field="protocol")
        info = self.commands._allow(ctx, station_id)
        request_id, transfer = await self.firmware.diagnostics.create(ctx, info, protocol)
        try:
            result = await self.commands.get_diagnostics(station_id, self.url_for(transfer), start_time, stop_time,
                                                         ctx=ctx, reason=reason or "diagnostics requested")
        except BaseException:
            await self.firmware.diagnostics.command_outcome(request_id, "error", "The command could not be sent.",
                                                            None)
            raise
        file_name = (result.response or {}).get("file_name") if result.ok else None
        await self.firmware.diagnostics.command_outcome(request_id, result.outcome, result.message, file_name)
        return request_id
