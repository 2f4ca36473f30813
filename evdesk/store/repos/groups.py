"""Charging groups: the tree stations live in (worker functions)."""

from __future__ import annotations

from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w

G = m.ChargingGroup


def all_groups() -> list[tuple[UUID, str, UUID | None, int]]:
    """(id, name, parent id, version) of every live group."""
    return list(G.alive(G.id, G.name, G.parent, G.version).tuples())


def groups_by_id(ids) -> list[tuple[UUID, str, UUID | None, int]]:
    """The live ones among `ids` (the others were deleted)."""
    return list(G.alive(G.id, G.name, G.parent, G.version).where(G.id.in_(list(ids))).tuples())


def insert(name: str, parent_id: UUID | None) -> tuple[UUID, str, UUID | None, int]:
    row = w.versioned_insert(G, name=name, parent=parent_id)
    return row.id, row.name, row.parent_id, row.version


def update(group_id: UUID, expected_version: int, **changes) -> tuple[UUID, str, UUID | None, int]:
    w.versioned_update(G, group_id, expected_version, **changes)
    row = G.get_by_id(group_id)
    return row.id, row.name, row.parent_id, row.version


def delete(group_id: UUID, expected_version: int) -> None:
    w.tombstone(G, group_id, expected_version)


def operators_based_in(group_id: UUID) -> list[str]:
    return [o.username for o in m.Operator.alive(m.Operator.username).where(m.Operator.base_group == group_id)]


def has_stations(group_id: UUID) -> bool:
    return m.Station.alive().where(m.Station.group == group_id).exists()
