"""Commands across seats and which seat serves each station, through the shared database.

A station is connected to one seat's OCPP server. `sync_presence` says which (the seat writes
a row when a station comes online there and when it leaves). An operator on seat B who sends a
remote command to a station served by seat A queues it in `sync_command`; seat A's engine
claims it (`FOR UPDATE SKIP LOCKED`: once), its loop sends it to the station as a local
command would and writes the outcome; seat B's engine reads the outcome and B's caller gets
it as if the station were connected to B. Each command carries the moment the asking seat stops
waiting (`expires_at`, a second before its time-out); no seat claims it after that, so a seat that
comes back later never sends a command its caller has given up on.

All of this runs on the sync thread (`round` is called from each engine round); the loop
hands requests in and gets answers out through thread-safe queues and callbacks.
"""

from __future__ import annotations

import queue
import threading

import psycopg
from psycopg.types.json import Jsonb

RESULT_MARGIN = 1.0  # seconds kept for the outcome to travel back before the asking seat gives up


class CommandRelay:
    def __init__(self, seat_id: str, on_command=None, on_result=None):
        self.seat_id = seat_id
        self.on_command = on_command  # (command_id, station_id hex, action, payload) -> None, from the thread
        self.on_result = on_result  # (request key, outcome, response, message) -> None, from the thread
        self.presence: dict[str, str] = {}  # station id (hex) -> seat id serving it
        self._presence_out: queue.SimpleQueue = queue.SimpleQueue()  # (station hex, connected)
        self._requests: queue.SimpleQueue = queue.SimpleQueue()  # (key, station hex, seat, action, payload)
        self._done: queue.SimpleQueue = queue.SimpleQueue()  # (command id, outcome, response, message)
        self._expire: queue.SimpleQueue = queue.SimpleQueue()  # request keys
        self._waiting: dict[int, object] = {}  # command id -> request key
        self._key_ids: dict[object, int] = {}
        self._lock = threading.Lock()
        self._last_presence_read = 0.0
        self.snapshot = lambda: {}  # station hex -> connected here, for a fresh connection

    # -- from the loop ------------------------------------------------------------------
    def station_presence(self, station_hex: str, connected: bool) -> None:
        self._presence_out.put((station_hex, connected))

    def request(self, key, station_hex: str, seat_id: str, action: str, payload: dict, timeout: float) -> None:
        self._requests.put((key, station_hex, seat_id, action, payload, max(0.5, timeout - RESULT_MARGIN)))

    def complete(self, command_id: int, outcome: str, response: dict | None, message: str) -> None:
        self._done.put((command_id, outcome, response, message))

    def expire(self, key) -> None:
        self._expire.put(key)

    # -- on the sync thread -------------------------------------------------------------
    def connected(self, conn: psycopg.Connection) -> None:
        """A new connection: say which stations are here now (the rows of a seat that was away are stale)."""
        with conn.transaction():
            conn.execute("DELETE FROM sync_presence WHERE seat_id = %s", (self.seat_id,))
            rows = [(station, self.seat_id) for station, here in self.snapshot().items() if here]
            if rows:
                with conn.cursor() as cur:
                    cur.executemany("INSERT INTO sync_presence (station_id, seat_id, at) VALUES (%s, %s, now()) "
                                    "ON CONFLICT (station_id) DO UPDATE SET seat_id = excluded.seat_id, at = now()",
                                    rows)
        self._read_presence(conn)

    def round(self, conn: psycopg.Connection, now: float) -> bool:
        busy = self._write_presence(conn)
        if now - self._last_presence_read > 1.0 or busy:
            self._read_presence(conn)
            self._last_presence_read = now
        busy |= self._send_requests(conn)
        busy |= self._claim(conn)
        busy |= self._finish(conn)
        busy |= self._collect(conn)
        return busy

    def _write_presence(self, conn) -> bool:
        changes = _drain(self._presence_out)
        if not changes:
            return False
        with conn.transaction():
            for station, here in changes:
                if here:
                    conn.execute("INSERT INTO sync_presence (station_id, seat_id, at) VALUES (%s, %s, now()) "
                                 "ON CONFLICT (station_id) DO UPDATE SET seat_id = excluded.seat_id, at = now()",
                                 (station, self.seat_id))
                else:
                    conn.execute("DELETE FROM sync_presence WHERE station_id = %s AND seat_id = %s",
                                 (station, self.seat_id))
        return True

    def _read_presence(self, conn) -> None:
        rows = conn.execute("SELECT station_id, seat_id FROM sync_presence").fetchall()
        conn.commit()
        self.presence = dict(rows)

    def _send_requests(self, conn) -> bool:
        requests = _drain(self._requests)
        if not requests:
            return False
        with conn.transaction():
            for key, station, seat, action, payload, seconds in requests:
                command_id = conn.execute(
                    "INSERT INTO sync_command (station_id, seat_id, action, payload, requested_by, expires_at) "
                    "VALUES (%s, %s, %s, %s, %s, now() + make_interval(secs => %s)) RETURNING id",
                    (station, seat, action, Jsonb(payload), self.seat_id, seconds)).fetchone()[0]
                with self._lock:
                    self._waiting[command_id] = key
                    self._key_ids[key] = command_id
            conn.execute("NOTIFY evdesk_sync, 'command'")
        return True

    def _claim(self, conn) -> bool:
        with conn.transaction():
            rows = conn.execute(
                "UPDATE sync_command SET state = 'sending' WHERE id IN (SELECT id FROM sync_command WHERE "
                "seat_id = %s AND state = 'queued' AND expires_at > now() "
                "ORDER BY id FOR UPDATE SKIP LOCKED) RETURNING id, station_id, action, payload",
                (self.seat_id,)).fetchall()
        for command_id, station, action, payload in rows:
            if self.on_command is not None:
                self.on_command(command_id, station, action, payload)
        return bool(rows)

    def _finish(self, conn) -> bool:
        done = _drain(self._done)
        if not done:
            return False
        with conn.transaction():
            for command_id, outcome, response, message in done:
                conn.execute("UPDATE sync_command SET state = 'done', outcome = %s, response = %s, message = %s, "
                             "done_at = now() WHERE id = %s",
                             (outcome, Jsonb(response) if response is not None else None, message, command_id))
            conn.execute("NOTIFY evdesk_sync, 'command'")
        return True

    def _collect(self, conn) -> bool:
        for key in _drain(self._expire):
            with self._lock:
                command_id = self._key_ids.pop(key, None)
                self._waiting.pop(command_id, None)
            if command_id is not None:
                with conn.transaction():
                    conn.execute("UPDATE sync_command SET state = 'expired' WHERE id = %s AND state = 'queued'",
                                 (command_id,))
        with self._lock:
            waiting = list(self._waiting)
        if not waiting:
            return False
        rows = conn.execute("SELECT id, outcome, response, message FROM sync_command WHERE id = ANY(%s) "
                            "AND state = 'done'", (waiting,)).fetchall()
        conn.commit()
        for command_id, outcome, response, message in rows:
            with self._lock:
                key = self._waiting.pop(command_id, None)
                self._key_ids.pop(key, None)
            if key is not None and self.on_result is not None:
                self.on_result(key, outcome, response, message)
        return bool(rows)


def _drain(q: queue.SimpleQueue) -> list:
    out = []
    while True:
        try:
            out.append(q.get_nowait())
        except queue.Empty:
            return out
