"""The price of charging sessions: final at stop, so far while running, re-priced on request.

* At stop (`TransactionEnded`) the session is priced with the prices it kept from its
  start and what the station reported; the price is stored with its breakdown.
* A tariff with a parking fee cannot be final at the stop (the cable is usually
  still in): the session is priced up to now with state "parking" and priced again,
  finally, when the station reports the connector free or starts the next session
  (at most 24 hours after the stop, when parking is counted as ended).
* A session that ended while evdesk was down or before its price was written is
  priced when evdesk starts.
* Running sessions are priced "so far" from memory (energy spread evenly; the final
  price splits by the readings).
* Re-pricing (admins, `TARIFFS`) recomputes a finished session with the prices it had
  or with another tariff; the old and the new amount go to the action log.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.actions import ActionLogService, Actor
from evdesk.core.authorization import zone_for
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.core.pricing.engine import Breakdown, Span, Usage, price
from evdesk.core.pricing.tariff import TariffPrices, prices_from_snapshot
from evdesk.core.running_sessions import ActiveTransaction
from evdesk.core.tasks import spawn
from evdesk.store.batch import BatchWriter
from evdesk.store.queries import sessions as q
from evdesk.store.repos import tariffs as repo

log = logging.getLogger(__name__)

PARKING_STATUSES = frozenset({"SuspendedEV", "Finishing"})
UNPLUGGED_STATUSES = frozenset({"Available", "Preparing", "Unavailable", "Faulted"})
PARKING_CAP = timedelta(hours=24)
DC_SOCKETS = ("CCS", "CHADEMO", "DC", "GBT-DC", "MCS", "TESLA-DC")
SESSION_NOT_FOUND = "Charging session not found."


def current_of(socket_type: str) -> str:
    upper = (socket_type or "").upper()
    return "DC" if any(upper.startswith(s) or s in upper for s in DC_SOCKETS) else "AC"


def minor(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def status_spans(statuses: list[tuple[datetime, str]], start: datetime, until: datetime
                 ) -> tuple[tuple[Span, ...] | None, tuple[Span, ...], bool]:
    """(charging spans, parking spans, still parked at `until`) from a connector's status changes.

    Charging spans are None when the station reported no status in the session (the whole
    session then counts). Parking counts only after the last Charging span: SuspendedEV
    or Finishing until the connector is reported free (or anything else)."""
    if not statuses:
        return None, (), False
    charging, parking = [], []
    rows = sorted(statuses, key=lambda s: s[0]) + [(until, "")]
    last_charging_end = None
    for (at, status), (next_at, _next) in zip(rows, rows[1:]):
        at, next_at = max(at, start), min(next_at, until)
        if next_at <= at:
            continue
        if status == "Charging":
            charging.append(Span(at, next_at))
            last_charging_end = next_at
    parked_now = False
    for (at, status), (next_at, nxt) in zip(rows, rows[1:]):
        if status in PARKING_STATUSES and (last_charging_end is None or at >= last_charging_end):
            end = min(next_at, until)
            if end > at:
                parking.append(Span(at, end))
            parked_now = nxt == ""
    return tuple(charging), tuple(parking), parked_now


class SessionPricing:
    def __init__(self, store, bus: ev.EventBus, batch: BatchWriter, settings, stations, actions: ActionLogService,
                 tariffs):
        self.store = store
        self.bus = bus
        self.batch = batch
        self.settings = settings
        self.stations = stations
        self.actions = actions
        self.tariffs = tariffs
        self._parked: dict[tuple[UUID, int], UUID] = {}  # connector -> session priced with parking still running
        self._unsubscribe = [bus.subscribe(ev.TransactionEnded, self._ended),
                             bus.subscribe(ev.ConnectorStatusChanged, self._status)]

    async def start(self) -> None:
        """Price what ended without its price (a crash, a stop while evdesk was closing)."""
        for tx_id in await self.store.read(q.unpriced_ended):
            spawn(self.price_final(tx_id), name="session price")

    def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def _zone(self, station_id: UUID):
        info = self.stations.by_id.get(station_id)
        return zone_for((info.timezone if info else "") or self.settings.site_timezone)

    # -- events ------------------------------------------------------------------------------------------
    def _ended(self, event: ev.TransactionEnded) -> None:
        spawn(self.price_final(event.transaction_id), name="session price")

    def _status(self, event: ev.ConnectorStatusChanged) -> None:
        tx_id = self._parked.get((event.station_id, event.connector_id))
        if tx_id is not None and event.status in UNPLUGGED_STATUSES:
            del self._parked[(event.station_id, event.connector_id)]
            # the status row may not be committed yet: the event's time ends the parking
            spawn(self.price_final(tx_id, unplugged_at=event.at or utcnow()), name="session price")

    # -- pricing -------------------------------------------------------------------------------------------
    async def breakdown(self, row: dict, prices: TariffPrices | None = None, now: datetime | None = None,
                        unplugged_at: datetime | None = None) -> tuple[Breakdown, bool]:
        """(breakdown, parking still running) of an ended session (its row as `q.one` read it), with its
        own prices or `prices`; `unplugged_at`: when the station reported the connector free."""
        now = now or utcnow()
        if prices is None:
            prices = prices_from_snapshot(row["tariff_prices"])
        need_status = prices.time_basis == "charging" or bool(prices.idle_fee_per_hour)
        stopped = row["stopped_at"] or now
        until = stopped
        if prices.idle_fee_per_hour:
            until = min(unplugged_at or now, stopped + PARKING_CAP)
        facts = await self.store.read(q.pricing_facts, row, prices.kind == "day_night", need_status, until)
        usage, parked = self._usage(facts, stopped, until)
        parked = parked and unplugged_at is None and until < stopped + PARKING_CAP
        return price(prices, usage, self._zone(row["station"])), parked

    def _usage(self, facts: dict, stopped: datetime, until: datetime) -> tuple[Usage, bool]:
        row = facts["row"]
        start, meter_start = row["started_at"], row["meter_start_wh"]
        readings = tuple((at, float(wh) - meter_start) for at, wh in facts["readings"] if at <= stopped)
        charging, parking, parked = status_spans(facts["statuses"], start, until)
        if charging is not None:
            charging = tuple(Span(s.start, min(s.end, stopped)) for s in charging if s.start < stopped)
        energy = row["energy_wh"]
        if energy is None:  # not trusted (meter stop below start) or never read: nothing billed for energy
            energy = 0
        usage = Usage(start, max(start, stopped), max(0, int(energy)), readings, charging, parking,
                      current_of(facts["socket_type"]))
        return usage, parked

    async def price_final(self, tx_id: UUID, unplugged_at: datetime | None = None) -> Breakdown | None:
        try:
            row = await self.store.read(q.one, tx_id)
            if row is None or row["state"] == "active" or row["tariff_prices"] is None:
                return None  # gone, running again (a late Stop reconciled elsewhere), or from before tariffs
            result, parked = await self.breakdown(row, unplugged_at=unplugged_at)
        except Exception:
            log.exception("pricing session %s failed", tx_id)
            return None
        state = "parking" if parked else "final"
        await self.batch.call(repo.set_session_cost, tx_id, result.to_dict(), minor(result.total), result.currency,
                              state)
        if parked:
            self._parked[(row["station"], row["connector_id"])] = tx_id
        self.bus.publish(ev.SessionPriced(tx_id, row["station"], str(result.total), result.currency, state))
        return result

    def so_far(self, t: ActiveTransaction, now: datetime | None = None) -> Breakdown | None:
        """A running session's price up to now (energy spread evenly over the session)."""
        if t.prices is None:
            return None
        now = now or utcnow()
        usage = Usage(t.started_at, max(t.started_at, now), max(0, t.energy_wh or 0))
        return price(t.prices, usage, self._zone(t.station_id))

    async def reprice(self, ctx: OperatorContext, tx_id: UUID, tariff_id: UUID | None = None,
                      reason: str = "") -> tuple[Breakdown | None, Breakdown]:
        """Price a finished session again, with the prices it had or with another tariff's;
        returns (old, new). The action log keeps who, why, and both amounts."""
        require(ctx, Permission.TARIFFS)
        row = await self.store.read(q.one, tx_id)
        info = self.stations.by_id.get(row["station"]) if row else None
        if row is None or info is None or not ctx.sees_station(info.group_id):
            raise NotFound(SESSION_NOT_FOUND)
        if row["state"] == "active":
            raise ValidationError("The session is still running; its price is fixed when it stops.")
        old = Breakdown.from_dict(row["cost"]) if row["cost"] else None
        if tariff_id is not None:
            tariff = self.tariffs.tariff(tariff_id)
            prices, name = tariff.prices, tariff.name
        else:
            prices, name = prices_from_snapshot(row["tariff_prices"]), row["tariff_name"] or "Free"
        new, parked = await self.breakdown(row, prices)
        action = await self.actions.begin(row["station"], Actor(ctx.name, ctx.operator_id), "Reprice",
                                          reason or "Re-priced by an administrator",
                                          {"session": str(tx_id), "tariff": name,
                                           "old_total": str(old.total) if old else None,
                                           "new_total": str(new.total), "currency": new.currency})

        def write():
            repo.set_session_tariff(tx_id, tariff_id if tariff_id is not None else row["tariff_id"], name,
                                    prices.to_dict())
            repo.set_session_cost(tx_id, new.to_dict(), minor(new.total), new.currency,
                                  "parking" if parked else "final")

        await self.batch.call(write)
        await self.actions.finish(action, "done", {"old_total": str(old.total) if old else None,
                                                       "new_total": str(new.total), "currency": new.currency})
        self.bus.publish(ev.SessionPriced(tx_id, row["station"], str(new.total), new.currency,
                                          "parking" if parked else "final"))
        return old, new
