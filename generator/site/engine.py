"""Run the site engine on the generated docs folder, in strict mode, and report what it said.

MkDocs runs in a subprocess on the configuration salesbook completed
(generator/site/engine_config.py), so that the site stays an ordinary MkDocs project:
`build` through MkDocs' Python API (generator/site/mkdocs_run.py), which hands back
each warning as a JSON record, `serve` as its own command. The offline variant and the
serve problems panel are chosen through environment variables read by mkdocs.yml (`!ENV`).
Zensical (generator/site/zensical_run.py) reads the same configuration, variables
included; the functions here that take an `engine` pick what each engine needs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BuildError, UsageError
from generator.site.engine_config import GENERATED_CONFIG, write_config

if TYPE_CHECKING:
    from generator.site.zensical_run import ServedIndex

MKDOCS = "mkdocs"
ZENSICAL = "zensical"
ENGINES = (MKDOCS, ZENSICAL)
"""The site engines: MkDocs 1.6 + Material (the default), and Zensical, Material's successor (generator/site/zensical_run.py)."""

DOCS_DIR = "build/docs"
"""Where the pages are generated; the configuration salesbook writes points MkDocs there."""

_DOC_FILE = re.compile(r"'([^']+\.md)'")
"""How MkDocs names a page inside a message ("Doc file 'faqs/x.md' contains ...")."""


@dataclass(frozen=True)
class Mode:
    """Which variant of the site MkDocs builds."""

    offline: bool = False
    """Links that work opened from disk (file://)."""
    problems_panel: bool = False
    """The panel listing the content's current problems over every page (serve)."""

    def environment(self) -> dict[str, str]:
        return {
            "SALESBOOK_OFFLINE": str(self.offline).lower(),
            "SALESBOOK_PROBLEMS_PANEL": str(self.problems_panel).lower(),
            "NO_MKDOCS_2_WARNING": "1",  # Material's banner about MkDocs 2.0; mkdocs<2 is pinned
        }


def mkdocs_command(root: Path, verb: str, *args: str) -> list[str]:
    """Return the command line that runs MkDocs `verb` on the repository at `root`."""
    return [sys.executable, "-m", "mkdocs", verb, "--config-file", str(root / GENERATED_CONFIG), *args]


def mkdocs_environment(mode: Mode) -> dict[str, str]:
    """Return this process's environment plus the variables mkdocs.yml reads for `mode`."""
    return {**os.environ, **mode.environment()}


def require_supported(engine: str, mode: Mode, form: bool = False) -> None:
    """Raise `UsageError` for a variant `engine` cannot build without a request leaving the site, or cannot serve with the form."""
    if engine == ZENSICAL and mode.offline:
        raise UsageError("usage.engine_offline")
    if engine == ZENSICAL and form:
        raise UsageError("usage.engine_cms")


def write_serve_config(engine: str, root: Path, docs: Path) -> None:
    """Write the configuration `engine` serves the pages in `docs` from (unchanged files are not rewritten)."""
    write_config(root, docs)
    if engine == ZENSICAL:
        from generator.site.zensical_run import SERVE_CONFIG, SERVE_OUTPUT_DIR, write_zensical_config

        write_zensical_config(root, SERVE_CONFIG, SERVE_OUTPUT_DIR)


def start_server(engine: str, root: Path, address: str, mode: Mode) -> subprocess.Popen[bytes]:
    """Start `engine`'s own server on the site at `address`, reloading the browser on change; only its warnings reach the terminal."""
    if engine == ZENSICAL:
        from generator.site.zensical_run import SERVE_CONFIG

        command = [sys.executable, "-m", "zensical", "serve", "--config-file", str(root / SERVE_CONFIG), "--dev-addr", address]
        quiet = subprocess.DEVNULL  # Zensical's "Serving on" and "Build started" lines (its warnings go to stderr)
    else:
        command = mkdocs_command(root, "serve", "--dev-addr", address, "--livereload", "--watch-theme", "--dirty", "--quiet")
        quiet = None
    return subprocess.Popen(command, cwd=root, env=mkdocs_environment(mode), stdout=quiet)


def served_index(engine: str, root: Path, docs: Path) -> ServedIndex | None:
    """Return the search index salesbook keeps for the pages `engine` serves (None: MkDocs' plugin keeps its own)."""
    if engine != ZENSICAL:
        return None
    from generator.site.zensical_run import ServedIndex

    return ServedIndex(root, docs)


def run_engine(engine: str, root: Path, site_dir: Path, mode: Mode, sources: dict[str, str]) -> None:
    """Build the site with `engine` (one of `ENGINES`) into `site_dir`; raise `BuildError` on any warning."""
    if engine == ZENSICAL:
        from generator.site.zensical_run import run_zensical  # the search indexer it loads costs the CLI a second at start-up

        run_zensical(root, site_dir, root / DOCS_DIR, mkdocs_environment(mode))
    else:
        run_mkdocs(root, site_dir, mode, sources)


def run_mkdocs(root: Path, site_dir: Path, mode: Mode, sources: dict[str, str]) -> None:
    """Build the site into `site_dir` as `mkdocs build --strict` would; raise `BuildError` on any warning."""
    command = [sys.executable, "-m", "generator.site.mkdocs_run", str(root / GENERATED_CONFIG), str(site_dir)]
    done = subprocess.run(command, cwd=root, env=mkdocs_environment(mode), capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        records = [record for line in done.stdout.splitlines() if (record := _record(line))]
        lines = explain(records, sources) or [f"  {line}" for line in done.stderr.strip().splitlines()[-10:]]
        raise BuildError("build.mkdocs", output="\n".join(lines))


def _record(line: str) -> dict[str, str] | None:
    """Return the record mkdocs_run wrote on `line`, or None for anything else a plugin printed."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and "message" in record else None


def explain(records: list[dict[str, str]], sources: dict[str, str]) -> list[str]:
    """Return MkDocs' warnings and errors, each led by the content file its page came from."""
    lines = []
    for record in records:
        message = record["message"].strip()
        page = _DOC_FILE.search(message)
        source = sources.get(page.group(1)) if page else None
        lines.append(f"  {source}: {message}" if source else f"  {message}")
    return lines
