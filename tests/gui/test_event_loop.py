"""The window's loop watches sockets with epoll: callbacks on the GUI thread, one-shot, removable."""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve

from evdesk.gui.event_loop import SiteEventLoop, make_event_loop


@pytest.fixture
def loop(qapp):
    loop = make_event_loop(qapp)
    assert isinstance(loop, SiteEventLoop)
    yield loop
    loop.close()


def test_readers_run_on_the_gui_thread_once_per_readiness_and_can_be_removed(loop):
    gui_thread = threading.get_ident()
    a, b = socket.socketpair()
    a.setblocking(False)
    calls = []

    def readable():
        calls.append(threading.get_ident())
        a.recv(100)  # drain: level-triggered readiness would otherwise fire again at once

    async def scenario():
        loop.add_reader(a.fileno(), readable)
        for n in range(3):
            b.send(b"x")
            for _ in range(100):
                if len(calls) > n:
                    break
                await asyncio.sleep(0.01)
        assert loop.remove_reader(a.fileno())
        b.send(b"y")
        await asyncio.sleep(0.1)

    loop.run_until_complete(scenario())
    assert calls == [gui_thread] * 3  # none after removal, none on another thread
    a.close(), b.close()


def test_an_unread_socket_is_reported_again_after_its_callback(loop):
    a, b = socket.socketpair()
    a.setblocking(False)
    calls = []

    async def scenario():
        loop.add_reader(a.fileno(), lambda: calls.append(1))  # never reads: still readable
        b.send(b"x")
        for _ in range(100):
            if len(calls) >= 3:
                break
            await asyncio.sleep(0.01)
        loop.remove_reader(a.fileno())

    loop.run_until_complete(scenario())
    assert len(calls) >= 3  # re-armed after each callback, as qasync's notifiers are
    a.close(), b.close()


def test_a_websocket_round_trip_with_many_idle_connections(loop):
    async def echo(ws):
        async for message in ws:
            await ws.send(message)

    async def scenario():
        async with serve(echo, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            idle = [await connect(f"ws://127.0.0.1:{port}/") for _ in range(200)]
            async with connect(f"ws://127.0.0.1:{port}/") as ws:
                for n in range(50):
                    await ws.send(f"m{n}")
                    assert await asyncio.wait_for(ws.recv(), 5) == f"m{n}"
            for ws in idle:
                await ws.close()

    loop.run_until_complete(scenario())
