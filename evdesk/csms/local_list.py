"""Local authorization lists: each station that keeps one gets the tokens it may decide
on its own (offline, or before asking), kept in step with evdesk.

* Which stations: those whose `LocalAuthListEnabled` is true (read with
  GetConfiguration after boot when not known yet). `LocalAuthListMaxLength` bounds
  the list, `SendLocalListMaxLength` one message. OCPP 2.0.1 stations name the same
  settings `LocalAuthListCtrlr/Enabled` and `LocalAuthListCtrlr/ItemsPerMessage` (read
  with GetVariables; the list's length limit is a variable characteristic, not a value
  GetVariables returns, so 1,000 is assumed); the command API turns the entries into
  2.0.1's idToken / idTokenInfo.
* What is on a station's list: every live token whose decision at that station is
  not Invalid (Accepted ones with their expiry and parentIdTag, Blocked and
  Expired ones so an offline station refuses them too); tokens that would be Invalid
  there are not listed, nor tokens that only an access profile's time window admits
  (a charger offline at night would otherwise accept them at any hour). Accepted tokens go first when the list must be cut.
* When: after each accepted boot the station's list version is compared with
  what evdesk last sent; a different version (or none) gets a Full update. While
  connected, a change to tokens, users, user groups, rights or the station sends a
  Differential update carrying only the entries that changed, with the next
  version. A token that gets blocked also makes every connected station ClearCache.
* What was sent (version and entries) is kept per station in `LocalListState`,
  written in the next group commit (`batch.call`), not in a transaction of its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import FREE, INVALID
from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.tasks import spawn
from evdesk.store.queries import stations as q
from evdesk.store.repos import config as config_repo

if TYPE_CHECKING:
    from evdesk.core.services import Services
    from evdesk.csms.commands import CommandApi
    from evdesk.csms.registry import ConnectionRegistry

log = logging.getLogger(__name__)

LOCAL_LIST_CTX = dataclasses.replace(SYSTEM_CONTEXT, display_name="evdesk (local list)")
CONFIG_KEYS = ("LocalAuthListEnabled", "LocalAuthListMaxLength", "SendLocalListMaxLength")
# (enabled, list length, entries per message) by OCPP version
CONFIG_KEYS_BY_VERSION = {
    "1.6": CONFIG_KEYS,
    "2.0.1": ("LocalAuthListCtrlr/Enabled", "", "LocalAuthListCtrlr/ItemsPerMessage"),  # "": not asked
}
DEBOUNCE_SECONDS = 0.2
YIELD_EVERY = 2000  # tokens evaluated between two yields to the loop


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_state(station_id: UUID, keys: tuple[str, ...] = CONFIG_KEYS) -> dict:
    """(reader) What was last sent, with the station's configuration keys as last read."""
    sent = q.local_list_state(station_id)
    return {"version": sent[0] if sent else 0, "entries": sent[1] if sent else {},
            "config": q.configuration_values(station_id, keys)}


def _int(value, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


class LocalListSync:
    def __init__(self, services: "Services", registry: "ConnectionRegistry", commands: "CommandApi"):
        self.services = services
        self.registry = registry  # the stations connected here
        self.commands = commands
        self._locks: dict[UUID, asyncio.Lock] = {}
        self._known: dict[UUID, dict] = {}  # station id -> {"enabled", "max", "send_max"}
        self._dirty: set[UUID] = set()
        self._unchecked: dict[UUID, object] = {}  # booted while there were no tokens: not asked yet
        self._flush_task: asyncio.Task | None = None
        self.tasks: set[asyncio.Task] = set()  # work started here, ended when the server stops
        self.sent: list[tuple[str, int, str, int]] = []  # (identity, version, update type, entries): for tests/diagnostics
        bus = self.services.bus
        self._unsubscribe = [
            bus.subscribe(ev.TokenChanged, self._token_changed),
            bus.subscribe(ev.ChargingUserChanged, self._changed),
            bus.subscribe(ev.UserGroupChanged, self._changed),
            bus.subscribe(ev.UsersImported, self._changed),
            bus.subscribe(ev.StationChanged, self._station_changed),
            bus.subscribe(ev.AccessProfilesChanged, self._changed),
        ]
        if hasattr(ev, "GroupChanged"):
            self._unsubscribe.append(bus.subscribe(ev.GroupChanged, self._changed))

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self._flush_task is not None:
            self._flush_task.cancel()

    # -- what a station's list should hold ------------------------------------------------
    async def desired(self, info) -> dict[str, dict]:
        if info.access_mode == FREE:
            return {}
        auth = self.services.auth
        accepted, refused = {}, {}
        for n, entry in enumerate(list(auth.index.tokens_by_id.values())):
            if n and n % YIELD_EVERY == 0:
                await asyncio.sleep(0)
            d = auth.evaluate(info, None, entry.uid, starting=False)
            if d.status == INVALID or d.time_limited:
                continue
            tag_info = {"status": d.status}
            if d.expiry is not None:
                tag_info["expiry_date"] = _iso(d.expiry)
            if d.token is not None and d.token.parent_uid:
                tag_info["parent_id_tag"] = d.token.parent_uid
            (accepted if d.accepted else refused)[entry.uid] = tag_info
        known = self._known.get(info.id, {})
        limit = known.get("max") or 1000
        out = dict(sorted(accepted.items())[:limit])
        for uid, tag_info in sorted(refused.items()):
            if len(out) >= limit:
                break
            out[uid] = tag_info
        if len(accepted) + len(refused) > limit:
            log.warning("%s: local list cut to %d of %d tokens (LocalAuthListMaxLength)", info.identity, limit,
                        len(accepted) + len(refused))
        return out

    # -- boot ------------------------------------------------------------------------------
    async def on_station_booted(self, conn) -> None:
        """After an accepted boot: learn whether the station keeps a list; bring it up to date."""
        try:
            await self._after_boot(conn)
        except Exception:  # never let the list break the boot handling
            log.exception("%s: local list sync after boot failed", conn.info.identity)

    async def _after_boot(self, conn) -> None:
        info = conn.info
        store = self.services.store
        enabled_key, max_key, send_max_key = CONFIG_KEYS_BY_VERSION.get(getattr(conn, "ocpp_version", "1.6"),
                                                                        CONFIG_KEYS)
        keys = tuple(k for k in (enabled_key, max_key, send_max_key) if k)
        state = await store.read(read_state, info.id, keys)
        if state["version"] == 0 and not self.services.auth.index.tokens_by_id:
            # no tokens yet and nothing ever sent: ask nothing now (a boot storm stays light);
            # the first token added brings this station up to date
            self._unchecked[info.id] = conn
            return
        self._unchecked.pop(info.id, None)
        if enabled_key not in state["config"]:
            await self.commands.get_configuration(info.id, list(keys), ctx=LOCAL_LIST_CTX,
                                                          reason="does the station keep a local authorization list?")
            state = await store.read(read_state, info.id, keys)
        cfg = state["config"]
        enabled = str(cfg.get(enabled_key, "")).strip().lower() == "true"
        self._known[info.id] = {
            "enabled": enabled, "max": _int(cfg.get(max_key), 1000),
            "send_max": max(1, _int(cfg.get(send_max_key), 100)),
        }
        if not enabled:
            return
        result = await self.commands.get_local_list_version(info.id, ctx=LOCAL_LIST_CTX, reason="local list check after boot")
        answer = result.response or {}
        station_version = answer.get("list_version", answer.get("version_number")) if result.ok else None
        await self.sync(info.id, full=station_version != state["version"] or state["version"] == 0)

    # -- sending ----------------------------------------------------------------------------
    async def sync(self, station_id: UUID, *, full: bool = False) -> None:
        known = self._known.get(station_id)
        info = self.services.stations.by_id.get(station_id)
        if not known or not known["enabled"] or info is None or self.registry.connection_for(station_id) is None:
            return
        lock = self._locks.setdefault(station_id, asyncio.Lock())
        async with lock:
            state = await self.services.store.read(read_state, station_id)
            want = await self.desired(info)
            if full:
                await self._send_full(info, state["version"], want, known)
            else:
                await self._send_changes(info, state["version"], state["entries"], want, known)

    async def _send_full(self, info, version: int, want: dict, known: dict) -> None:
        items = [{"id_tag": uid, "id_tag_info": tag} for uid, tag in want.items()]
        first, rest = items[:known["send_max"]], items[known["send_max"]:]
        version += 1
        if not await self._send(info, version, "Full", first, known):
            return
        sent = {e["id_tag"]: e["id_tag_info"] for e in first}
        await self._save(info.id, version, sent, known)
        if rest:
            await self._send_changes(info, version, sent, want, known)

    async def _send_changes(self, info, version: int, sent: dict, want: dict, known: dict) -> None:
        changes = [{"id_tag": uid, "id_tag_info": tag} for uid, tag in want.items() if sent.get(uid) != tag]
        changes += [{"id_tag": uid} for uid in sent if uid not in want]
        sent = dict(sent)
        for start in range(0, len(changes), known["send_max"]):
            chunk = changes[start:start + known["send_max"]]
            version += 1
            if not await self._send(info, version, "Differential", chunk, known):
                await self._send_full(info, version, want, known)  # out of step: start over
                return
            for e in chunk:
                if "id_tag_info" in e:
                    sent[e["id_tag"]] = e["id_tag_info"]
                else:
                    sent.pop(e["id_tag"], None)
            await self._save(info.id, version, sent, known)

    async def _save(self, station_id: UUID, version: int, sent: dict, known: dict) -> None:
        await self.services.batch.call(config_repo.save_local_list_state, station_id, version, sent, True,
                                       known["max"], known["send_max"], utcnow())

    async def _send(self, info, version: int, kind: str, entries: list[dict], known: dict) -> bool:
        result = await self.commands.send_local_list(info.id, version, kind, entries, ctx=LOCAL_LIST_CTX,
                                                             reason=f"local authorization list ({kind.lower()})")
        self.sent.append((info.identity, version, kind, len(entries)))
        if not result.ok:
            log.info("%s: SendLocalList %s v%d: %s", info.identity, kind, version, result.message)
            if (result.response or {}).get("status") == "NotSupported":
                known["enabled"] = False
        return result.ok

    # -- changes ------------------------------------------------------------------------------
    def _changed(self, _event) -> None:
        self._dirty.update(self._known)
        self._schedule()
        for station_id, conn in list(self._unchecked.items()):
            del self._unchecked[station_id]
            if self.registry.connection_for(station_id) is conn:
                self._keep(self.on_station_booted(conn), name=f"local-list first sync {station_id}")

    def _station_changed(self, event: ev.StationChanged) -> None:
        if event.station_id in self._known:
            self._dirty.add(event.station_id)
            self._schedule()

    def _token_changed(self, event: ev.TokenChanged) -> None:
        self._changed(event)
        if event.blocked:
            for station_id, known in list(self._known.items()):
                if self.registry.connection_for(station_id) is not None:
                    self._keep(self.commands.clear_cache(station_id, ctx=LOCAL_LIST_CTX,
                                                         reason=f"token {event.uid} blocked"),
                               name=f"clear-cache {station_id}")

    def _keep(self, coro, name: str) -> asyncio.Task:
        task = spawn(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def _schedule(self) -> None:
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = self._keep(self._flush(), name="local-list flush")

    async def _flush(self) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        while self._dirty:
            station_id = self._dirty.pop()
            try:
                await self.sync(station_id)
            except Exception:
                log.exception("local list update for %s failed", station_id)
