"""Helpers shared by the tests: fixture repositories and running the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).parent.parent


@dataclass
class Run:
    """The outcome of one `salesbook` invocation."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def salesbook(*args: str | Path, cwd: Path | None = None, stdin: str | None = None, timeout: float = 1200, env: dict[str, str | None] | None = None) -> Run:
    """Run the real `salesbook` command in a subprocess (in Chinese unless `env` says otherwise)."""
    environment = {**os.environ, "SALESBOOK_LANG": "zh", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd or REPO_ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
        env={name: value for name, value in environment.items() if value is not None},
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def copy_fixture(name: str, destination: Path) -> Path:
    """Copy fixture repository `name` into `destination` and return its root."""
    root = destination / name
    shutil.copytree(FIXTURES / name, root)
    return root


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (relative path -> text or bytes) under `root`."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file at `path`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
