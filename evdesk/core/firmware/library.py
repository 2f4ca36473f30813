"""The firmware files an admin uploads once and sends to stations as often as needed.

Rules:
* Uploading needs the firmware right (admins; a group admin too: files are shared by the
  site, what a group admin may do is send them to stations in their domain).
* A file larger than `firmware_max_mb` is refused before anything is kept; an empty file too.
* The bytes are copied (in a thread, never on the loop) to `<data folder>/firmware/<id>/<name>`,
  with the size and SHA-256 computed on the way; the row is written only after the copy is
  complete, and a failed copy leaves no file behind.
* A file name is what stations download it as: its last path part, letters, digits, `.-_+`
  (anything else becomes `_`), at most 120 characters.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.store.fields import uuid7
from evdesk.store.queries import firmware as q
from evdesk.store.repos import firmware as repo

CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")


@dataclass(frozen=True)
class FirmwareFileRow:
    id: UUID
    name: str
    size: int
    sha256: str
    note: str
    uploaded_by: str
    uploaded_at: datetime


def _row(r: dict) -> FirmwareFileRow:
    return FirmwareFileRow(r["id"], r["name"], r["size"], r["sha256"], r["note"], r["uploaded_by"], r["uploaded_at"])


def safe_file_name(name: str) -> str:
    name = Path(str(name).replace("\\", "/")).name.strip()
    name = _UNSAFE.sub("_", name)[-120:].lstrip(".")
    return name or "firmware.bin"


def _copy_with_digest(source: Path, target: Path, limit: int) -> tuple[int, str]:
    """Copy, counting and hashing; raises ValidationError past `limit` bytes (nothing kept)."""
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            while chunk := src.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ValidationError(f"The file is larger than the limit of {limit // (1024 * 1024)} MB "
                                          "(Settings: largest firmware file).", field="file")
                digest.update(chunk)
                dst.write(chunk)
    except BaseException:
        shutil.rmtree(target.parent, ignore_errors=True)
        raise
    if size == 0:
        shutil.rmtree(target.parent, ignore_errors=True)
        raise ValidationError("The file is empty.", field="file")
    return size, digest.hexdigest()


class FirmwareLibrary:
    def __init__(self, store, bus, settings, root: Path):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.root = root  # <data folder>/firmware

    def path_of(self, file_id: UUID, name: str) -> Path:
        return self.root / str(file_id) / name

    async def add(self, ctx: OperatorContext, source: str | Path, *, name: str | None = None,
                  note: str = "") -> FirmwareFileRow:
        require(ctx, Permission.FIRMWARE_UPDATES)
        source = Path(source)
        if not await asyncio.to_thread(source.is_file):
            raise ValidationError(f"There is no file at {source}.", field="file")
        size = (await asyncio.to_thread(source.stat)).st_size
        limit = self.settings.firmware_max_mb * 1024 * 1024
        if size > limit:
            raise ValidationError(f"The file is {size / (1024 * 1024):.1f} MB, larger than the limit of "
                                  f"{self.settings.firmware_max_mb} MB (Settings: largest firmware file).", field="file")
        file_id, name = uuid7(), safe_file_name(name or source.name)
        size, sha = await asyncio.to_thread(_copy_with_digest, source, self.path_of(file_id, name), limit)
        row = {"id": file_id, "name": name, "size": size, "sha256": sha, "note": note[:2000],
               "uploaded_by": ctx.name, "uploaded_at": utcnow()}
        try:
            await self.store.run(repo.add_file, row)
        except BaseException:
            await asyncio.to_thread(shutil.rmtree, self.root / str(file_id), True)
            raise
        self.bus.publish(ev.FirmwareRolloutChanged())
        return _row({**row, "note": row["note"]})

    async def files(self, ctx: OperatorContext) -> list[FirmwareFileRow]:
        """Every firmware file (anyone who may send firmware sees the site's files)."""
        return [_row(r) for r in await self.store.read(q.files)]

    async def get(self, file_id: UUID) -> FirmwareFileRow:
        row = await self.store.read(q.file, file_id)
        if row is None:
            raise NotFound("That firmware file was deleted.")
        return _row(row)

    async def delete(self, ctx: OperatorContext, file_id: UUID) -> None:
        require(ctx, Permission.FIRMWARE_UPDATES)
        if not ctx.can_site_wide(Permission.FIRMWARE_UPDATES):
            raise AccessDenied("Only an admin of the whole site can delete firmware files (other groups use them too).")
        await self.get(file_id)
        await self.store.run(repo.delete_file, file_id)
        await asyncio.to_thread(shutil.rmtree, self.root / str(file_id), True)
        self.bus.publish(ev.FirmwareRolloutChanged())
