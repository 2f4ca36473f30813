"""Starting an aiohttp server on a TCP port, for the automation API and the firmware file server."""

from __future__ import annotations

from aiohttp import web


async def listen(runner: web.AppRunner, host: str | None, port: int, **site_options) -> int:
    """Sets the runner up and listens on `host:port` (0: a free port); returns the port listened on.
    When the port cannot be had, the runner is cleaned up again and the OSError raised."""
    await runner.setup()
    site = web.TCPSite(runner, host, port, **site_options)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    return runner.addresses[0][1]
