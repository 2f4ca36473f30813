"""A bare OCPP 1.6 central system written directly on the `ocpp` library, the way its
README shows: no persistence, no logs, library defaults. The baseline evdesk's
throughput is compared with.

    python tests/benchmarks/bare_server.py --port 9301
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime, timezone

import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call_result
from ocpp.v16.enums import Action, AuthorizationStatus, RegistrationStatus

_tx = 0


def now() -> str:
    return datetime.now(timezone.utc).isoformat()


class BareChargePoint(ChargePoint):
    @on(Action.boot_notification)
    def on_boot(self, **_):
        return call_result.BootNotification(current_time=now(), interval=300, status=RegistrationStatus.accepted)

    @on(Action.heartbeat)
    def on_heartbeat(self, **_):
        return call_result.Heartbeat(current_time=now())

    @on(Action.status_notification)
    def on_status(self, **_):
        return call_result.StatusNotification()

    @on(Action.authorize)
    def on_authorize(self, **_):
        return call_result.Authorize(id_tag_info={"status": AuthorizationStatus.accepted})

    @on(Action.start_transaction)
    def on_start(self, **_):
        global _tx
        _tx += 1
        return call_result.StartTransaction(transaction_id=_tx, id_tag_info={"status": AuthorizationStatus.accepted})

    @on(Action.stop_transaction)
    def on_stop(self, **_):
        return call_result.StopTransaction()

    @on(Action.meter_values)
    def on_meter_values(self, **_):
        return call_result.MeterValues()


async def on_connect(websocket):
    cp = BareChargePoint(websocket.request.path.strip("/").split("/")[-1], websocket)
    try:
        await cp.start()
    except websockets.exceptions.ConnectionClosed:
        pass


async def main(port: int) -> None:
    server = await websockets.serve(on_connect, "127.0.0.1", port, subprotocols=["ocpp1.6"])
    print(f"bare server on ws://127.0.0.1:{port}/", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=9301)
    try:
        asyncio.run(main(parser.parse_args().port))
    except KeyboardInterrupt:
        pass
