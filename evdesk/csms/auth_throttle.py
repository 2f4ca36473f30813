"""Slowing down password guessing at the websocket handshake (security profile 1).

Without this an attacker checks ~160 station passwords a second. Two counters,
each over a sliding window of `WINDOW` seconds:

* per source address: `ADDRESS_FREE` failed logins are free; after that the
  address gets one try per hold, the hold doubling from 1 s up to
  `ADDRESS_HOLD_MAX` (5 min). Over an hour one address tries at most
  5 + ~20 passwords.
* per station identity, from any address: `IDENTITY_FREE` failures, then one
  try per hold doubling up to `IDENTITY_HOLD_MAX` (30 s): short and capped, so
  an attacker cannot keep a charger out for long, and an address that logged in
  as that identity within `TRUSTED_FOR` (30 days) is never held by the
  identity's counter at all — the real charger dials from where it always does.

A held attempt gets HTTP 429 with Retry-After and costs no password check.
An attempt counts as failed from the moment it is let through until it
succeeds, so a burst of parallel handshakes gets no more tries than a sequence.

Turns (`turn(address)`): parallel checks from one address wait for their turn
instead of counting against each other. A check may start when none from that
address is under way, or while the address's count (failures + checks under way)
is below `ADDRESS_FREE - 1`, so checks under way never bring it to a hold by
themselves. Many chargers behind one router redialling at once after a restart
all get in (they used to be held, up to 5 minutes, by each other's unfinished
checks), and a burst of guesses still gets its 5 free tries and then one per hold.
A check once begun is judged to the end even when the caller gives up (the server's
handshake time-out while the machine is slow): a right password then counts as a
login, not as a failure left open (which held the address for every charger behind it),
and a wrong one still counts as a failure.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict, deque
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

WINDOW = 600.0
ADDRESS_FREE = 5
ADDRESS_HOLD_MAX = 300.0
IDENTITY_FREE = 10
IDENTITY_HOLD_MAX = 30.0
TRUSTED_FOR = 30 * 24 * 3600.0
MAX_ENTRIES = 50_000


@dataclass
class _Counter:
    failures: deque = field(default_factory=deque)  # monotonic times
    hold_until: float = 0.0

    def prune(self, now: float) -> None:
        while self.failures and now - self.failures[0] > WINDOW:
            self.failures.popleft()


class AuthThrottle:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._addresses: OrderedDict[str, _Counter] = OrderedDict()
        self._identities: OrderedDict[str, _Counter] = OrderedDict()
        self._trusted: OrderedDict[tuple[str, str], float] = OrderedDict()
        self.held = 0  # attempts answered 429
        self.failed_total = 0
        self._under_way: dict[str, int] = {}  # address -> password checks in progress
        self._turn_changed: dict[str, asyncio.Event] = {}  # address -> set when one of them ends

    def _may_start(self, address: str) -> bool:
        if not self._under_way.get(address):
            return True
        counter = self._addresses.get(address)
        if counter is None:
            return True
        counter.prune(self.clock())
        return len(counter.failures) < ADDRESS_FREE - 1

    async def take_turn(self, address: str) -> None:
        """Wait until a password check from `address` may start (see the module doc); the caller
        then holds the turn until `end_turn(address)`."""
        while not self._may_start(address):
            changed = self._turn_changed.get(address)
            if changed is None:
                changed = self._turn_changed[address] = asyncio.Event()
            await changed.wait()
        self._under_way[address] = self._under_way.get(address, 0) + 1

    def end_turn(self, address: str) -> None:
        left = self._under_way[address] - 1
        if left:
            self._under_way[address] = left
        else:
            del self._under_way[address]
        changed = self._turn_changed.pop(address, None)
        if changed is not None:
            changed.set()

    @asynccontextmanager
    async def turn(self, address: str):
        """`take_turn` ... `end_turn` around a block."""
        await self.take_turn(address)
        try:
            yield
        finally:
            self.end_turn(address)

    def _counter(self, table: OrderedDict, key) -> _Counter:
        counter = table.get(key)
        if counter is None:
            counter = table[key] = _Counter()
            if len(table) > MAX_ENTRIES:
                table.popitem(last=False)
        else:
            table.move_to_end(key)
        return counter

    def trusted(self, identity: str, address: str) -> bool:
        at = self._trusted.get((identity, address))
        return at is not None and self.clock() - at < TRUSTED_FOR

    def begin(self, identity: str, address: str) -> tuple[float, bool]:
        """(0, counted) when this attempt may check a password: it then counts as failed
        until `succeeded(..., counted)`; (seconds to wait, False) when it is held."""
        now = self.clock()
        by_address = self._counter(self._addresses, address)
        by_identity = self._counter(self._identities, identity)
        by_address.prune(now)
        by_identity.prune(now)
        wait = by_address.hold_until - now
        if not self.trusted(identity, address):
            wait = max(wait, by_identity.hold_until - now)
        if wait > 0:
            self.held += 1
            return wait, False
        self._fail(by_address, now, ADDRESS_FREE, ADDRESS_HOLD_MAX)
        counted = not self.trusted(identity, address)
        if counted:
            self._fail(by_identity, now, IDENTITY_FREE, IDENTITY_HOLD_MAX)
        return 0.0, counted

    @staticmethod
    def _fail(counter: _Counter, now: float, free: int, cap: float) -> None:
        counter.failures.append(now)
        over = len(counter.failures) - free
        if over >= 0:
            counter.hold_until = now + min(cap, 2.0 ** over)

    def failed(self, identity: str, address: str) -> None:
        self.failed_total += 1

    def succeeded(self, identity: str, address: str, counted: bool) -> None:
        """The attempt was right: it is no failure, and this address is trusted for `identity`."""
        now = self.clock()
        undo = [(self._addresses, address, ADDRESS_FREE)] + ([(self._identities, identity, IDENTITY_FREE)] if counted else [])
        for table, key, free in undo:
            counter = table.get(key)
            if counter is not None and counter.failures:
                counter.failures.pop()  # this attempt's provisional failure
                if len(counter.failures) < free:
                    counter.hold_until = 0.0
        self._trusted[(identity, address)] = now
        self._trusted.move_to_end((identity, address))
        if len(self._trusted) > MAX_ENTRIES:
            self._trusted.popitem(last=False)

    def failures(self, identity: str | None = None, address: str | None = None) -> int:
        table, key = (self._identities, identity) if identity is not None else (self._addresses, address)
        counter = table.get(key)
        return len(counter.failures) if counter else 0


def retry_after_header(wait: float) -> str:
    return str(max(1, math.ceil(wait)))
