"""The demo site: a seeded database and simulated stations that live on the embedded server.

Used by `evdesk --demo` so a newcomer sees a living site at once: groups, stations,
charging users with RFID tokens, cars arriving and charging, the odd fault, and
one unknown charger waiting to be adopted. Its sessions have prices: tariffs and two
tariff groups (one on the top charging group, one on a subgroup). The stations stand at three
locations (address, coordinates, time zone) and carry their charging points' electrics: AC or
DC, phases and rotation or the wired phase, EVSE-IDs, sockets or cables. Tariffs, locations and
electrics are seeded also into an older demo database that lacks them.
"""

from __future__ import annotations

import asyncio

import logging
from dataclasses import dataclass
from uuid import UUID

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.store import models as m

log = logging.getLogger(__name__)

DEMO_METER_INTERVAL = 15  # seconds: the demo should visibly move
# The demo logs its operator in by itself; the password is shown in the README.
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-site-2026"


@dataclass(frozen=True)
class DemoStation:
    identity: str
    name: str
    group: str
    connectors: int
    max_power_w: int


GROUPS = {
    "Northwind Logistics": None,
    "North depot": "Northwind Logistics",
    "South depot": "Northwind Logistics",
    "Head office": "Northwind Logistics",
    "Visitor parking": "Head office",
}

STATIONS = [
    DemoStation("ND-BUS-01", "North depot bus bay 1", "North depot", 2, 44000),
    DemoStation("ND-BUS-02", "North depot bus bay 2", "North depot", 2, 44000),
    DemoStation("ND-VAN-01", "North depot van row A", "North depot", 2, 22000),
    DemoStation("ND-VAN-02", "North depot van row B", "North depot", 2, 22000),
    DemoStation("SD-VAN-01", "South depot van 1", "South depot", 2, 22000),
    DemoStation("SD-VAN-02", "South depot van 2", "South depot", 2, 22000),
    DemoStation("SD-TRK-01", "South depot truck dock", "South depot", 1, 50000),
    DemoStation("HO-STAFF-01", "Head office staff 1", "Head office", 2, 11000),
    DemoStation("HO-STAFF-02", "Head office staff 2", "Head office", 2, 11000),
    DemoStation("HO-VIS-01", "Visitor parking 1", "Visitor parking", 2, 22000),
]

PENDING_STATION = DemoStation("NEW-WALLBOX-7F3A", "", "", 1, 11000)

# name, address, postcode, city, latitude, longitude, managing group; every station of the group
# (and its subgroups) stands there
LOCATIONS = [
    ("North depot", "Satamakaari 24", "00980", "Helsinki", 60.2049, 25.1432, "North depot"),
    ("South depot", "Hatanpään valtatie 34", "33100", "Tampere", 61.4853, 23.7703, "South depot"),
    ("Head office", "Mannerheimintie 14", "00100", "Helsinki", 60.1686, 24.9394, "Head office"),
]
OPERATOR_ID = "NWL"  # the EVSE-IDs' operator part: FI*NWL*E<station><point>

USERS = [
    ("Aino", "Virtanen", "aino.virtanen@northwind.example", "Drivers", ["04A2B3C4D5E6F7"]),
    ("Mikko", "Korhonen", "mikko.korhonen@northwind.example", "Drivers", ["04B1C2D3E4F5A6"]),
    ("Sara", "Lindqvist", "sara.lindqvist@northwind.example", "Drivers", ["04C9D8E7F6A5B4"]),
    ("Jon", "Berg", "jon.berg@northwind.example", "Drivers", ["04D1E2F3A4B5C6"]),
    ("Elena", "Rossi", "elena.rossi@northwind.example", "Office staff", ["04E6F5A4B3C2D1"]),
    ("Tom", "Walker", "tom.walker@northwind.example", "Office staff", ["04F0A1B2C3D4E5"]),
] + [
    # the depot's own vehicles: one card each, kept in the vehicle
    ("Fleet", f"{kind} {number}", "", "Fleet vehicles", [f"FLEET-{kind.upper()}-{number}"])
    for kind, numbers in (("Bus", range(101, 109)), ("Van", range(201, 215)), ("Truck", range(301, 303)))
    for number in numbers
]


# Finnish VAT (25.5 %), included in the prices as drivers see them
DEMO_TARIFFS = {
    "Standard": {"kind": "energy_time", "energy_price": "0.3500", "time_price": "1.2000", "time_unit": "hour",
                 "time_basis": "charging", "connection_fee": "0.5000", "vat_rate": "25.5"},
    "Night": {"kind": "day_night", "day_starts": "07:00", "night_starts": "22:00", "energy_price": "0.3500",
              "night_energy_price": "0.1900", "time_price": "1.2000", "time_unit": "hour", "time_basis": "charging",
              "connection_fee": "0.5000", "vat_rate": "25.5"},
    "Fleet": {"kind": "energy_time", "energy_price": "0.1800", "vat_rate": "25.5"},
    "Visitor": {"kind": "energy_time", "energy_price": "0.4500", "connection_fee": "1.0000", "idle_fee_per_hour": "3.0000",
                "idle_grace_minutes": 30, "max_minutes": 240, "vat_rate": "25.5"},
}
TARIFF_NOTES = {
    "Standard": "Staff charging at the depots and the head office.",
    "Night": "Drivers pay less for energy from 22:00 to 07:00.",
    "Fleet": "The company's own vehicles: energy at cost.",
    "Visitor": "Visitors pay a parking fee after 30 minutes parked once charging ends; sessions stop after 4 hours.",
}


async def seed_tariffs(services: Services, top_group: UUID, visitor_group: UUID, drivers: UUID | None,
                       fleet: UUID | None, staff: UUID | None) -> dict[str, UUID]:
    """The demo's prices: "Northwind prices" on the top group (Standard for everyone, Night for
    the drivers, Fleet for the fleet's vehicles) and "Visitor prices" on the visitor parking
    (Visitor, with a parking fee; Standard for office staff on weekdays 07:00-19:00).
    Returns the ids by name (tariffs and tariff groups)."""
    tariffs, ctx = services.tariffs, SYSTEM_CONTEXT
    ids: dict[str, UUID] = {}
    for name, prices in DEMO_TARIFFS.items():
        ids[name] = (await tariffs.create_tariff(ctx, name, prices, notes=TARIFF_NOTES[name])).id

    def entry(name: str, group: UUID | None = None, windows=()) -> dict:
        return {"tariff_id": str(ids[name]), "user_group_ids": [str(group)] if group else [], "windows": list(windows)}

    northwind = await tariffs.create_group(ctx, "Northwind prices", [
        entry("Standard"), *([entry("Night", drivers)] if drivers else []), *([entry("Fleet", fleet)] if fleet else [])])
    office_hours = {"days": [0, 1, 2, 3, 4], "start": "07:00", "end": "19:00"}
    visitors = await tariffs.create_group(ctx, "Visitor prices", [
        entry("Visitor"), *([entry("Standard", staff, [office_hours])] if staff else [])])
    await tariffs.assign(ctx, northwind.id, group_id=top_group)
    await tariffs.assign(ctx, visitors.id, group_id=visitor_group)
    ids.update({"Northwind prices": northwind.id, "Visitor prices": visitors.id})
    return ids


async def _seed_demo_tariffs(services: Services) -> None:
    if services.tariffs.list_tariffs() or services.tariffs.list_groups():
        return  # the demo's operator may have changed them: keep theirs
    groups = {g.name: g.id for g in services.groups.groups.values()}
    if "Northwind Logistics" not in groups or "Visitor parking" not in groups:
        return
    user_groups = {g.name: g.id for g in await services.people.groups.list()}
    await seed_tariffs(services, groups["Northwind Logistics"], groups["Visitor parking"], user_groups.get("Drivers"),
                       user_groups.get("Fleet vehicles"), user_groups.get("Office staff"))
    log.info("demo tariffs seeded")


def demo_id_tags() -> list[str]:
    return [tag for *_rest, tags in USERS for tag in tags]


def _seed_rows() -> bool:
    """Runs on the database worker. Returns False when the demo database was already seeded."""
    if m.ChargingGroup.select().exists():
        return False
    with m.ChargingGroup._meta.database.atomic():
        groups = {}
        for name, parent in GROUPS.items():
            groups[name] = m.ChargingGroup.create(name=name, parent=groups.get(parent) if parent else None)
        user_groups = {}
        for *_names, group, _tags in USERS:
            if group not in user_groups:
                user_groups[group] = m.UserGroup.create(name=group)
        for first, last, email, group, tags in USERS:
            user = m.ChargingUser.create(
                first_name=first, last_name=last, email=email or None, user_group=user_groups[group]
            )
            for tag in tags:
                m.Token.create(uid=tag, uid_key=tag.upper(), name=f"{first} {last}", user=user)
    return True


async def _seed_demo_firmware(services: Services) -> None:
    """A firmware image for the simulated chargers, so the Firmware page has one to send."""
    import tempfile
    from pathlib import Path

    if await services.firmware.library.files(SYSTEM_CONTEXT):
        return
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "SimCharger-2.0.0.bin"
        await asyncio.to_thread(image.write_bytes, b"evdesk SimCharger firmware 2.0.0\n" + bytes(range(256)) * 256)
        await services.firmware.library.add(SYSTEM_CONTEXT, image, note="demo image for the simulated chargers")


def demo_layout(st: DemoStation, number: int):
    """The charging points of a demo station: DC with a CCS2 cable above 22 kW, else AC Type 2
    sockets; the single-phase staff chargers on L1 and L2, the three-phase ones in turned
    rotations so the depot's phases load evenly."""
    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec

    dc = st.max_power_w > 22000
    evses = []
    for point in range(1, st.connectors + 1):
        code = f"FI*{OPERATOR_ID}*E{number:03d}{point}"
        if dc:
            evses.append(EvseSpec(point, "DC", st.max_power_w, 3, "", "", code,
                                  (ConnectorSpec(point, "CCS2", cable=True, max_power_w=st.max_power_w),)))
        elif st.max_power_w <= 11000:
            evses.append(EvseSpec(point, "AC", st.max_power_w // 2 if st.max_power_w > 7400 else st.max_power_w, 1,
                                  "L1" if point % 2 else "L2", "", code, (ConnectorSpec(point, "Type2"),)))
        else:
            rotation = ("RST", "STR", "TRS")[(number + point) % 3]
            evses.append(EvseSpec(point, "AC", st.max_power_w, 3, "", rotation, code, (ConnectorSpec(point, "Type2"),)))
    return evses


async def _seed_demo_locations(services: Services) -> None:
    """The demo's locations, each station placed at its group's, and its charging points' electrics
    (skipped when any location exists: the operator's own are left alone)."""
    from evdesk.core.locations import LocationInput

    if await services.locations.list(SYSTEM_CONTEXT):
        return
    groups = await services.store.run(lambda: {g.name: g.id for g in m.ChargingGroup.alive()})
    placed = {}
    for name, address, postcode, city, lat, lon, group in LOCATIONS:
        row = await services.locations.create(SYSTEM_CONTEXT, LocationInput(
            name, address, postcode, city, "FI", lat, lon, "Europe/Helsinki", groups.get(group)))
        placed[group] = row.id
    where = {"Visitor parking": "Head office"}
    for number, st in enumerate(STATIONS, start=1):
        info = services.stations.get(st.identity)
        if info is None:
            continue
        details = await services.station_details.details(SYSTEM_CONTEXT, info.id)
        await services.station_details.save(SYSTEM_CONTEXT, info.id, details.version,
                                            location=placed[where.get(st.group, st.group)],
                                            evses=demo_layout(st, number))
    log.info("demo locations and charging point electrics seeded")


async def seed_demo(services: Services) -> bool:
    """Create the demo site if this database is empty. Returns True when it seeded."""
    seeded = await services.store.run(_seed_rows)
    if not seeded:
        await _seed_demo_tariffs(services)  # a demo database made before it had prices
        await _seed_demo_firmware(services)
        await _seed_demo_locations(services)
        return False
    group_ids = await services.store.run(lambda: {g.name: g.id for g in m.ChargingGroup.select()})
    await services.groups.load()  # the groups were written straight to the store
    for st in STATIONS:
        info = await services.stations.create_station(st.identity, st.name, group_ids[st.group], connectors=st.connectors, ctx=SYSTEM_CONTEXT)
        await services.stations.update_station(info.id, info.version, meter_value_interval=DEMO_METER_INTERVAL, ctx=SYSTEM_CONTEXT)
    await services.people.load()  # the users and tokens were written straight to the store
    await _seed_demo_tariffs(services)
    await _seed_demo_firmware(services)
    await _seed_demo_locations(services)
    if not await services.operators.count():
        await services.operators.create_first_admin(DEMO_USERNAME, DEMO_PASSWORD, first_name="Demo", last_name="Operator")
    log.info("demo site seeded: %d stations, %d users", len(STATIONS), len(USERS))
    return True
