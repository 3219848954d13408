"""Hostile content: every payload of the corpus, in every text field, runs nothing in Chromium.

One site per engine (MkDocs + Material, Zensical) is built from the demo content with every text and Markdown field filled
with the payloads of `tests.site.hostile`; every page is opened in Chromium, and a
search for a hostile word is run. No page may raise a dialog, hold an element with
an `on…` attribute, resolve any `href`/`src` to a script or data URL, or load
anything from elsewhere.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser

from generator.site.engine import ENGINES
from tests.site.browser import open_tab, search, serve
from tests.site.conftest import Built, build, copy_demo
from tests.site.hostile import MARKER, PAYLOADS, poison_repository

FINDINGS = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
    for (const key of ["href", "src", "action", "formAction", "data"]) {
      const value = el[key];
      const url = typeof value === "string" ? value : value && value.baseVal;
      if (url && /^\\s*(javascript|data|vbscript):/i.test(url)) found.push(`${el.tagName} ${key}=${url}`);
    }
    const xlink = el.getAttribute("xlink:href");
    if (xlink && /^\\s*(javascript|data|vbscript):/i.test(xlink)) found.push(`${el.tagName} xlink:href=${xlink}`);
  }
  for (const frame of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv], script:not([src])")) {
    if (!frame.closest("head") && !frame.matches("script")) found.push(frame.outerHTML.slice(0, 120));
  }
  return found;
}"""


@pytest.fixture(scope="module", params=ENGINES)
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Built, str]]:
    root = copy_demo(tmp_path_factory.mktemp("hostile") / "repo")
    assert poison_repository(root) > 100
    built = build(root, root / "site", "--no-pdf", "--engine", request.param)  # LibreOffice is judged by the PDF tests; here the browser judges the pages
    with serve(built.site) as base:
        yield built, base


def test_the_corpus_is_large_and_holds_the_five_found_on_main() -> None:
    assert len(PAYLOADS) >= 40
    assert {"[x1](java\nscript:alert(1))", "\\`<img src=x onerror=alert(4)>`"} <= set(PAYLOADS)


def test_no_page_of_a_hostile_site_runs_or_holds_a_script(browser: Browser, hostile_site: tuple[Built, str]) -> None:
    built, base = hostile_site
    pages = sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob("index.html"))
    visit = open_tab(browser)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(f"{visit.page.url}: {dialog.message}"), dialog.dismiss()))
    problems: dict[str, list[str]] = {}
    for page in pages:
        visit.page.goto(base + page.removesuffix("index.html"))
        visit.page.mouse.move(200, 300)  # hover handlers, had any survived
        if found := visit.page.evaluate(FINDINGS):
            problems[page] = found
    visit.page.wait_for_timeout(300)
    assert len(pages) > 40
    assert problems == {}
    assert dialogs == []
    assert visit.outside(base) == []


def test_hostile_text_reaches_its_pages_as_text(browser: Browser, hostile_site: tuple[Built, str]) -> None:
    built, base = hostile_site
    visit = open_tab(browser)
    visit.page.goto(f"{base}case-studies/chongqing-machinery-remote-service/")
    article = visit.page.locator("article")
    lead = article.locator(".sb-lead").inner_text()
    assert lead.startswith(MARKER) and '"><img src=x onerror=alert(43)>' in lead  # a plain field shows as typed
    assert "x1" in article.inner_text() and article.locator("a[href='https://example.com/56']").count() > 0
    product = visit.page.goto(f"{base}products/")
    assert product is not None and product.ok


def test_searching_a_hostile_site_runs_nothing(browser: Browser, hostile_site: tuple[Built, str]) -> None:
    _, base = hostile_site
    visit = open_tab(browser)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visit.page.goto(base)
    assert search(visit.page, "onerror")
    visit.page.wait_for_timeout(300)
    assert visit.page.evaluate(FINDINGS) == []
    assert dialogs == []


def test_word_drafts_of_hostile_plans_link_nowhere_unsafe(hostile_site: tuple[Built, str]) -> None:
    built, _ = hostile_site
    drafts = list((built.site / "downloads").rglob("*.docx"))
    assert drafts
    for draft in drafts:
        with zipfile.ZipFile(draft) as docx:
            for name in docx.namelist():
                if name.endswith(".rels"):
                    targets = re.findall(r'Target="([^"]*)"', docx.read(name).decode("utf-8"))
                    unsafe = [t for t in targets if re.match(r"\s*(javascript|data|vbscript):", html.unescape(unquote(t)), re.I)]
                    assert unsafe == [], (draft, name)


def test_a_case_studys_plain_summary_shows_as_text_on_its_products_pages(browser: Browser, hostile_site: tuple[Built, str]) -> None:
    built, base = hostile_site
    case = built.repository.get("case-study", "chongqing-machinery-remote-service")
    assert case is not None
    visit = open_tab(browser)
    visit.page.goto(f"{base}products/{case.products[0]}/")
    items = [text for text in visit.page.locator("article li").all_inner_texts() if MARKER in text]
    assert items and " ".join(case.summary.split()) in " ".join(items[0].split())
