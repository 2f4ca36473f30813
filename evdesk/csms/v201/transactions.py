"""OCPP 2.0.1 TransactionEvents onto evdesk's sessions (the same sessions, prices and feeds as 1.6).

Rules:

* A station's transaction (its own string id) becomes one evdesk session with an evdesk
  `ocpp_id`, remembered in `TransactionRef` (so Updated/Ended find it after a reconnect
  or a restart). The first event evdesk hears of a transaction — Started, or an Updated /
  Ended whose Started comes later or never (offline queues, out-of-order delivery) —
  starts the session at that event's time stamp and meter reading.
* Every event's `seqNo` is kept with its transaction: an event whose seqNo was applied
  already (a station resending after a lost answer) is answered and not applied again.
  Events that come after the Ended (out of order) still add their meter readings to the
  session. A Started that comes after other events of its transaction moves the session's
  start back to its time stamp and `Transaction.Begin` reading (earlier only); a session
  already priced is priced again (an action-log "Reprice" by evdesk says so).
* Ended stops the session with the register reading of its `Transaction.End` value (else
  the last reading seen), its `stoppedReason` (default `Local`, as OCPP 2.0.1 says) and
  the idToken that stopped it.
* Meter values are turned into the 1.6 shape the metering code reads (the value as text,
  the unit with its power-of-ten multiplier applied).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from uuid import UUID

from evdesk.core.clock import parse_ocpp_time, utcnow
from evdesk.core.device_model import connector_number
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.core.station_cache import StationInfo
from evdesk.store.repos import ocpp201 as repo
from evdesk.store.repos import transactions as tx_repo

log = logging.getLogger(__name__)

ENERGY = "Energy.Active.Import.Register"


@dataclass
class _Ref:
    row_id: UUID
    ocpp_id: int
    seq_nos: set[int] = field(default_factory=set)
    ended: bool = False


@dataclass(frozen=True)
class EventOutcome:
    ocpp_id: int
    started: bool  # this event started the evdesk session
    decision: object | None  # the token's Decision when the event carried one and it was judged
    repeated: bool = False


def meter_values_16(meter_value: list[dict] | None) -> list[dict]:
    """2.0.1 MeterValueType list (snake_case) -> the 1.6 shape `core.metering` reads."""
    out = []
    for mv in meter_value or ():
        samples = []
        for sv in mv.get("sampled_value") or ():
            unit = sv.get("unit_of_measure") or {}
            value = sv.get("value")
            multiplier = unit.get("multiplier") or 0
            if isinstance(value, (int, float)) and multiplier:
                value = value * (10 ** multiplier)
            sample = {"value": str(value), "measurand": sv.get("measurand") or ENERGY}
            for key in ("context", "phase", "location"):
                if sv.get(key):
                    sample[key] = sv[key]
            if unit.get("unit"):
                sample["unit"] = unit["unit"]
            samples.append(sample)
        out.append({"timestamp": mv.get("timestamp"), "sampled_value": samples})
    return out


def register_wh(meter_value: list[dict], context: str | None = None) -> int | None:
    """The energy register in Wh of the given context (any context: the last one), from 1.6-shape values."""
    found = None
    for mv in meter_value:
        for sv in mv.get("sampled_value") or ():
            if sv.get("measurand", ENERGY) != ENERGY or (context and sv.get("context") != context):
                continue
            try:
                value = float(sv["value"])
            except (KeyError, ValueError):
                continue
            if sv.get("unit") == "kWh":
                value *= 1000
            found = int(round(value))
    return found


def _when(timestamp: str):
    return parse_ocpp_time(timestamp, utcnow())[0]


class TransactionEvents:
    """One per CSMS: the transaction refs of all 2.0.1 stations, cached after first use."""

    def __init__(self, services: Services):
        self.services = services
        self._refs: dict[tuple[UUID, str], _Ref] = {}

    async def _ref(self, info: StationInfo, ref: str) -> _Ref | None:
        key = (info.id, ref)
        found = self._refs.get(key)
        if found is None:
            row = await self.services.store.read(repo.find_ref, info.id, ref)
            if row is not None:
                found = self._refs[key] = _Ref(row[0], row[1], set(row[2]), row[3])
        return found

    async def _late_start(self, info: StationInfo, ref: _Ref, timestamp: str, values: list[dict]) -> None:
        services = self.services
        begin = register_wh(values, "Transaction.Begin")
        started_at = _when(timestamp)
        active = services.transactions.active.get(ref.ocpp_id)
        meter_start = begin if begin is not None else (active.meter_start_wh if active else 2**62)
        changed = await services.batch.call(repo.correct_start, info.id, ref.ocpp_id, started_at, meter_start)
        if changed is None:
            return
        if active is not None:
            active.started_at = min(active.started_at, started_at)
            active.meter_start_wh = min(active.meter_start_wh, meter_start)
        services.status.station_event(info, "transaction", "late start",
                                      f"session #{ref.ocpp_id}: its Started event came late; start moved back")
        session_id, state = changed
        if state != "active":
            await services.pricing.reprice(SYSTEM_CONTEXT, session_id, reason="its Started event came late")

    async def handle(self, info: StationInfo, event_type: str, timestamp: str, trigger_reason: str, seq_no: int,
                     transaction_info: dict, evse: dict | None, id_token: dict | None, meter_value: list | None,
                     reservation_id: int | None = None, offline: bool = False) -> EventOutcome:
        services = self.services
        ref_id = str(transaction_info.get("transaction_id", ""))[:36]
        connector = connector_number((evse or {}).get("id"), (evse or {}).get("connector_id"))
        id_tag = str((id_token or {}).get("id_token") or "")
        values = meter_values_16(meter_value)
        ref = await self._ref(info, ref_id)
        if ref is not None and not evse:
            # evse is sent once per transaction (with its first event): later ones belong where it runs
            active = services.transactions.active.get(ref.ocpp_id)
            connector = active.connector_id if active is not None else connector
        if ref is not None and seq_no in ref.seq_nos:
            decision = None
            if id_tag:  # the station asks again about the token it sent: same answer, nothing applied
                decision = await services.auth.authorize(info, connector, id_tag, "TransactionEvent", starting=False)
            return EventOutcome(ref.ocpp_id, False, decision, repeated=True)
        started = False
        decision = None
        if ref is None:
            meter_start = register_wh(values, "Transaction.Begin")
            if meter_start is None:
                meter_start = register_wh(values) or 0
            remote = trigger_reason == "RemoteStart" or transaction_info.get("remote_start_id") is not None
            queued: list = []  # the reference goes into the session row's commit (one commit to wait for)
            result = await services.transactions.start(
                info, connector, id_tag, meter_start, timestamp, reservation_id, remote=remote,
                same_commit=lambda ocpp_id: queued.append(repo.queue_ref(services.batch, info.id, ref_id, ocpp_id,
                                                                         [seq_no])))
            decision = result.decision if id_tag else None
            row_id = queued[0] if queued else await services.batch.call(repo.insert_ref, info.id, ref_id,
                                                                        result.ocpp_id, [seq_no], False)
            ref = self._refs[(info.id, ref_id)] = _Ref(row_id, result.ocpp_id, {seq_no})
            started = True
            if offline or event_type != "Started":
                services.status.station_event(
                    info, "transaction", "late start",
                    f"transaction {ref_id}: first heard as {event_type} (seqNo {seq_no}"
                    f"{', sent offline' if offline else ''}); the session starts at that event")
        else:
            ref.seq_nos.add(seq_no)
            if event_type == "Started":
                await self._late_start(info, ref, timestamp, values)
        if event_type == "Ended" and not ref.ended:
            active = services.transactions.active.get(ref.ocpp_id)
            meter_stop = register_wh(values, "Transaction.End")
            if meter_stop is None:
                meter_stop = register_wh(values)
            if meter_stop is None:
                meter_stop = active.meter_last_wh if active is not None and active.meter_last_wh is not None else (
                    active.meter_start_wh if active is not None else 0)
            stop_decision = await services.transactions.stop(
                info, ref.ocpp_id, meter_stop, timestamp, id_tag or None,
                transaction_info.get("stopped_reason") or "Local", values or None)
            decision = decision or stop_decision
            ref.ended = True
        elif values:
            tx_uuid = None
            if ref.ended or services.transactions.active.get(ref.ocpp_id) is None:
                stored = await services.store.read(tx_repo.session_by_ocpp_id, info.id, ref.ocpp_id)
                tx_uuid = stored.id if stored else None
            services.transactions.meter_values(info, connector, ref.ocpp_id, values, tx_uuid=tx_uuid)
        if not started:
            await services.batch.call(repo.update_ref, ref.row_id, sorted(ref.seq_nos), ref.ended)
        elif ref.ended:
            await services.batch.call(repo.update_ref, ref.row_id, sorted(ref.seq_nos), True)
        if id_tag and decision is None and not ref.ended:
            decision = await services.auth.authorize(info, connector, id_tag, "TransactionEvent", starting=False)
        return EventOutcome(ref.ocpp_id, started, decision)
