"""A charging session told as a story: what the station reported and what evdesk did, in order.

Built from what the site stores (no OCPP parsing beyond reading stored frames):

* the authorization attempts of the session's tags at its station (the authorizations log);
* the start (StartTransaction) with how its token was judged;
* every StatusNotification of its connector from the car being plugged in (the last time
  the connector was free before the start, at most 15 minutes before it) until it is free
  again after the stop: Preparing "Vehicle connected", Charging "Charging" (after a pause
  "Charging resumed"), SuspendedEV / SuspendedEVSE "Charging paused (EV / EVSE)",
  Finishing, Available "Vehicle disconnected", Faulted with its error;
* meter readings, summarised: at most `MAX_READINGS` of them (the first, the last and
  evenly spread ones between; each says which reading it is of how many) - the chart
  shows every reading;
* the commands sent to the station meanwhile that concern this session or its connector
  (remote start and stop, unlock, availability, reset, …) with who sent them, why and the
  outcome, and any later re-pricing of the session;
* for an OCPP 2.0.1 station, every TransactionEvent of the session (Started / Updated /
  Ended, its seqNo, trigger reason, charging state, stopped reason, "sent offline"), in
  the order of their time stamps, each with its frame. The session's transaction is the
  one whose event carries the session's start time (the first event evdesk heard of it);
* the stop (StopTransaction) with its reason, and the price (fixed, parking still
  counting, or so far for a running session).

Each entry keeps the raw OCPP frame it came from (and the answer to it) when the
communication log still holds it: frames are matched by station, action, connector /
transaction and time (the time evdesk received them; a frame received far from its
time stamp, e.g. replayed after a long offline spell, may stay without its frame).
The log keeps frames for its retention period only: older sessions show no frames.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from evdesk.core.reads.history import MessageRow, message_from

MAX_READINGS = 12
MATCH_WINDOW = timedelta(seconds=90)
CONCERNING = ("RemoteStartTransaction", "RemoteStopTransaction", "UnlockConnector", "ChangeAvailability", "Reset",
              "ReserveNow", "CancelReservation", "SetChargingProfile", "ClearChargingProfile", "TriggerMessage",
              "Reprice")
STATUS_TITLES = {
    "Preparing": "Vehicle connected",
    "Charging": "Charging",
    "SuspendedEV": "Charging paused (EV)",
    "SuspendedEVSE": "Charging paused (EVSE)",
    "Finishing": "Finishing",
    "Available": "Vehicle disconnected",
    "Reserved": "Connector reserved",
    "Unavailable": "Connector unavailable",
    "Faulted": "Connector fault",
}
STOP_REASONS = {
    "EVDisconnected": "the vehicle was disconnected", "Local": "stopped at the charger", "Remote": "stopped remotely",
    "DeAuthorized": "the token was refused", "EmergencyStop": "emergency stop", "HardReset": "hard reset",
    "SoftReset": "soft reset", "PowerLoss": "power loss", "Reboot": "reboot", "UnlockCommand": "unlock command",
    "Other": "other reason",
    # OCPP 2.0.1 stoppedReason words
    "ImmediateReset": "reset", "EnergyLimitReached": "energy limit reached", "TimeLimitReached": "time limit reached",
    "SOCLimitReached": "state of charge limit reached", "StoppedByEV": "stopped by the vehicle",
    "GroundFault": "ground fault", "OvercurrentFault": "overcurrent", "LocalOutOfCredit": "out of credit",
    "MasterPass": "master pass", "PowerQuality": "power quality", "Timeout": "time-out",
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # authorization / start / status / meter / command / stop / price
    title: str
    detail: str = ""
    actor: str = ""  # who sent a command (an operator's name, "system", "scheduler", "limit")
    frame: MessageRow | None = None  # the raw OCPP frame, when the communication log holds it
    answer: MessageRow | None = None  # the answer to that frame


class _Frames:
    """The stored frames of the station around the session, parsed once, matched to records."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.used: set = set()
        self._parsed: dict = {}
        self._answers: dict[tuple[str, str], dict] = {}
        for r in rows:
            if r["message_type"] in (3, 4):
                # the answer travels the other way: a station's call is answered "out", ours "in"
                self._answers.setdefault((r["direction"], r["unique_id"]), r)

    def payload(self, r: dict):
        key = r["id"]
        if key not in self._parsed:
            try:
                frame = json.loads(r["payload"])
                self._parsed[key] = frame[3] if isinstance(frame, list) and len(frame) > 3 and isinstance(frame[3], dict) else {}
            except (ValueError, TypeError, RecursionError):
                self._parsed[key] = {}
        return self._parsed[key]

    def find(self, action: str, direction: str, near: datetime, test=lambda p: True,
             window: timedelta = MATCH_WINDOW) -> tuple[MessageRow | None, MessageRow | None]:
        best, best_gap = None, None
        for r in self.rows:
            if r["action"] != action or r["direction"] != direction or r["message_type"] != 2 or r["id"] in self.used:
                continue
            gap = abs((r["at"] - near).total_seconds())
            if gap > window.total_seconds() or not test(self.payload(r)):
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = r, gap
        if best is None:
            return None, None
        self.used.add(best["id"])
        answer = self._answers.get(("out" if direction == "in" else "in", best["unique_id"]))
        return message_from(best), message_from(answer) if answer else None


def _same_time(text, at: datetime) -> bool:
    try:
        stamp = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return False
    return stamp.tzinfo is not None and abs((stamp - at).total_seconds()) < 1.5


def _stamp(text, fallback: datetime) -> datetime:
    try:
        stamp = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return fallback
    return stamp if stamp.tzinfo is not None else fallback


def _transaction_events(frames: _Frames, start: datetime) -> list[TimelineEntry]:
    events = [r for r in frames.rows if r["action"] == "TransactionEvent" and r["direction"] == "in"
              and r["message_type"] == 2]
    ref = None
    for r in sorted(events, key=lambda r: frames.payload(r).get("seqNo", 0) if isinstance(
            frames.payload(r).get("seqNo"), int) else 0):
        p = frames.payload(r)
        if _same_time(p.get("timestamp"), start):
            ref = (p.get("transactionInfo") or {}).get("transactionId")
            break
    if ref is None:
        return []
    out = []
    for r in events:
        p = frames.payload(r)
        info = p.get("transactionInfo") or {}
        if info.get("transactionId") != ref or r["id"] in frames.used:
            continue
        frames.used.add(r["id"])
        parts = [f"Trigger {p.get('triggerReason', '?')}"]
        if info.get("chargingState"):
            parts.append(f"charging state {info['chargingState']}")
        if info.get("stoppedReason"):
            parts.append(f"stopped: {STOP_REASONS.get(info['stoppedReason'], info['stoppedReason'])}")
        if p.get("idToken"):
            parts.append(f"token {(p['idToken'] or {}).get('idToken', '')}")
        if p.get("offline"):
            parts.append("sent offline, later")
        answer = frames._answers.get(("out", r["unique_id"]))
        out.append(TimelineEntry(_stamp(p.get("timestamp"), r["at"]), "event",
                                 f"TransactionEvent {p.get('eventType', '?')} (seqNo {p.get('seqNo', '?')})",
                                 ", ".join(parts) + f" (transaction {ref})", frame=message_from(r),
                                 answer=message_from(answer) if answer else None))
    return out


def _kwh(wh) -> str:
    return "–" if wh is None else f"{wh / 1000:.3f} kWh"


def build_timeline(row: dict, rec: dict, meter: list, price: tuple[str, str] | None,
                   now: datetime) -> list[TimelineEntry]:
    """The entries, oldest first. `row`: the session as stored; `rec`: `timeline_records`;
    `meter`: its MeterValueRows; `price`: (title, text) of the price line, if any."""
    frames = _Frames(rec["frames"])
    ocpp_id, connector, start = row["ocpp_id"], row["connector_id"], row["started_at"]
    station_number = row.get("station_transaction_id") or ocpp_id
    entries: list[TimelineEntry] = []

    def concerns_tx(p):
        return p.get("transactionId") in (ocpp_id, station_number)

    # -- statuses: from the last time the connector was free before the start -----------------
    statuses = rec["statuses"]
    first = 0
    for i, s in enumerate(statuses):
        if s["timestamp"] <= start and s["status"] in ("Available", "Unavailable", "Faulted"):
            first = i + 1
    paused = False
    for s in statuses[first:]:
        status = s["status"]
        title = STATUS_TITLES.get(status, status)
        if status == "Charging" and paused:
            title = "Charging resumed"
        paused = status in ("SuspendedEV", "SuspendedEVSE") or (paused and status != "Charging")
        if status == "Available" and s["timestamp"] < start:
            title = "Connector free"
        detail = f"Status {status}"
        if s.get("error_code") and s["error_code"] != "NoError":
            detail += f", error {s['error_code']}"
        if s.get("info"):
            detail += f" ({s['info']})"
        frame, answer = frames.find("StatusNotification", "in", s["received_at"],
                                    lambda p, s=s: p.get("connectorId") == connector and p.get("status") == s["status"])
        entries.append(TimelineEntry(s["timestamp"], "status", title, detail, frame=frame, answer=answer))

    # -- authorizations ---------------------------------------------------------------------------
    start_auth = None
    for a in rec["auths"]:
        if a["context"] == "StartTransaction" and start_auth is None and abs((a["at"] - start).total_seconds()) < 3600:
            start_auth = a  # told with the start
            continue
        if a["context"] == "StartTransaction" or (a["context"] == "StopTransaction" and a["result"] == "Accepted"):
            continue  # told with the start / the stop
        verdict = "accepted" if a["result"] == "Accepted" else f"refused ({a['result']}{': ' + a['reason'] if a['reason'] else ''})"
        frame, answer = (frames.find("Authorize", "in", a["at"], lambda p, a=a: p.get("idTag") == a["id_tag"])
                         if a["context"] == "Authorize" else (None, None))
        where = "at the charger" if a["context"] == "Authorize" else f"for a {a['context']}"
        entries.append(TimelineEntry(a["at"], "authorization", f"Token {a['id_tag']} {verdict}", f"Asked {where}",
                                     frame=frame, answer=answer))

    # -- the start ----------------------------------------------------------------------------------
    frame, answer = frames.find("StartTransaction", "in", start,
                                lambda p: p.get("connectorId") == connector and _same_time(p.get("timestamp"), start),
                                window=timedelta(days=2))
    detail = f"Token {row['id_tag'] or '–'}, meter {_kwh(row['meter_start_wh'])}"
    if start_auth is not None and start_auth["result"] != "Accepted":
        detail += f"; token refused ({start_auth['result']}{': ' + start_auth['reason'] if start_auth['reason'] else ''})"
    if row.get("remote_start"):
        detail += "; started remotely"
    entries.append(TimelineEntry(start, "start", f"Charging session started (#{ocpp_id})", detail, frame=frame,
                                 answer=answer))

    # -- OCPP 2.0.1: the session's TransactionEvents -----------------------------------------------
    entries.extend(_transaction_events(frames, start))

    # -- meter readings, summarised ----------------------------------------------------------------
    readings = [v for v in meter if v.energy_wh is not None or v.power_w is not None]
    if readings:
        n = len(readings)
        if n <= MAX_READINGS:
            chosen = list(range(n))
        else:
            step = (n - 1) / (MAX_READINGS - 1)
            chosen = sorted({round(i * step) for i in range(MAX_READINGS)})
        for i in chosen:
            v = readings[i]
            parts = []
            if v.energy_wh is not None:
                parts.append(f"{(v.energy_wh - row['meter_start_wh']) / 1000:.3f} kWh charged")
            if v.power_w is not None:
                parts.append(f"{v.power_w / 1000:.1f} kW")
            if v.soc is not None:
                parts.append(f"{v.soc:.0f} % SoC")
            which = f"reading {i + 1} of {n}" + (" (the chart shows all)" if n > MAX_READINGS else "")
            if v.context == "Transaction.End":
                frame, answer = None, None  # part of the stop frame
            else:
                frame, answer = frames.find("MeterValues", "in", v.timestamp, lambda p, v=v: concerns_tx(p) and any(
                    _same_time(mv.get("timestamp"), v.timestamp) for mv in p.get("meterValue") or () if isinstance(mv, dict)),
                    window=timedelta(hours=1))
            entries.append(TimelineEntry(v.timestamp, "meter", "Meter reading: " + ", ".join(parts), which,
                                         frame=frame, answer=answer))

    # -- commands --------------------------------------------------------------------------------------
    for a in rec["actions"]:
        request = a["request"] if isinstance(a["request"], dict) else {}
        if a["action"] not in CONCERNING:
            continue
        tx = request.get("transaction_id", request.get("transactionId"))
        cid = request.get("connector_id", request.get("connectorId"))
        if a["action"] == "Reprice":
            if request.get("session") != str(row["id"]):
                continue
        elif tx is not None:
            if tx not in (ocpp_id, station_number):
                continue
        elif cid not in (None, 0, connector):
            continue
        outcome = a["outcome"] or "pending"
        said = f"{outcome}" + (f": {a['error']}" if a.get("error") else "")
        why = f"Why: {a['reason']}. " if a.get("reason") else ""
        if a["action"] == "Reprice":
            title = f"Re-priced with {request.get('tariff') or 'its tariff'}"
            detail = f"{why}Was {request.get('old_total') or '–'} {request.get('currency', '')}, now " \
                     f"{request.get('new_total')} {request.get('currency', '')}".strip()
            frame = answer = None
        else:
            title = f"{a['action']} sent"
            detail = f"{why}Outcome: {said}"
            frame, answer = frames.find(a["action"], "out", a["started_at"], window=timedelta(seconds=30))
        entries.append(TimelineEntry(a["started_at"], "command", title, detail, actor=a.get("actor") or "",
                                     frame=frame, answer=answer))

    # -- the stop and the price -------------------------------------------------------------------
    stop = row["stopped_at"]
    if stop is not None:
        frame, answer = frames.find("StopTransaction", "in", stop, concerns_tx, window=timedelta(days=2))
        reason = row.get("stop_reason") or ""
        said = {"completed": "Charging session stopped", "closed_inactive": "Closed: no stop came in time",
                "failed": "Session failed"}.get(row["state"], "Charging session ended")
        detail = f"Meter {_kwh(row['meter_stop_wh'])}, {_kwh(row['energy_wh'])} charged"
        if reason:
            detail = f"Reason: {STOP_REASONS.get(reason, reason)} ({reason}). " + detail
        entries.append(TimelineEntry(stop, "stop", said, detail, frame=frame, answer=answer))
    if price is not None:
        freed = rec.get("freed_at")
        at = freed if freed is not None and row.get("cost_state") == "final" else (stop or now)
        entries.append(TimelineEntry(at, "price", price[0], price[1]))
    order = {"authorization": 0, "status": 1, "start": 2, "event": 2.5, "meter": 3, "command": 4, "stop": 5, "price": 6}
    entries.sort(key=lambda e: (e.at, order.get(e.kind, 9)))
    return entries
