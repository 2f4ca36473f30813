"""A throw-away PostgreSQL cluster for the shared-database tests (issue 14).

The tests run against a real PostgreSQL from the distribution's packages (Debian:
`postgresql`, installed by `.ci/run`); nothing is mocked. The cluster lives in a
temporary folder, listens on 127.0.0.1 at a free port (and a socket in that folder),
and trusts local connections. initdb and pg_ctl refuse to run as root, so as root
(CI) they run as the `postgres` user through `runuser`.

Missing PostgreSQL binaries are a FAILURE with words saying what to install, never
a skip: a test that silently does not run proves nothing.

`pg_cluster` is session-scoped (one cluster for the test run); each test that asks
for `shared_db` gets a fresh database in it. Tests that stop and start the server
(`cluster.stop()` / `cluster.start()`) get their own cluster with `own_pg_cluster`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass

import pytest

INSTALL_HINT = ("PostgreSQL's server programs (initdb, pg_ctl) were not found. Install the distribution's "
                "package (Debian/Ubuntu: apt-get install postgresql) — .ci/run does this.")


def _bin_dir() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    pytest.fail(INSTALL_HINT, pytrace=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgCluster:
    bin_dir: str
    folder: str
    port: int
    user: str = "postgres"

    @property
    def data(self) -> str:
        return os.path.join(self.folder, "data")

    def _as_owner(self, *args: str) -> list[str]:
        cmd = [os.path.join(self.bin_dir, args[0]), *args[1:]]
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._as_owner(*args), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr or done.stdout}")

    def init(self) -> None:
        os.makedirs(self.data)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
            self.user = "postgres"
        else:
            import getpass
            self.user = getpass.getuser()
        self._run("initdb", "-D", self.data, "-U", self.user, "--auth=trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", self.data, "-o", opts, "-l", os.path.join(self.folder, "server.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return os.path.exists(os.path.join(self.data, "postmaster.pid"))

    def create_database(self, name: str | None = None) -> str:
        import psycopg

        name = name or f"site_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def settings(self, database: str, seat_name: str):
        from evdesk.core.shared_db_settings import SharedDatabaseSettings

        return SharedDatabaseSettings(host="127.0.0.1", port=self.port, database=database, user=self.user,
                                      tls="disable", seat_name=seat_name, enabled=True)

    def destroy(self) -> None:
        if self.running():
            try:
                self.stop("immediate")
            except RuntimeError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


OWNER_FILE = "owner.pid"  # the process that made the cluster: when it is gone, the cluster is left over


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_left_over_clusters(bin_dir: str) -> int:
    """Stop and remove the clusters of test runs that were killed before their clean-up ran (their
    maker is gone). Returns how many were removed."""
    removed = 0
    for folder in glob.glob(os.path.join(tempfile.gettempdir(), "evdesk-pg-*")):
        try:
            owner = int(open(os.path.join(folder, OWNER_FILE)).read().strip())
        except (OSError, ValueError):
            continue  # not ours to judge (no owner written: an older run, or being made right now)
        if _alive(owner):
            continue
        PgCluster(bin_dir, folder, 0).destroy()
        removed += 1
    return removed


def make_cluster() -> PgCluster:
    bin_dir = _bin_dir()
    sweep_left_over_clusters(bin_dir)
    cluster = PgCluster(bin_dir, tempfile.mkdtemp(prefix="evdesk-pg-"), _free_port())
    os.chmod(cluster.folder, 0o755)
    with open(os.path.join(cluster.folder, OWNER_FILE), "w") as f:
        f.write(str(os.getpid()))
    cluster.init()
    cluster.start()
    return cluster


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = make_cluster()
    yield cluster
    cluster.destroy()


@pytest.fixture
def own_pg_cluster():
    """A cluster of the test's own: it may be stopped and started."""
    cluster = make_cluster()
    yield cluster
    cluster.destroy()


@pytest.fixture
def shared_db(pg_cluster) -> tuple[PgCluster, str]:
    return pg_cluster, pg_cluster.create_database()
