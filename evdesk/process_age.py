"""How long this program has been running: the start-up time the window logs and
`evdesk --self-test` reports, measured the same way for both."""

from __future__ import annotations

import os
import sys
import time


def _linux_age(pid: int) -> float:
    """Seconds since process `pid` started, from /proc at clock-tick resolution
    (psutil's create_time rounds the boot time to whole seconds)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        stat = f.read()
    start_ticks = int(stat[stat.rindex(")") + 2:].split()[19])  # field 22: starttime
    with open("/proc/uptime", encoding="ascii") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def seconds_since_process_start() -> float:
    """Time since this program started; for a one-file build, since its bootloader
    (the parent running the same executable, which unpacks before starting us)."""
    import psutil

    pid = os.getpid()
    if getattr(sys, "frozen", False):
        try:
            me = psutil.Process(pid)
            parent = me.parent()
            if parent is not None and parent.exe() == me.exe():
                pid = parent.pid
        except (psutil.Error, OSError):
            pass
    if sys.platform.startswith("linux"):
        try:
            return _linux_age(pid)
        except (OSError, ValueError, IndexError):
            pass
    return time.time() - psutil.Process(pid).create_time()
