"""`salesbook serve`: an edit to one YAML file shows in the browser within seconds."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from generator.atomic import exclusive
from generator.site.engine import DOCS_DIR
from tests.helpers import edit
from tests.site.browser import open_tab

SHOTS = Path(__file__).parent.parent.parent / "build" / "screenshots"


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


def _start(root: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_an_edit_shows_in_the_preview_within_seconds(demo_copy: Path) -> None:
    port = _free_port()
    server = _start(demo_copy, port)
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
    assert "content/sops/payment-collection.yaml:5:11: reviewed: `上周` 不是日期：写成 YYYY-MM-DD，如 `2026-11-03`" in output.splitlines()
    assert "内容有 1 个错误，网站保持上一次的版本；改好后会自动更新" in output.splitlines()


def test_the_browser_lists_the_problems_until_they_are_fixed(demo_copy: Path, browser: Browser) -> None:
    port = _free_port()
    server = _start(demo_copy, port)
    sop = demo_copy / "content/sops/payment-collection.yaml"
    try:
        page_url = f"http://127.0.0.1:{port}/sops/payment-collection/"
        _wait_for(page_url, "回款与应收账款管理", 60)
        tab = open_tab(browser, width=390, height=844).page
        tab.goto(page_url)
        assert tab.locator(".sb-problems").count() == 0
        edit(sop, "title: 回款与应收账款管理", "title：回款与应收账款管理")
        panel = tab.locator(".sb-problems")
        panel.wait_for(state="visible", timeout=40_000)
        assert panel.locator("h2").inner_text() == "内容有 1 个错误"
        assert panel.locator("li").all_inner_texts() == [
            "content/sops/payment-collection.yaml:3:6: YAML 语法错误：`title` 后面是中文冒号“：”，YAML 只认英文冒号加空格：改成 `title: 回款与应收账款管理`"
        ]
        assert "回款与应收账款管理" in tab.locator("article h1").inner_text()  # the last good page stays under the panel
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / "serve-problems-390.png"))
        edit(sop, "title：回款与应收账款管理", "title: 回款与应收账款管理")
        panel.wait_for(state="detached", timeout=40_000)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert f"预览已启动：http://127.0.0.1:{port}/　修改内容后浏览器会自动刷新，按 Ctrl+C 退出" in output.splitlines()
    assert "INFO" not in output  # MkDocs' own English log stays quiet


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
