"""A gate in front of decap-server: only the preview may call it, only in the content folders.

decap-server answers any web page (its CORS allows every origin) and writes anywhere
inside the checkout, `.git/` included. The gate passes a request on only when it
comes from the preview's own address and every path it names lies in a content
folder or the attachments folder; anything else gets 403 and never reaches the disk.
"""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath
from typing import Any

PATH_KEYS = ("path", "folder", "mediaFolder")
"""Keys of decap-server's request parameters that name a file or folder (and `paths`, a list)."""


def paths_in(params: Any) -> list[str]:
    """Return every file or folder path named anywhere in a request's parameters."""
    found: list[str] = []
    if isinstance(params, dict):
        for key, value in params.items():
            if key in PATH_KEYS and isinstance(value, str):
                found.append(value)
            elif key == "paths" and isinstance(value, list):
                found.extend(str(v) for v in value)
            else:
                found.extend(paths_in(value))
    elif isinstance(params, list):
        for value in params:
            found.extend(paths_in(value))
    return found


def inside(path: str, folders: tuple[str, ...]) -> bool:
    """Return whether `path` (relative, as the form sends it) lies within one of `folders`."""
    posix = PurePosixPath(path.replace("\\", "/").lstrip("/"))
    if ".." in posix.parts or not posix.parts:
        return False
    return any(posix == PurePosixPath(f) or PurePosixPath(f) in posix.parents for f in folders)


class Gate:
    """The gate's rules: which origins may call, which folders requests may name."""

    def __init__(self, origins: set[str], folders: tuple[str, ...]):
        self.origins = origins
        self.folders = folders

    def refuses(self, origin: str | None, body: bytes) -> str | None:
        """Return why a request is refused, or None to pass it on."""
        if origin not in self.origins:
            return f"origin {origin!r} may not use the local backend"
        if not body:
            return None
        try:
            request = json.loads(body)
        except ValueError:
            return "not a JSON request"
        outside = [p for p in paths_in(request.get("params", {}) if isinstance(request, dict) else {}) if not inside(p, self.folders)]
        return f"outside the content folders: {', '.join(outside)}" if outside else None


def serve_gate(gate: Gate, port: int, backend_port: int) -> ThreadingHTTPServer:
    """Listen on 127.0.0.1:`port` in a thread, passing what the gate allows to `backend_port`."""

    class Handler(BaseHTTPRequestHandler):
        def do_OPTIONS(self) -> None:  # noqa: N802 - the stdlib's name
            self._pass(b"")

        def do_POST(self) -> None:  # noqa: N802
            self._pass(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _pass(self, body: bytes) -> None:
            reason = gate.refuses(self.headers.get("Origin"), body)
            if reason:
                self._answer(403, {"Content-Type": "application/json"}, json.dumps({"error": reason}).encode())
                return
            connection = http.client.HTTPConnection("127.0.0.1", backend_port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            kept = {k: v for k, v in response.getheaders() if k.lower() not in ("transfer-encoding", "connection", "content-length")}
            self._answer(response.status, kept, response.read())
            connection.close()

        def _answer(self, status: int, headers: dict[str, str], data: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
