"""Writing compatibility profiles (per station, per charger model) through the versioned write path.
Functions run on the database worker (`store.run` / `store.atomic` or a group-commit job)."""

from __future__ import annotations

from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.queries.compat import model_row, station_row

S, M = m.StationCompatibility, m.ModelCompatibility


def save_station_profile(station_id: UUID, expected_version: int | None = None, **values) -> dict:
    """Insert or change a station's profile (switches, observations, operator_set, source, state,
    first_boot_at, probed_at); `expected_version` refuses a stale edit. Returns the stored row."""
    row = S.get_or_none((S.station == station_id) & S.deleted_at.is_null())
    if row is None:
        row = w.versioned_insert(S, station=station_id, **values)
    else:
        w.versioned_update(S, row.id, expected_version, **values)
        row = S.get_by_id(row.id)
    return station_row(row)


def save_model_profile(model_key: str, vendor: str, model: str, switches: dict, from_station: UUID | None,
                       shared_by: str) -> dict:
    row = M.get_or_none((M.model_key == model_key) & M.deleted_at.is_null())
    values = dict(vendor=vendor[:64], charger_model=model[:64], switches=switches, from_station=from_station,
                  shared_by=shared_by[:120])
    if row is None:
        row = w.versioned_insert(M, model_key=model_key, **values)
    else:
        w.versioned_update(M, row.id, None, **values)
        row = M.get_by_id(row.id)
    return model_row(row)
