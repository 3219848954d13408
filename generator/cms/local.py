"""The form's local backend: Decap's `decap-server`, installed from a lockfile, run with node.

`salesbook serve --cms` lets a team lead try the form on a checkout: the form saves
through decap-server straight into the working copy. decap-server is installed
once per version with `npm ci` from the lockfile beside this module (every package
pinned by its integrity hash) into build/cache, listens on 127.0.0.1 only, and is
reached only through the gate (generator/cms/guard.py).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from generator.cms.admin import install_admin
from generator.cms.config import MEDIA_FOLDER, Backend
from generator.cms.guard import Gate, serve_gate
from generator.cms.tidy import tidy_file, written_by_form
from generator.errors import BuildError
from generator.models import CONTENT_TYPES
from generator.project import YAML_SUFFIXES, content_files

LOCKED = Path(__file__).parent / "local_backend"
"""package.json and package-lock.json of the local backend."""
ENTRY = Path("node_modules/decap-server/dist/index.js")
STARTUP_SECONDS = 30


def server_version() -> str:
    return json.loads((LOCKED / "package.json").read_text(encoding="utf-8"))["dependencies"]["decap-server"]


def install_local_backend(cache: Path) -> Path:
    """Install decap-server into `cache` unless that exact lockfile is installed; return its script."""
    folder = cache / f"decap-server-{server_version()}"
    lock = (LOCKED / "package-lock.json").read_bytes()
    installed = folder / "package-lock.json"
    if (folder / ENTRY).is_file() and installed.is_file() and installed.read_bytes() == lock:
        return folder / ENTRY
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("cms.no_node", tool="npm")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(LOCKED / name, folder / name)
    command = [npm, "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        installed.unlink(missing_ok=True)  # a half install is retried next time
        raise BuildError("cms.install_failed", output=(done.stderr or done.stdout).strip())
    return folder / ENTRY


def start_local_backend(root: Path, cache: Path, port: int) -> subprocess.Popen[bytes]:
    """Start decap-server on 127.0.0.1:`port` over the working copy at `root`; wait until it answers."""
    script = install_local_backend(cache)
    node = shutil.which("node")
    if node is None:
        raise BuildError("cms.no_node", tool="node")
    environment = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root.resolve()), "MODE": "fs", "LOG_LEVEL": "warn"}
    server = subprocess.Popen([node, str(script)], cwd=root, env=environment)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not _answers(port):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            server.wait()
            raise BuildError("cms.backend_failed", port=port)
        time.sleep(0.2)
    return server


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class LocalForm:
    """The form on a checkout: /admin/ in the preview, decap-server behind it, its files tidied."""

    def __init__(self, root: Path, docs: Path, cache: Path, port: int, preview: str):
        """Serve the form for the preview at `preview` (host:port), its backend behind a gate on `port`."""
        self.root = root
        self.cache = cache
        self.port = port
        self.install(docs)
        self.texts = {path: path.read_text(encoding="utf-8", errors="replace") for path, kind in content_files(root) if kind}
        backend_port = _free_port()
        self.server = start_local_backend(root, cache, backend_port)
        folders = (*(t.folder for t in CONTENT_TYPES), MEDIA_FOLDER)
        self.gate = serve_gate(Gate(_origins(preview), folders), port, backend_port)

    def install(self, docs: Path) -> None:
        """Put /admin/ into the docs folder, configured to save through this local backend."""
        install_admin(self.root, self.cache, docs, Backend(local_url=f"http://127.0.0.1:{self.port}/api/v1"))

    def tidy(self, changed: set[Path]) -> list[Path]:
        """Tidy the changed content files the form wrote (they start without the schema line); return them."""
        tidied = []
        for path in sorted(p for p in changed if p.is_file() and p.suffix in YAML_SUFFIXES):
            if written_by_form(path) and tidy_file(path, self.root, self.texts.get(path)):
                tidied.append(path)
            self.texts[path] = path.read_text(encoding="utf-8", errors="replace")
        return tidied

    def stop(self) -> None:
        self.gate.shutdown()
        self.gate.server_close()
        self.server.terminate()
        self.server.wait(timeout=10)


def _origins(preview: str) -> set[str]:
    """Return the origins a browser sends from the preview (127.0.0.1 and localhost are the same machine)."""
    host, _, port = preview.rpartition(":")
    hosts = {host, "127.0.0.1", "localhost"} if host in ("127.0.0.1", "localhost") else {host}
    return {f"http://{name}:{port}" for name in hosts}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
