"""Many new charge points connecting at once, in a process of its own (a second core).

Run: python -m tests.csms.storm_client ws://127.0.0.1:PORT/ COUNT PREFIX
Each station opens its websocket at the same moment, boots (retrying after the
interval a Pending answer gives), and stays connected until every station is
Accepted. Prints one JSON line: how many were accepted, reset, refused (by HTTP
status) and failed otherwise, and the slowest time to Accepted.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidMessage, InvalidStatus


async def one_station(url: str, identity: str, start: asyncio.Event, all_done: asyncio.Event, stats: Counter,
                      times: list[float]) -> None:
    await start.wait()
    t0 = time.monotonic()
    try:
        async with connect(url + identity, subprotocols=["ocpp1.6"], compression=None, open_timeout=120,
                           ping_interval=None) as ws:
            n = 0
            while True:
                n += 1
                await ws.send(json.dumps([2, f"b{n}", "BootNotification",
                                          {"chargePointVendor": "Storm", "chargePointModel": "S1"}]))
                while True:
                    answer = json.loads(await asyncio.wait_for(ws.recv(), 120))
                    if answer[0] == 2:  # evdesk asks for something: say yes
                        reply = {"configurationKey": []} if answer[2] == "GetConfiguration" else (
                            {"listVersion": 0} if answer[2] == "GetLocalListVersion" else {"status": "Accepted"})
                        await ws.send(json.dumps([3, answer[1], reply]))
                        continue
                    break
                if answer[0] == 3 and answer[2]["status"] == "Accepted":
                    stats["accepted"] += 1
                    times.append(time.monotonic() - t0)
                    break
                if answer[0] != 3:
                    stats["callerror"] += 1
                    return
                stats["pending_answers"] += 1
                await asyncio.sleep(answer[2]["interval"])
            await all_done.wait()
    except InvalidStatus as exc:
        stats[f"http_{exc.response.status_code}"] += 1
    except InvalidMessage as exc:  # the server dropped the connection during the handshake
        cause = exc.__cause__
        stats["reset" if isinstance(cause, (ConnectionResetError, EOFError)) else f"handshake_{cause!r}"[:60]] += 1
    except ConnectionResetError:
        stats["reset"] += 1
    except OSError as exc:
        stats[f"oserror_{exc.errno}"] += 1
    except Exception as exc:  # noqa: BLE001 - counted, reported
        stats[type(exc).__name__] += 1


async def main(url: str, count: int, prefix: str) -> dict:
    start, all_done = asyncio.Event(), asyncio.Event()
    stats: Counter = Counter()
    times: list[float] = []
    tasks = [asyncio.create_task(one_station(url, f"{prefix}{i:05d}", start, all_done, stats, times))
             for i in range(count)]
    await asyncio.sleep(0.1)
    start.set()
    while stats["accepted"] + sum(v for k, v in stats.items() if k not in ("accepted", "pending_answers")) < count:
        await asyncio.sleep(0.1)
    all_done.set()
    await asyncio.gather(*tasks)
    return {**stats, "slowest_accept_s": round(max(times), 2) if times else None}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))), flush=True)
