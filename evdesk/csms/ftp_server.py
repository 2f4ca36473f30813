"""evdesk's FTP server for the many chargers that speak only FTP (pyftpdlib, in a thread).

* It runs only while an FTP transfer is expected (`TransferBook.on_ftp_needed`), on the OCPP
  listener's address and `ftp_port` (0: any free port).
* Logins: only the one-time credentials of an expected transfer (no anonymous access).
  A wrong one is refused with 530 and logged; the credentials are checked on the asyncio
  loop (the transfer book lives there), the FTP thread waits for the answer.
* A download's home folder holds just its firmware file (read only: "elr"); an upload's home
  is its request's folder (store only: "elw"). A complete upload is handed to the loop; one
  above the limit is deleted and refused (FTP has no size announcement, so it is checked when
  the file is complete).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from pathlib import Path

from pyftpdlib.authorizers import AuthenticationFailed, DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer as PyFtpServer

from evdesk.core.firmware.transfers import DOWNLOAD, TransferBook

log = logging.getLogger(__name__)
LOGIN_CHECK_SECONDS = 10.0


class _OneTimeAuthorizer(DummyAuthorizer):
    def __init__(self, owner: "FtpServer"):
        super().__init__()
        self.owner = owner

    def validate_authentication(self, username, password, handler):
        transfer = self.owner.on_loop(self.owner.transfers.ftp_login, username, password)
        if transfer is None:
            raise AuthenticationFailed("Login refused: these are not the credentials of an expected transfer.")
        if transfer.direction == DOWNLOAD:
            home, perm = transfer.file_path.parent, "elr"
        else:
            home, perm = transfer.upload_dir, "elw"
            home.mkdir(parents=True, exist_ok=True)
        self.user_table[username] = {"pwd": password, "home": os.path.realpath(home), "perm": perm, "operms": {},
                                     "msg_login": "Login successful.", "msg_quit": "Goodbye."}
        handler.evdesk_transfer = transfer


class _Handler(FTPHandler):
    evdesk_transfer = None
    owner: "FtpServer" = None  # set on the subclass made per server

    def on_file_received(self, file):
        transfer, path = self.evdesk_transfer, Path(file)
        size = path.stat().st_size
        if transfer is None:
            return
        if size > transfer.max_bytes:
            path.unlink(missing_ok=True)
            log.warning("diagnostics upload from %s over FTP refused: %s bytes, limit %s", transfer.identity, size,
                        transfer.max_bytes)
            self.owner.on_loop(self.owner.diagnostics.refuse_too_large, transfer, size)
            return
        self.owner.on_loop(transfer.on_received, transfer, path, size)

    def on_file_sent(self, file):
        if self.evdesk_transfer is not None:
            self.evdesk_transfer.downloads += 1
            log.info("firmware %s downloaded by %s over FTP", Path(file).name, self.evdesk_transfer.identity)

    def on_incomplete_file_received(self, file):
        Path(file).unlink(missing_ok=True)


class FtpServer:
    def __init__(self, transfers: TransferBook, diagnostics, host: str, port):
        self.transfers = transfers
        self.diagnostics = diagnostics
        self.host = host or "0.0.0.0"
        self._port = port  # a number, or a callable read at each start (the site setting as it is then)
        self.port: int | None = None
        self._server: PyFtpServer | None = None
        self._thread: threading.Thread | None = None
        self._joining: threading.Thread | None = None
        self._stopping = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def requested_port(self) -> int:
        return self._port() if callable(self._port) else self._port

    @property
    def running(self) -> bool:
        return self._server is not None

    def on_loop(self, fn, *args):
        """Run `fn` on the asyncio loop from the FTP thread and return its result."""
        async def call():
            return fn(*args)
        return asyncio.run_coroutine_threadsafe(call(), self._loop).result(LOGIN_CHECK_SECONDS)

    def attach(self) -> None:
        """Follow the transfer book: run while FTP transfers are expected. Call on the loop."""
        self._loop = asyncio.get_running_loop()
        self.transfers.on_ftp_needed(lambda needed: self.start() if needed else self.stop())
        if self.transfers.has_ftp():
            self.start()

    def start(self) -> None:
        if self._server is not None:
            return
        handler = type("EvdeskFtpHandler", (_Handler,), {"owner": self})
        handler.authorizer = _OneTimeAuthorizer(self)
        handler.banner = "evdesk file transfers"
        handler.permit_foreign_addresses = False
        self._server = PyFtpServer((self.host, self.requested_port), handler)
        self.port = self._server.socket.getsockname()[1]
        self._stopping = threading.Event()  # one per run: a stopping run never sees the next one's
        server = self._server
        self._thread = threading.Thread(target=self._serve, args=(server, self._stopping), name="evdesk-ftp",
                                        daemon=True)
        self._thread.start()
        log.info("FTP server for firmware and diagnostics listening on %s:%s", self.host, self.port)

    @staticmethod
    def _serve(server: PyFtpServer, stopping: threading.Event) -> None:
        try:
            while not stopping.is_set():
                server.serve_forever(timeout=0.2, blocking=False, handle_exit=False)
        finally:
            server.close_all()

    def stop(self) -> None:
        """Stop serving (no transfer waits any more): the thread ends within a fraction of a second."""
        if self._server is None:
            return
        self._stopping.set()
        thread, self._server, self._thread = self._thread, None, None
        log.info("FTP server stopped: no transfer is expected")
        self._joining = thread

    async def close(self) -> None:
        self.stop()
        thread, self._joining = self._joining, None
        if thread is not None:
            await asyncio.to_thread(thread.join, 5)
