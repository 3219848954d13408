"""Build the site with Zensical, then add what MkDocs' plugins add in the default build.

Zensical reads the configuration salesbook completed (build/mkdocs.yml) but runs no
MkDocs plugins and has no --site-dir. So salesbook writes a variant of it,
build/zensical.yml, that builds into build/zensical-site, switches Zensical's own
search off and adds the sanitiser as a Markdown extension
(generator/site/markdown_sanitise.py: the same allow-list as the MkDocs plugin, applied
to each page body as it is rendered). After the build, salesbook's search index is
written from the built pages (generator/search/site.py) and the site is moved into
the staging folder that `build` then swaps in.

`salesbook serve --engine zensical` runs `zensical serve` on a variant of its own
(build/zensical-serve.yml into build/zensical-serve, so that a build beside it does
not take its folder away), and `ServedIndex` writes the search index again each time
Zensical has rebuilt the pages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any

from lxml.etree import LxmlError
from ruamel.yaml import YAML

from generator.errors import BuildError, ContentError
from generator.search.rules import load_rules
from generator.search.site import PANEL_STYLE, index_built_site
from generator.site.engine_config import GENERATED_CONFIG, dump_config

ZENSICAL_CONFIG = "build/zensical.yml"
OUTPUT_DIR = "zensical-site"
"""Where Zensical writes, relative to its configuration (Zensical keeps the output inside the project)."""
SERVE_CONFIG = "build/zensical-serve.yml"
SERVE_OUTPUT_DIR = "zensical-serve"
"""Where `zensical serve` writes the site it serves (it empties the folder when it starts)."""
SANITISER_EXTENSION = "generator.site.markdown_sanitise"
SALESBOOK_PLUGINS = "salesbook/"
"""The MkDocs plugins whose work salesbook does itself after a Zensical build."""


def write_zensical_config(root: Path, name: str = ZENSICAL_CONFIG, output: str = OUTPUT_DIR) -> Path:
    """Write the configuration `name` (building into `output`) from build/mkdocs.yml; return its path.

    An unchanged file is not rewritten: `zensical serve` watches it.
    """
    config = YAML().load((root / GENERATED_CONFIG).read_text(encoding="utf-8"))
    config.ca.comment = None  # the "written by salesbook" line: dump_config writes it again
    config["site_dir"] = output
    plugins = [p for p in config.get("plugins") or [] if not _is_salesbook(p)]
    config["plugins"] = [*plugins, {"search": {"enabled": False}}]  # salesbook's search answers, not Zensical's
    # Zensical checks anchors in the sanitised pages, MkDocs before sanitising: a heading the
    # sanitiser had to drop (hostile markup) would fail only Zensical's build.
    config["validation"] = {**(config.get("validation") or {}), "anchors": "ignore"}
    config["extra_css"] = [*(config.get("extra_css") or []), PANEL_STYLE]  # Zensical's theme has no styles for our search box
    extensions = config.get("markdown_extensions") or []
    config["markdown_extensions"] = [*extensions, SANITISER_EXTENSION]
    path = root / name
    text = dump_config(config)
    if not (path.is_file() and path.read_text(encoding="utf-8") == text):
        path.write_text(text, encoding="utf-8")
    return path


def _is_salesbook(plugin: Any) -> bool:
    name = plugin if isinstance(plugin, str) else next(iter(plugin), "")
    return str(name).startswith(SALESBOOK_PLUGINS)


def run_zensical(root: Path, site_dir: Path, docs: Path, environment: dict[str, str]) -> None:
    """Build the site with Zensical in strict mode, index it, and move it into `site_dir`; raise `BuildError` on failure."""
    config = write_zensical_config(root)
    output = config.parent / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]
    done = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0 or not (output / "index.html").is_file():
        lines = [f"  {line}" for line in (done.stdout + done.stderr).strip().splitlines()[-15:]]
        raise BuildError("build.zensical", output="\n".join(lines))
    rules, problems = load_rules(root)
    if problems:
        raise ContentError(problems)
    index_built_site(output, docs, rules)
    for entry in output.iterdir():
        shutil.move(entry, site_dir / entry.name)
    output.rmdir()


class ServedIndex:
    """Salesbook's search in the site `zensical serve` writes, indexed again whenever its pages have settled.

    The index is written beside the watcher, in a thread of its own: at 1,000 items it takes
    tens of seconds, and edits made meanwhile must still reach the pages.
    """

    def __init__(self, root: Path, docs: Path):
        self.root = root
        self.docs = docs
        self.output = (root / SERVE_CONFIG).parent / SERVE_OUTPUT_DIR
        self.seen: dict[Path, int] = {}
        self.indexed: dict[Path, int] = {}
        self.worker: threading.Thread | None = None

    def refresh(self) -> None:
        """Start indexing the served pages if they changed since the last index but not since the last call.

        Problems in the search rules are `salesbook check`'s to report; the pages then stay as they were.
        """
        if self.worker and self.worker.is_alive():
            return
        pages = self._page_times()
        settled, self.seen = pages == self.seen, pages
        if not pages or not settled or pages == self.indexed:
            return
        self.indexed = pages
        rules, problems = load_rules(self.root)
        if not problems:
            self.worker = threading.Thread(target=self._index, args=(rules,), daemon=True)
            self.worker.start()

    def _index(self, rules: dict[str, Any]) -> None:
        with suppress(OSError, LxmlError):  # a page Zensical is still writing: indexed with the next change
            index_built_site(self.output, self.docs, rules)

    def _page_times(self) -> dict[Path, int]:
        try:
            return {path: path.stat().st_mtime_ns for path in self.output.rglob("*.html")}
        except FileNotFoundError:  # Zensical is emptying the folder or removing a page
            return {}
