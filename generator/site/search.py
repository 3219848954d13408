"""Search indexes: Pagefind for the served site, Material's lunr search offline.

Pagefind's extended build segments Chinese (a word inside a longer word is still
found) and the browser downloads only the index chunks a query needs. Opened
from disk (file://) a browser cannot fetch those chunks, so the offline build
uses Material's search, whose worker runs through the iframe-worker shim; the
shim is fetched from the npm registry at build time, checked against a pinned
hash and served from the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import subprocess
import tarfile
import urllib.request
from pathlib import Path

from generator.errors import BuildError

SHIM_VERSION = "1.0.4"
SHIM_INTEGRITY = "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q=="
"""The npm `dist.integrity` of iframe-worker 1.0.4; a download that differs is refused."""
SHIM_MEMBER = "package/shim/index.js"
SHIM_TARGET = "assets/iframe-worker.js"
"""Where the shim is served from (site_config/overrides/main.html links it)."""
DEFAULT_REGISTRY = "https://registry.npmjs.org"


def index_with_pagefind(site_dir: Path) -> int:
    """Index the built site with Pagefind (extended: Chinese segmentation); return the page count."""
    from pagefind_bin_extended import get_executable

    command = [str(get_executable()), "--site", str(site_dir), "--exclude-selectors", ".headerlink"]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise BuildError("build.pagefind", output=(done.stderr or done.stdout).strip())
    indexed = re.search(r"Indexed (\d+) pages?", done.stdout)
    return int(indexed.group(1)) if indexed else 0


def install_shim(cache: Path, docs: Path) -> Path:
    """Put iframe-worker's shim into the docs folder, downloading it once into `cache`."""
    tarball = cache / f"iframe-worker-{SHIM_VERSION}.tgz"
    if not tarball.is_file() or not _intact(tarball.read_bytes()):
        data = _download(tarball.name)
        cache.mkdir(parents=True, exist_ok=True)
        tarball.write_bytes(data)
    with tarfile.open(fileobj=io.BytesIO(tarball.read_bytes()), mode="r:gz") as archive:
        member = archive.extractfile(SHIM_MEMBER)
        if member is None:
            raise BuildError("build.shim_broken", file=str(tarball))
        shim = member.read()
    target = docs / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(shim)
    return target


def _download(name: str) -> bytes:
    registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY
    url = f"{registry.rstrip('/')}/iframe-worker/-/{name}"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            data = response.read()
    except OSError as error:
        raise BuildError("build.shim_download", version=SHIM_VERSION, url=url, error=str(error), file=name) from None
    if not _intact(data):
        raise BuildError("build.shim_integrity", url=url)
    return data


def _intact(data: bytes) -> bool:
    algorithm, expected = SHIM_INTEGRITY.split("-", 1)
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected
