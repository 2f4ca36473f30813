"""Diagnostics requests ("Get diagnostics") and the files stations upload to evdesk.

Rules:
* Requesting is a remote command (the remote-commands right and the station in the
  operator's domain); the log is read with the station's domain.
* The file goes to `<data folder>/diagnostics/<station identity>/<request id>/<name>`; the name
  is the one the station sends (made safe), or the one it announced in its answer.
* A file larger than `diagnostics_max_mb` is cut off and refused (HTTP 413 / FTP error): the
  request says so (`too_large`) and nothing is kept.
* A request whose file has not arrived `diagnostics_timeout_minutes` after it was sent is
  reported late (`timed_out`, with the time in its words) and its link and login end; a file
  that arrives after all still counts only while the link lives.
* The station's DiagnosticsStatusNotification moves the state (Uploading, UploadFailed);
  "Uploaded" without a file yet keeps waiting for the file.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound
from evdesk.core.firmware.library import safe_file_name
from evdesk.core.firmware.transfers import UPLOAD, Transfer, TransferBook
from evdesk.core.reads import DEFAULT_PAGE_SIZE, Cursor, Page, clamp_limit, page_of, require_visible_station
from evdesk.core.tasks import spawn
from evdesk.store.fields import uuid7
from evdesk.store.queries import firmware as q
from evdesk.store.repos import firmware as repo

WAITING = ("requested", "Uploading", "Uploaded")
STATE_LABELS = {
    "requested": "Waiting for the file", "Uploading": "Uploading", "Uploaded": "Station says uploaded",
    "received": "Received", "UploadFailed": "Upload failed", "rejected": "Refused by the station",
    "offline": "Not connected", "error": "Command failed", "timed_out": "No file in time",
    "too_large": "File too large", "nothing": "Station has no diagnostics",
}


@dataclass(frozen=True)
class DiagnosticsRow:
    id: UUID
    station_id: UUID
    requested_by: str
    requested_at: datetime
    protocol: str
    state: str
    detail: str
    file_name: str
    stored_path: str
    size: int | None
    received_at: datetime | None

    @property
    def label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


def _row(r: dict) -> DiagnosticsRow:
    return DiagnosticsRow(r["id"], r["station"], r["requested_by"], r["requested_at"], r["protocol"], r["state"],
                          r["detail"], r["file_name"], r["stored_path"], r["size"], r["received_at"])


class DiagnosticsLog:
    def __init__(self, store, bus, settings, stations, transfers: TransferBook, data_dir: Path):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.transfers = transfers
        self.data_dir = data_dir
        self.root = data_dir / "diagnostics"
        self._waiting: dict[UUID, tuple[UUID, datetime]] = {}  # request -> (station, deadline)
        bus.subscribe(ev.TransferProgress, self._progress)

    async def load(self) -> None:
        """Requests that were waiting when evdesk stopped: their links are gone, the sweep reports them."""
        minutes = self.settings.diagnostics_timeout_minutes
        for r in await self.store.read(q.open_diagnostics_requests, WAITING):
            self._waiting[r["id"]] = (r["station"], r["requested_at"] + timedelta(minutes=minutes))

    async def create(self, ctx, info, protocol: str) -> tuple[UUID, Transfer]:
        """A new request for `info` (already checked) and the upload it expects."""
        now = utcnow()
        deadline = now + timedelta(minutes=self.settings.diagnostics_timeout_minutes)
        request_id = uuid7()
        transfer = self.transfers.expect(
            UPLOAD, protocol, info.id, info.identity, deadline,
            upload_dir=self.root / safe_file_name(info.identity) / str(request_id),
            max_bytes=self.settings.diagnostics_max_mb * 1024 * 1024, owner_id=request_id)
        transfer.on_received = self._received
        transfer.on_refused = self._refused
        await self.store.run(repo.add_diagnostics_request, {
            "id": request_id, "station": info.id, "requested_by": ctx.name, "requested_at": now,
            "protocol": protocol, "state": "requested", "changed_at": now})
        self._waiting[request_id] = (info.id, deadline)
        self.bus.publish(ev.FirmwareRolloutChanged(diagnostics_request_id=request_id, station_id=info.id))
        return request_id, transfer

    async def command_outcome(self, request_id: UUID, outcome: str, message: str, file_name: str | None) -> None:
        if outcome == "accepted":
            if file_name:
                await self._update(request_id, file_name=safe_file_name(file_name)[:255],
                                   detail=f"The station will upload {file_name}.")
            else:  # 1.6: no file name when the station has no diagnostics information
                await self._end(request_id, "nothing", "The station accepted but has no diagnostics to send.")
            return
        await self._end(request_id, outcome if outcome in ("rejected", "offline") else "error", message)

    def _progress(self, event: ev.TransferProgress) -> None:
        if event.kind != "diagnostics" or event.state not in ("Uploading", "UploadFailed", "Uploaded"):
            return
        for request_id, (station_id, _deadline) in list(self._waiting.items()):
            if station_id == event.station_id:
                if event.state == "UploadFailed":
                    spawn(self._end(request_id, "UploadFailed", "The station reports that its upload failed."),
                          name="diagnostics state")
                else:
                    spawn(self._station_state(request_id, event.state), name="diagnostics state")

    async def _station_state(self, request_id: UUID, state: str) -> None:
        row = await self.store.read(q.diagnostics_request, request_id)
        if row is not None and row["state"] in WAITING:  # a file already received stays received
            await self._update(request_id, state=state)

    def _received(self, transfer: Transfer, path: Path, size: int) -> None:
        spawn(self.received(transfer, path, size), name="diagnostics received")

    async def received(self, transfer: Transfer, path: Path, size: int) -> None:
        """A complete upload arrived (from either file server)."""
        self.transfers.end(transfer)
        request_id = transfer.owner_id
        self._waiting.pop(request_id, None)
        info = self.stations.by_id.get(transfer.station_id)
        await self._update(request_id, state="received", stored_path=str(path.relative_to(self.data_dir)),
                           file_name=path.name, size=size, received_at=utcnow(),
                           detail=f"{path.name} received over {transfer.protocol.upper()}, {size} bytes.")
        if info is not None:
            self.bus.publish(ev.TransferProgress(info.id, info.identity, "diagnostics_file", "received", path.name))

    def refuse_too_large(self, transfer: Transfer, size: int) -> None:
        """A file server cut off an upload above the limit."""
        self.transfers.end(transfer)
        spawn(self._end(transfer.owner_id, "too_large",
                        f"The station sent more than the limit of {self.settings.diagnostics_max_mb} MB "
                        f"({size} bytes so far); the file was refused and not kept (Settings: largest "
                        "diagnostics file)."), name="diagnostics too large")

    def _refused(self, transfer: Transfer, why: str) -> None:
        spawn(self._update(transfer.owner_id, detail=f"An FTP login to this upload was refused ({why})."),
              name="diagnostics login refused")

    async def _end(self, request_id: UUID, state: str, detail: str) -> None:
        self._waiting.pop(request_id, None)
        self.transfers.end_owned_by(request_id)
        await self._update(request_id, state=state, detail=detail)

    async def _update(self, request_id: UUID, **changes) -> None:
        await self.store.run(repo.update_diagnostics_request, request_id, {**changes, "changed_at": utcnow()})
        row = await self.store.read(q.diagnostics_request, request_id)
        self.bus.publish(ev.FirmwareRolloutChanged(diagnostics_request_id=request_id,
                                                   station_id=row["station"] if row else None))

    async def sweep(self, now: datetime) -> None:
        for request_id, (station_id, deadline) in list(self._waiting.items()):
            if deadline <= now:
                info = self.stations.by_id.get(station_id)
                name = info.display_name if info is not None else "The station"
                minutes = self.settings.diagnostics_timeout_minutes
                await self._end(request_id, "timed_out", f"No diagnostics file arrived from {name} within "
                                                         f"{minutes} minutes of the request.")

    # -- reads --------------------------------------------------------------
    async def requests(self, ctx, station_id: UUID, cursor: Cursor | None = None,
                       limit: int = DEFAULT_PAGE_SIZE) -> Page[DiagnosticsRow]:
        require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.diagnostics_requests, station_id, cursor, limit + 1)
        return page_of([_row(r) for r in rows], limit, lambda r: (r.requested_at, r.id))

    async def file_of(self, ctx, request_id: UUID) -> Path:
        """The received file of a request, to open it (in the operator's domain)."""
        row = await self.store.read(q.diagnostics_request, request_id)
        if row is None:
            raise NotFound("That diagnostics request is not there any more.")
        require_visible_station(ctx, self.stations, row["station"])
        if not row["stored_path"]:
            raise NotFound("No file has arrived for this request.")
        path = self.data_dir / row["stored_path"]
        if not await asyncio.to_thread(path.is_file):
            raise NotFound(f"The file {path} is not there any more.")
        return path


def remove_partial(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
