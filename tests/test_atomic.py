"""Builds are atomic: a killed or failed build leaves the previous output exactly as it was,
and two builds at once do not corrupt each other."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import edit, salesbook
from tests.site.conftest import copy_demo

CASE = "content/case-studies/yangtze-auto-parts-predictive-maintenance.yaml"


def tree_digest(folder: Path) -> dict[str, str]:
    """Return every file under `folder` with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_staging(parent: Path, name: str, process: subprocess.Popen[str], timeout: float = 120) -> Path:
    """Wait until the build has a staging folder beside `parent/name` with something in it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in parent.glob(f".{name}.salesbook-staging-*"):
            if any(folder.iterdir()):
                return folder
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("the build never started writing")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("atomic") / "repo")
    run = salesbook("build", cwd=root)
    assert run.code == 0, run.err
    return root


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill", "term"])
def test_an_interrupted_build_leaves_the_old_site_exactly_as_it_was(built: Path, how: signal.Signals) -> None:
    before = tree_digest(built / "site")
    edit(built / CASE, "title: ", "title: 改过的")
    try:
        process = start(built, "build")
        wait_for_staging(built, "site", process)
        process.send_signal(how)
        process.communicate(timeout=60)
        assert tree_digest(built / "site") == before
        if how == signal.SIGTERM:
            assert process.returncode == 130
            assert list(built.glob(".site.salesbook-staging-*")) == []  # cleaned up on the way out
    finally:
        edit(built / CASE, "title: 改过的", "title: ")
    assert salesbook("build", cwd=built).code == 0
    assert list(built.glob(".site.salesbook-staging-*")) == []  # the next build removes what a kill left


def test_a_failed_build_leaves_the_old_site(built: Path) -> None:
    before = tree_digest(built / "site")
    edit(built / CASE, "region: 华东区", "region: 火星")
    try:
        run = salesbook("build", cwd=built)
        assert run.code == 1 and "火星" in run.out
    finally:
        edit(built / CASE, "region: 火星", "region: 华东区")
    assert tree_digest(built / "site") == before


def test_two_builds_at_once_both_succeed_and_leave_a_whole_site(built: Path) -> None:
    first, second = start(built, "build"), start(built, "build")
    outputs = [first.communicate(timeout=300), second.communicate(timeout=300)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    pages = sorted(p.relative_to(built / "site").as_posix() for p in (built / "site").rglob("index.html"))
    assert len(pages) > 50 and "case-studies/yangtze-auto-parts-predictive-maintenance/index.html" in pages
    assert (built / "site" / "search" / "meta.js").is_file()
    assert list(built.glob(".site.salesbook-staging-*")) == []


def test_a_killed_word_batch_leaves_the_old_documents(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "repo")
    out = tmp_path / "docx"
    assert salesbook("docx", "-o", out, cwd=root).code == 0
    before = tree_digest(out)
    for plan in (root / "content/plans").glob("*.yaml"):
        edit(plan, "\ntitle: ", "\ntitle: 改过的")
    process = start(root, "docx", "-o", str(out))
    wait_for_staging(tmp_path, "docx", process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert tree_digest(out) == before
