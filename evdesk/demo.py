"""The demo site: a seeded database and simulated stations that live on the embedded server.

Used by `evdesk --demo` so a newcomer sees a living site at once: groups, stations,
charging users with RFID tokens, cars arriving and charging, the odd fault, and
one unknown charger waiting to be adopted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

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


async def seed_demo(services: Services) -> bool:
    """Create the demo site if this database is empty. Returns True when it seeded."""
    seeded = await services.store.run(_seed_rows)
    if not seeded:
        return False
    group_ids = await services.store.run(lambda: {g.name: g.id for g in m.ChargingGroup.select()})
    await services.groups.load()  # the groups were written straight to the store
    for st in STATIONS:
        info = await services.stations.create_station(st.identity, st.name, group_ids[st.group], connectors=st.connectors, ctx=SYSTEM_CONTEXT)
        await services.stations.update_station(info.id, info.version, meter_value_interval=DEMO_METER_INTERVAL, ctx=SYSTEM_CONTEXT)
    await services.people.load()  # the users and tokens were written straight to the store
    if not await services.operators.count():
        await services.operators.create_first_admin(DEMO_USERNAME, DEMO_PASSWORD, first_name="Demo", last_name="Operator")
    log.info("demo site seeded: %d stations, %d users", len(STATIONS), len(USERS))
    return True
