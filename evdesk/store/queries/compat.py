"""Reading compatibility profiles (per station and per charger model)."""

from __future__ import annotations

from evdesk.store import models as m

S, M = m.StationCompatibility, m.ModelCompatibility


def station_row(row) -> dict:
    return {"station_id": row.station_id, "version": row.version, "switches": dict(row.switches or {}),
            "observations": dict(row.observations or {}), "operator_set": list(row.operator_set or []),
            "source": row.source, "state": row.state, "first_boot_at": row.first_boot_at,
            "probed_at": row.probed_at, "updated_at": row.updated_at}


def model_row(row) -> dict:
    return {"model_key": row.model_key, "vendor": row.vendor, "model": row.charger_model, "version": row.version,
            "switches": dict(row.switches or {}), "from_station": row.from_station, "shared_by": row.shared_by,
            "updated_at": row.updated_at}


def load_profiles() -> tuple[list[dict], list[dict]]:
    """Every live station profile and model profile (read at start; a few hundred rows)."""
    return ([station_row(r) for r in S.select().where(S.deleted_at.is_null())],
            [model_row(r) for r in M.select().where(M.deleted_at.is_null())])
