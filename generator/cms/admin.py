"""The /admin/ folder of the site: Decap CMS served from the site itself, and its configuration.

Decap's browser bundle (with every UI language, Chinese among them) comes from the
npm tarball pinned below; its lazily loaded chunks sit beside it, found through
the script's own address, so the page never asks a CDN for anything.
"""

from __future__ import annotations

from pathlib import Path

from generator.cms.config import Backend, write_config
from generator.config.cms import load_cms_settings
from generator.npm import NpmPackage

DECAP = NpmPackage("decap-cms", "3.16.3", "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==")
BUNDLE_PREFIX = "package/dist/"
BUNDLE_NAME = "decap-cms.js"
ADMIN_FOLDER = "admin"
CONFIG_NAME = "config.yml"

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>表单编辑 · 销售知识库</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body data-pagefind-ignore="all">
  <script src="decap-cms.js"></script>
</body>
</html>
"""


def install_published_admin(root: Path, cache: Path, docs: Path) -> Path | None:
    """Install /admin/ as site_config/cms.yaml asks (nothing when the form is not enabled)."""
    settings = load_cms_settings(root)
    if not settings.enabled:
        return None
    remote = settings.backend.decap() if settings.backend else None
    return install_admin(root, cache, docs, Backend(remote=remote, editorial_workflow=settings.editorial_workflow))


def install_admin(root: Path, cache: Path, docs: Path, backend: Backend) -> Path:
    """Write docs/admin/: the page, the generated configuration and Decap's bundle; return the folder."""
    folder = docs / ADMIN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in DECAP.members(cache, BUNDLE_PREFIX):
        if _served(name):
            _write_if_changed(folder / name, data)
    _write_if_changed(folder / "index.html", PAGE.encode())
    write_config(root, folder / CONFIG_NAME, backend)
    return folder


def _served(name: str) -> bool:
    """Keep the bundle, its chunks and WebAssembly; skip source maps and the duplicate `cms.js` build."""
    if "/" in name or name.endswith(".map"):
        return False
    return name.startswith(BUNDLE_NAME) or name.endswith((f".{BUNDLE_NAME}", ".wasm"))


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write `data` unless the file already holds it (a live preview reloads on every write)."""
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
