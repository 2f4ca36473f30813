"""The file transfers evdesk expects from or for stations.

Rules:
* Every transfer has its own random token (URL path `/t/<token>/<file name>`, 128 bits) and,
  for FTP, its own one-time user name and password: a station can reach only its own file,
  and a link handed to one station is no use to another or after the transfer ended.
* A download (firmware) stays valid until its deadline (retrieve date + `firmware_timeout_hours`)
  or until the roll-out ends it, so a station may retry; an upload (diagnostics) ends with the
  first complete file.
* A wrong FTP login is refused and logged (the user name tells which transfer was tried).
* Listeners hear when the set of FTP transfers goes from none to some and back, so the FTP
  server runs only while an FTP transfer is expected.
This module is plain Python (no sockets): the servers in `evdesk/csms/` use it.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from uuid import UUID

from evdesk.core.clock import utcnow

log = logging.getLogger(__name__)

DOWNLOAD, UPLOAD = "download", "upload"
PROTOCOLS = ("http", "ftp")


@dataclass
class Transfer:
    token: str
    direction: str  # download / upload
    protocol: str  # http / ftp
    station_id: UUID
    identity: str
    deadline: datetime
    file_path: Path | None = None  # a download: the file served
    upload_dir: Path | None = None  # an upload: where the file goes
    max_bytes: int = 0  # an upload's limit
    owner_id: UUID | None = None  # the roll-out station or diagnostics request it belongs to
    ftp_user: str = ""
    ftp_password: str = ""
    downloads: int = 0
    refused_logins: int = 0
    on_received: Callable[["Transfer", Path, int], None] | None = field(default=None, repr=False)
    on_refused: Callable[["Transfer", str], None] | None = field(default=None, repr=False)

    @property
    def file_name(self) -> str:
        return self.file_path.name if self.file_path is not None else ""


class TransferBook:
    def __init__(self) -> None:
        self._by_token: dict[str, Transfer] = {}
        self._by_ftp_user: dict[str, Transfer] = {}
        self._ftp_listeners: list[Callable[[bool], None]] = []
        self.refused_ftp_logins: list[tuple[datetime, str]] = []  # (when, user name tried): kept short

    # -- expecting ------------------------------------------------------------
    def expect(self, direction: str, protocol: str, station_id: UUID, identity: str, deadline: datetime, *,
               file_path: Path | None = None, upload_dir: Path | None = None, max_bytes: int = 0,
               owner_id: UUID | None = None) -> Transfer:
        if protocol not in PROTOCOLS:
            raise ValueError(protocol)
        transfer = Transfer(secrets.token_urlsafe(16), direction, protocol, station_id, identity, deadline,
                            file_path=file_path, upload_dir=upload_dir, max_bytes=max_bytes, owner_id=owner_id)
        self._by_token[transfer.token] = transfer
        if protocol == "ftp":
            had_ftp = bool(self._by_ftp_user)
            transfer.ftp_user = "t" + secrets.token_hex(6)
            transfer.ftp_password = secrets.token_urlsafe(12)
            self._by_ftp_user[transfer.ftp_user] = transfer
            if not had_ftp:
                self._tell_ftp(True)
        return transfer

    def end(self, transfer: Transfer) -> None:
        """The transfer is over (done, failed, timed out, superseded): its link and login stop working."""
        self._by_token.pop(transfer.token, None)
        if transfer.ftp_user and self._by_ftp_user.pop(transfer.ftp_user, None) is not None:
            if not self._by_ftp_user:
                self._tell_ftp(False)

    def end_owned_by(self, owner_id: UUID) -> None:
        for transfer in [t for t in self._by_token.values() if t.owner_id == owner_id]:
            self.end(transfer)

    def expire(self, now: datetime | None = None) -> list[Transfer]:
        """End the transfers past their deadline; returns them."""
        now = now or utcnow()
        late = [t for t in self._by_token.values() if t.deadline <= now]
        for transfer in late:
            self.end(transfer)
        return late

    # -- what the servers ask ------------------------------------------------------
    def by_token(self, token: str) -> Transfer | None:
        transfer = self._by_token.get(token)
        if transfer is None or transfer.deadline <= utcnow():
            return None
        return transfer

    def ftp_login(self, user: str, password: str) -> Transfer | None:
        """The transfer these one-time credentials open, or None (refused: logged, and the
        transfer the user name belongs to hears of it)."""
        transfer = self._by_ftp_user.get(user)
        if transfer is not None and transfer.deadline > utcnow() and \
                hmac.compare_digest(transfer.ftp_password.encode(), password.encode()):
            return transfer
        self.refused_ftp_logins = (self.refused_ftp_logins + [(utcnow(), user[:64])])[-100:]
        log.warning("FTP login refused for user %r: not the one-time credentials of an expected transfer", user[:64])
        if transfer is not None:
            transfer.refused_logins += 1
            if transfer.on_refused is not None:
                transfer.on_refused(transfer, "wrong password")
        return None

    def has_ftp(self) -> bool:
        return bool(self._by_ftp_user)

    def pending(self) -> list[Transfer]:
        return list(self._by_token.values())

    def on_ftp_needed(self, listener: Callable[[bool], None]) -> None:
        """`listener(True)` when the first FTP transfer is expected, `listener(False)` after the last ended."""
        self._ftp_listeners.append(listener)

    def _tell_ftp(self, needed: bool) -> None:
        for listener in list(self._ftp_listeners):
            try:
                listener(needed)
            except OSError as exc:  # the FTP port is taken: the link's URL says so when it is made
                log.error("FTP server for file transfers not started: %s", exc)
            except Exception:
                log.exception("FTP listener failed")
