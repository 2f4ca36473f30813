"""Real file transfers of a simulated station: firmware downloads and diagnostics uploads
over HTTP (urllib) and FTP (ftplib), blocking — the station runs them in a thread.

A location counts as served when it is http(s):// or ftp:// with a host that is not one of
the names RFC 2606 reserves for examples and tests (`*.example`, `*.invalid`, `*.test`,
`example.com/.net/.org`): those can never answer, so the simulator pretends a transfer to
them succeeded (tests of the command itself use them). A download that answers 404 or any
transport error raises OSError (the station reports DownloadFailed).
"""

from __future__ import annotations

import asyncio
import ftplib
import io
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urlsplit

TIMEOUT = 30.0
# The stations' transfers run in threads of their own: on the loop's default executor (a few
# threads) a fleet of downloads would take every thread, and a server in the same process
# (the demo, tests) that needs one to open the file could not answer them.
_POOL = ThreadPoolExecutor(max_workers=64, thread_name_prefix="sim-transfer")


async def in_thread(fn, *args):
    return await asyncio.get_running_loop().run_in_executor(_POOL, fn, *args)


def is_served(location: str) -> bool:
    parts = urlsplit(location)
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("http", "https", "ftp") or not host:
        return False
    reserved = host.rsplit(".", 1)[-1] in ("example", "invalid", "test", "localhost") and host != "localhost" \
        or any(host == d or host.endswith("." + d) for d in ("example.com", "example.net", "example.org"))
    return not reserved


def redact(location: str) -> str:
    parts = urlsplit(location)
    if parts.password:
        return location.replace(f":{parts.password}@", ":***@")
    return location


def _ftp(parts) -> ftplib.FTP:
    ftp = ftplib.FTP(timeout=TIMEOUT)
    ftp.connect(parts.hostname, parts.port or 21)
    ftp.login(unquote(parts.username or "anonymous"), unquote(parts.password or ""))
    return ftp


def download(location: str) -> bytes:
    parts = urlsplit(location)
    if parts.scheme == "ftp":
        try:
            ftp = _ftp(parts)
            try:
                out = io.BytesIO()
                ftp.retrbinary(f"RETR {unquote(parts.path)}", out.write)
                return out.getvalue()
            finally:
                ftp.close()
        except ftplib.all_errors as exc:
            raise OSError(str(exc)) from exc
    try:
        with urllib.request.urlopen(location, timeout=TIMEOUT) as answer:
            return answer.read()
    except urllib.error.URLError as exc:
        raise OSError(str(exc)) from exc


def upload(location: str, name: str, body: bytes) -> None:
    parts = urlsplit(location)
    if parts.scheme == "ftp":
        try:
            ftp = _ftp(parts)
            try:
                folder = unquote(parts.path) or "/"
                if folder not in ("", "/"):
                    ftp.cwd(folder)
                ftp.storbinary(f"STOR {name}", io.BytesIO(body))
            finally:
                ftp.close()
        except ftplib.all_errors as exc:
            raise OSError(str(exc)) from exc
        return
    url = location if location.endswith("/") else location + "/"
    request = urllib.request.Request(url + name, data=body, method="PUT",
                                     headers={"Content-Type": "application/octet-stream"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            answer.read()
    except urllib.error.URLError as exc:
        raise OSError(str(exc)) from exc
