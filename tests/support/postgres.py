"""A throwaway PostgreSQL cluster for tests: initdb into a temporary
directory, start it on 127.0.0.1 with a free port (unix sockets in the same
directory), hand out one fresh database per test, stop and remove it at the
end.  PostgreSQL refuses to run as root, so as root the binaries run as the
`postgres` user."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_GLOBS = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql*/bin")


def find_bindir() -> Path | None:
    """The directory of initdb and pg_ctl, or None where PostgreSQL is absent."""
    for pattern in BIN_GLOBS:
        for d in sorted(glob.glob(pattern), reverse=True):
            if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
                return Path(d)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="nianbao-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = None
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            self.user = pwd.getpwnam("postgres")
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
            os.chmod(self.root, 0o700)

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_cluster() -> PostgresCluster | None:
    """A running cluster, or None where no PostgreSQL binaries exist."""
    bindir = find_bindir()
    if bindir is None:
        return None
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
    except Exception:
        shutil.rmtree(cluster.root, ignore_errors=True)
        raise
    return cluster


_SHARED: list[PostgresCluster | None] = []


def shared_cluster() -> PostgresCluster | None:
    """One cluster for the whole test session (every conftest asks here),
    stopped and removed when the session's process exits."""
    if not _SHARED:
        import atexit

        cluster = start_cluster()
        if cluster is not None:
            atexit.register(cluster.stop)
        _SHARED.append(cluster)
    return _SHARED[0]
