"""Reading charging users, tokens, user groups, access rights and the authorizations log.

Plain functions for the reader connection (`store.read`) or, inside a write, the
worker. They take plain values and return dicts and tuples; who may see what is
decided by the caller, which passes it in as:

* `homes`: the charging-group ids whose users and tokens may be returned, or None
  for all of them. A token with a charging user is matched by the user's home
  group, a token without one by its own.
* `station_ids`: the stations whose authorizations may be returned, or None for all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

import peewee

from evdesk.store import models as m

U, T, V, R, UG = m.ChargingUser, m.Token, m.Vehicle, m.AccessRight, m.UserGroup
CHUNK = 500


def _chunks(ids: Iterable) -> list[list]:
    ids = list(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _uuids(values) -> list:
    return list(values) if values is not None else []


# -- charging users ------------------------------------------------------------------------------------
USER_SORT = (peewee.fn.LOWER(U.last_name), peewee.fn.LOWER(U.first_name))


def _users(text: str = "", status: str | None = None, user_group_id: UUID | None = None, homes=None):
    q = U.alive(U.id, U.version, U.first_name, U.last_name, U.email, U.phone, U.user_group, U.status, U.home_group,
                USER_SORT[0].alias("k_last"), USER_SORT[1].alias("k_first"))
    if homes is not None:
        q = q.where(U.home_group.in_(_uuids(homes)))
    if status:
        q = q.where(U.status == status)
    if user_group_id is not None:
        q = q.where(U.user_group == user_group_id)
    for word in text.split():
        like = f"%{word}%"
        by_token = T.alive(T.user).where(T.uid_key.contains(word.upper()) & T.user.is_null(False))
        q = q.where((U.first_name ** like) | (U.last_name ** like) | (U.email ** like) | U.id.in_(by_token))
    return q


def user_page(text: str, status: str | None, user_group_id: UUID | None, homes, after: tuple | None, offset: int,
              limit: int) -> list[dict]:
    """Users by (last name, first name) ignoring case, then id; each dict carries its `sort_key`
    (what `after` takes to continue after it)."""
    q = _users(text, status, user_group_id, homes)
    if after is not None:
        last, first, row_id = after
        k1, k2 = USER_SORT
        q = q.where((k1 > last) | ((k1 == last) & (k2 > first)) | ((k1 == last) & (k2 == first) & (U.id > row_id)))
    q = q.order_by(*USER_SORT, U.id).offset(offset).limit(limit)
    return _user_dicts(list(q.dicts()))


def count_users(text: str, status: str | None, user_group_id: UUID | None, homes) -> int:
    return _users(text, status, user_group_id, homes).count()


def users_by_id(ids, homes) -> list[dict]:
    """The live users among `ids` (inside `homes`)."""
    rows = []
    for part in _chunks(ids):
        rows += list(_users(homes=homes).where(U.id.in_(part)).dicts())
    return _user_dicts(rows)


def _user_dicts(rows: list[dict]) -> list[dict]:
    ids = [r["id"] for r in rows]
    uids: dict[UUID, list[str]] = {}
    plates: dict[UUID, list[str]] = {}
    for part in _chunks(ids):
        for user_id, uid in T.alive(T.user, T.uid).where(T.user.in_(part)).order_by(T.uid_key).tuples():
            uids.setdefault(user_id, []).append(uid)
        for user_id, plate in V.alive(V.user, V.registration_plate).where(V.user.in_(part)).order_by(
                V.registration_plate).tuples():
            plates.setdefault(user_id, []).append(plate)
    group_names = dict(UG.select(UG.id, UG.name).tuples()) if rows else {}
    return [{
        "id": r["id"], "version": r["version"], "first_name": r["first_name"], "last_name": r["last_name"],
        "email": r["email"] or "", "phone": r["phone"], "user_group_id": r["user_group"],
        "user_group": group_names.get(r["user_group"], ""), "status": r["status"],
        "token_uids": tuple(uids.get(r["id"], ())), "vehicles": tuple(plates.get(r["id"], ())),
        "home_group_id": r["home_group"], "sort_key": (r["k_last"], r["k_first"], r["id"]),
    } for r in rows]


def user_detail(user_id: UUID) -> dict | None:
    """Everything about one live user: fields, vehicles, every access right, tokens."""
    u = U.get_or_none((U.id == user_id) & U.deleted_at.is_null())
    if u is None:
        return None
    rights = list(R.alive(R.group, R.station).where(R.user == user_id).tuples())
    return {
        "id": u.id, "version": u.version, "first_name": u.first_name, "last_name": u.last_name,
        "email": u.email or "", "phone": u.phone, "user_group_id": u.user_group_id, "status": u.status,
        "disabled_reason": u.disabled_reason, "max_concurrent_transactions": u.max_concurrent_transactions,
        "home_group_id": u.home_group_id, "departure_time": u.departure_time,
        "vehicles": [p for (p,) in V.alive(V.registration_plate).where(V.user == user_id)
                     .order_by(V.registration_plate).tuples()],
        "group_rights": [g for g, _s in rights if g is not None],
        "station_rights": [s for _g, s in rights if s is not None],
        "tokens": token_page("", None, user_id, None, None, 0, 10_000),
    }


def user_state(user_id: UUID) -> dict | None:
    """(worker) What a change of the user is checked against: version, home group, rights."""
    row = U.alive(U.id, U.version, U.home_group).where(U.id == user_id).tuples().first()
    if row is None:
        return None
    rights = list(R.alive(R.group, R.station).where(R.user == user_id).tuples())
    return {"id": row[0], "version": row[1], "home_group_id": row[2],
            "group_rights": [g for g, _s in rights if g is not None],
            "station_rights": [s for _g, s in rights if s is not None]}


def email_taken(email: str, except_id: UUID | None = None) -> bool:
    if not email:
        return False
    q = U.alive().where(peewee.fn.LOWER(U.email) == email.lower())
    if except_id is not None:
        q = q.where(U.id != except_id)
    return q.exists()


def user_group_exists(group_id: UUID) -> bool:
    return UG.alive().where(UG.id == group_id).exists()


def charging_group_exists(group_id: UUID) -> bool:
    return m.ChargingGroup.alive().where(m.ChargingGroup.id == group_id).exists()


# -- tokens ------------------------------------------------------------------------------------------------
def _tokens(text: str = "", status: str | None = None, user_id: UUID | None = None, homes=None):
    P = T.alias("parent")
    q = (T.alive(T.id, T.version, T.uid, T.uid_key, T.name, T.status, T.valid_from_day, T.valid_to_day, T.user,
                 T.home_group, U.first_name, U.last_name, U.home_group.alias("user_home"), P.uid.alias("parent_uid"),
                 P.deleted_at.alias("parent_deleted"))
         .join_from(T, U, peewee.JOIN.LEFT_OUTER, on=(T.user == U.id))
         .join_from(T, P, peewee.JOIN.LEFT_OUTER, on=(T.parent == P.id)))
    if homes is not None:
        homes = _uuids(homes)
        q = q.where((T.user.is_null(True) & T.home_group.in_(homes)) | (T.user.is_null(False) & U.home_group.in_(homes)))
    if status:
        q = q.where(T.status == status)
    if user_id is not None:
        q = q.where(T.user == user_id)
    text = text.strip()
    if text:
        like = f"%{text}%"
        q = q.where(T.uid_key.contains(text.upper()) | (T.name ** like) | (U.first_name ** like)
                    | (U.last_name ** like) | (U.email ** like))
    return q


def token_page(text: str, status: str | None, user_id: UUID | None, homes, after: tuple | None, offset: int,
               limit: int) -> list[dict]:
    """Tokens by uid (ignoring case); each dict carries its `sort_key`."""
    q = _tokens(text, status, user_id, homes)
    if after is not None:
        q = q.where(T.uid_key > after[0])
    return _token_dicts(q.order_by(T.uid_key).offset(offset).limit(limit).dicts())


def count_tokens(text: str, status: str | None, homes) -> int:
    return _tokens(text, status, None, homes).count()


def tokens_by_id(ids, homes) -> list[dict]:
    rows = []
    for part in _chunks(ids):
        rows += _token_dicts(_tokens(homes=homes).where(T.id.in_(part)).dicts())
    return rows


def _token_dicts(rows) -> list[dict]:
    return [{
        "id": r["id"], "version": r["version"], "uid": r["uid"], "name": r["name"], "status": r["status"],
        "valid_from_day": r["valid_from_day"], "valid_to_day": r["valid_to_day"], "user_id": r["user"],
        "user_name": f"{r['first_name'] or ''} {r['last_name'] or ''}".strip() if r["user"] else "",
        "parent_uid": r["parent_uid"] if r["parent_uid"] and r["parent_deleted"] is None else "",
        "home_group_id": r["user_home"] if r["user"] is not None else r["home_group"], "sort_key": (r["uid_key"],),
    } for r in rows]


def token_state(token_id: UUID) -> dict | None:
    """(worker) What a change of the token is checked against, and what it was."""
    row = (T.alive(T.id, T.version, T.uid, T.uid_key, T.status, T.user, T.parent, T.home_group,
                   U.home_group.alias("user_home"))
           .join(U, peewee.JOIN.LEFT_OUTER, on=(T.user == U.id)).where(T.id == token_id).dicts().first())
    if row is None:
        return None
    return {"id": row["id"], "version": row["version"], "uid": row["uid"], "uid_key": row["uid_key"],
            "status": row["status"], "user_id": row["user"], "parent_id": row["parent"],
            "own_home_group_id": row["home_group"],
            "home_group_id": row["user_home"] if row["user"] is not None else row["home_group"]}


def token_key_taken(key: str) -> bool:
    """A row holds this key (a deleted token's key is renamed when it is deleted)."""
    return T.select().where(T.uid_key == key).exists()


def token_id_by_key(key: str) -> UUID | None:
    row = T.alive(T.id).where(T.uid_key == key).tuples().first()
    return row[0] if row else None


# -- user groups -----------------------------------------------------------------------------------------------
def user_group_rows(text: str = "") -> list[dict]:
    members = dict(U.alive(U.user_group, peewee.fn.COUNT(U.id)).where(U.user_group.is_null(False))
                   .group_by(U.user_group).tuples())
    q = UG.alive().order_by(peewee.fn.LOWER(UG.name))
    if text.strip():
        q = q.where(UG.name ** f"%{text.strip()}%")
    return [{"id": g.id, "version": g.version, "name": g.name, "active": g.active, "members": members.get(g.id, 0),
             "max_concurrent_transactions": g.max_concurrent_transactions, "limit_minutes": g.limit_minutes,
             "limit_wh": g.limit_wh, "limit_cost_minor": g.limit_cost_minor,
             "load_priority": g.load_priority} for g in q]


def user_group_name_taken(name: str, except_id: UUID | None = None) -> bool:
    q = UG.alive().where(peewee.fn.LOWER(UG.name) == name.lower())
    if except_id is not None:
        q = q.where(UG.id != except_id)
    return q.exists()


def user_group_has_members(group_id: UUID) -> bool:
    return U.alive().where(U.user_group == group_id).exists()


# -- the authorization index -------------------------------------------------------------------------------
TOKEN_INDEX_COLUMNS = (T.id, T.uid, T.uid_key, T.status, T.valid_from, T.valid_to, T.valid_from_day, T.valid_to_day,
                       T.user, T.parent)


def index_tokens(where=None) -> list[tuple]:
    """(id, uid, key, status, valid_from, valid_to, valid_from_day, valid_to_day, user id, parent id)"""
    q = T.alive(*TOKEN_INDEX_COLUMNS)
    if where is not None:
        q = q.where(where)
    # .tuples() skips model construction; the converters (UTC, dates) still apply
    return list(q.tuples())


def index_tokens_by(ids=(), user_ids=(), keys=()) -> list[tuple]:
    out: dict = {}
    for field, values in ((T.id, ids), (T.user, user_ids), (T.uid_key, keys)):
        for part in _chunks(values):
            for row in index_tokens(field.in_(part)):
                out[row[0]] = row
    return list(out.values())


def index_users(ids=None) -> list[tuple]:
    """(id, status, user group id, max concurrent, rights' group ids, rights' station ids) of live users."""
    parts = [None] if ids is None else _chunks(ids)
    out = []
    for part in parts:
        q = U.alive(U.id, U.status, U.user_group, U.max_concurrent_transactions)
        rights_q = R.alive(R.user, R.group, R.station)
        if part is not None:
            q = q.where(U.id.in_(part))
            rights_q = rights_q.where(R.user.in_(part))
        users = {r[0]: r for r in q.tuples()}
        if not users:
            continue
        groups: dict[UUID, set] = {}
        stations: dict[UUID, set] = {}
        for user_id, group_id, station_id in rights_q.tuples():
            if group_id is not None:
                groups.setdefault(user_id, set()).add(group_id)
            if station_id is not None:
                stations.setdefault(user_id, set()).add(station_id)
        out += [(*row, frozenset(groups.get(uid, ())), frozenset(stations.get(uid, ()))) for uid, row in users.items()]
    return out


def index_user_groups(ids=None) -> list[tuple]:
    """(id, active, max concurrent, limit minutes, limit Wh, limit cost minor) of live user groups."""
    q = UG.alive(UG.id, UG.active, UG.max_concurrent_transactions, UG.limit_minutes, UG.limit_wh, UG.limit_cost_minor)
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        q = q.where(UG.id.in_(ids))
    return [(r[0], bool(r[1]), *r[2:]) for r in q.tuples()]


def group_tree() -> dict[UUID, UUID | None]:
    return dict(m.ChargingGroup.alive(m.ChargingGroup.id, m.ChargingGroup.parent).tuples())


def users_of(entity: str, ids) -> set[UUID]:
    """The users that access rights or vehicles (deleted ones too) with these ids belong to."""
    model = {"access_right": R, "vehicle": V}[entity]
    users = set()
    for part in _chunks(ids):
        users.update(u for (u,) in model.select(model.user).where(model.id.in_(part)).tuples())
    return users


# -- CSV ---------------------------------------------------------------------------------------------------------
def import_lookups() -> dict:
    """What CSV rows are checked against: existing e-mails and token keys, names to ids."""
    G, S = m.ChargingGroup, m.Station
    return {
        "emails": {e.lower() for (e,) in U.alive(U.email).where(U.email.is_null(False)).tuples()},
        "token_keys": {k for (k,) in T.select(T.uid_key).tuples()},
        "user_groups": {n.lower(): i for i, n in UG.alive(UG.id, UG.name).tuples()},
        "charging_groups": {n.lower(): i for i, n in G.alive(G.id, G.name).tuples()},
        "stations": {s: (i, g) for i, s, g in S.alive(S.id, S.identity, S.group).tuples()},
    }


def export_users(homes) -> list[dict]:
    """Live users (inside `homes`) by name with their tokens, plates and access rights (ids with names)."""
    G, S = m.ChargingGroup, m.Station
    users = _users(homes=homes).order_by(*USER_SORT, U.id)
    rows = list(users.select_extend(U.disabled_reason).dicts())
    group_names = dict(UG.select(UG.id, UG.name).tuples())
    charging_groups = dict(G.select(G.id, G.name).tuples())
    stations = {i: (s, g) for i, s, g in S.select(S.id, S.identity, S.group).tuples()}
    ids = [r["id"] for r in rows]
    tokens: dict[UUID, list] = {}
    plates: dict[UUID, list] = {}
    rights: dict[UUID, list] = {}
    for part in _chunks(ids):
        for user_id, uid, name, day_from, day_to in T.alive(T.user, T.uid, T.name, T.valid_from_day, T.valid_to_day).where(
                T.user.in_(part)).order_by(T.uid_key).tuples():
            tokens.setdefault(user_id, []).append((uid, name, day_from, day_to))
        for user_id, plate in V.alive(V.user, V.registration_plate).where(V.user.in_(part)).tuples():
            plates.setdefault(user_id, []).append(plate)
        for user_id, group_id, station_id in R.alive(R.user, R.group, R.station).where(R.user.in_(part)).tuples():
            if group_id is not None:
                rights.setdefault(user_id, []).append(("group", group_id, charging_groups.get(group_id, ""), group_id))
            else:
                identity, station_group = stations.get(station_id, ("", None))
                rights.setdefault(user_id, []).append(("station", station_id, identity, station_group))
    return [{
        "first_name": r["first_name"], "last_name": r["last_name"], "email": r["email"] or "", "phone": r["phone"],
        "user_group": group_names.get(r["user_group"], ""), "status": r["status"],
        "disabled_reason": r["disabled_reason"], "tokens": tokens.get(r["id"], []),
        "plates": sorted(plates.get(r["id"], [])), "rights": rights.get(r["id"], []),
    } for r in rows]


# -- the authorizations log ------------------------------------------------------------------------------------
def authorization_page(since: datetime | None, until: datetime | None, station_id: UUID | None, result: str | None,
                       text: str, station_ids, before: tuple | None, limit: int) -> list[dict]:
    """Newest first; `before` is the (time, id) of the last row already shown."""
    A, S = m.AuthorizationAttempt, m.Station
    q = (A.select(A.id, A.at, A.station, A.connector_id, A.id_tag, A.token_id, A.user_id, A.context, A.result,
                  A.reason, S.name, S.identity, U.first_name, U.last_name)
         .join(S, peewee.JOIN.LEFT_OUTER, on=(A.station == S.id))
         .join_from(A, U, peewee.JOIN.LEFT_OUTER, on=(A.user_id == U.id)))
    if station_ids is not None:
        q = q.where(A.station.in_(_uuids(station_ids)))
    if since is not None:
        q = q.where(A.at >= since)
    if until is not None:
        q = q.where(A.at < until)
    if station_id is not None:
        q = q.where(A.station == station_id)
    if result:
        q = q.where(A.result == result)
    for word in text.split():
        like = f"%{word}%"
        q = q.where((A.id_tag ** like) | (A.reason ** like) | (U.first_name ** like) | (U.last_name ** like))
    if before is not None:
        at, row_id = before
        q = q.where((A.at < at) | ((A.at == at) & (A.id < row_id)))
    out = []
    for r in q.order_by(A.at.desc(), A.id.desc()).limit(limit).dicts():
        out.append({
            "id": r["id"], "at": r["at"], "station_id": r["station"],
            "station": (r["name"] or r["identity"] or "") if r["station"] else "", "connector_id": r["connector_id"],
            "id_tag": r["id_tag"], "token_id": r["token_id"], "user_id": r["user_id"],
            "user": f"{r['first_name'] or ''} {r['last_name'] or ''}".strip() if r["user_id"] else "",
            "context": r["context"], "result": r["result"], "reason": r["reason"],
        })
    return out
