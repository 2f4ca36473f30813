"""Background work (`core.tasks.spawn`): a refusal is one warning line, a fault keeps its traceback."""

from __future__ import annotations

import asyncio
import logging

from evdesk.core.errors import EvdeskError
from evdesk.core.tasks import spawn


async def test_a_refused_background_task_is_one_line_and_a_fault_a_traceback(caplog):
    async def refuse():
        raise EvdeskError("'Depot' holds charging stations. Move them to another group first.")

    async def crash():
        raise KeyError("a bug")

    seen = []
    with caplog.at_level(logging.INFO, logger="evdesk.core.tasks"):
        for coro, name in ((refuse(), "delete group"), (crash(), "refresh")):
            task = spawn(coro, name=name, on_error=seen.append)
            await asyncio.wait([task])
            await asyncio.sleep(0)  # the done callback runs on the next turn
    refused, failed = caplog.records
    assert refused.levelno == logging.WARNING and refused.exc_info is None
    assert refused.getMessage() == "delete group refused: 'Depot' holds charging stations. Move them to another group first."
    assert failed.levelno == logging.ERROR and failed.exc_info is not None
    assert [type(e) for e in seen] == [EvdeskError, KeyError]  # the screen is told either way
