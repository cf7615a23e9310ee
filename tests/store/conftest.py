"""Store fixtures: every store test runs against DuckDB and against a throwaway PostgreSQL.

The PostgreSQL server is started once per session from Debian's ``postgresql`` package
(``initdb`` + ``pg_ctl`` on a loopback port, in a temporary folder, as a non-root user); each
test gets a fresh database in it. Without the binaries (or a user to run them as), the
PostgreSQL cases skip and say why; under ``EVENTWIRE_STRICT=1`` they fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store, open_store

PG_USER_ENV = "EVENTWIRE_TEST_PG_OS_USER"  # OS user that runs the server when tests run as root
_counter = itertools.count()


def _pg_bin() -> Path | None:
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _os_user() -> str | None:
    """Who runs the server: ourselves, or (as root, since initdb refuses root) another user."""
    if os.geteuid() != 0:
        return None
    for name in (os.environ.get(PG_USER_ENV), "postgres", "eventwire-test"):
        if name:
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "eventwire-test"],
        check=True,
        capture_output=True,
    )
    return "eventwire-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self) -> None:
        bindir = _pg_bin()
        if bindir is None:
            raise RuntimeError(
                "PostgreSQL binaries not found (initdb/pg_ctl): install Debian's 'postgresql' "
                "package (apt-get install -y postgresql)"
            )
        self.bindir = bindir
        self.user = _os_user()
        self.root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        if self.user:
            info = pwd.getpwnam(self.user)
            os.chown(self.root, info.pw_uid, info.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", "eventwire", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
            "-w", "-t", "60", "start",
        )  # fmt: skip
        self.base = f"postgresql://eventwire@127.0.0.1:{self.port}"

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")

    def new_database(self) -> str:
        """A fresh, empty schema (much faster than a database) and a URL that selects it."""
        import psycopg

        name = f"t{os.getpid()}_{next(_counter)}"
        with psycopg.connect(f"{self.base}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{self.base}/postgres?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-t", "10", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | str]:
    """The session's PostgreSQL server, or the reason none could be started."""
    try:
        server = PgServer()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        yield f"no PostgreSQL server for the store tests: {exc}"
        return
    try:
        yield server
    finally:
        server.stop()


def _postgres_url(pg_server: PgServer | str) -> str:
    if isinstance(pg_server, str):
        if os.environ.get("EVENTWIRE_STRICT") == "1":
            pytest.fail(pg_server)
        pytest.skip(pg_server)
    return pg_server.new_database()


@pytest.fixture(params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store: a DuckDB file, or a new PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "events.duckdb")
    return _postgres_url(request.getfixturevalue("pg_server"))


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened
