"""A bare OCPP 1.6 client for protocol tests: exact frames, no simulator behaviour."""

from __future__ import annotations

import asyncio
import base64
import json
from contextlib import asynccontextmanager

from ocpp.v16 import ChargePoint
from websockets.asyncio.client import connect


class RawStation(ChargePoint):
    """Sends what the test says; answers every CSMS call with an Accepted-like default."""

    def __init__(self, identity, ws):
        super().__init__(identity, ws, response_timeout=10)
        self.received: list[tuple[str, dict]] = []
        self.raw_frames: asyncio.Queue[str] = asyncio.Queue()

    async def route_message(self, raw_msg):
        self.raw_frames.put_nowait(raw_msg)
        msg = json.loads(raw_msg) if raw_msg.startswith("[") else None
        if msg and msg[0] == 2:
            self.received.append((msg[2], msg[3]))
            answer = {"status": "Accepted"}
            if msg[2] == "UnlockConnector":
                answer = {"status": "Unlocked"}
            elif msg[2] in ("GetLocalListVersion",):
                answer = {"listVersion": 3}
            elif msg[2] == "GetConfiguration":
                # the compatibility probe reads these after the first boot: MeterValueSampleInterval
                # present and writable, so evdesk goes on to set it
                answer = {"configurationKey": [{"key": "HeartbeatInterval", "readonly": False, "value": "300"},
                                               {"key": "MeterValueSampleInterval", "readonly": False, "value": "60"}]}
            await self._send(json.dumps([3, msg[1], answer]))
            return
        await super().route_message(raw_msg)

    async def send_raw(self, text: str) -> str:
        """Send a frame as is and return the server's next answer (its own CALLs skipped)."""
        while not self.raw_frames.empty():
            self.raw_frames.get_nowait()
        await self._connection.send(text)
        while True:
            frame = await asyncio.wait_for(self.raw_frames.get(), 5)
            if not frame.startswith("[2,"):
                return frame


@asynccontextmanager
async def raw_station(url: str, identity: str, *, password: str | None = None, subprotocols=("ocpp1.6",), boot=True):
    headers = {}
    if password is not None:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{identity}:{password}".encode()).decode()
    async with connect(
        url + identity, subprotocols=list(subprotocols) if subprotocols else None, additional_headers=headers,
        compression=None,
    ) as ws:
        station = RawStation(identity, ws)
        task = asyncio.create_task(station.start())
        try:
            if boot:
                from ocpp.v16 import call

                await station.call(call.BootNotification(charge_point_vendor="Test", charge_point_model="Raw"))
            yield station
        finally:
            task.cancel()
