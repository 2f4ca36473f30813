"""Every log view of a station as CSV: event feed, communication log, action log, network
log, hardware status log, diagnostics requests.

Same rules as the charging log's export (`session_export.py`): UTF-8, a header row, RFC 4180
quoting, times ISO 8601 in the site's zone; read page by page through the read services
(on the reader connection, in the operator's domain), written in a thread to a temporary
file renamed when complete; `progress(rows done)` after each page (a log's length is not
counted first: counting a million frames costs as much as reading them); `cancelled()`
asked before each page — a cancelled export leaves no file.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from uuid import UUID

from evdesk.core.zones import site_zone
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads.session_export import ExportResult

PAGE = 1000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
FAR = datetime(9999, 1, 1, tzinfo=timezone.utc)
LOGS = {
    "event_feed": ("timestamp", "received_at", "connector_id", "status", "error_code", "info", "vendor_id",
                   "vendor_error_code"),
    "comm_log": ("at", "direction", "message_type", "unique_id", "action", "payload"),
    "action_log": ("started_at", "finished_at", "action", "reason", "outcome", "actor", "error", "request",
                   "response"),
    "network_log": ("at", "kind", "state", "detail"),
    "hardware_status": ("at", "source", "connector_id", "status", "error_code", "info", "vendor_id",
                        "vendor_error_code"),
    "diagnostics": ("requested_at", "requested_by", "protocol", "state", "detail", "file_name", "size",
                    "received_at", "stored_path"),
}


class LogExport:
    def __init__(self, history, firmware, settings):
        self.history = history
        self.firmware = firmware
        self.settings = settings

    def _reader(self, ctx, log: str, station_id: UUID) -> Callable:
        h, f = self.history, self.firmware
        readers = {
            "event_feed": lambda c: h.event_feed(ctx, station_id, EPOCH, FAR, c, PAGE),
            "comm_log": lambda c: h.comm_log(ctx, station_id, c, PAGE),
            "action_log": lambda c: h.action_log(ctx, station_id, c, PAGE),
            "network_log": lambda c: h.network_log(ctx, station_id, c, PAGE),
            "hardware_status": lambda c: f.hardware.rows(ctx, station_id, c, PAGE),
            "diagnostics": lambda c: f.diagnostics.requests(ctx, station_id, c, PAGE),
        }
        if log not in readers:
            raise ValueError(f"unknown log {log!r}")
        return readers[log]

    def _format(self, log: str, rows, zone) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        for row in rows:
            values = []
            for name in LOGS[log]:
                value = getattr(row, name)
                if isinstance(value, datetime):
                    value = value.astimezone(zone).isoformat(timespec="seconds")
                elif value is None:
                    value = ""
                elif isinstance(value, (dict, list)):
                    value = json.dumps(value, ensure_ascii=False, default=str)
                values.append(value)
            writer.writerow(values)
        return out.getvalue()

    async def to_file(self, ctx: OperatorContext, log: str, station_id: UUID, path, *,
                      progress: Callable[[int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ExportResult:
        read = self._reader(ctx, log, station_id)
        zone = site_zone(self.settings.site_timezone)
        target = Path(path)
        temporary = target.with_name(f".{target.name}.part")
        handle = await asyncio.to_thread(open, temporary, "w", encoding="utf-8", newline="")
        rows, finished, cursor = 0, False, None
        try:
            header = io.StringIO()
            csv.writer(header).writerow(LOGS[log])
            await asyncio.to_thread(handle.write, header.getvalue())
            while True:
                if cancelled is not None and cancelled():
                    break
                page = await read(cursor)
                if page.items:
                    await asyncio.to_thread(handle.write, self._format(log, page.items, zone))
                    rows += len(page.items)
                    if progress is not None:
                        progress(rows)
                cursor = page.next_cursor
                if cursor is None:
                    finished = True
                    break
        finally:
            await asyncio.to_thread(handle.close)
            if finished:
                await asyncio.to_thread(os.replace, temporary, target)
            else:
                await asyncio.to_thread(lambda: temporary.unlink(missing_ok=True))
        return ExportResult(rows, cancelled=not finished)
