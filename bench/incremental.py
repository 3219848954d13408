"""Incremental regeneration: `salesbook serve` running, one YAML file changed, what follows.

The real `salesbook serve` runs on a built repository. One case study is edited
twice per round: its `challenge` text (shown on its own page only), then its
title (shown wherever it is linked). For each edit the bench measures the time
from saving the file until its regenerated Markdown page is on disk, and until
the preview serves the new HTML; and it lists every file rewritten under
build/docs, against the pages that depend on the item: its own page and every
page that links to it or shows its title.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from measure import median

UPDATED = re.compile(r"updated (\d+) page")
TIMEOUT = 300.0


@dataclass
class Edit:
    """What one edit caused."""

    kind: str
    markdown_s: float
    html_s: float
    rewritten: list[str]
    dependents: list[str]

    @property
    def only_dependents(self) -> bool:
        return set(self.rewritten) <= set(self.dependents)


class Preview:
    """`salesbook serve` in a child process, its messages collected as they come."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        command = [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{self.port}", "--lang", "en"]
        env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.updates: list[int] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            found = UPDATED.search(line)
            if found:
                self.updates.append(int(found.group(1)))

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def bench_incremental(root: Path, rounds: int, log) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Run the preview on the repository at `root` and edit one case study `rounds` times each way."""
    source = sorted((root / "content" / "case-studies").glob("case-study-*.yaml"))[7]
    original = source.read_text(encoding="utf-8")
    item_id = source.stem
    page = f"case-studies/{item_id}.md"
    started = time.perf_counter()
    preview = Preview(root)
    edits: list[Edit] = []
    try:
        _wait_for(lambda: _fetch(preview.url(f"case-studies/{item_id}/")) is not None, "the preview to start")
        log(f"incremental: preview ready after {time.perf_counter() - started:.1f} s")
        for round_ in range(rounds):
            for kind in ("text", "title"):
                marker = f"基准修订{round_}{kind}"
                edits.append(_edit(preview, source, page, item_id, kind, marker))
                log(f"incremental {kind} edit {round_ + 1}/{rounds}: Markdown on disk {edits[-1].markdown_s:.2f} s, "
                    f"HTML served {edits[-1].html_s:.2f} s, {len(edits[-1].rewritten)} file(s) rewritten")
    finally:
        preview.stop()
        source.write_text(original, encoding="utf-8")
    by_kind = {kind: [e for e in edits if e.kind == kind] for kind in ("text", "title")}
    return {
        kind: {
            "markdown_s": median([e.markdown_s for e in found]),
            "html_s": median([e.html_s for e in found]),
            "rewritten": max(len(e.rewritten) for e in found),
            "dependents": len(found[-1].dependents),
            "only_dependents": all(e.only_dependents for e in found),
            "rewritten_files": found[-1].rewritten,
        }
        for kind, found in by_kind.items()
    } | {"rounds": rounds, "pages": sum(1 for _ in (root / "build" / "docs").rglob("*.md"))}


def _edit(preview: Preview, source: Path, page: str, item_id: str, kind: str, marker: str) -> Edit:
    """Change one field of `source`, then wait for the Markdown page and the served HTML to show it."""
    docs = preview.root / "build" / "docs"
    before = _snapshot(docs)
    title = yaml.safe_load(source.read_text(encoding="utf-8"))["title"]
    dependents = sorted({page} | {p for p in before if p.endswith(".md") and _mentions(docs / p, item_id, title)})
    updates = len(preview.updates)
    start = time.perf_counter()
    _rewrite(source, "challenge" if kind == "text" else "title", marker)
    _wait_for(lambda: marker in (docs / page).read_text(encoding="utf-8"), "the page to be regenerated", interval=0.005)
    markdown_s = time.perf_counter() - start
    _wait_for(lambda: marker in (_fetch(preview.url(f"case-studies/{item_id}/")) or ""), "the preview to serve the page", interval=0.05)
    html_s = time.perf_counter() - start
    _wait_for(lambda: len(preview.updates) > updates, "the preview's report")
    after = _snapshot(docs)
    rewritten = sorted(p for p in after.keys() | before.keys() if after.get(p) != before.get(p))
    return Edit(kind, markdown_s, html_s, rewritten, dependents)


def _rewrite(source: Path, field: str, marker: str) -> None:
    """Append `marker` to one field, writing the file as bench/corpus.py writes it."""
    comment, _, body = source.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(body)
    data[field] = f"{data[field]}{marker}"
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)
    source.write_text(f"{comment}\n{text}", encoding="utf-8")


def _mentions(path: Path, item_id: str, title: str) -> bool:
    text = path.read_text(encoding="utf-8")
    return f"{item_id}.md" in text or title in text


def _snapshot(docs: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(docs).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in docs.rglob("*") if p.is_file()}


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition, what: str, interval: float = 0.2) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(interval)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
