"""Compatibility profiles: per station, learned by a probe after the first boot, edited by
operators, applied by the server, and shared per charger model (vendor + model).

The switches and what the probe concludes are in `compat_rules.py`. Here are the rules of
who changes a profile and when:

* First accepted boot of a station without a profile (`first_boot`): it starts with its
  model's profile when one exists ("the next charger of that model starts with it"), else
  with evdesk's defaults, and the probe starts: the OCPP server reads the configuration
  (`record_configuration`) and every message of the next 24 hours is looked at (`observe`,
  a dictionary look-up for every other station). Then the profile is "settled".
* A probe finding changes a switch unless an operator set that switch on this station;
  switches copied from a model profile an operator shared count as set by an operator.
* A model's profile is founded by the first station of that model the probe finishes reading
  (shared by "probe"), and follows that station's findings until an operator shares a profile
  for the model; after that only operators change it.
* Operators with the right to edit stations (in their domain) edit a station's profile;
  sharing it with every station of the model reaches stations outside any domain, so only
  administrators of the whole site may share.
* `strip_id_tag_suffix` and `skip_schema_validation` stay on the station row, where the server
  already reads them; the profile writes them there through the station service.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from functools import partial
from datetime import datetime, timedelta, tzinfo
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import zone_for
from evdesk.core.clock import utcnow
from evdesk.core.compat_rules import (
    STATION_COLUMNS,
    Switches,
    findings_from_configuration,
    findings_from_message,
)
from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext, Permission, require, require_station
from evdesk.core.tasks import spawn
from evdesk.store.errors import StaleRow
from evdesk.store.queries import compat as q
from evdesk.store.repos import compat as repo

log = logging.getLogger(__name__)

WATCH_FOR = timedelta(hours=24)
SHARE_DENIED = ("Only administrators of the whole site share a profile with every station of a model: "
                "it changes stations outside your charging groups.")


def model_key(vendor: str, model: str) -> str:
    return f"{(vendor or '').strip().casefold()}|{(model or '').strip().casefold()}"


@dataclass(frozen=True)
class CompatibilityView:
    """A station's profile as the screens and the API show it."""

    station_id: UUID
    vendor: str
    model: str
    switches: Switches
    observations: dict
    operator_set: tuple[str, ...]
    source: str
    state: str  # new / watching / settled
    first_boot_at: datetime | None
    probed_at: datetime | None
    version: int  # 0: no profile stored yet
    model_shared_by: str | None  # None: no profile for this model
    model_updated_at: datetime | None


class CompatibilityService:
    def __init__(self, store, bus, settings, batch, stations):
        self.store = store
        self.batch = batch  # the probe's rows ride the next group commit (a boot storm costs no commits of its own)
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.profiles: dict[UUID, dict] = {}  # station id -> stored row (dict)
        self.models: dict[str, dict] = {}  # model key -> stored row
        self._watch_until: dict[UUID, datetime] = {}
        self._lock = asyncio.Lock()
        bus.subscribe(ev.RowsChanged, self._rows_changed)

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        """Another seat changed profiles (the shared database): read them again. Few rows, rare."""
        if event.entity in ("station_compatibility", "model_compatibility"):
            spawn(self._reload(event.ids), name="compatibility profiles refresh")

    async def _reload(self, station_rows) -> None:
        async with self._lock:
            await self.load()
        for row in self.profiles.values():
            self.bus.publish(ev.CompatibilityChanged(row["station_id"]))

    async def load(self) -> None:
        stations, models = await self.store.read(q.load_profiles)
        self.profiles = {r["station_id"]: r for r in stations}
        self.models = {r["model_key"]: r for r in models}
        for row in stations:
            if row["state"] == "watching" and row["first_boot_at"] is not None:
                self._watch_until[row["station_id"]] = row["first_boot_at"] + WATCH_FOR

    # -- what the server applies ------------------------------------------------------------
    def switches(self, station_id: UUID) -> Switches:
        row = self.profiles.get(station_id)
        switches = Switches.from_dict(row["switches"]) if row else Switches()
        info = self.stations.by_id.get(station_id)
        if info is not None:  # the station row holds these two
            switches = dataclasses.replace(switches, strip_id_tag_suffix=info.strip_id_tag_suffix,
                                           skip_schema_validation=info.skip_schema_validation)
        return switches

    def naive_zone(self, info) -> tzinfo | None:
        """The zone a timestamp without offset is read in; None: UTC (the default)."""
        row = self.profiles.get(info.id)
        if row is None or not row["switches"].get("naive_times_local"):
            return None
        return zone_for(info.timezone or self.settings.site_timezone)

    def unitless_energy_unit(self, info) -> str:
        row = self.profiles.get(info.id)
        return "kWh" if row is not None and row["switches"].get("unitless_energy_kwh") else "Wh"

    # -- the probe ---------------------------------------------------------------------------
    async def first_boot(self, info, subprotocol: str | None) -> bool:
        """After an accepted boot: True when this is the station's first (the probe reads its
        configuration now); its profile starts from its model's, or from the defaults."""
        existing = self.profiles.get(info.id)
        if existing is not None and existing["state"] != "new":
            return False
        model = self.models.get(model_key(info.vendor, info.model))
        now = utcnow()
        observations = {"subprotocol": subprotocol or "none (served as ocpp1.6)"}
        if existing is not None:
            # an operator set switches before the station ever booted: they stay, the probe starts
            model = None
            existing["observations"].update(observations)
            await self._save(info.id, observations=dict(existing["observations"]), state="watching",
                             first_boot_at=now)
        else:
            switches = dict(model["switches"]) if model else Switches().as_dict()
            operator_set = sorted(switches) if model and model["shared_by"] != "probe" else []
            await self._save(info.id, switches=switches, observations=observations, operator_set=operator_set,
                             source="model" if model else "defaults", state="watching", first_boot_at=now)
        self._watch_until[info.id] = now + WATCH_FOR
        if model:
            await self._station_columns(info.id, model["switches"], SYSTEM_CONTEXT)
        log.info("compatibility probe of %s started (%s)", info.identity,
                 f"from the profile of {info.vendor} {info.model}" if model else "from evdesk's defaults")
        return True

    async def record_configuration(self, info, rows: list[tuple[str, str | None, bool]], unknown: list[str]) -> None:
        observations, suggestions = findings_from_configuration(rows, unknown)
        await self._learn(info, observations, suggestions, probed=True)

    async def probe_failed(self, info, message: str) -> None:
        await self._learn(info, {"configuration_error": message[:300]}, {}, probed=True)

    def watching(self, station_id: UUID) -> bool:
        return station_id in self._watch_until

    def observe(self, info, action: str, payload: dict) -> None:
        """One CALL from a station: cheap for stations not being watched (a dict look-up)."""
        until = self._watch_until.get(info.id)
        if until is None:
            return
        now = utcnow()
        if now > until:
            del self._watch_until[info.id]
            spawn(self._save(info.id, state="settled"), name=f"compat-settle {info.identity}")
            return
        observations, suggestions = findings_from_message(action, payload, now)
        row = self.profiles.get(info.id)
        if row is None or not (observations or suggestions):
            return
        new = {k: v for k, v in observations.items() if k not in row["observations"]}
        changes = self._apply(row, new, suggestions, info)
        if new or changes:
            # in force at once, for this very message (its handler runs next), stored in the background
            spawn(self._persist(info, changes), name=f"compat-observe {info.identity}")

    @staticmethod
    def _apply(row: dict, observations: dict, suggestions: dict, info=None) -> dict:
        """Findings into the in-memory profile; returns the switches that changed (an operator's
        choices are kept — also the station-row switches changed in the station's Settings since
        the profile last wrote them)."""
        locked = set(row["operator_set"])
        if info is not None:
            locked |= {k for k in STATION_COLUMNS if k in row["switches"] and getattr(info, k) != row["switches"][k]}
        changes = {k: v for k, v in suggestions.items() if k not in locked and row["switches"].get(k) != v}
        row["observations"].update(observations)
        if changes:
            row["switches"].update(changes)
            if row["source"] == "defaults":
                row["source"] = "probe"
        return changes

    async def _learn(self, info, observations: dict, suggestions: dict, probed: bool = False) -> None:
        row = self.profiles.get(info.id)
        if row is None:
            return
        await self._persist(info, self._apply(row, observations, suggestions, info), probed)

    async def _persist(self, info, changes: dict, probed: bool = False) -> None:
        """Store the in-memory profile (findings applied already) and what follows from changes."""
        async with self._lock:
            row = self.profiles.get(info.id)
            if row is None:
                return
            switches = dict(row["switches"])
            values = {"observations": dict(row["observations"]), "switches": switches, "source": row["source"]}
            if probed:
                values["probed_at"] = utcnow()
            await self._save_locked(info.id, **values)
            if changes:
                await self._station_columns(info.id, changes, SYSTEM_CONTEXT)
                log.info("compatibility probe of %s: %s", info.identity,
                         ", ".join(f"{k}={v}" for k, v in sorted(changes.items())))
            key = model_key(info.vendor, info.model)
            model = self.models.get(key)
            if (info.vendor or info.model) and (model is None and probed
                                                or model is not None and model["shared_by"] == "probe"
                                                and model["from_station"] == info.id):
                await self._share(info, switches, "probe")

    # -- operators ---------------------------------------------------------------------------
    def profile(self, ctx: OperatorContext, station_id: UUID) -> CompatibilityView:
        info = self.stations.get_by_id(station_id)
        require_station(self.stations.fresh_context(ctx), info.group_id)
        row = self.profiles.get(station_id) or {}
        model = self.models.get(model_key(info.vendor, info.model)) if (info.vendor or info.model) else None
        return CompatibilityView(
            station_id, info.vendor, info.model, self.switches(station_id), dict(row.get("observations") or {}),
            tuple(row.get("operator_set") or ()), row.get("source", "defaults"), row.get("state", "new"),
            row.get("first_boot_at"), row.get("probed_at"), row.get("version", 0),
            model["shared_by"] if model else None, model["updated_at"] if model else None)

    async def save(self, ctx: OperatorContext, station_id: UUID, switches: dict, *, expected_version: int,
                   share: bool = False) -> CompatibilityView:
        """An operator's switches for one station (and, with `share`, for its model)."""
        require(ctx, Permission.EDIT_STATIONS)
        info = self.stations.get_by_id(station_id)
        require_station(self.stations.fresh_context(ctx), info.group_id)
        if share and not ctx.can_site_wide(Permission.EDIT_STATIONS):
            raise AccessDenied(SHARE_DENIED)
        if share and not (info.vendor or info.model):
            raise ValidationError("This station has not booted yet: evdesk does not know its model.", field="share")
        checked = _checked(switches)
        current = self.switches(station_id).as_dict()
        row = self.profiles.get(station_id)
        if (row["version"] if row else 0) != expected_version:
            raise StaleEdit()
        changed = sorted(k for k, v in checked.items() if current.get(k) != v)
        operator_set = sorted(set(row["operator_set"] if row else ()) | set(changed))
        await self._station_columns(station_id, checked, ctx)
        async with self._lock:
            await self._save_locked(station_id, expected_version if row else None, switches=checked,
                                    operator_set=operator_set, source="operator")
            if share:
                await self._share(info, checked, ctx.name)
        log.info("compatibility profile of %s changed by %s%s: %s", info.identity, ctx.name,
                 " and shared with its model" if share else "", ", ".join(changed) or "no switch")
        return self.profile(ctx, station_id)

    # -- writing -----------------------------------------------------------------------------
    async def _save(self, station_id: UUID, **values) -> None:
        async with self._lock:
            await self._save_locked(station_id, **values)

    async def _save_locked(self, station_id: UUID, expected_version: int | None = None, **values) -> None:
        try:
            if expected_version is None:
                row = await self.batch.call(repo.save_station_profile, station_id, None, **values)
            else:  # an operator's edit: its own transaction, refused when stale
                row = await self.store.run(partial(repo.save_station_profile, station_id, expected_version, **values))
        except StaleRow:
            raise StaleEdit() from None
        current = self.profiles.get(station_id)
        if current is None or expected_version is not None:
            self.profiles[station_id] = row  # new, or an operator's edit: exactly what was stored
        else:
            # the probe's own writes: the in-memory profile may hold findings made meanwhile (their
            # writes are queued behind this one); keep them, take the stored row's bookkeeping
            for name, value in row.items():
                if name not in ("switches", "observations"):
                    current[name] = value
        self.bus.publish(ev.CompatibilityChanged(station_id))

    async def _share(self, info, switches: dict, shared_by: str) -> None:
        key = model_key(info.vendor, info.model)
        self.models[key] = await self.batch.call(repo.save_model_profile, key, info.vendor, info.model,
                                                 dict(switches), info.id, shared_by)
        self.bus.publish(ev.CompatibilityChanged(info.id))

    async def _station_columns(self, station_id: UUID, switches: dict, ctx: OperatorContext) -> None:
        info = self.stations.get_by_id(station_id)
        changes = {k: bool(switches[k]) for k in STATION_COLUMNS if k in switches and getattr(info, k) != switches[k]}
        if changes:
            await self.stations.update_station(station_id, info.version, ctx=ctx, **changes)


def _checked(switches: dict) -> dict:
    """The switches an operator sent, typed and in range (ValidationError next to the field)."""
    out = Switches().as_dict()
    for name in out:
        if name not in switches:
            raise ValidationError(f"The profile needs {name}.", field=name)
    for name in ("strip_id_tag_suffix", "skip_schema_validation", "naive_times_local", "unitless_energy_kwh",
                 "configure_meter_interval", "smart_charging"):
        if not isinstance(switches[name], bool):
            raise ValidationError("Choose on or off.", field=name)
        out[name] = switches[name]
    level = switches["max_stack_level"]
    if level is not None and (isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 100):
        raise ValidationError("The highest stack level is a whole number from 0 to 100, or empty when not known.",
                              field="max_stack_level")
    out["max_stack_level"] = level
    if switches["rate_units"] not in ("A", "W", "A,W"):
        raise ValidationError("Charging rate units are A, W or both.", field="rate_units")
    out["rate_units"] = switches["rate_units"]
    return out
