"""A bare OCPP 1.6 central system that does the same checking work as evdesk, and nothing else.

The baseline that says what evdesk's persistence and bookkeeping cost. Like
bare_server.py it stores nothing and answers every station message at once (all
Accepted), but it reads and checks each frame exactly as evdesk's server does:

* frames are parsed by evdesk's defensive reader (`evdesk.csms.framing.parse_frame`:
  size limit, FormatViolation for broken frames) — the connection lives on;
* every CALL is schema-checked by the same compiled validators
  (`evdesk.csms.validation.validate_call`);
* the same switches: `ocpp.messages.ASYNC_VALIDATION = False` (validate inline), its
  own answers are not validated again before sending, payload keys are converted
  with evdesk's cached converters;
* the same websocket settings as evdesk's server (no compression, evdesk's frame
  size limit, lenient keep-alive).

It sends the station nothing of its own (no configuration after boot, no local
lists), and keeps no communication log, no status, no sessions.

    python tests/benchmarks/bare_validating_server.py --port 9302
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

import ocpp.messages
import websockets
from ocpp.charge_point import _raise_key_error
from ocpp.exceptions import OCPPError
from ocpp.messages import Call

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from bare_server import BareChargePoint  # noqa: E402

from evdesk.csms.connection import _to_snake  # noqa: E402 - the converters evdesk uses
from evdesk.csms.framing import FrameProblem, parse_frame  # noqa: E402
from evdesk.csms.payloads import payload_dict  # noqa: E402
from evdesk.csms.server import WEBSOCKET_MAX_SIZE  # noqa: E402
from evdesk.csms.validation import validate_call  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402

MAX_FRAME_BYTES = SiteSettings().max_frame_bytes


class ValidatingChargePoint(BareChargePoint):
    """The bare handlers, reached the way evdesk reaches its own."""

    async def run(self) -> None:
        async for text in self._connection:
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            msg = parse_frame(text, MAX_FRAME_BYTES, "1.6")
            if isinstance(msg, FrameProblem):
                if msg.answer:
                    await self._connection.send(msg.to_json())
            elif isinstance(msg, Call):
                try:
                    await self._answer(msg)
                except OCPPError as error:
                    await self._connection.send(msg.create_call_error(error).to_json())
                except Exception as error:  # noqa: BLE001 - InternalError, and the connection lives on
                    await self._connection.send(msg.create_call_error(error).to_json())
            # answers to calls: this server makes none

    async def _answer(self, msg: Call) -> None:
        try:
            handlers = self.route_map[msg.action]
        except KeyError:
            _raise_key_error(msg.action, self._ocpp_version)
            return
        validate_call(msg, self._ocpp_version)
        response = handlers["_on_action"](**_to_snake(msg.payload))
        await self._connection.send(json.dumps([3, msg.unique_id, payload_dict(response)], separators=(",", ":"),
                                               ensure_ascii=False))


async def on_connect(websocket):
    cp = ValidatingChargePoint(websocket.request.path.strip("/").split("/")[-1], websocket)
    try:
        await cp.run()
    except websockets.exceptions.ConnectionClosed:
        pass


async def main(port: int) -> None:
    ocpp.messages.ASYNC_VALIDATION = False
    server = await websockets.serve(on_connect, "127.0.0.1", port, subprotocols=["ocpp1.6"], compression=None,
                                    max_size=WEBSOCKET_MAX_SIZE, ping_interval=120, ping_timeout=120, close_timeout=5)
    print(f"bare validating server on ws://127.0.0.1:{port}/", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=9302)
    try:
        asyncio.run(main(parser.parse_args().port))
    except KeyboardInterrupt:
        pass
