"""The one way to start background work on the loop: kept, named, and never silent.

A bare `asyncio.create_task` can be garbage-collected mid-flight and loses its
exception if nobody awaits it. `spawn` keeps a reference until the task ends and
logs any failure; `on_error` lets a screen show it too. A refusal (`EvdeskError`: an
operator's mistake, a missing keychain) is one warning line with its message; only a
fault is logged with its traceback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from evdesk.core.errors import EvdeskError

log = logging.getLogger(__name__)

_running: set[asyncio.Task] = set()


def spawn(
    coro: Coroutine[Any, Any, Any],
    *,
    name: str | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> asyncio.Task:
    task = asyncio.get_running_loop().create_task(coro, name=name)
    _running.add(task)

    def done(t: asyncio.Task) -> None:
        _running.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is None:
            return
        if isinstance(exc, EvdeskError):
            log.warning("%s refused: %s", t.get_name(), exc)
        else:
            log.error("background task %s failed", t.get_name(), exc_info=exc)
        if on_error is not None:
            try:
                on_error(exc)
            except Exception:
                log.exception("error handler of %s failed", t.get_name())

    task.add_done_callback(done)
    return task


def running_tasks() -> set[asyncio.Task]:
    return set(_running)


async def cancel_and_wait(task: asyncio.Task | None) -> None:
    """Stop a background task and wait until it has really stopped."""
    if task is None:
        return
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
