"""`GET /api/v1/events`: the core's live announcements as server-sent events.

Each event is `event: <type>\\ndata: <json>\\n\\n` (type = the core event's class name),
limited to the stations the key's operator sees (checked per event, through the
station's group). A `: heartbeat` comment goes out every `HEARTBEAT` seconds. The bus
listeners are removed when the client goes away or the server stops. No replay: a
client that reconnects gets the events from then on; a client too slow to read
`QUEUE_SIZE` events is disconnected.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import time

from aiohttp import web

from evdesk.api.errors import bad_parameter
from evdesk.api.http import ctx_of, plain, services_of
from evdesk.api.schemas import check_query, query_uuid
from evdesk.api.stations import visible_station
from evdesk.core import events as ev
from evdesk.core.errors import NotFound

log = logging.getLogger(__name__)

STREAMED = {cls.__name__: cls for cls in (
    ev.ConnectorStatusChanged, ev.ConnectionStateChanged, ev.TransactionStarted, ev.TransactionEnded,
    ev.TransactionUpdated)}
EVENTS_QUERY = ("types", "station_id")
HEARTBEAT = 15.0  # seconds between heartbeat comments
POLL = 1.0  # seconds: how often a quiet stream checks that the client is still there
QUEUE_SIZE = 1000
STOPS = web.AppKey("event_stream_stops", set)


def _json_default(value):
    return str(value)


def encode(event) -> bytes:

    data = plain(dataclasses.asdict(event))
    body = json.dumps(data, default=_json_default, separators=(",", ":"))
    return f"event: {type(event).__name__}\ndata: {body}\n\n".encode()


def parse_types(request: web.Request) -> list[type]:
    raw = request.query.get("types")
    if not raw:
        return list(STREAMED.values())
    names = [n.strip() for n in raw.split(",") if n.strip()]
    unknown = [n for n in names if n not in STREAMED]
    if unknown or not names:
        raise bad_parameter(f"Query parameter 'types' must be a comma-separated list of: {', '.join(STREAMED)}.",
                            "types")
    return [STREAMED[n] for n in dict.fromkeys(names)]


def on_shutdown_stop_streams(app: web.Application) -> None:
    app[STOPS] = set()

    async def stop_all(_app):
        for stop in list(app[STOPS]):
            stop.set()

    app.on_shutdown.append(stop_all)


async def stream_events(request: web.Request) -> web.StreamResponse:

    check_query(request, EVENTS_QUERY)
    types = parse_types(request)
    only_station = query_uuid(request, "station_id")
    if only_station is not None:
        visible_station(request, only_station)  # 404 / 403 before the stream starts
    ctx, services = ctx_of(request), services_of(request)
    queue: asyncio.Queue = asyncio.Queue(QUEUE_SIZE)
    stop = asyncio.Event()

    def listener(event) -> None:
        if stop.is_set():
            return
        if only_station is not None and event.station_id != only_station:
            return
        try:
            group_id = services.stations.get_by_id(event.station_id).group_id
        except (NotFound, KeyError):
            return
        if not ctx.sees_station(group_id):
            return
        try:
            queue.put_nowait(event)
        except asyncio.QueueFull:
            log.warning("event stream for %s too slow; disconnecting it", ctx.username)
            stop.set()

    unsubscribes = [services.bus.subscribe(t, listener) for t in types]
    stops = request.app[STOPS]
    stops.add(stop)
    try:
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                           "X-Accel-Buffering": "no"})
        await resp.prepare(request)
        await resp.write(b": connected\n\n")
        last_write = time.monotonic()
        while not stop.is_set():
            transport = request.transport
            if transport is None or transport.is_closing():
                break
            if not queue.empty():
                await resp.write(encode(queue.get_nowait()))
                last_write = time.monotonic()
                continue
            if time.monotonic() - last_write >= HEARTBEAT:
                await resp.write(b": heartbeat\n\n")
                last_write = time.monotonic()
                continue
            getter = asyncio.ensure_future(queue.get())
            stopper = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait({getter, stopper}, timeout=min(POLL, HEARTBEAT),
                                   return_when=asyncio.FIRST_COMPLETED)
            finally:
                for f in (getter, stopper):
                    f.cancel()
            if getter.done() and not getter.cancelled():
                await resp.write(encode(getter.result()))
                last_write = time.monotonic()
    except ConnectionError:  # the client went away mid-write
        pass
    finally:
        for unsubscribe in unsubscribes:
            unsubscribe()
        stops.discard(stop)
    return resp
