"""evdesk's HTTP file endpoint for stations: firmware downloads and diagnostics uploads.

* `GET /t/<token>/<name>` serves a firmware file of an expected download (404 for any other
  path, an ended transfer or a wrong name); stations may retry while the link lives.
* `PUT` or `POST /t/<token>/<name>` receives a diagnostics file of an expected upload: the raw
  body, or the first file part of a `multipart/form-data` body (what many chargers send).
  The body is streamed to disk; past the limit the upload is cut off with 413 and nothing is
  kept. The name is the one in the URL or the form part (made safe).
* It listens on the OCPP listener's address (chargers reach both the same way) on
  `file_server_port` (0: any free port), started with the OCPP server.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from aiohttp import web

from evdesk.core.firmware.library import safe_file_name
from evdesk.core.firmware.transfers import DOWNLOAD, UPLOAD, TransferBook
from evdesk.http_listen import listen

log = logging.getLogger(__name__)
CHUNK = 256 * 1024


class TooLarge(Exception):
    pass


class FileServer:
    def __init__(self, transfers: TransferBook, diagnostics, host: str, port: int):
        self.transfers = transfers
        self.diagnostics = diagnostics  # told about uploads cut off above the limit
        self.host = host
        self.requested_port = port
        self.port: int | None = None
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application(client_max_size=1024 ** 4)  # the limit is per transfer, checked while streaming
        app.router.add_get("/t/{token}/{name}", self._download)
        app.router.add_put("/t/{token}/{name}", self._upload)
        app.router.add_post("/t/{token}/{name}", self._upload)
        app.router.add_post("/t/{token}/", self._upload)
        app.router.add_put("/t/{token}/", self._upload)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        self.port = await listen(runner, self.host or None, self.requested_port, reuse_address=True)
        self._runner = runner
        log.info("file server for firmware and diagnostics listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _download(self, request: web.Request) -> web.StreamResponse:
        transfer = self.transfers.by_token(request.match_info["token"])
        if transfer is None or transfer.direction != DOWNLOAD or transfer.file_name != request.match_info["name"]:
            raise web.HTTPNotFound(text="No such file (or its link has expired).")
        if not await asyncio.to_thread(transfer.file_path.is_file):
            raise web.HTTPNotFound(text="The firmware file was deleted.")
        transfer.downloads += 1
        log.info("firmware %s downloaded by %s over HTTP from %s", transfer.file_name, transfer.identity,
                 request.remote)
        return web.FileResponse(transfer.file_path, headers={"Content-Type": "application/octet-stream"})

    async def _upload(self, request: web.Request) -> web.Response:
        transfer = self.transfers.by_token(request.match_info["token"])
        if transfer is None or transfer.direction != UPLOAD:
            raise web.HTTPNotFound(text="No upload is expected here (or its link has expired).")
        name = request.match_info.get("name") or ""
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            part = await reader.next()
            while part is not None and not getattr(part, "filename", None):
                part = await reader.next()
            if part is None:
                raise web.HTTPBadRequest(text="The form holds no file.")
            name = part.filename
            read = part.read_chunk
        else:
            read = request.content.read
        target = transfer.upload_dir / safe_file_name(name or f"{transfer.identity}-diagnostics.log")
        try:
            size = await self._store(read, target, transfer.max_bytes)
        except TooLarge as exc:
            self.diagnostics.refuse_too_large(transfer, int(str(exc)))
            log.warning("diagnostics upload from %s refused: larger than %s bytes", transfer.identity,
                        transfer.max_bytes)
            raise web.HTTPRequestEntityTooLarge(max_size=transfer.max_bytes, actual_size=int(str(exc)))
        transfer.on_received(transfer, target, size)
        return web.Response(status=201, text="Received.")

    @staticmethod
    async def _store(read, target: Path, limit: int) -> int:
        await asyncio.to_thread(target.parent.mkdir, parents=True, exist_ok=True)
        handle = await asyncio.to_thread(open, target, "wb")
        size, complete = 0, False
        try:
            while chunk := await read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(str(size))
                await asyncio.to_thread(handle.write, chunk)
            complete = True
        finally:
            await asyncio.to_thread(handle.close)
            if not complete:
                await asyncio.to_thread(lambda: target.unlink(missing_ok=True))
        return size
