"""`salesbook serve`: an edit to one YAML file shows in the browser within seconds."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.atomic import exclusive
from generator.site.engine import DOCS_DIR
from tests.helpers import edit


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> float:
    """Return how long it took until the page at `url` contained `text`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if text in _fetch(url):
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_an_edit_shows_in_the_preview_within_seconds(demo_copy: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=demo_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/sops/payment-collection/"
        _wait_for(page, "回款与应收账款管理", 60)
        edit(demo_copy / "content/sops/payment-collection.yaml", "title: 回款与应收账款管理", "title: 回款与应收账款管理（修订版）")
        assert _wait_for(page, "回款与应收账款管理（修订版）", 20) < 10
        edit(demo_copy / "content/sops/payment-collection.yaml", "reviewed: ", "reviewed: 上周 #")
        time.sleep(2)
        assert "回款与应收账款管理（修订版）" in _fetch(page)  # the last good version stays up
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "content/sops/payment-collection.yaml:5:11: reviewed: 不是有效日期，格式应为 YYYY-MM-DD" in output.splitlines()
    assert "内容有 1 个错误，网站保持上一次的版本；改好后会自动更新" in output.splitlines()


def test_serve_writes_pages_only_under_the_build_lock(demo_copy: Path) -> None:
    port = _free_port()
    with exclusive(demo_copy):  # as a running `salesbook build` holds it
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=demo_copy, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(8)
            assert not (demo_copy / DOCS_DIR / "index.md").exists()
        except BaseException:
            server.terminate()
            raise
    try:
        _wait_for(f"http://127.0.0.1:{port}/sops/payment-collection/", "回款与应收账款管理", 60)
    finally:
        server.terminate()
        server.communicate(timeout=20)
