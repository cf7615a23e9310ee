"""Serve fixtures: an app on a stub pipeline (TestClient, no socket), and a live uvicorn server
on a free loopback port for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.store.stub import StubPipeline

from eventwire.config import Settings, load_settings

API_KEY = "test-key-0123456789"


def settings_for(db: Path, **overrides: Any) -> Settings:
    return load_settings({"db": str(db), **overrides}, config_file=Path("/nonexistent"), environ={})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(app: Any) -> LiveServer:
    """uvicorn serving ``app`` in a thread on a free loopback port, started when this returns."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


@pytest.fixture
def stub() -> StubPipeline:
    return StubPipeline()


@pytest.fixture
def make_client(tmp_path: Path, stub: StubPipeline) -> Iterator[Any]:
    """``make_client(**settings)`` -> a TestClient on a fresh DuckDB store, stub pipeline."""
    from fastapi.testclient import TestClient

    from eventwire.serve import create_app

    clients: list[Any] = []

    def make(**overrides: Any) -> Any:
        app = create_app(settings_for(tmp_path / "events.duckdb", **overrides), pipeline=stub)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
