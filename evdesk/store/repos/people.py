"""Writing charging users, their vehicles, access rights and tokens, user groups, and the
authorizations log.

Every synced row goes through `evdesk.store.write` (version, `updated_at`, change feed).
Functions run on the database worker inside the caller's transaction and raise
`StaleRow` / `MissingRow` (evdesk/store/errors.py).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.errors import MissingRow
from evdesk.store.fields import uuid7

U, T, V, R, UG = m.ChargingUser, m.Token, m.Vehicle, m.AccessRight, m.UserGroup
USER_COLUMNS = ("first_name", "last_name", "email", "phone", "user_group", "status", "disabled_reason",
                "max_concurrent_transactions", "home_group", "departure_time")
TOKEN_COLUMNS = ("uid", "uid_key", "name", "status", "valid_from_day", "valid_to_day", "parent", "user", "home_group")


def _only(fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not a column: {sorted(unknown)}")
    return fields


# -- charging users -------------------------------------------------------------------------------------
def insert_user(**fields: Any) -> UUID:
    return w.versioned_insert(U, **_only(fields, USER_COLUMNS)).id


def update_user(user_id: UUID, version: int | None, **fields: Any) -> int:
    """Refused with StaleRow when `version` moved on, MissingRow when the user is gone."""
    return w.versioned_update(U, user_id, version, **_only(fields, USER_COLUMNS))


def set_vehicles(user_id: UUID, plates: list[str]) -> None:
    """Make exactly these the user's plates (unchanged plates keep their rows)."""
    current = {p: i for i, p in V.alive(V.id, V.registration_plate).where(V.user == user_id).tuples()}
    gone = [i for p, i in current.items() if p not in plates]
    if gone:
        w.tombstone_where(V, V.id.in_(gone))
    new = [{"user": user_id, "registration_plate": p} for p in plates if p not in current]
    if new:
        w.versioned_insert_many(V, new)


def set_rights(user_id: UUID, group_ids: list[UUID], station_ids: list[UUID]) -> None:
    """Make exactly these the user's access rights (unchanged rights keep their rows)."""
    current = {(g, s): i for i, g, s in R.alive(R.id, R.group, R.station).where(R.user == user_id).tuples()}
    wanted = {(g, None) for g in group_ids} | {(None, s) for s in station_ids}
    gone = [i for key, i in current.items() if key not in wanted]
    if gone:
        w.tombstone_where(R, R.id.in_(gone))
    new = [{"user": user_id, "group": g, "station": s} for (g, s) in wanted if (g, s) not in current]
    if new:
        w.versioned_insert_many(R, new)


def remove_user(user_id: UUID) -> list[dict]:
    """Delete a user with their tokens (their uids become free), vehicles and rights;
    the e-mail is freed too. Returns the tokens deleted (id, uid, status). MissingRow if gone."""
    tokens = [{"id": i, "uid": uid, "status": status, "uid_key": key}
              for i, uid, status, key in T.alive(T.id, T.uid, T.status, T.uid_key).where(T.user == user_id).tuples()]
    for t in tokens:
        _tombstone_token(t["id"], t["uid_key"])
    w.tombstone_where(V, V.user == user_id)
    w.tombstone_where(R, R.user == user_id)
    w.tombstone(U, user_id, email=None)
    return [{"id": t["id"], "uid": t["uid"], "status": t["status"]} for t in tokens]


# -- tokens -------------------------------------------------------------------------------------------------
def insert_token(**fields: Any) -> UUID:
    return w.versioned_insert(T, **_only(fields, TOKEN_COLUMNS)).id


def update_token(token_id: UUID, version: int | None, **fields: Any) -> int:
    return w.versioned_update(T, token_id, version, **_only(fields, TOKEN_COLUMNS))


def delete_token(token_id: UUID) -> None:
    """Delete a token: its uid becomes free for a new token; tokens that had it as their
    parent lose the parent. MissingRow if gone."""
    row = T.alive(T.uid_key).where(T.id == token_id).tuples().first()
    if row is None:
        raise MissingRow()
    _tombstone_token(token_id, row[0])


def _tombstone_token(token_id: UUID, uid_key: str) -> None:
    w.tombstone(T, token_id, uid_key=f"{uid_key}~{token_id.hex}"[:64])
    w.versioned_update_where(T, T.parent == token_id, parent=None)


# -- user groups --------------------------------------------------------------------------------------------
def insert_user_group(name: str, active: bool, max_concurrent: int | None, limits: dict | None = None) -> UUID:
    """`limits`: limit_minutes / limit_wh / limit_cost_minor, each None for no limit."""
    return w.versioned_insert(UG, name=name, active=active, max_concurrent_transactions=max_concurrent,
                              **(limits or {})).id


def update_user_group(group_id: UUID, version: int | None, name: str, active: bool, max_concurrent: int | None,
                      limits: dict | None = None) -> int:
    """`limits` None leaves the group's stop limits as they are."""
    return w.versioned_update(UG, group_id, version, name=name, active=active, max_concurrent_transactions=max_concurrent,
                              **(limits or {}))


def delete_user_group(group_id: UUID) -> None:
    w.tombstone(UG, group_id)


def set_user_group_members(group_id: UUID, member_ids: list[UUID]) -> list[UUID]:
    """Make exactly these users the members; returns every user whose group changed."""
    current = {u for (u,) in U.alive(U.id).where(U.user_group == group_id).tuples()}
    wanted = set(member_ids)
    changed = []
    leaving, joining = list(current - wanted), list(wanted - current)
    for start in range(0, len(leaving), 500):
        changed += w.versioned_update_where(U, U.id.in_(leaving[start : start + 500]), user_group=None)
    for start in range(0, len(joining), 500):
        changed += w.versioned_update_where(U, U.id.in_(joining[start : start + 500]), user_group=group_id)
    return changed


# -- CSV import ----------------------------------------------------------------------------------------------
def import_users(bundles: list[dict]) -> list[UUID]:
    """Insert users, each `{"user": {...}, "tokens": [{...}], "plates": [...], "group_rights": [...],
    "station_rights": [...]}`, in multi-row statements. Returns the new users' ids."""
    users, tokens, vehicles, rights = [], [], [], []
    for b in bundles:
        user_id = uuid7()
        users.append({"id": user_id, **_only(b["user"], USER_COLUMNS)})
        tokens += [{**_only(t, TOKEN_COLUMNS), "user": user_id} for t in b["tokens"]]
        vehicles += [{"user": user_id, "registration_plate": p} for p in b["plates"]]
        rights += [{"user": user_id, "group": g, "station": None} for g in b["group_rights"]]
        rights += [{"user": user_id, "group": None, "station": s} for s in b["station_rights"]]
    for model, rows in ((U, users), (T, tokens), (V, vehicles), (R, rights)):
        if rows:
            w.versioned_insert_many(model, rows)
    return [u["id"] for u in users]


# -- the authorizations log ------------------------------------------------------------------------------------
def log_authorization(batch, **row: Any) -> None:
    """Queue one decision for the authorizations log (written by the batch writer)."""
    batch.add_log(m.AuthorizationAttempt, {"id": uuid7(), **row})
