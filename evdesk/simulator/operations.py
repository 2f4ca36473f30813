"""What a simulated station does for CSMS-initiated calls.

Decisions (the answer a handler returns) are synchronous; follow-up messages are
scheduled with ``_defer`` so they go out after the CALLRESULT.
"""

from __future__ import annotations

import asyncio
import logging
import re

from ocpp.v16 import call

from . import transfers
from .clock import iso_z, parse_iso
from .model import Connector, Reservation

log = logging.getLogger("evdesk.simulator")

_BUSY = ("Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Preparing")


def _next_version(current: str, location: str) -> str:
    found = re.findall(r"(\d+(?:\.\d+)+)", location.rsplit("/", 1)[-1])
    if found:
        return found[-1]
    parts = current.split(".")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i].isdigit():
            parts[i] = str(int(parts[i]) + 1)
            return ".".join(parts)
    return current + ".1"


class OperationsMixin:
    """Follow-up work of CSMS-initiated calls (runs after the answer is sent)."""

    FIRMWARE_STEP = 2.0  # simulated seconds per firmware/diagnostics step

    def _config_changed(self, name: str, value: str) -> None:
        if name == "HeartbeatInterval":
            self._hb_changed.set()
        elif name == "ClockAlignedDataInterval":
            self._ensure_aligned()
        elif name == "AuthorizationKey":
            self.password = value  # used from the next connection on

    async def _do_reset(self, kind: str) -> None:
        log.info("%s: %s reset", self.identity, kind)
        await self.reboot("HardReset" if kind == "Hard" else "SoftReset")

    async def request_certificate(self, common_name: str | None = None):
        """Security extension: SignCertificate with a new key's CSR (kept in `certificate_key`; the
        signed chain arrives in `certificate_chain`)."""
        from evdesk.simulator.csr import new_csr

        self.certificate_key, pem = new_csr(common_name or self.identity)
        return await self._send(call.SignCertificate(csr=pem), force=True)

    async def _security_notifications(self, action: str, request_id: int, statuses) -> None:
        for status in statuses:
            await self._send(getattr(call, action)(status=status, request_id=request_id), force=True)

    async def security_event(self, kind: str, tech_info: str | None = None):
        """SecurityEventNotification (e.g. "FirmwareUpdated", "TamperDetectionActivated")."""
        return await self._send(call.SecurityEventNotification(type=kind, timestamp=iso_z(self.clock.now()),
                                                               tech_info=tech_info), force=True)

    async def _triggered(self, message: str, connector_id: int | None) -> None:
        if message == "BootNotification":
            result = await self._send(self._boot_payload(), force=True)
            if hasattr(result, "status"):
                self._apply_boot_result(result)
        elif message == "Heartbeat":
            await self._send(call.Heartbeat(), force=True)
        elif message == "StatusNotification":
            ids = sorted(self.connectors) if connector_id is None else [connector_id]
            for cid in ids:
                await self._send_status(cid, force=True)
        elif message == "MeterValues":
            ids = [c.id for c in self._charge_connectors()] if not connector_id else [connector_id]
            for cid in ids:
                await self._send_meter_values(self.connectors[cid], "Trigger")
        elif message == "FirmwareStatusNotification":
            await self._send(call.FirmwareStatusNotification(status=self.firmware_status), force=True)
        elif message == "DiagnosticsStatusNotification":
            await self._send(call.DiagnosticsStatusNotification(status=self.diagnostics_status), force=True)

    async def _firmware_status(self, status: str) -> None:
        self.firmware_status = status
        await self._send(call.FirmwareStatusNotification(status=status))

    async def _firmware_update(self, location: str, retrieve_date: str) -> None:
        when = parse_iso(retrieve_date)
        if when is not None:
            await self.clock.sleep((when - self.clock.now()).total_seconds())
        step = self.FIRMWARE_STEP
        await self._firmware_status("Downloading")
        try:  # a real download (HTTP or FTP, in a thread); a test location (no server) only pretends
            image = await transfers.in_thread(transfers.download, location) if transfers.is_served(location) else b"x"
        except OSError as exc:
            log.info("%s: firmware download from %s failed: %s", self.identity, transfers.redact(location), exc)
            image = None
        await self.clock.sleep(step)
        if image and image != b"x":
            self.downloaded_images.append(image)
        if image is None or not image or self.firmware_failure in ("download", "checksum"):
            # "checksum": the image arrived but the station's own check refuses it
            await self._firmware_status("DownloadFailed")
            return
        await self._firmware_status("Downloaded")
        while any(c.charging for c in self._charge_connectors()):
            await self.clock.sleep(10)  # install only between sessions
        await self._firmware_status("Installing")
        await self.clock.sleep(step)
        if self.firmware_failure == "install":
            await self._firmware_status("InstallationFailed")
            return
        await self._firmware_status("Installed")
        self._pending_firmware = _next_version(self.firmware, location)
        log.info("%s: firmware %s installed, rebooting", self.identity, self._pending_firmware)
        await self.reboot("Reboot")

    async def _diagnostics_upload(self, location: str, name: str) -> None:
        step = self.FIRMWARE_STEP
        await self.clock.sleep(step / 2)
        self.diagnostics_status = "Uploading"
        await self._send(call.DiagnosticsStatusNotification(status="Uploading"))
        ok = True
        if transfers.is_served(location):
            body = self.diagnostics_text().encode()
            try:
                await transfers.in_thread(transfers.upload, location, name, body)
            except OSError as exc:
                log.info("%s: diagnostics upload to %s failed: %s", self.identity, transfers.redact(location), exc)
                ok = False
        await self.clock.sleep(step)
        self.diagnostics_status = "Uploaded" if ok else "UploadFailed"
        await self._send(call.DiagnosticsStatusNotification(status=self.diagnostics_status))
        self.diagnostics_status = "Idle"

    def diagnostics_text(self) -> str:
        """What a simulated station's diagnostics file holds: its state, then `diagnostics_padding`
        bytes (a test of the size limit sends a large one)."""
        lines = [f"station {self.identity} {self.vendor} {self.model} firmware {self.firmware}",
                 f"time {self.clock.now().isoformat()}"]
        lines += [f"connector {c.id} status {c.status}" for c in self.connectors.values()]
        return "\n".join(lines) + "\n" + "#" * self.diagnostics_padding

    # ------------------------------------------------- CSMS-side decisions
    def _find_tx(self, transaction_id: int) -> Connector | None:
        reverse = {real: prov for prov, real in self._tx_map.items()}
        for c in self._charge_connectors():
            if c.charging and c.transaction_id in (transaction_id, reverse.get(transaction_id)):
                return c
        return None

    def remote_start(self, id_tag: str, connector_id: int | None, profile: dict | None) -> str:
        if not self.connectors[0].operative:
            return "Rejected"
        if profile is not None and profile.get("charging_profile_purpose") != "TxProfile":
            return "Rejected"
        if connector_id is None:
            free = [c for c in self._charge_connectors() if self._startable(c, id_tag)]
            if not free:
                return "Rejected"
            c = free[0]
        elif connector_id in self.connectors and connector_id > 0:
            c = self.connectors[connector_id]
            if not self._startable(c, id_tag):
                return "Rejected"
        else:
            return "Rejected"
        c.remote_tag = id_tag
        self._defer(self._run_remote_start, c, id_tag, profile)
        return "Accepted"

    def _startable(self, c: Connector, id_tag: str) -> bool:
        if c.charging or c.starting or c.remote_tag or c.faulted or not c.operative:
            return False
        if c.reservation is not None:
            return c.reservation.id_tag.lower() == id_tag.lower()
        return c.status in ("Available", "Preparing")

    async def _run_remote_start(self, c: Connector, id_tag: str, profile: dict | None) -> None:
        tag = self._tag_out(id_tag)
        if self.config.get_bool("AuthorizeRemoteTxRequests", False):
            status, _ = await self._authorize(id_tag, tag)
            if status != "Accepted":
                c.remote_tag = None
                return
        if c.status == "Available":
            await self._set_status(c.id, "Preparing")
        if not c.plugged and self.auto_plug:
            self._spawn(self._auto_plug(c))
        await self._start_when_plugged(c, id_tag, tag, profile)

    def remote_stop(self, transaction_id: int) -> str:
        c = self._find_tx(transaction_id)
        if c is None:
            return "Rejected"
        self._defer(self.stop_charging, c.id, "Remote")
        return "Accepted"

    def change_availability(self, connector_id: int, kind: str) -> str:
        if connector_id not in self.connectors:
            return "Rejected"
        inoperative = kind == "Inoperative"
        targets = self._charge_connectors() if connector_id == 0 else [self.connectors[connector_id]]
        scheduled = False
        changed: list[int] = []
        if connector_id == 0 and self.connectors[0].operative == inoperative:
            station = self.connectors[0]
            station.operative = not inoperative
            station.status = "Unavailable" if inoperative else "Available"
            changed.append(0)
        for c in targets:
            if inoperative and c.charging:
                c.pending_inoperative = True
                scheduled = True
                continue
            c.pending_inoperative = None
            c.operative = not inoperative
            status = self._idle_status(c)
            if c.status != status and not c.charging:
                c.status, c.error_code = status, "NoError" if not c.faulted else c.error_code
                changed.append(c.id)
        for cid in changed:
            self._defer(self._send_status, cid)
        return "Scheduled" if scheduled else "Accepted"

    def reserve(self, connector_id: int, expiry_date: str, id_tag: str, reservation_id: int,
                parent_id_tag: str | None = None) -> str:
        if connector_id == 0 and not self.config.get_bool("ReserveConnectorZeroSupported", False):
            return "Rejected"
        if connector_id not in self.connectors or connector_id == 0:
            return "Rejected"
        c = self.connectors[connector_id]
        same = c.reservation is not None and c.reservation.reservation_id == reservation_id
        if not same:
            if c.faulted:
                return "Faulted"
            if not c.operative or not self.connectors[0].operative:
                return "Unavailable"
            if c.charging or c.reservation is not None or c.status in _BUSY or c.remote_tag:
                return "Occupied"
            self._drop_reservation(reservation_id)
        expiry = parse_iso(expiry_date) or self.clock.now()
        if c.reservation is not None and c.reservation.timer is not None:
            c.reservation.timer.cancel()
        res = Reservation(reservation_id, id_tag, expiry, parent_id_tag)
        c.reservation = res
        res.timer = self._spawn(self._expire_reservation(c, res))
        if c.status != "Reserved":
            c.status = "Reserved"
            self._defer(self._send_status, c.id)
        return "Accepted"

    def _drop_reservation(self, reservation_id: int) -> Connector | None:
        for c in self._charge_connectors():
            if c.reservation is not None and c.reservation.reservation_id == reservation_id:
                if c.reservation.timer is not None and c.reservation.timer is not asyncio.current_task():
                    c.reservation.timer.cancel()
                c.reservation = None
                return c
        return None

    def cancel_reservation(self, reservation_id: int) -> str:
        c = self._drop_reservation(reservation_id)
        if c is None:
            return "Rejected"
        self._defer(self._set_status, c.id, self._idle_status(c))
        return "Accepted"

    async def _expire_reservation(self, c: Connector, res: Reservation) -> None:
        await self.clock.sleep((res.expiry - self.clock.now()).total_seconds())
        if c.reservation is res:
            c.reservation = None
            log.info("%s: reservation %s expired", self.identity, res.reservation_id)
            if c.status == "Reserved":
                await self._set_status(c.id, self._idle_status(c))

    def send_local_list(self, version: int, update_type: str, entries: list | None) -> str:
        cfg = self.config
        if not cfg.get_bool("LocalAuthListEnabled", True):
            return "NotSupported"
        entries = entries or []
        if len(entries) > cfg.get_int("SendLocalListMaxLength", 200):
            return "Failed"
        if update_type == "Full":
            new = {e["id_tag"]: dict(e["id_tag_info"]) for e in entries if e.get("id_tag_info")}
        else:
            if version <= self.local_list_version:
                return "VersionMismatch"
            new = dict(self.local_list)
            for e in entries:
                if e.get("id_tag_info"):
                    new[e["id_tag"]] = dict(e["id_tag_info"])
                else:
                    new.pop(e["id_tag"], None)
        if len(new) > cfg.get_int("LocalAuthListMaxLength", 1000):
            return "Failed"
        self.local_list, self.local_list_version = new, int(version)
        return "Accepted"

    def get_local_list_version(self) -> int:
        if not self.config.get_bool("LocalAuthListEnabled", True):
            return -1
        return self.local_list_version if self.local_list else 0
