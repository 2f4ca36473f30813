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

Domain (`people_domain.py`): imported users and their tokens get the importing
operator's base group as their home group (whole-site operators: site-wide), and
access rights outside the operator's domain refuse the row. The export holds the
users the operator sees, with only the access rights inside their domain.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.people_domain import KEEP, home_for_new
from evdesk.core.people_types import EMAIL_EXISTS, TOKEN_EXISTS, TokenInput, UserInput, clean_token, clean_user
from evdesk.core.permissions import OperatorContext, Permission, require, require_group, require_station
from evdesk.core.tokens import uid_key
from evdesk.store.queries import people as q
from evdesk.store.repos import people as repo

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
        found = q.import_lookups()
        return cls(found["emails"], found["token_keys"], found["user_groups"], found["charging_groups"],
                   found["stations"])


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


def import_batch(rows: list[tuple[int, dict]], look: Lookups, ctx: OperatorContext, home_group_id: UUID | None,
                 result: CsvImportResult) -> list[UUID]:
    """(worker) Check and insert one batch; returns the ids of the users added."""
    bundles = []
    for number, raw in rows:
        try:
            data, row_tokens = parse_row(raw, look, ctx)
        except RowRefused as exc:
            result.problems.append(CsvProblem(number, exc.field, str(exc)))
            continue
        if data.email:
            look.emails.add(data.email.lower())
        look.token_keys.update(uid_key(t.uid) for t in row_tokens)
        bundles.append({
            "user": {"first_name": data.first_name, "last_name": data.last_name, "email": data.email or None,
                     "phone": data.phone, "user_group": data.user_group_id, "status": data.status,
                     "disabled_reason": data.disabled_reason, "home_group": home_group_id},
            "tokens": [{"uid": t.uid, "uid_key": uid_key(t.uid), "name": t.name, "status": "active",
                        "valid_from_day": t.valid_from_day, "valid_to_day": t.valid_to_day,
                        "home_group": home_group_id} for t in row_tokens],
            "plates": data.vehicles, "group_rights": data.group_rights, "station_rights": data.station_rights,
        })
    added = repo.import_users(bundles)
    result.users_added += len(added)
    result.tokens_added += sum(len(b["tokens"]) for b in bundles)
    return added


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


def export_text(users: list[dict], right_visible: Callable[[str, UUID, UUID | None], bool]) -> str:
    """CSV text of users as the store's `export_users` gives them; `right_visible(kind, id,
    group)` says which access rights the exporting operator sees."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for u in users:
        ts = u["tokens"]
        groups = sorted(name for kind, rid, name, group in u["rights"] if kind == "group" and right_visible(kind, rid, group))
        stations = sorted(name for kind, rid, name, group in u["rights"]
                          if kind == "station" and right_visible(kind, rid, group))
        writer.writerow([
            u["first_name"], u["last_name"], u["email"], u["phone"], u["user_group"], u["status"],
            u["disabled_reason"], ";".join(t[0] for t in ts), ";".join(t[1] for t in ts),
            _one_day({t[2] for t in ts}), _one_day({t[3] for t in ts}), ";".join(u["plates"]), ";".join(groups),
            ";".join(stations),
        ])
    return out.getvalue()


def _one_day(days: set) -> str:
    days.discard(None)
    return min(days).isoformat() if days else ""


class CsvService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def export_file(self, ctx: OperatorContext, path) -> int:
        """Write the users the operator sees to `path`; returns how many."""
        text = await self.people.reads.export_csv(ctx)

        def write():
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)

        await asyncio.to_thread(write)
        return text.count("\n") - 1

    async def import_text(self, ctx: OperatorContext, text: str, *, progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> CsvImportResult:
        """Import users from CSV text; `progress(done, total)` after each batch; `cancelled()`
        is asked between batches (rows already imported stay)."""
        require(ctx, Permission.EDIT_USERS)
        home = home_for_new(ctx, KEEP)
        rows, problems = await asyncio.to_thread(read_csv, text)
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
                added = import_batch(batch, look, ctx, home, result)
                return self.people.fresh(user_ids=added)

            self.people.auth.index.apply(await self.people.write(work, missing=""))
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

        return await self.import_text(ctx, await asyncio.to_thread(read), **kw)
