"""Password hashing: scrypt (memory-hard), with the parameters stored in the hash.

`PasswordWorkers` runs the hashing off the event loop on threads of its own, at a lower
priority. A storm of stations logging in after evdesk starts (1,000 first checks at about 50 ms
of CPU each) ran on the loop's default executor: ten threads hashing at once on a 2-core
desktop, and the window's loop waited up to 500 ms for a core (mixed-fleet benchmark). Now at most
one thread per core hashes (up to `MAX_WORKERS`), each at niceness +`WORKER_NICENESS` where
the OS sets it per thread (Linux), so the loop, the database threads and the window come first
and the checks take what is left.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

MAX_WORKERS = 4
WORKER_NICENESS = 10

_DEFAULT_N = 2**14
_R = 8
_P = 1


def hash_password(password: str, n: int = _DEFAULT_N) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=32)
    return "scrypt${}${}${}${}${}".format(
        n, _R, _P, base64.b64encode(salt).decode(), base64.b64encode(digest).decode()
    )


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), maxmem=64 * 1024 * 1024, dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def _lower_this_thread() -> None:
    """Niceness for the calling thread only (Linux treats a thread id as a process id here)."""
    if not hasattr(os, "setpriority") or not hasattr(threading, "get_native_id"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + WORKER_NICENESS)
    except OSError:  # not allowed here: the checks run at the process's priority
        pass


class PasswordWorkers:
    """Hashes and checks passwords on low-priority threads: the station service's, for station logins
    (an operator's login keeps the default executor: one person waiting, never a storm)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or max(1, min(MAX_WORKERS, os.cpu_count() or 1))
        self._executor: ThreadPoolExecutor | None = None

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="evdesk-password",
                                                initializer=_lower_this_thread)
        return self._executor

    async def verify(self, password: str, stored: str | None) -> bool:
        return await asyncio.get_running_loop().run_in_executor(self._pool(), verify_password, password, stored)

    async def hash(self, password: str, n: int = _DEFAULT_N) -> str:
        return await asyncio.get_running_loop().run_in_executor(self._pool(), hash_password, password, n)

    def close(self) -> None:
        """Stops the threads once the checks under way are done (a later check starts them again)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
