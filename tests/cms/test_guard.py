"""The gate in front of decap-server: the preview's origin only, the content folders only."""

from __future__ import annotations

import json

import pytest

from generator.cms.guard import Gate, inside, paths_in

GATE = Gate({"http://127.0.0.1:8000"}, ("content/case-studies", "content/faqs", "assets"))


def request(action: str, **params: object) -> bytes:
    return json.dumps({"action": action, "params": params}).encode()


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("content/case-studies/acme.yaml", True),
        ("content/case-studies", True),
        ("assets/x.pdf", True),
        ("content/case-studies/../../scripts/bootstrap.sh", False),
        (".git/hooks/pre-commit", False),
        ("/etc/passwd", False),
        ("content/case-studies-old/x.yaml", False),
        ("", False),
    ],
)
def test_only_paths_in_the_content_folders_pass(path: str, allowed: bool) -> None:
    assert inside(path, GATE.folders) is allowed


def test_every_path_a_request_names_is_found() -> None:
    params = {"entry": {"path": "a"}, "assets": [{"path": "b"}], "dataFiles": [{"path": "c"}], "paths": ["d"], "mediaFolder": "e", "folder": "f"}
    assert sorted(paths_in(params)) == ["a", "b", "c", "d", "e", "f"]


def test_a_save_from_the_preview_into_a_content_folder_passes() -> None:
    body = request("persistEntry", entry={"path": "content/case-studies/acme.yaml", "raw": "id: acme\n"}, assets=[])
    assert GATE.refuses("http://127.0.0.1:8000", body) is None


def test_a_save_outside_the_content_folders_is_refused() -> None:
    body = request("persistEntry", entry={"path": ".git/hooks/pre-commit", "raw": "#!/bin/sh\n"}, assets=[])
    assert GATE.refuses("http://127.0.0.1:8000", body) == "outside the content folders: .git/hooks/pre-commit"


@pytest.mark.parametrize("origin", [None, "https://evil.example", "http://127.0.0.1:8001"])
def test_other_pages_may_not_call_the_backend(origin: str | None) -> None:
    assert GATE.refuses(origin, request("info")) == f"origin {origin!r} may not use the local backend"
