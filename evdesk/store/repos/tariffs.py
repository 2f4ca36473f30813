"""Tariffs, tariff groups and assignments; the prices a finished session was charged.

Functions run on the database worker (writes inside the caller's transaction) and
raise `StaleRow` / `MissingRow`; every synced row goes through `evdesk.store.write`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w

TF, TG, TA, TX = m.Tariff, m.TariffGroup, m.TariffAssignment, m.Transaction


def load_all() -> dict[str, list[dict]]:
    """Every live tariff, tariff group and assignment (a site has tens, not thousands)."""
    return {
        "tariffs": list(TF.alive(TF.id, TF.version, TF.name, TF.kind, TF.prices, TF.valid_from, TF.valid_to, TF.notes,
                                 TF.updated_at).dicts()),
        "groups": list(TG.alive(TG.id, TG.version, TG.name, TG.base_tariff.alias("base_tariff_id"), TG.entries,
                                TG.updated_at).dicts()),
        "assignments": list(TA.alive(TA.id, TA.version, TA.tariff_group.alias("tariff_group_id"),
                                     TA.group.alias("group_id"), TA.station.alias("station_id"),
                                     TA.connector_id).dicts()),
    }


def tariff_name_taken(name: str, except_id: UUID | None = None) -> bool:
    query = TF.alive().where(TF.name == name)
    if except_id is not None:
        query = query.where(TF.id != except_id)
    return query.exists()


def group_name_taken(name: str, except_id: UUID | None = None) -> bool:
    query = TG.alive().where(TG.name == name)
    if except_id is not None:
        query = query.where(TG.id != except_id)
    return query.exists()


def insert_tariff(name: str, kind: str, prices: dict, valid_from: datetime | None, valid_to: datetime | None,
                  notes: str = "") -> UUID:
    return w.versioned_insert(TF, name=name, kind=kind, prices=prices, valid_from=valid_from, valid_to=valid_to,
                              notes=notes).id


def update_tariff(tariff_id: UUID, version: int, **fields: Any) -> int:
    return w.versioned_update(TF, tariff_id, version, **fields)


def tombstone_tariff(tariff_id: UUID, version: int | None) -> int:
    return w.tombstone(TF, tariff_id, version)


def profiles_giving(tariff_id: UUID) -> list[str]:
    """Names of the live access profiles that give this tariff (it is not deleted while they do)."""
    AP = m.AccessProfile
    return [name for (name,) in AP.alive(AP.name).where(AP.tariff_id == tariff_id).order_by(AP.name).tuples()]


def insert_group(name: str, base_tariff_id: UUID, entries: list[dict]) -> UUID:
    return w.versioned_insert(TG, name=name, base_tariff=base_tariff_id, entries=entries).id


def update_group(group_id: UUID, version: int, **fields: Any) -> int:
    return w.versioned_update(TG, group_id, version, **fields)


def tombstone_group(group_id: UUID, version: int) -> int:
    return w.tombstone(TG, group_id, version)


def group_is_assigned(group_id: UUID) -> bool:
    return TA.alive().where(TA.tariff_group == group_id).exists()


def assign(tariff_group_id: UUID, *, group_id: UUID | None = None, station_id: UUID | None = None,
           connector_id: int | None = None) -> UUID:
    """Make this tariff group the one for the target (the previous assignment there ends)."""
    same = TA.group.is_null() if group_id is None else TA.group == group_id
    same &= TA.station.is_null() if station_id is None else TA.station == station_id
    same &= TA.connector_id.is_null() if connector_id is None else TA.connector_id == connector_id
    w.tombstone_where(TA, same)
    return w.versioned_insert(TA, tariff_group=tariff_group_id, group=group_id, station=station_id,
                              connector_id=connector_id).id


def unassign(assignment_id: UUID) -> int:
    return w.tombstone(TA, assignment_id)


# -- the price of sessions --------------------------------------------------------------------------------
def set_session_cost(tx_id: UUID, cost: dict | None, total_minor: int | None, currency: str, state: str) -> None:
    """(inside the caller's group commit or transaction) The price of one session."""
    w.versioned_update(TX, tx_id, cost=cost, cost_total_minor=total_minor, currency=currency, cost_state=state)


def set_session_tariff(tx_id: UUID, tariff_id: UUID | None, name: str, prices: dict) -> None:
    w.versioned_update(TX, tx_id, tariff_id=tariff_id, tariff_name=name, tariff_prices=prices)
