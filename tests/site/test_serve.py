"""`salesbook serve`: an edit to one YAML file shows in the browser; a mistake shows there until fixed.

The same with `--engine zensical`, where Zensical's own server serves the pages and
salesbook indexes them for its search after each rebuild.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, expect
from playwright.sync_api import Error as PlaywrightError

from generator.atomic import exclusive
from generator.site.engine import DOCS_DIR
from tests.helpers import edit, salesbook
from tests.site.browser import SEARCH_INPUT, Hit, open_tab, search

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


def _start(root: Path, port: int, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_an_edit_shows_in_the_preview_and_a_mistake_in_the_browser_until_fixed(demo_copy: Path, browser: Browser) -> None:
    port = _free_port()
    server = _start(demo_copy, port)
    sop = demo_copy / "content/sops/payment-collection.yaml"
    mistake = ("content/sops/payment-collection.yaml:3:6: YAML 语法错误：`title` 后面是中文冒号“：”，YAML 只认英文冒号加空格："
               "改成 `title: 回款与应收账款管理（修订版）`")
    try:
        page_url = f"http://127.0.0.1:{port}/sops/payment-collection/"
        _wait_for(page_url, "回款与应收账款管理", 60)
        edit(sop, "title: 回款与应收账款管理", "title: 回款与应收账款管理（修订版）")
        _wait_for(page_url, "回款与应收账款管理（修订版）", 60)
        tab = open_tab(browser, width=390, height=844).page
        tab.goto(page_url)
        assert tab.locator(".sb-problems").count() == 0
        edit(sop, "title: 回款与应收账款管理（修订版）", "title：回款与应收账款管理（修订版）")
        panel = tab.locator(".sb-problems")
        panel.wait_for(state="visible", timeout=60_000)
        assert panel.locator("h2").inner_text() == "内容有 1 个错误"
        assert panel.locator("li").all_inner_texts() == [mistake]
        assert "回款与应收账款管理（修订版）" in tab.locator("article h1").inner_text()  # the last good page stays under the panel
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / "serve-problems-390.png"))
        edit(sop, "title：回款与应收账款管理（修订版）", "title: 回款与应收账款管理（修订版）")
        panel.wait_for(state="detached", timeout=60_000)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    lines = output.splitlines()
    assert mistake in lines and "内容有 1 个错误，网站保持上一次的版本；改好后会自动更新" in lines  # the terminal says it too
    assert f"预览已启动：http://127.0.0.1:{port}/　修改内容后浏览器会自动刷新，按 Ctrl+C 退出" in lines
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


def _search_until(browser: Browser, url: str, query: str, title: str, seconds: float) -> list[Hit]:
    """Return the results of searching `query` on the page at `url` once one is titled `title` (each try in a fresh tab).

    A try that the preview's reload interrupts (Zensical reloads the page as it rebuilds it) is tried again.
    """
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        tab = open_tab(browser, width=390, height=844).page
        try:
            tab.goto(url)
            tab.click("label.md-header__button[for=__search]")  # Zensical's theme opens the search panel from the magnifier
            tab.wait_for_selector(SEARCH_INPUT, state="visible", timeout=5_000)
            hits = search(tab, query)
        except PlaywrightError:
            hits = []
        finally:
            tab.context.close()
        if any(hit.page == title for hit in hits):
            return hits
        time.sleep(0.5)
    raise AssertionError(f"no result titled {title!r} for {query!r} within {seconds} s")


def test_the_zensical_preview_shows_an_edit_finds_it_and_lists_a_mistake(demo_copy: Path, browser: Browser) -> None:
    port = _free_port()
    server = _start(demo_copy, port, "--engine", "zensical")
    sop = demo_copy / "content/sops/payment-collection.yaml"
    page_url = f"http://127.0.0.1:{port}/sops/payment-collection/"
    try:
        _wait_for(page_url, "回款与应收账款管理", 120)
        tab = open_tab(browser, width=390, height=844).page
        tab.goto(page_url)
        edit(sop, "title: 回款与应收账款管理", "title: 回款与应收账款管理（修订版）")
        expect(tab.locator("article h1")).to_contain_text("（修订版）", timeout=120_000)  # the open page reloaded by itself
        _search_until(browser, page_url, "修订版", "回款与应收账款管理（修订版）", 120)
        edit(sop, "title: 回款与应收账款管理（修订版）", "title：回款与应收账款管理（修订版）")
        panel = tab.locator(".sb-problems")
        panel.wait_for(state="visible", timeout=120_000)
        assert panel.locator("h2").inner_text() == "内容有 1 个错误"
        assert "回款与应收账款管理（修订版）" in tab.locator("article h1").inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / "serve-zensical-problems-390.png"))
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    lines = output.splitlines()
    assert f"预览已启动：http://127.0.0.1:{port}/　修改内容后浏览器会自动刷新，按 Ctrl+C 退出" in lines
    assert "内容有 1 个错误，网站保持上一次的版本；改好后会自动更新" in lines
    assert "Serving" not in output and "Build started" not in output  # Zensical's own English start-up lines stay quiet


def test_the_form_is_refused_on_the_zensical_preview_before_anything_is_written(demo_copy: Path) -> None:
    run = salesbook("serve", "--engine", "zensical", "--cms", cwd=demo_copy)
    assert run.code == 2
    assert run.err.strip() == (
        "salesbook: --cms 暂时只能用 MkDocs 引擎：Zensical 的预览每次更新后都会重新载入所有打开的页面，表单里正在填写、还没保存的内容会丢失。请去掉 --engine zensical 或 --cms"
    )
    assert not (demo_copy / DOCS_DIR).exists()


def test_a_preview_whose_port_is_taken_stops_and_says_what_to_do(demo_copy: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        run = salesbook("serve", "--engine", "zensical", "-a", address, cwd=demo_copy, timeout=300)
    assert run.code == 1
    assert run.err.splitlines()[-1] == (
        f"salesbook: 预览服务器意外停止（退出码 1），原因见上面它的报告；如果是地址 {address} 已被占用，用 -a 换一个端口，如 -a 127.0.0.1:8001"
    )
    assert "Address already in use" in run.err  # Zensical's own report stays visible
