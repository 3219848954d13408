"""A hostile case study: its scripts, handlers, frames and script links never run or load."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.helpers import edit
from tests.site.browser import open_tab, serve
from tests.site.conftest import build

CASE = "content/case-studies/yangtze-auto-parts-predictive-maintenance.yaml"
HOSTILE_CHALLENGE = """challenge: |
  恶意链接 [点我](javascript:alert(1)) 和 [再点](JaVaScRiPt:alert(6)) 以及 [数据](data:text/html,x)。
  <iframe src="http://evil.example/"></iframe>
  <img src=x onerror=alert(2)> <svg onload=alert(8)>
  ![图](javascript:alert(4)) <javascript:alert(5)> [正常](https://example.com/a)
  [引用链接][bad]

  [bad]: javascript:alert(3)

"""
TEMPLATE_SYNTAX = "solution: |\n  模板语法 {{ 7*7 }} 与 {% for x in range(3) %}loop{% endfor %} 原样显示。\n"


def test_a_hostile_case_study_runs_no_script_and_loads_nothing_from_outside(browser: Browser, demo_copy: Path) -> None:
    edit(demo_copy / CASE, "challenge: |\n", HOSTILE_CHALLENGE)
    edit(demo_copy / CASE, "solution: |\n", TEMPLATE_SYNTAX)
    built = build(demo_copy, demo_copy / "site")
    with serve(built.site) as base:
        visit = open_tab(browser)
        dialogs: list[str] = []
        visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        visit.page.goto(f"{base}case-studies/yangtze-auto-parts-predictive-maintenance/")
        article = visit.page.locator("article")
        for link in article.locator("a[href]").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), href
        assert article.locator("iframe, svg[onload], img[onerror], img[src^='javascript' i]").count() == 0
        text = article.inner_text()
        assert "[点我](javascript:alert(1))" in text and "[bad]: javascript:alert(3)" in text
        assert "模板语法 {{ 7*7 }} 与 {% for x in range(3) %}loop{% endfor %} 原样显示。" in text
        assert article.locator("a[href='https://example.com/a']").count() == 1
        visit.page.wait_for_timeout(300)
        assert dialogs == []
        assert visit.outside(base) == []
