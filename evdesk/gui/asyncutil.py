"""The one way Qt code starts background coroutines.

`run_task` keeps a strong reference to every task (asyncio itself only keeps a
weak one, so an unreferenced task can vanish mid-flight), logs every failure and
hands it to `on_error` or, when there is none, to `task_failures.failed` which the
main window shows to the operator. Callbacks are skipped when their `owner`
widget has been deleted meanwhile, so a late result never touches a dead object.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from evdesk.core.errors import EvdeskError

log = logging.getLogger(__name__)

_running: set[asyncio.Task] = set()


class TaskFailureNotifier(QObject):
    """Announces failures of tasks nobody else handled: (what was being done, message)."""

    failed = Signal(str, str)


task_failures = TaskFailureNotifier()


def _loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        # Called from a Qt slot while the qasync loop is set but between run calls
        # (tests drive it with run_until_complete): the task starts on its next run.
        return asyncio.get_event_loop()


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


def run_task(
    coro: Coroutine[Any, Any, Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
    what: str = "",
    cancel_with_owner: bool = True,
) -> asyncio.Task:
    """Start `coro` on the loop; call `on_done(result)` or `on_error(exc)` when it ends.

    With `cancel_with_owner`, deleting `owner` cancels the task (a page load nobody
    will see). Commands already sent to a station pass False: they finish and are
    logged even if their dialog was closed.
    """
    task = _loop().create_task(coro)
    _running.add(task)
    label = what or getattr(coro, "__qualname__", "background task")
    cancel_slot = None
    if owner is not None and cancel_with_owner:
        def cancel_slot(*_args, task=task):  # noqa: E306 - closure over this task only
            task.cancel()

        owner.destroyed.connect(cancel_slot)

    def finished(t: asyncio.Task) -> None:
        _running.discard(t)
        if cancel_slot is not None and _alive(owner):
            try:
                owner.destroyed.disconnect(cancel_slot)
            except (RuntimeError, TypeError):
                pass
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            # a refusal or an operator's mistake is one line; a fault keeps its traceback
            trace = None if isinstance(exc, EvdeskError) else exc
            if on_error is not None and _alive(owner):
                log.info("%s failed: %s", label, exc, exc_info=trace)
                try:
                    on_error(exc)
                except Exception:
                    log.exception("error handler of %s failed", label)
            else:
                if trace is None:
                    log.warning("%s refused: %s", label, exc)
                else:
                    log.error("%s failed", label, exc_info=trace)
                task_failures.failed.emit(label, str(exc) or type(exc).__name__)
            return
        if on_done is not None and _alive(owner):
            try:
                on_done(t.result())
            except Exception as cb_exc:
                log.exception("completion handler of %s failed", label)
                task_failures.failed.emit(label, str(cb_exc) or type(cb_exc).__name__)

    task.add_done_callback(finished)
    return task


def running_tasks() -> int:
    """How many tasks are in flight (tests wait for zero)."""
    return len(_running)
