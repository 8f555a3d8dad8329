"""A throwaway PostgreSQL server for the tests: initdb in a temp folder, a free loopback port.

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the ``postgres`` user
on a folder it owns. The server is stopped and its folder removed when the tests end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL {name} not found: `make test` installs the postgresql "
                           "Debian package")
    return found[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a superuser URL (without database name) of a fresh server."""
    root = Path(tempfile.mkdtemp(prefix="soviet-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    try:
        subprocess.run(_as_owner([_bin("initdb"), "-D", str(data), "-U", "postgres",
                                  "--auth=trust", "--no-sync", "-E", "UTF8"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        opts = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
                "-c fsync=on -c max_connections=200")
        subprocess.run(_as_owner([_bin("pg_ctl"), "-D", str(data), "-o", opts, "-w", "-t", "60",
                                  "-l", str(root / "log"), "start"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        if data.exists():
            subprocess.run(_as_owner([_bin("pg_ctl"), "-D", str(data), "-m", "immediate",
                                      "-w", "stop"]), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(root, ignore_errors=True)
