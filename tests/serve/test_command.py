"""``eventwire serve`` as a user runs it: a subprocess on a free loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tests.serve.conftest import free_port


def test_serve_command_binds_loopback_and_answers(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "e.duckdb"),
         "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2)
                break
            except httpx.ConnectError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "eventwire serve did not start"
                time.sleep(0.1)
        assert stats.json()["events"] == 0
        posted = httpx.post(f"http://127.0.0.1:{port}/articles", json={"text": "x"})
        assert posted.status_code == 403  # no API key: read-only
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert f"at http://127.0.0.1:{port}/ - read-only (no API key)" in err


def test_serve_command_reports_a_store_it_cannot_open(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("hello", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(bad), "--port", "0"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
