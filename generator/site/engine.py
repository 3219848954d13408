"""Run MkDocs on the generated docs folder, in strict mode, and report what it said.

MkDocs runs as a subprocess (`python -m mkdocs`), exactly as a person would run it,
on the configuration salesbook completed (generator/site/engine_config.py), so that
the site stays an ordinary MkDocs project. The offline variant and the serve
problems panel are chosen through environment variables read by mkdocs.yml (`!ENV`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError
from generator.site.engine_config import GENERATED_CONFIG

DOCS_DIR = "build/docs"
"""Where the pages are generated; the configuration salesbook writes points MkDocs there."""

_REPORTED = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
_DOC_FILE = re.compile(r"'([^']+\.md)'")


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


def run_mkdocs(root: Path, site_dir: Path, mode: Mode, sources: dict[str, str]) -> None:
    """Build the site into `site_dir` with `mkdocs build --strict`; raise `BuildError` on any warning."""
    command = mkdocs_command(root, "build", "--strict", "--site-dir", str(site_dir))
    done = subprocess.run(command, cwd=root, env=mkdocs_environment(mode), capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise BuildError("build.mkdocs", output="\n".join(explain(done.stderr + done.stdout, sources)))


def explain(output: str, sources: dict[str, str]) -> list[str]:
    """Return MkDocs' warnings and errors, each led by the content file its page came from."""
    lines = []
    for line in output.splitlines():
        reported = _REPORTED.match(line.strip())
        if not reported:
            continue
        message = reported.group(2).strip()
        page = _DOC_FILE.search(message)
        source = sources.get(page.group(1)) if page else None
        lines.append(f"  {source}: {message}" if source else f"  {message}")
    return lines or [f"  {line}" for line in output.strip().splitlines()[-10:]]
