"""Real HTTP servers for the API tests: uvicorn on a free loopback port, in a thread of the
test's process, or ``soviet serve`` as a process of its own (as a user runs it)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from soviet.api import create_app


def free_ports(n: int) -> list[int]:
    """``n`` distinct ports nothing listens on (held open together, so they differ)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(n)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in sockets]


def free_port() -> int:
    [port] = free_ports(1)
    return port


@contextmanager
def serving(url: str) -> Iterator[str]:
    """The API over the ledger at ``url``, served until the block ends; its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                           log_level="warning", timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def served(url: str, *options: str) -> Iterator[str]:
    """``soviet serve`` (with ``options``) over the ledger at ``url`` in a process of its own,
    until the block ends; its base URL once it answers."""
    port = free_port()
    soviet = str(Path(sys.executable).with_name("soviet"))
    process = subprocess.Popen([soviet, "serve", "--port", str(port), "--db", url, *options],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/api/organisation", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
