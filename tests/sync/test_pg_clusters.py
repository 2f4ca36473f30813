"""The throw-away PostgreSQL clusters of the tests do not pile up: a test run killed before its
clean-up leaves its cluster running, and the next run stops and removes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pg import _bin_dir, sweep_left_over_clusters

ROOT = Path(__file__).resolve().parents[2]


def test_a_cluster_whose_test_run_was_killed_is_stopped_and_removed_by_the_next():
    made = subprocess.run(
        [sys.executable, "-c", "import os; from tests.pg import make_cluster; c = make_cluster(); "
                               "print(c.folder, flush=True); os._exit(0)"],  # killed: no clean-up runs
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    folder = made.stdout.strip().splitlines()[-1]
    pid_file = os.path.join(folder, "data", "postmaster.pid")
    assert os.path.exists(pid_file), "the left-over cluster runs"
    postmaster = int(open(pid_file).readline())
    assert sweep_left_over_clusters(_bin_dir()) >= 1
    assert not os.path.exists(folder)
    assert not serving(postmaster), "the left-over cluster's server was stopped"


def serving(pid: int) -> bool:
    """The process runs (a zombie waiting for a parent that may never reap it does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")
