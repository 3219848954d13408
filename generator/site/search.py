"""Search indexes: Pagefind for the served site, Material's lunr search offline.

Pagefind's extended build segments Chinese (a word inside a longer word is still
found) and the browser downloads only the index chunks a query needs. Opened
from disk (file://) a browser cannot fetch those chunks, so the offline build
uses Material's search, whose worker runs through the iframe-worker shim; the
shim is fetched from the npm registry at build time, checked against a pinned
hash and served from the site itself.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.errors import BuildError
from generator.npm import NpmPackage

SHIM = NpmPackage("iframe-worker", "1.0.4", "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==")
SHIM_VERSION = SHIM.version
SHIM_MEMBER = "package/shim/index.js"
SHIM_TARGET = "assets/iframe-worker.js"
"""Where the shim is served from (site_config/overrides/main.html links it)."""


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
    target = docs / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(SHIM.member(cache, SHIM_MEMBER))
    return target
