"""Reading locations, a station's EVSEs and connectors, and station templates (issue 16).

Rows come back as dicts keyed by field name (a foreign key by its field name: `group`,
`station`, `evse`).
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

import peewee

from evdesk.store import models as m

S, E, C, L, T = m.Station, m.Evse, m.Connector, m.Location, m.StationTemplate


def _with_count():
    count = S.select(peewee.fn.COUNT(S.id)).where((S.location == L.id) & S.deleted_at.is_null())
    return L.alive(L, count.alias("stations"))


def location(location_id: UUID) -> dict | None:
    """A live location with `stations`: how many live stations stand there."""
    return _with_count().where(L.id == location_id).dicts().first()


def locations() -> list[dict]:
    """Every live location with `stations`, by name."""
    return list(_with_count().order_by(peewee.fn.LOWER(L.name), L.id).dicts())


def location_names() -> dict[str, tuple[UUID, UUID | None]]:
    """lower-case name -> (id, group) of live locations (the first of a name wins)."""
    out: dict[str, tuple[UUID, UUID | None]] = {}
    for lid, name, group in L.alive(L.id, L.name, L.group).order_by(L.id).tuples():
        out.setdefault(name.strip().lower(), (lid, group))
    return out


def station_details(station_id: UUID) -> dict | None:
    """The station's row with `evses` (live EVSE dicts, each with its live `connectors`) and
    `loose_connectors` (live connectors of no EVSE: stations from before EVSEs were described).
    Connector 0 (what a station reports about itself as a whole) is no socket: left out."""
    row = S.alive().where(S.id == station_id).dicts().first()
    if row is None:
        return None
    evses = list(E.alive().where(E.station == station_id).order_by(E.evse_id).dicts())
    by_id = {e["id"]: e for e in evses}
    for e in evses:
        e["connectors"] = []
    loose = []
    for c in C.alive().where((C.station == station_id) & (C.connector_id > 0)).order_by(C.connector_id).dicts():
        (by_id[c["evse"]]["connectors"] if c["evse"] in by_id else loose).append(c)
    row["evses"], row["loose_connectors"] = evses, loose
    return row


def evse_ids_elsewhere(station_id: UUID, codes: Iterable[str]) -> dict[str, str]:
    """EVSE-ID -> identity of another live station's live EVSE that has it (compared without '*')."""
    wanted = {c.replace("*", ""): c for c in codes}
    found = {}
    rows = (E.select(E.emi3_id, S.identity).join(S, on=(E.station == S.id))
            .where(E.deleted_at.is_null() & S.deleted_at.is_null() & (E.station != station_id) & (E.emi3_id != ""))
            .tuples())
    for code, identity in rows:
        plain = code.replace("*", "")
        if plain in wanted:
            found[wanted[plain]] = identity
    return found


def template(template_id: UUID) -> dict | None:
    return T.alive().where(T.id == template_id).dicts().first()


def templates() -> list[dict]:
    return list(T.alive().order_by(peewee.fn.LOWER(T.name), T.id).dicts())


def template_names() -> dict[str, tuple[UUID, UUID | None]]:
    out: dict[str, tuple[UUID, UUID | None]] = {}
    for tid, name, group in T.alive(T.id, T.name, T.group).order_by(T.id).tuples():
        out.setdefault(name.strip().lower(), (tid, group))
    return out


def station_locations() -> dict[UUID, UUID | None]:
    """station id -> its location id, for every live station."""
    return dict(S.alive(S.id, S.location).tuples())
