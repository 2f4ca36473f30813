"""Firmware roll-outs: a file sent to one station or a whole group, followed per station.

Rules:
* Sending needs the firmware right, and every station must be in the operator's domain
  (a group: the operator must see the group; its stations in sub-groups are included).
* Each station's state starts as `sent` (waiting) and then is what the station reports in
  FirmwareStatusNotification: Downloading, Downloaded, Installing, Installed, DownloadFailed,
  InstallationFailed. A refused command (`rejected`), a station not connected (`offline`),
  and no end state by the download link's deadline (`timed_out`) end it too.
* Summary: installed = Installed; failed = every other end state; waiting = the rest.
* A station's newest roll-out is the one its notifications count for; starting another one
  for the same station ends the earlier one's link (state `superseded`).
* When a station ends, its download link and FTP login stop working.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.tasks import spawn
from evdesk.store.fields import uuid7
from evdesk.store.queries import firmware as q
from evdesk.store.repos import firmware as repo

STATION_STATES = ("Downloading", "Downloaded", "Installing", "Installed", "DownloadFailed", "InstallationFailed")
FAILED = ("DownloadFailed", "InstallationFailed", "rejected", "offline", "error", "timed_out", "superseded")
FINAL = ("Installed",) + FAILED
STATE_LABELS = {
    "sent": "Waiting for the station", "Downloading": "Downloading", "Downloaded": "Downloaded",
    "Installing": "Installing", "Installed": "Installed", "DownloadFailed": "Download failed",
    "InstallationFailed": "Installation failed", "rejected": "Refused by the station",
    "offline": "Not connected", "error": "Command failed", "timed_out": "No result in time",
    "superseded": "Replaced by a newer roll-out",
}


@dataclass(frozen=True)
class RolloutStationRow:
    id: UUID
    station_id: UUID
    identity: str
    station_name: str
    state: str
    detail: str
    changed_at: datetime

    @property
    def label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


@dataclass(frozen=True)
class Summary:
    installed: int
    failed: int
    waiting: int

    def __str__(self) -> str:
        return f"{self.installed} installed, {self.failed} failed, {self.waiting} waiting"


def summary_of(states) -> Summary:
    counts = Counter("installed" if s == "Installed" else "failed" if s in FAILED else "waiting" for s in states)
    return Summary(counts["installed"], counts["failed"], counts["waiting"])


@dataclass(frozen=True)
class RolloutRow:
    id: UUID
    file_id: UUID
    file_name: str
    file_sha256: str
    target: str
    protocol: str
    retrieve_date: datetime
    created_by: str
    created_at: datetime
    stations: tuple[RolloutStationRow, ...]

    @property
    def summary(self) -> Summary:
        return summary_of(s.state for s in self.stations)


class FirmwareRollouts:
    def __init__(self, store, bus, stations, transfers):
        self.store = store
        self.bus = bus
        self.stations = stations
        self.transfers = transfers
        self._open: dict[UUID, tuple[UUID, UUID, datetime]] = {}  # station -> (row, roll-out, deadline)
        bus.subscribe(ev.TransferProgress, self._progress)

    async def load(self, deadline_of) -> None:
        """Follow the roll-outs that were under way when evdesk stopped (their links are gone:
        a station still reporting moves its state on; the sweep ends the silent ones)."""
        for r in await self.store.read(q.open_rollout_stations, FINAL):
            self._open[r["station"]] = (r["id"], r["rollout"], deadline_of(r["retrieve_date"]))

    async def create(self, ctx, file_row, infos: list, target: str, group_id: UUID | None, protocol: str,
                     retrieve_date: datetime, deadline: datetime) -> tuple[UUID, dict[UUID, UUID]]:
        """Store the roll-out with each station `sent`; returns its id and {station id: row id}."""
        now = utcnow()
        row_ids = {info.id: uuid7() for info in infos}
        rollout = {"id": uuid7(), "file": file_row.id, "target": target[:255], "group_id": group_id,
                   "protocol": protocol, "retrieve_date": retrieve_date, "created_by": ctx.name, "created_at": now}
        rows = [{"id": row_ids[info.id], "station": info.id, "state": "sent", "detail": "", "changed_at": now}
                for info in infos]
        superseded = [self._open[i.id] for i in infos if i.id in self._open]
        rollout_id = await self.store.run(repo.add_rollout, rollout, rows)
        for row_id, old_rollout, _deadline in superseded:
            await self._set(row_id, old_rollout, None, "superseded", "A newer roll-out was sent to this station.")
        for info in infos:
            self._open[info.id] = (row_ids[info.id], rollout_id, deadline)
        self.bus.publish(ev.FirmwareRolloutChanged(rollout_id))
        return rollout_id, row_ids

    async def command_outcome(self, rollout_id: UUID, row_id: UUID, station_id: UUID, outcome: str,
                              message: str) -> None:
        """What UpdateFirmware's answer means for the station: accepted keeps it waiting."""
        if outcome == "accepted":  # its first status may have come before this answer: keep it
            await self.store.run(repo.note_rollout_station, row_id, "sent", "The station accepted the update.")
            self.bus.publish(ev.FirmwareRolloutChanged(rollout_id))
            return
        state = outcome if outcome in ("rejected", "offline") else "error"
        await self.finish(station_id, state, message)

    async def finish(self, station_id: UUID, state: str, detail: str) -> None:
        entry = self._open.pop(station_id, None)
        if entry is not None:
            await self._set(entry[0], entry[1], station_id, state, detail)

    def watch(self, transfer, rollout_id: UUID) -> None:
        """A refused FTP login to this station's download is noted on its row (the state stays)."""
        def refused(t, why: str) -> None:
            spawn(self._note(t.owner_id, rollout_id, f"An FTP login to this download was refused ({why})."),
                  name="firmware login refused")

        transfer.on_refused = refused

    async def _note(self, row_id: UUID, rollout_id: UUID, detail: str) -> None:
        await self.store.run(repo.note_rollout_station, row_id, None, detail)
        self.bus.publish(ev.FirmwareRolloutChanged(rollout_id))

    def _progress(self, event: ev.TransferProgress) -> None:
        if event.kind != "firmware" or event.station_id not in self._open or event.state not in STATION_STATES:
            return
        row_id, rollout_id, _deadline = self._open[event.station_id]
        if event.state in FINAL:
            del self._open[event.station_id]
        spawn(self._set(row_id, rollout_id, event.station_id if event.state in FINAL else None, event.state,
                        event.detail), name="firmware roll-out state")

    async def _set(self, row_id: UUID, rollout_id: UUID, ended_station: UUID | None, state: str, detail: str) -> None:
        if ended_station is not None or state in FINAL:
            self.transfers.end_owned_by(row_id)
        await self.store.run(repo.set_rollout_station, row_id, state, detail, utcnow())
        self.bus.publish(ev.FirmwareRolloutChanged(rollout_id, station_id=ended_station))

    async def sweep(self, now: datetime) -> None:
        for station_id, (_row, _rollout, deadline) in list(self._open.items()):
            if deadline <= now:
                info = self.stations.by_id.get(station_id)
                name = info.display_name if info is not None else "The station"
                await self.finish(station_id, "timed_out",
                                  f"{name} reported no installed or failed firmware before the download link "
                                  f"expired ({deadline:%Y-%m-%d %H:%M} UTC).")

    def waiting_for(self, station_id: UUID) -> bool:
        return station_id in self._open

    async def rollouts(self, ctx, limit: int = 50) -> list[RolloutRow]:
        """The newest roll-outs with the stations the operator sees (a roll-out none of whose
        stations they see is left out)."""
        rollouts = await self.store.read(q.rollouts, limit)
        stations = await self.store.read(q.rollout_stations, [r["id"] for r in rollouts])
        by_rollout: dict[UUID, list[RolloutStationRow]] = {}
        for s in stations:
            info = self.stations.by_id.get(s["station"])
            if info is None or not ctx.sees_station(info.group_id):
                continue
            by_rollout.setdefault(s["rollout"], []).append(RolloutStationRow(
                s["id"], s["station"], s["identity"], s["station_name"] or "", s["state"], s["detail"], s["changed_at"]))
        return [RolloutRow(r["id"], r["file"], r["file_name"], r["file_sha256"], r["target"], r["protocol"],
                           r["retrieve_date"], r["created_by"], r["created_at"], tuple(by_rollout[r["id"]]))
                for r in rollouts if r["id"] in by_rollout]

    async def rollout(self, ctx, rollout_id: UUID) -> RolloutRow | None:
        for r in await self.rollouts(ctx, limit=500):
            if r.id == rollout_id:
                return r
        return None
