"""A demo checkout under git with `salesbook serve --cms` running on it, and a browser."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cms.local import install_local_backend
from tests.contrib.gitrepo import init_repository
from tests.helpers import REPO_ROOT
from tests.site.conftest import copy_demo

STARTUP_SECONDS = 300


@dataclass(frozen=True)
class LocalForm:
    """A checkout served with the form: its root and the preview's base URL."""

    root: Path
    url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "salesbook serve --cms stopped"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def local_form(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalForm]:
    """Start `salesbook serve --cms` on a committed copy of the demo content."""
    root = copy_demo(tmp_path_factory.mktemp("cms") / "repo")
    backend = install_local_backend(REPO_ROOT / "build" / "cache")  # once per checkout, then copied
    installed = backend.parents[2]
    shutil.copytree(installed, root / "build" / "cache" / installed.name, symlinks=True)
    (root / ".gitignore").write_text("/build/\n/site/\n", encoding="utf-8")
    init_repository(root)
    site, api = free_port(), free_port()
    command = [sys.executable, "-m", "generator", "serve", "--cms", "--dev-addr", f"127.0.0.1:{site}", "--cms-port", str(api)]
    server = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"http://127.0.0.1:{site}/admin/config.yml", server)
        yield LocalForm(root, f"http://127.0.0.1:{site}/")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
