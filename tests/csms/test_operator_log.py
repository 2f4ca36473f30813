"""What an operator of a service reads in the log: one line per thing that happened, no tracebacks
for refusals that are expected."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import sys
from pathlib import Path

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from tests.csms.rawclient import raw_station

ROOT = Path(__file__).resolve().parents[2]


async def read_until(stream: asyncio.StreamReader, pattern: str, timeout: float = 30) -> str:
    seen = []
    async with asyncio.timeout(timeout):
        while True:
            line = (await stream.readline()).decode()
            if not line:
                raise AssertionError("process ended before: " + pattern + "\n" + "".join(seen))
            seen.append(line)
            if re.search(pattern, line):
                return line


async def test_headless_logs_connect_pending_boot_refusals_and_disconnect(tmp_path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "evdesk", "--headless", "--data-dir", str(tmp_path), "--host", "127.0.0.1",
        "--port", "0", "--no-api", cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        line = await read_until(proc.stdout, r"OCPP server on ws://")
        url = re.search(r"(ws://\S+?/)", line).group(1)
        async with connect(url + "HL-STRANGER", subprotocols=["ocpp1.6"]) as ws:
            await ws.send(json.dumps([2, "b1", "BootNotification", {"chargePointVendor": "Acme", "chargePointModel": "W1",
                                                                     "firmwareVersion": "2.3"}]))
            assert json.loads(await ws.recv())[2]["status"] == "Pending"
            await ws.send(json.dumps([2, "s1", "StatusNotification", {"connectorId": 1, "errorCode": "NoError",
                                                                       "status": "Available"}]))
            assert json.loads(await ws.recv())[2] == "SecurityError"
            await ws.send("not json")
            assert json.loads(await ws.recv())[2] == "FormationViolation"
        try:
            async with connect(url + "HL-OLD", subprotocols=["ocpp1.2"]):
                pass
        except InvalidStatus:
            pass
        reader, writer = await asyncio.open_connection(*url[5:-1].split(":"))
        writer.write(b"GET /robots HTTP/1.1\r\nHost: x\r\n\r\n")
        await reader.read(1000)
        writer.close()
        await asyncio.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, err.decode()[-2000:]
    log = (tmp_path / "logs" / "evdesk.log").read_text()
    expected = [
        r"unknown station HL-STRANGER held as pending .*\(unknown-station policy: pending\)",
        r"station HL-STRANGER connected from 127\.0\.0\.1 \(ocpp1\.6\) - pending adoption",
        r"station HL-STRANGER booted: Acme W1 firmware 2\.3 -> Pending \(pending adoption\)",
        r"HL-STRANGER sent a bad frame \(FormationViolation\)",
        r"station HL-STRANGER disconnected: closed by station \(code 1000\)",
        r"refused station 'HL-OLD' from 127\.0\.0\.1: offers only ocpp1\.2",
        r"refused a request from 127\.0\.0\.1 for '/robots': not a websocket upgrade",
    ]
    for pattern in expected:
        assert re.search(pattern, log), f"missing: {pattern}\n{log}"
    assert "Traceback" not in log and " ERROR " not in log, log


async def test_adoption_and_commands_are_logged_one_line_each(central, services, caplog):
    caplog.set_level(logging.INFO, logger="evdesk")
    services.settings.unknown_station_policy = "pending"
    async with raw_station(central.url, "LOG-1", boot=False):
        info = services.stations.get("LOG-1")
        await services.stations.adopt(info.id, ctx=OperatorContext(None, "Ada Admin", ADMIN))
        await central.commands.reset(info.id, "Soft", ctx=OperatorContext(None, "Ada Admin", ADMIN),
                                     reason="weekly restart")
    await central.commands.reset(info.id, "Hard", ctx=SYSTEM_CONTEXT, reason="x")
    messages = [r.getMessage() for r in caplog.records]
    assert "station LOG-1 adopted by Ada Admin" in messages
    assert "command Reset to LOG-1 by Ada Admin (desk): accepted - Accepted by the station" in messages
    assert any(m.startswith("command Reset to LOG-1 by evdesk: offline") for m in messages), messages
    assert not [r for r in caplog.records if r.exc_info]
