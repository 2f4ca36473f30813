"""A site's data folder for the terminal commands, and a way to look into it afterwards."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evdesk.core.services import Services
from evdesk.paths import database_path
from evdesk.store.database import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site_dir(tmp_path) -> Path:
    return tmp_path / "site"


def on_site(folder: Path, work):
    """Run `await work(services)` on the site's database (the command has closed it)."""

    async def run():
        store = Store.sqlite(database_path(folder))
        store.open()
        try:
            services = Services(store)
            await services.reload_settings()
            await services.groups.load()
            return await work(services)
        finally:
            store.close()

    return asyncio.run(run())


def evdesk(*args: str, stdin: str | None = None, folder: Path | None = None) -> subprocess.CompletedProcess:
    """The real command in its own process: `python -m evdesk ARGS --data-dir FOLDER`."""
    argv = [sys.executable, "-m", "evdesk", *args] + (["--data-dir", str(folder)] if folder else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=ROOT, env=env, **feed)
