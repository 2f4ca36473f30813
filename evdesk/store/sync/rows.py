"""Reading this seat's changes to send, and writing other seats' changes (on the store's worker).

These functions run on the database worker (`store.call_sync` from the sync thread).

**Sending.** The change feed is read in order after the pushed-up-to position. An
entry of this seat is sent with the row as it is now, but only when it is the row's
latest feed entry: an earlier entry of a row changed again later is left for that
later entry (so a row is never sent with values newer than its place in the order,
which keeps references in order), and a row another seat's change overwrote since
(a pulled entry is newer) is not sent as this seat's. With each edited row goes the
base it was built on: the latest version another seat wrote before it.

**Receiving** (`apply_pulled`, one transaction with the pulled-up-to position):
* append-only rows (meter readings, status events, authorization attempts) are
  inserted when not there yet — owned by one seat, never in conflict;
* an edited row is written when the incoming change wins by the rule below;
  otherwise this seat keeps what it has (it holds a later state of the same row).

**The rule** (every seat applies it the same way, so all seats end with the same
row): the higher version wins; on equal versions the later `updated_at`; then the
greater seat id. Two changes are *concurrent* when the incoming one was not built
on the state this seat holds (its base differs from this seat's latest change of
the row, and the seats differ). When a concurrent change overwrites this seat's own
edit, this seat records a `SyncConflict` with the values it lost — the losing seat
always learns of it, so every conflict is recorded (once: the record's id is made
from what lost) and travels to every seat's admins.

A row that cannot be stored here (it clashes with a unique name or number this
seat has) is recorded as a conflict too, and skipped.

Pulled rows are fed with their origin seat's id, so `ChangeFeedWatcher` announces
them and the caches re-read them.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass

import peewee

from evdesk.store import aggregate_backlog, aggregates
from evdesk.store import models as m
from evdesk.store.database import write_transaction
from evdesk.store import write as w
from evdesk.store.sync.registry import is_append_only, synced_tables

PULLED_KEY = "sync_pulled_seq"
CONFLICT_NAMESPACE = uuid.UUID("6c1f4f0e-7a55-4d7e-9a43-0e5d6f1b2c14")


@dataclass
class Change:
    seq: int  # the origin seat's feed seq when sending; the shared order when receiving
    entity: str
    row_id: str  # as stored (hex)
    version: int
    op: str
    seat: str
    data: dict
    base_version: int | None = None
    base_seat: str | None = None


def _db() -> peewee.Database:
    return m.ChangeFeed._meta.database


def encode(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode()}
    return value


def decode(value):
    if isinstance(value, dict) and "$b64" in value:
        return base64.b64decode(value["$b64"])
    return value


def _snapshot(db, table: str, row_id: str) -> dict | None:
    cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return {d[0]: encode(v) for d, v in zip(cursor.description, row)}


def changes_to_push(after: int, seat: str, limit: int = 2000) -> tuple[list[Change], int]:
    """This seat's changes after feed position `after`; and the position read up to. Read-only: runs
    on the reader connection, so it never waits behind the stations' writes."""
    db = _db()
    tables = synced_tables()
    entries = db.execute_sql(
        "SELECT f.seq, f.entity, f.row_id, f.version, f.op, f.seat, "
        "(SELECT MAX(g.seq) FROM change_feed g WHERE g.entity = f.entity AND g.row_id = f.row_id) "
        "FROM change_feed f WHERE f.seq > ? ORDER BY f.seq LIMIT ?", (after, limit)).fetchall()
    if not entries:
        return [], after
    wanted = [e for e in entries if e[5] == seat and e[1] in tables and (is_append_only(e[1]) or e[6] == e[0])]
    snapshots: dict[tuple[str, str], dict] = {}
    by_table: dict[str, list[str]] = {}
    for e in wanted:
        by_table.setdefault(e[1], []).append(e[2])
    for table, ids in by_table.items():
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE id IN ({",".join("?" * len(chunk))})', chunk)
            names = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                values = {n: encode(v) for n, v in zip(names, row)}
                snapshots[(table, values["id"])] = values
    out = []
    for seq, entity, row_id, version, op, _seat, _latest in wanted:
        data = snapshots.get((entity, row_id))
        if data is None:
            continue
        change = Change(seq, entity, row_id, int(data.get("version") or version), op, seat, data)
        if not is_append_only(entity):
            base = db.execute_sql("SELECT version, seat FROM change_feed WHERE entity = ? AND row_id = ? AND seq < ? "
                                  "AND seat <> ? ORDER BY seq DESC LIMIT 1", (entity, row_id, seq, seat)).fetchone()
            if base:
                change.base_version, change.base_seat = base
        out.append(change)
    return out, entries[-1][0]


def pulled_position() -> int:
    row = m.LocalState.get_or_none(m.LocalState.key == PULLED_KEY)
    return int(row.value) if row else 0


def _columns(db, table: str, cache: dict) -> set:
    if table not in cache:
        cache[table] = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
    return cache[table]


def _upsert(db, table: str, values: dict, ignore: bool) -> int:
    names = list(values)
    cols = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    if ignore:
        sql = f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({marks})'
    else:
        sets = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
        sql = f'INSERT INTO "{table}" ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
    return db.execute_sql(sql, [values[n] for n in names]).rowcount


def _record_conflict(entity, row_id, kept_seat, kept_version, lost_seat, lost_version, lost_values, reason) -> bool:
    conflict_id = uuid.uuid5(CONFLICT_NAMESPACE, f"{entity}/{row_id}/{lost_version}/{lost_seat}")
    if m.SyncConflict.select().where(m.SyncConflict.id == conflict_id).exists():
        return False
    w.versioned_insert(m.SyncConflict, id=conflict_id, entity=entity, row_id=str(row_id), kept_seat=kept_seat,
                       kept_version=kept_version, lost_seat=lost_seat, lost_version=lost_version,
                       lost_values=json.dumps(lost_values, default=str), reason=reason, detected_at=m.utcnow())
    return True


def apply_pulled(changes: list[Change], position: int, my_seat: str) -> dict:
    """Write other seats' changes and the new pulled-up-to position in one transaction.
    Returns counts: applied, kept (an incoming change that lost), conflicts."""
    db = _db()
    tables = synced_tables()
    columns: dict = {}
    counts = {"applied": 0, "kept": 0, "conflicts": 0}
    latest: dict[tuple[str, str], tuple[int, str]] = {}  # rows changed in this batch: (version, seat)
    feed: list[dict] = []
    # A row may arrive before a row it refers to (a session's meter readings before the session's
    # latest state, which is sent at its latest place in the order): references are not checked
    # while other seats' rows are written; every referenced row follows in the order.
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        return _apply(db, changes, position, my_seat, tables, columns, counts, latest, feed)
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _apply(db, changes, position, my_seat, tables, columns, counts, latest, feed) -> dict:
    appended: dict[tuple[str, tuple], list[tuple]] = {}  # owned rows, written together at the end
    touched = aggregates._Pending()  # the hourly aggregates follow other seats' sessions, readings, statuses
    with write_transaction(db):
        for ch in changes:
            model = tables.get(ch.entity)
            if model is None:
                continue  # a table this evdesk does not know (a newer seat's); kept in the shared database
            known = _columns(db, ch.entity, columns)
            values = {k: decode(v) for k, v in ch.data.items() if k in known}
            values["id"] = ch.row_id
            aggregates.note_pulled(touched, ch.entity, values)
            if is_append_only(ch.entity):
                appended.setdefault((ch.entity, tuple(values)), []).append(tuple(values.values()))
                feed.append(_feed_row(ch))
                counts["applied"] += 1
                continue
            local = db.execute_sql(f'SELECT version, updated_at FROM "{ch.entity}" WHERE id = ?',
                                   (ch.row_id,)).fetchone()
            last = latest.get((ch.entity, ch.row_id)) or db.execute_sql(
                "SELECT version, seat FROM change_feed WHERE entity = ? AND row_id = ? ORDER BY seq DESC LIMIT 1",
                (ch.entity, ch.row_id)).fetchone()
            if local is not None:
                last_seat = last[1] if last else ""
                if last and (int(last[0]), last_seat) == (ch.version, ch.seat):
                    continue  # this state is here already
                incoming = (ch.version, str(ch.data.get("updated_at") or ""), ch.seat)
                mine = (int(local[0]), str(local[1] or ""), last_seat)
                concurrent = bool(last) and last_seat != ch.seat and (ch.base_version, ch.base_seat) != (
                    int(last[0]), last_seat)
                if incoming <= mine:
                    counts["kept"] += 1
                    continue
                if concurrent and last_seat == my_seat and ch.entity != "sync_conflict":
                    lost = _snapshot(db, ch.entity, ch.row_id)
                    reason = _rule_sentence(incoming, mine)
                    if _record_conflict(ch.entity, ch.row_id, ch.seat, ch.version, my_seat, int(local[0]), lost,
                                        reason):
                        counts["conflicts"] += 1
            try:
                with db.atomic():
                    _upsert(db, ch.entity, values, ignore=False)
            except peewee.IntegrityError as exc:
                if _record_conflict(ch.entity, ch.row_id, my_seat, 0, ch.seat, ch.version, ch.data,
                                    f"It could not be stored on this seat: it clashes with a record this seat "
                                    f"has ({exc}). This seat's record was kept; compare the two and merge "
                                    f"them by hand."):
                    counts["conflicts"] += 1
                continue
            latest[(ch.entity, ch.row_id)] = (ch.version, ch.seat)
            feed.append(_feed_row(ch))
            counts["applied"] += 1
        cursor = db.cursor()
        for (table, names), rows_of in appended.items():
            cols = ", ".join(f'"{n}"' for n in names)
            cursor.executemany(f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(names))})',
                               rows_of)
        cursor.executemany("INSERT INTO change_feed (entity, row_id, version, op, seat, at) VALUES (?, ?, ?, ?, ?, ?)",
                           [(f["entity"], f["row_id"], f["version"], f["op"], f["seat"], f["at"]) for f in feed])
        m.LocalState.replace(key=PULLED_KEY, value=str(position)).execute()
        aggregate_backlog.persist(touched)
    return counts


def _feed_row(ch: Change) -> dict:
    return {"entity": ch.entity, "row_id": ch.row_id, "version": ch.version, "op": ch.op, "seat": ch.seat,
            "at": m.ChangeFeed.at.db_value(m.utcnow())}


def _rule_sentence(incoming: tuple, mine: tuple) -> str:
    if incoming[0] != mine[0]:
        why = f"the other seat's edit has the higher version ({incoming[0]} against {mine[0]})"
    elif incoming[1] != mine[1]:
        why = "both edits have the same version and the other seat's was made later"
    else:
        why = "both edits have the same version and time; the seat order decided"
    return (f"Two seats changed this record while they could not see each other's changes: {why}, so it was "
            f"kept. This seat's values are saved here; re-enter them if they were the right ones.")


def rows_of_own(exclude: tuple[str, ...] = ("sync_conflict",)) -> dict[str, int]:
    """Live rows per synced table (what a seat brings when it joins a site)."""
    db = _db()
    out = {}
    for table, model in synced_tables().items():
        if table in exclude:
            continue
        where = " WHERE deleted_at IS NULL" if issubclass(model, m.SyncedModel) else ""
        count = db.execute_sql(f'SELECT COUNT(*) FROM "{table}"{where}').fetchone()[0]
        if count:
            out[table] = count
    return out


def feed_everything(seat: str) -> int:
    """Append a feed entry for every row of every synced table (its current version): a seat that
    brings its own data to a site sends all of it. Returns the feed position before them."""
    db = _db()
    before = db.execute_sql("SELECT COALESCE(MAX(seq), 0) FROM change_feed").fetchone()[0]
    with db.atomic():
        for table, model in synced_tables().items():
            version = "version" if issubclass(model, m.SyncedModel) else "1"
            db.execute_sql(f"INSERT INTO change_feed (entity, row_id, version, op, seat, at) "
                           f"SELECT ?, id, {version}, 'insert', ?, ? FROM \"{table}\" ORDER BY id",
                           (table, seat, m.ChangeFeed.at.db_value(m.utcnow())))
    return before
