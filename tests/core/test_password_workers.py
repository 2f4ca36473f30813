"""Station password checks run on low-priority threads of their own, not on the loop's executor."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from evdesk.core import passwords
from evdesk.core.passwords import PasswordWorkers, hash_password


async def test_checks_run_on_at_most_one_thread_per_core_below_the_loops_priority(monkeypatch):
    seen: list[tuple[str, int | None]] = []
    real = passwords.verify_password

    def verify(password, stored):
        tid = threading.get_native_id()
        nice = os.getpriority(os.PRIO_PROCESS, tid) if hasattr(os, "getpriority") else None
        seen.append((threading.current_thread().name, nice))
        return real(password, stored)

    monkeypatch.setattr(passwords, "verify_password", verify)
    workers = PasswordWorkers(workers=2)
    stored = hash_password("station-secret", n=2**10)
    try:
        results = await asyncio.gather(*(workers.verify("station-secret" if i % 2 else "wrong", stored)
                                         for i in range(12)))
    finally:
        workers.close()
    assert results == [bool(i % 2) for i in range(12)]
    names = {name for name, _ in seen}
    assert len(names) <= 2 and all(name.startswith("evdesk-password") for name in names)
    if sys.platform.startswith("linux"):
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert all(nice == min(19, own + passwords.WORKER_NICENESS) for _, nice in seen), (seen, own)


async def test_a_closed_pool_starts_again_on_the_next_check():
    workers = PasswordWorkers(workers=1)
    stored = await workers.hash("again", n=2**10)
    workers.close()
    assert await workers.verify("again", stored)
    workers.close()


@pytest.mark.parametrize("stored", [None, "", "md5$x", "scrypt$bad"])
async def test_an_unreadable_hash_is_a_refusal(stored):
    workers = PasswordWorkers(workers=1)
    try:
        assert not await workers.verify("x", stored)
    finally:
        workers.close()
