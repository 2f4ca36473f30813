"""CSV import and export of charging users with their tokens (bulk onboarding of a fleet).

One row per user, UTF-8 (a BOM is accepted), comma-separated, header row first.
Columns (only `first_name` or `last_name` is required; unknown columns are refused):

    first_name, last_name, email, phone, user_group, status, disabled_reason,
    token_uids, token_names, valid_from, valid_to, vehicle_plates, access_groups,
    access_stations

* `user_group`: the name of an existing charging user group (any case).
* `status`: active (default) or disabled; disabled needs `disabled_reason`.
* `token_uids`: the user's RFID uids, separated by ";". `token_names`: their names
  in the same order. `valid_from` / `valid_to`: dates (YYYY-MM-DD) for every token of
  the row, read in each station's time zone; empty `valid_to` = valid indefinitely.
* `vehicle_plates`: registration plates separated by ";".
* `access_groups`: charging group names, `access_stations`: station identities,
  each separated by ";" (rights on a group cover its subgroups).

Import is all-or-nothing per row: a row with any problem adds nothing, and the
report lists each problem as (row number in the file, column, message). A row whose
e-mail or token uid already exists is refused (the import only adds users).
Rows are written in batches on the database worker with multi-row inserts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.people_types import EMAIL_EXISTS, TOKEN_EXISTS, TokenInput, UserInput, clean_token, clean_user
from evdesk.core.permissions import OperatorContext, Permission, require, require_group, require_station
from evdesk.store import models as m

COLUMNS = (
    "first_name", "last_name", "email", "phone", "user_group", "status", "disabled_reason", "token_uids",
    "token_names", "valid_from", "valid_to", "vehicle_plates", "access_groups", "access_stations",
)
BATCH_ROWS = 1000


@dataclass(frozen=True)
class CsvProblem:
    row: int  # line of the file (the header is row 1)
    field: str
    message: str


@dataclass
class CsvImportResult:
    rows: int = 0
    users_added: int = 0
    tokens_added: int = 0
    problems: list[CsvProblem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def refused_rows(self) -> int:
        return len({p.row for p in self.problems})


class RowRefused(Exception):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _day(value: str, name: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RowRefused(name, "Give dates as YYYY-MM-DD, e.g. 2025-12-31.") from None


@dataclass
class Lookups:
    """What rows are checked against, read once and kept up to date while importing (worker)."""

    emails: set[str]
    token_keys: set[str]
    user_groups: dict[str, UUID]
    charging_groups: dict[str, UUID]
    stations: dict[str, tuple[UUID, UUID | None]]

    @classmethod
    def read(cls) -> "Lookups":
        return cls(
            {e.lower() for (e,) in m.ChargingUser.alive(m.ChargingUser.email).where(m.ChargingUser.email.is_null(False)).tuples()},
            {k for (k,) in m.Token.select(m.Token.uid_key).tuples()},
            {n.lower(): i for i, n in m.UserGroup.alive(m.UserGroup.id, m.UserGroup.name).tuples()},
            {n.lower(): i for i, n in m.ChargingGroup.alive(m.ChargingGroup.id, m.ChargingGroup.name).tuples()},
            {s: (i, g) for i, s, g in m.Station.alive(m.Station.id, m.Station.identity, m.Station.group).tuples()},
        )


def parse_row(raw: dict, look: Lookups, ctx: OperatorContext) -> tuple[UserInput, list[TokenInput]]:
    """One CSV row as checked input, or RowRefused naming the column."""
    get = lambda name: (raw.get(name) or "").strip()  # noqa: E731
    group_id = None
    if get("user_group"):
        group_id = look.user_groups.get(get("user_group").lower())
        if group_id is None:
            raise RowRefused("user_group", f"No charging user group named {get('user_group')!r}.")
    data = UserInput(
        get("first_name"), get("last_name"), get("email"), get("phone"), group_id, get("status").lower() or "active",
        get("disabled_reason"), vehicles=_split(get("vehicle_plates")),
    )
    for name in _split(get("access_groups")):
        gid = look.charging_groups.get(name.lower())
        if gid is None:
            raise RowRefused("access_groups", f"No charging group named {name!r}.")
        _domain(lambda: require_group(ctx, gid), "access_groups")
        data.group_rights.append(gid)
    for identity in _split(get("access_stations")):
        found = look.stations.get(identity)
        if found is None:
            raise RowRefused("access_stations", f"No charging station {identity!r}.")
        _domain(lambda: require_station(ctx, found[1]), "access_stations")
        data.station_rights.append(found[0])
    try:
        data = clean_user(data)
    except ValidationError as exc:
        raise RowRefused({"max_concurrent_transactions": "status"}.get(exc.field, exc.field or "first_name"), str(exc)) from None
    if data.email and data.email.lower() in look.emails:
        raise RowRefused("email", EMAIL_EXISTS)
    uids, names = _split(get("token_uids")), _split(get("token_names"))
    if len(names) > len(uids):
        raise RowRefused("token_names", "More token names than token uids.")
    valid_from, valid_to = _day(get("valid_from"), "valid_from"), _day(get("valid_to"), "valid_to")
    tokens, keys = [], set()
    for i, uid in enumerate(uids):
        try:
            token = clean_token(TokenInput(uid, names[i] if i < len(names) else "", "active", valid_from, valid_to))
        except ValidationError as exc:
            raise RowRefused({"uid": "token_uids", "name": "token_names", "valid_to_day": "valid_to"}.get(exc.field, "token_uids"),
                             str(exc)) from None
        key = token.uid.upper()
        if key in look.token_keys or key in keys:
            raise RowRefused("token_uids", f"{TOKEN_EXISTS} ({token.uid})")
        keys.add(key)
        tokens.append(token)
    return data, tokens


def _domain(check: Callable[[], None], column: str) -> None:
    try:
        check()
    except AccessDenied as exc:
        raise RowRefused(column, str(exc)) from None


def import_batch(rows: list[tuple[int, dict]], look: Lookups, ctx: OperatorContext, result: CsvImportResult) -> list[UUID]:
    """(worker) Check and insert one batch; returns the ids of the users added."""
    users, tokens, vehicles, rights = [], [], [], []
    for number, raw in rows:
        try:
            data, row_tokens = parse_row(raw, look, ctx)
        except RowRefused as exc:
            result.problems.append(CsvProblem(number, exc.field, str(exc)))
            continue
        user_id = m.base.uuid7()
        users.append({
            "id": user_id, "first_name": data.first_name, "last_name": data.last_name, "email": data.email or None,
            "phone": data.phone, "user_group": data.user_group_id, "status": data.status,
            "disabled_reason": data.disabled_reason,
        })
        if data.email:
            look.emails.add(data.email.lower())
        for t in row_tokens:
            look.token_keys.add(t.uid.upper())
            tokens.append({"id": m.base.uuid7(), "uid": t.uid, "uid_key": t.uid.upper(), "name": t.name, "status": "active",
                           "valid_from_day": t.valid_from_day, "valid_to_day": t.valid_to_day, "user": user_id})
        vehicles += [{"id": m.base.uuid7(), "user": user_id, "registration_plate": p} for p in data.vehicles]
        rights += [{"id": m.base.uuid7(), "user": user_id, "group": g, "station": None} for g in data.group_rights]
        rights += [{"id": m.base.uuid7(), "user": user_id, "group": None, "station": s} for s in data.station_rights]
    with m.ChargingUser._meta.database.atomic():
        for model, values in ((m.ChargingUser, users), (m.Token, tokens), (m.Vehicle, vehicles), (m.AccessRight, rights)):
            for i in range(0, len(values), 100):  # SQLite allows ~32k parameters per statement
                model.insert_many(values[i:i + 100]).execute()
    result.users_added += len(users)
    result.tokens_added += len(tokens)
    return [u["id"] for u in users]


def read_csv(text: str) -> tuple[list[tuple[int, dict]], list[CsvProblem]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    unknown = [h for h in header if h not in COLUMNS]
    if not header or not ({"first_name", "last_name"} & set(header)):
        return [], [CsvProblem(1, "first_name", "The first row must name the columns: " + ", ".join(COLUMNS) + ".")]
    if unknown:
        return [], [CsvProblem(1, unknown[0], f"Unknown column {unknown[0]!r}. Columns: " + ", ".join(COLUMNS) + ".")]
    return [(reader.line_num, row) for row in reader if any((v or "").strip() for v in row.values() if isinstance(v, str))], []


def export_rows() -> str:
    """(worker) Every live user with tokens, vehicles and rights, as CSV text."""
    groups = dict(m.UserGroup.select(m.UserGroup.id, m.UserGroup.name).tuples())
    cgroups = dict(m.ChargingGroup.select(m.ChargingGroup.id, m.ChargingGroup.name).tuples())
    stations = dict(m.Station.select(m.Station.id, m.Station.identity).tuples())
    tokens: dict[UUID, list] = {}
    for t in m.Token.alive().where(m.Token.user.is_null(False)).order_by(m.Token.uid_key):
        tokens.setdefault(t.user_id, []).append(t)
    plates: dict[UUID, list] = {}
    for user_id, plate in m.Vehicle.alive(m.Vehicle.user, m.Vehicle.registration_plate).tuples():
        plates.setdefault(user_id, []).append(plate)
    rights: dict[UUID, tuple[list, list]] = {}
    for user_id, gid, sid in m.AccessRight.alive(m.AccessRight.user, m.AccessRight.group, m.AccessRight.station).tuples():
        g, s = rights.setdefault(user_id, ([], []))
        (g.append(cgroups.get(gid, "")) if gid else s.append(stations.get(sid, "")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    q = m.ChargingUser.alive().order_by(peewee.fn.LOWER(m.ChargingUser.last_name), m.ChargingUser.first_name, m.ChargingUser.id)
    for u in q:
        ts = tokens.get(u.id, [])
        days_from = {t.valid_from_day for t in ts}
        days_to = {t.valid_to_day for t in ts}
        g, s = rights.get(u.id, ([], []))
        writer.writerow([
            u.first_name, u.last_name, u.email or "", u.phone, groups.get(u.user_group_id, ""), u.status,
            u.disabled_reason, ";".join(t.uid for t in ts), ";".join(t.name for t in ts),
            _one_day(days_from), _one_day(days_to), ";".join(sorted(plates.get(u.id, []))), ";".join(sorted(g)),
            ";".join(sorted(s)),
        ])
    return out.getvalue()


def _one_day(days: set) -> str:
    days.discard(None)
    return min(days).isoformat() if days else ""


class CsvService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def export_text(self) -> str:
        return await self.store.run(export_rows)

    async def export_file(self, path) -> int:
        def write():
            text = export_rows()
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            return text.count("\n") - 1

        return await self.store.run(write)

    async def import_text(self, ctx: OperatorContext, text: str, *, progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> CsvImportResult:
        """Import users from CSV text; `progress(done, total)` after each batch; `cancelled()`
        is asked between batches (rows already imported stay)."""
        require(ctx, Permission.EDIT_USERS)
        rows, problems = await self.store.run(read_csv, text)
        result = CsvImportResult(rows=len(rows), problems=list(problems))
        if not rows:
            return result
        look = await self.store.run(Lookups.read)
        for start in range(0, len(rows), BATCH_ROWS):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            batch = rows[start:start + BATCH_ROWS]

            def work(batch=batch):
                added = import_batch(batch, look, ctx, result)
                return self.people.fresh(user_ids=added)

            self.people.auth.index.apply(await self.store.run(work))
            if progress is not None:
                progress(min(start + BATCH_ROWS, len(rows)), len(rows))
        result.problems.sort(key=lambda p: p.row)
        if result.users_added:
            self.people.bus.publish(ev.UsersImported(result.users_added, result.tokens_added))
        return result

    async def import_file(self, ctx: OperatorContext, path, **kw) -> CsvImportResult:
        def read():
            with open(path, encoding="utf-8-sig", newline="") as f:
                return f.read()

        return await self.import_text(ctx, await self.store.run(read), **kw)
