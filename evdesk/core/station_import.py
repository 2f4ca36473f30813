"""Bulk import of stations from CSV (vaylens' "Massenanlage", evdesk's users import style).

One row per station, UTF-8 (a BOM is accepted), comma-separated, header row first. Columns
(only `identity` is required; unknown columns are refused):

    identity, name, group, location, template, connectors, socket_type, current_type,
    max_power_kw, system_status, integration_date

* `identity`: the OCPP identity (letters, digits, '-' and '_'); it must be new.
* `group`, `location`, `template`: names of an existing charging group, location and station
  template (any case); the group must be in the importing operator's domain (empty: no group,
  site admins only), the location and template ones the operator sees.
* Without a template: `connectors` charging points (default 1, at most 99) of one socket each,
  of `socket_type` (Type 1, Type 2, CCS1, CCS2, CHAdeMO, Schuko, Other; default Type 2),
  `current_type` (AC / DC, default AC) and `max_power_kw` (optional). With a template these
  four stay empty (the template says them).
* `system_status`: active (default), disabled or out of order; `integration_date`: YYYY-MM-DD.

Each row is checked whole before anything of it is written; a refused row adds nothing and is
reported as (row number in the file, column, reason); the other rows are imported. Stations
are pre-registered (adopted): they are accepted when they first connect.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from evdesk.core.csv_io import CsvProblem, RowRefused
from evdesk.core.errors import AccessDenied, EvdeskError, ValidationError
from evdesk.core.hardware_rules import (
    ConnectorSpec, EvseSpec, check_system_status, parse_socket_type, power_w,
)
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.core.stations import validate_identity
from evdesk.store.queries import hardware as q

__all__ = ["COLUMNS", "StationImport", "StationImportResult"]

COLUMNS = ("identity", "name", "group", "location", "template", "connectors", "socket_type", "current_type",
           "max_power_kw", "system_status", "integration_date")
LAYOUT_COLUMNS = ("connectors", "socket_type", "current_type", "max_power_kw")
PROGRESS_EVERY = 10


@dataclass
class StationImportResult:
    rows: int = 0
    stations_added: int = 0
    problems: list[CsvProblem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def refused_rows(self) -> int:
        return len({p.row for p in self.problems})


def read_station_csv(text: str) -> tuple[list[tuple[int, dict]], list[CsvProblem]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    if "identity" not in header:
        return [], [CsvProblem(1, "identity", "The first row must name the columns: " + ", ".join(COLUMNS) + ".")]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        return [], [CsvProblem(1, unknown[0], f"Unknown column {unknown[0]!r}. Columns: " + ", ".join(COLUMNS) + ".")]
    rows = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, {"__extra__": row[None]}))
        elif any((v or "").strip() for v in row.values() if isinstance(v, str)):
            rows.append((reader.line_num, row))
    return rows, []


@dataclass
class _Lookups:
    groups: dict
    locations: dict
    templates: dict


def parse_station_row(raw: dict, look: _Lookups) -> dict:
    """One row as the arguments of `StationHardware.create_station` (+ `template`), or RowRefused."""
    if "__extra__" in raw:
        raise RowRefused("identity", "This row has more values than the header has columns.")
    get = lambda name: (raw.get(name) or "").strip()  # noqa: E731
    try:
        identity = validate_identity(get("identity"))
    except ValidationError as exc:
        raise RowRefused("identity", str(exc)) from None
    out: dict = {"identity": identity, "name": get("name"), "group_id": None, "location_id": None}
    if get("group"):
        found = look.groups.get(get("group").lower())
        if found is None:
            raise RowRefused("group", f"No charging group named {get('group')!r}.")
        out["group_id"] = found
    if get("location"):
        found = look.locations.get(get("location").lower())
        if found is None:
            raise RowRefused("location", f"No location named {get('location')!r}.")
        out["location_id"] = found
    if get("template"):
        found = look.templates.get(get("template").lower())
        if found is None:
            raise RowRefused("template", f"No station template named {get('template')!r}.")
        given = next((c for c in LAYOUT_COLUMNS if get(c)), None)
        if given:
            raise RowRefused(given, "Leave this empty when a template is given: the template describes the "
                                    "charging points.")
        out["template"] = found
    else:
        out["evses"] = _plain_layout(get)
    try:
        out["system_status"] = check_system_status(get("system_status") or "active")
    except ValidationError as exc:
        raise RowRefused("system_status", str(exc)) from None
    if get("integration_date"):
        try:
            out["integration_date"] = date.fromisoformat(get("integration_date"))
        except ValueError:
            raise RowRefused("integration_date", "Give dates as YYYY-MM-DD, e.g. 2025-12-31.") from None
    return out


def _plain_layout(get) -> list[EvseSpec]:
    try:
        count = int(get("connectors") or "1")
    except ValueError:
        raise RowRefused("connectors", "Give the number of charging points as a whole number, e.g. 2.") from None
    if not 1 <= count <= 99:
        raise RowRefused("connectors", "A station has 1 to 99 charging points.")
    try:
        socket = parse_socket_type(get("socket_type") or "Type2")
    except ValueError:
        raise RowRefused("socket_type", "Socket type is Type 1, Type 2, CCS1, CCS2, CHAdeMO, Schuko or Other.") from None
    current = (get("current_type") or "AC").upper()
    if current not in ("AC", "DC"):
        raise RowRefused("current_type", "Current type is AC or DC.")
    try:
        power = power_w(get("max_power_kw"), "max_power_kw")
    except ValidationError as exc:
        raise RowRefused("max_power_kw", str(exc)) from None
    return [EvseSpec(n, current, power, connectors=(ConnectorSpec(n, socket),)) for n in range(1, count + 1)]


def _column_of(exc: EvdeskError, row: dict) -> str:
    """Which column a refusal from the services is about."""
    if isinstance(exc, AccessDenied):
        return "location" if row.get("location_id") and "location" in str(exc).lower() else "group"
    name = (getattr(exc, "field", None) or "").split(".")[-1]
    return {"location": "location", "identity": "identity", "system_status": "system_status",
            "connectors": "connectors", "integration_date": "integration_date"}.get(name, "identity")


class StationImport:
    def __init__(self, store, details, group_tree):
        self.store = store
        self.details = details  # StationHardware: creates the stations
        self.group_tree = group_tree

    async def _lookups(self, ctx: OperatorContext) -> _Lookups:
        groups = {}
        for g in sorted(self.group_tree.groups.values(), key=lambda g: g.id.int):
            groups.setdefault(g.name.strip().lower(), g.id)
        locations = {name: lid for name, (lid, _g) in (await self.store.read(q.location_names)).items()}
        templates = {t.name.strip().lower(): t.id for t in reversed(await self.details.templates(ctx))}
        return _Lookups(groups, locations, templates)

    async def import_text(self, ctx: OperatorContext, text: str, *,
                          progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> StationImportResult:
        """Import stations; `progress(done, total)` every few rows; `cancelled()` is asked between
        rows (stations already made stay)."""
        require(ctx, Permission.ADD_REMOVE_STATIONS)
        rows, problems = await asyncio.to_thread(read_station_csv, text)
        result = StationImportResult(rows=len(rows), problems=list(problems))
        look = await self._lookups(ctx)
        for done, (number, raw) in enumerate(rows, start=1):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            args: dict = {}
            try:
                args = parse_station_row(raw, look)
                template = args.pop("template", None)
                if template is not None:
                    await self.details.create_from_template(ctx, template, **args)
                else:
                    await self.details.create_station(ctx, **args)
                result.stations_added += 1
            except RowRefused as exc:
                result.problems.append(CsvProblem(number, exc.field, str(exc)))
            except (ValidationError, AccessDenied) as exc:
                result.problems.append(CsvProblem(number, _column_of(exc, args), str(exc)))
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(rows)):
                progress(done, len(rows))
        result.problems.sort(key=lambda p: p.row)
        return result

    async def import_file(self, ctx: OperatorContext, path, **kw) -> StationImportResult:
        def read():
            with open(path, encoding="utf-8-sig", newline="") as f:
                return f.read()

        return await self.import_text(ctx, await asyncio.to_thread(read), **kw)
