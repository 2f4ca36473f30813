"""Waiting in tests: on the condition itself, never on a fixed sleep.

A fixed sleep is too short on a busy machine (the test fails for nothing) and too
long everywhere else. These helpers poll every 20 ms and give up with an
AssertionError after `timeout` seconds.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import Any

POLL_SECONDS = 0.02


async def wait_for(predicate: Callable[[], Any], timeout: float = 5.0, *, message: str = "condition not met in time",
                   poll: float = POLL_SECONDS) -> Any:
    """Until `predicate()` is truthy (it may return an awaitable, e.g. a database query); returns its value."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"{message} (waited {timeout} s)")
        await asyncio.sleep(poll)


def wait_until(predicate: Callable[[], Any], timeout: float = 5.0, *, message: str = "condition not met in time",
               poll: float = POLL_SECONDS) -> Any:
    """The same for code without a running loop (threads, Qt): blocks this thread while polling."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} (waited {timeout} s)")
        time.sleep(poll)
