"""A station's details (location, system status, integration date, the boot's manufacturer and
model) with its EVSEs and connectors, and station templates.

Rules (`hardware_rules.py` has the layout's): editing needs "edit stations" on a station in
the operator's domain; the details and the layout are saved together against the station's
version (someone else's save meanwhile is refused: reload). A station from before EVSEs were
described shows one AC charging point per connector, numbered like the connector.

**Templates** (SYNC's "Create Template", EV Manager's clone): a station's EVSEs and connectors
(without EVSE-IDs, which are unique per charging point), its manufacturer and model and its
location-independent settings (access, intervals, quirks) under a name. A template belongs to
the station's group (seen and used by that group's operators and those above; a template of an
orphan by site admins). The list allows rename and delete only; a template is made from a
station. A station made from a template is pre-registered: its identity exists before the
charger first connects, so it is accepted at once (never pending).

A template also keeps its source station's **configuration keys as last read** (in its settings
JSON under "configuration"; secrets masked), so the configuration editor can compare a station
with a template ("Compare with"). They are a reference only: a station made from the template
does not get them sent (the charger's own defaults may differ by firmware; an operator applies
what they want through the editor after comparing). A template saved before this keeps none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import NotFound, StaleEdit, ValidationError
from evdesk.core.hardware_rules import (
    SOCKET_LABELS, ConnectorSpec, EvseSpec, check_layout, check_system_status, layout_from_json, layout_to_json,
)
from evdesk.core.permissions import OperatorContext, Permission, require, require_station
from evdesk.core.station_config import ConfigurationKeyRow
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import hardware as q
from evdesk.store.queries import stations as station_q
from evdesk.store.repos import hardware as repo
from evdesk.store.repos import stations as station_repo

__all__ = ["StationDetails", "StationHardware", "TemplateRow", "TEMPLATE_SETTINGS"]

TEMPLATE_SETTINGS = ("access_mode", "heartbeat_interval", "meter_value_interval", "strip_id_tag_suffix",
                     "skip_schema_validation")
TEMPLATE_NOT_FOUND = "This station template does not exist (any more)."
TEMPLATE_CONFIGURATION = "configuration"  # the settings entry with the source station's configuration keys
SECRET_WORDS = ("password", "authorizationkey", "secret")


def template_configuration(rows) -> list[dict]:
    """The keys kept with a template: those the station knows, as last read; secrets masked (a
    template is seen by the group's operators, the station's password is not theirs to read)."""
    out = []
    for key, value, readonly, _fetched, known in rows:
        if known:
            secret = any(word in key.lower() for word in SECRET_WORDS)
            out.append({"key": key, "value": "********" if secret and value else value, "readonly": readonly})
    return sorted(out, key=lambda k: k["key"].lower())


@dataclass(frozen=True)
class StationDetails:
    id: UUID
    identity: str
    name: str
    group_id: UUID | None
    location_id: UUID | None
    system_status: str
    integration_date: date | None
    vendor: str  # manufacturer, from the last boot
    model: str
    serial_number: str
    firmware_version: str
    version: int
    evses: list[EvseSpec] = field(default_factory=list)


@dataclass(frozen=True)
class TemplateRow:
    id: UUID
    name: str
    group_id: UUID | None
    vendor: str
    model: str
    settings: dict
    evses: list[EvseSpec]
    version: int

    @property
    def summary(self) -> str:
        """'2 charging points: AC 22 kW Type 2; DC 50 kW CCS2+CHAdeMO'."""
        parts = []
        for e in self.evses:
            power = f" {e.max_power_w / 1000:g} kW" if e.max_power_w else ""
            sockets = "+".join(SOCKET_LABELS.get(c.socket_type, c.socket_type) for c in e.connectors)
            parts.append(f"{e.current_type}{power} {sockets}")
        n = len(self.evses)
        return f"{n} charging point{'s' if n != 1 else ''}" + (": " + "; ".join(parts) if parts else "")


def _template(r: dict) -> TemplateRow:
    return TemplateRow(r["id"], r["name"], r["group"], r["vendor"], r["charger_model"], dict(r["settings"] or {}),
                       layout_from_json(r["evses"] or []), r["version"])


def layout_of(row: dict) -> list[EvseSpec]:
    """The stored EVSEs and connectors of `q.station_details`, loose connectors as their own EVSEs."""
    evses = {e["evse_id"]: EvseSpec(
        e["evse_id"], e["current_type"], e["max_power_w"], e["phases"], e["phase"], e["phase_rotation"], e["emi3_id"],
        tuple(ConnectorSpec(c["connector_id"], c["socket_type"], bool(c["cable"]), c["max_power_w"])
              for c in e["connectors"])) for e in row["evses"]}
    for c in row["loose_connectors"]:
        spec = ConnectorSpec(c["connector_id"], c["socket_type"], bool(c["cable"]), c["max_power_w"])
        number = c["connector_id"]
        if number in evses:
            old = evses[number]
            evses[number] = EvseSpec(old.evse_id, old.current_type, old.max_power_w, old.phases, old.phase,
                                     old.phase_rotation, old.emi3_id, old.connectors + (spec,))
        else:
            evses[number] = EvseSpec(number, connectors=(spec,))
    return [evses[n] for n in sorted(evses)]


class StationHardware:
    def __init__(self, store, bus: ev.EventBus, stations, group_tree, locations):
        self.store = store
        self.bus = bus
        self.stations = stations
        self.group_tree = group_tree
        self.locations = locations

    # -- one station ------------------------------------------------------------------------------
    async def details(self, ctx: OperatorContext, station_id: UUID) -> StationDetails:
        ctx = self.group_tree.fresh(ctx)
        info = self.stations.get_by_id(station_id)
        require_station(ctx, info.group_id)
        row = await self.store.read(q.station_details, station_id)
        if row is None:
            raise NotFound("Charging station does not exist.")
        return StationDetails(row["id"], row["identity"], row["name"], row["group"], row["location"],
                              row["system_status"] or "active", row["integration_date"], row["vendor"], row["model"],
                              row["serial_number"], row["firmware_version"], row["version"], layout_of(row))

    async def save(self, ctx: OperatorContext, station_id: UUID, expected_version: int, *,
                   evses: list[EvseSpec] | None = None, **changes) -> StationDetails:
        """Save the details (`location`, `system_status`, `integration_date`) and, when given, the
        EVSEs and connectors, in one step against `expected_version`."""
        require(ctx, Permission.EDIT_STATIONS)
        ctx = self.group_tree.fresh(ctx)
        info = self.stations.get_by_id(station_id)
        require_station(ctx, info.group_id)
        unknown = set(changes) - {"location", "system_status", "integration_date"}
        if unknown:
            raise ValidationError(f"Unknown station field(s): {', '.join(sorted(unknown))}")
        if "system_status" in changes:
            changes["system_status"] = check_system_status(changes["system_status"])
        if "integration_date" in changes and changes["integration_date"] is not None \
                and not isinstance(changes["integration_date"], date):
            raise ValidationError("Give the integration date as YYYY-MM-DD.", field="integration_date")
        if changes.get("location") is not None:
            await self.locations.check_usable(ctx, changes["location"])
        layout = None if evses is None else layout_to_json(check_layout(list(evses)))
        await self._write(station_id, expected_version, layout, changes)
        return await self.details(ctx, station_id)

    async def _write(self, station_id: UUID, expected_version: int | None, layout: list[dict] | None,
                     changes: dict) -> None:
        try:
            if layout is None:
                await self.store.atomic(partial(station_repo.update_station, station_id, expected_version, **changes))
            else:
                await self.store.atomic(partial(repo.save_layout, station_id, expected_version, layout, **changes))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        except repo.EvseIdTaken as exc:
            index = next((i for i, e in enumerate(layout or []) if e["emi3_id"] == exc.code), 0)
            raise ValidationError(f"EVSE-ID {exc.code} is already used by station {exc.identity}.",
                                  field=f"evses[{index}].emi3_id") from None
        await self.stations.refresh(station_id)

    # -- templates ----------------------------------------------------------------------------------
    async def templates(self, ctx: OperatorContext) -> list[TemplateRow]:
        ctx = self.group_tree.fresh(ctx)
        return [_template(r) for r in await self.store.read(q.templates) if ctx.sees_station(r["group"])]

    async def template(self, ctx: OperatorContext, template_id: UUID) -> TemplateRow:
        ctx = self.group_tree.fresh(ctx)
        row = await self.store.read(q.template, template_id)
        if row is None or not ctx.sees_station(row["group"]):
            raise NotFound(TEMPLATE_NOT_FOUND)
        return _template(row)

    async def save_as_template(self, ctx: OperatorContext, station_id: UUID, name: str) -> TemplateRow:
        require(ctx, Permission.EDIT_STATIONS)
        name = _template_name(name)
        details = await self.details(ctx, station_id)
        info = self.stations.get_by_id(station_id)
        evses = [EvseSpec(e.evse_id, e.current_type, e.max_power_w, e.phases, e.phase, e.phase_rotation, "",
                          e.connectors) for e in details.evses]
        settings = {k: getattr(info, k) for k in TEMPLATE_SETTINGS}
        settings[TEMPLATE_CONFIGURATION] = template_configuration(
            await self.store.read(station_q.configuration_keys, station_id))
        row = await self.store.atomic(partial(
            repo.insert_template, name=name, group=info.group_id, vendor=details.vendor, charger_model=details.model,
            settings=settings, evses=layout_to_json(evses)))
        self.bus.publish(ev.StationTemplatesChanged(row["id"]))
        return _template(row)

    async def rename_template(self, ctx: OperatorContext, template_id: UUID, expected_version: int,
                              name: str) -> TemplateRow:
        require(ctx, Permission.EDIT_STATIONS)
        await self.template(ctx, template_id)
        try:
            row = await self.store.atomic(partial(repo.update_template, template_id, expected_version,
                                                  name=_template_name(name)))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.bus.publish(ev.StationTemplatesChanged(template_id))
        return _template(row)

    async def delete_template(self, ctx: OperatorContext, template_id: UUID, expected_version: int) -> None:
        require(ctx, Permission.EDIT_STATIONS)
        await self.template(ctx, template_id)
        try:
            await self.store.atomic(partial(repo.delete_template, template_id, expected_version))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.bus.publish(ev.StationTemplatesChanged(template_id))

    async def template_configuration(self, ctx: OperatorContext, template_id: UUID) -> list[ConfigurationKeyRow]:
        """The configuration keys stored with the template (its source station's last read), for
        the configuration editor's "Compare with"; [] for a template saved before they were kept."""
        template = await self.template(ctx, template_id)
        rows = [ConfigurationKeyRow(k["key"], k.get("value"), bool(k.get("readonly")), None)
                for k in template.settings.get(TEMPLATE_CONFIGURATION) or []]
        return sorted(rows, key=lambda r: r.key.lower())

    async def create_from_template(self, ctx: OperatorContext, template_id: UUID, identity: str, name: str = "", *,
                                   group_id: UUID | None = None, location_id: UUID | None = None,
                                   system_status: str = "active", integration_date: date | None = None,
                                   password: str | None = None):
        """A pre-registered (adopted) station with the template's EVSEs, connectors and settings."""
        require(ctx, Permission.ADD_REMOVE_STATIONS)
        template = await self.template(ctx, template_id)
        return await self.create_station(ctx, identity, name, group_id=group_id, location_id=location_id,
                                         system_status=system_status, integration_date=integration_date,
                                         password=password, evses=template.evses, settings=template.settings)

    async def create_station(self, ctx: OperatorContext, identity: str, name: str = "", *, group_id=None,
                             location_id=None, system_status: str = "active", integration_date: date | None = None,
                             password: str | None = None, evses: list[EvseSpec] | None = None,
                             settings: dict | None = None, connectors: int = 1):
        """A new adopted station with this layout (or `connectors` plain ones) and details, checked
        before anything is written; the station is removed again if its layout cannot be stored."""
        system_status = check_system_status(system_status)
        layout = layout_to_json(check_layout(list(evses))) if evses is not None else None
        await self.locations.check_usable(ctx, location_id)
        info = await self.stations.create_station(identity, name, group_id, 0 if layout is not None else connectors,
                                                  password, ctx=ctx)
        changes = {"location": location_id, "system_status": system_status, "integration_date": integration_date}
        changes.update({k: v for k, v in (settings or {}).items() if k in TEMPLATE_SETTINGS})
        try:
            await self._write(info.id, None, layout, changes)
        except BaseException:
            await self.stations.delete_station(info.id, ctx=ctx)
            raise
        return self.stations.get_by_id(info.id)


def _template_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Give the template a name.", field="name")
    if len(name) > 200:
        raise ValidationError("Use at most 200 characters for the name.", field="name")
    return name
