"""Logging: a rotating file in the data folder, and the console when there is one.

What an operator reads there, one line each: stations connecting (identity,
address, subprotocol), held as pending (with the unknown-station policy),
adopted, booted (vendor, model, firmware, Accepted/Pending), disconnected (why),
every remote command with its outcome. Expected refusals (a wrong station
password, a refused handshake, a frame that breaks OCPP) are one line without a
traceback, and repeated lines of one kind from one station are rate-limited
(`evdesk.core.log_limit`): the first few in full, then "N more like this
suppressed".
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from evdesk.paths import log_dir


def configure_logging(data_dir: Path, level: str = "INFO", console: bool = True) -> Path:
    folder = log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "evdesk.log"
    root = logging.getLogger()
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        if getattr(handler, "_evdesk", False):
            root.removeHandler(handler)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(fmt)
    file_handler._evdesk = True
    root.addHandler(file_handler)
    if console and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        stream._evdesk = True
        root.addHandler(stream)
    # the ocpp library logs every frame at INFO, websockets and peewee every frame and statement at
    # DEBUG (with their contents): evdesk keeps its own communication log, with secrets masked
    logging.getLogger("ocpp").setLevel(logging.WARNING)
    logging.getLogger("websockets").setLevel(logging.WARNING)
    logging.getLogger("peewee").setLevel(logging.WARNING)
    return path
