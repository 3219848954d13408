"""The built site in Debian's headless Chromium: reading, searching, phones, offline.

Every test records each request the page makes and fails on any that leaves the
site: nothing may load from a CDN, Google Fonts or unpkg.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.site.browser import PHONE, RESULT_LINKS, SEARCH_INPUT, ask, open_tab, search, serve
from tests.site.conftest import Built
from tests.site.recall import load_questions, recall, relative, report, where


def _title_with(built: Built, kind: str, word: str) -> tuple[str, str]:
    item = next(i for i in built.repository.items(kind) if word in i.title)
    return item.id, item.title


def test_a_rep_reads_searches_and_follows_a_result_without_leaving_the_site(browser: Browser, served: str, demo_site: Built) -> None:
    visit = open_tab(browser)
    visit.page.goto(served)
    assert visit.page.locator(".sb-hero__search").is_visible()
    case = demo_site.repository.items("case-study")[0]
    visit.page.goto(f"{served}case-studies/{case.id}/")
    assert visit.page.locator("article h1").inner_text().rstrip("¶").strip() == case.title
    sop_id, _ = _title_with(demo_site, "sop", "回款")
    hits = search(visit.page, "回款")
    assert where(relative(hits[0].url, served))[0] == f"sops/{sop_id}"
    visit.page.locator(RESULT_LINKS).first.click()
    visit.page.wait_for_url(hits[0].url)
    assert visit.outside(served) == []


def test_search_finds_a_word_inside_a_longer_word(browser: Browser, served: str, demo_site: Built) -> None:
    plan_id, _ = _title_with(demo_site, "plan", "人才梯队")
    visit = open_tab(browser)
    visit.page.goto(served)
    assert f"plans/{plan_id}" in [where(relative(hit.url, served))[0] for hit in search(visit.page, "梯队")[:5]]


def test_opening_the_search_loads_its_rules_and_a_first_search_what_it_needs(browser: Browser, served: str) -> None:
    visit = open_tab(browser)
    visit.page.goto(served)
    visit.page.wait_for_load_state("networkidle")
    before = len(visit.requests)
    with visit.page.expect_response(lambda response: response.url.endswith("/search/h/0.js")):  # after the rules
        visit.page.keyboard.press("/")
    visit.page.wait_for_load_state("networkidle")
    assert [url for url in visit.requests[before:] if not url.endswith("favicon.png")] == [f"{served}search/meta.js", f"{served}search/h/0.js"]
    before = len(visit.requests)
    assert search(visit.page, "客户嫌贵怎么办")
    visit.page.evaluate("() => window.SalesbookSearch.prefetched")  # the rest of the small index, after the first results
    assert all(url.startswith(f"{served}search/") for url in visit.requests[before:])
    before = len(visit.requests)
    assert search(visit.page, "老客户再卖一个产品")
    assert visit.requests[before:] == []


RECALL_FLOORS = {
    "demo-questions.yaml": (0.83, 0.95),  # 121 and 138 of 145
    "keywords.yaml": (0.95, 1.0),
    "hechui-kitchen-questions.yaml": (0.92, 0.97),  # 38 and 40 of 41
}
"""(recall at 1, recall at 5) each build keeps at least. The targets are 0.8 and 0.95 on the
two sets of rep questions, met on both (bench/RESULTS.md); the demo's at 5 with no question to spare."""


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
@pytest.mark.parametrize("name", list(RECALL_FLOORS))
def test_recall_of_the_reps_questions_on_a_phone(
    browser: Browser, served: str, offline_site: Built, second_company_sites: tuple[Built, Built], name: str, offline: bool, capsys
) -> None:  # type: ignore[no-untyped-def]
    visit = open_tab(browser, **PHONE)
    if name.startswith("hechui"):
        site = second_company_sites[1 if offline else 0].site
        base = site.resolve().as_uri() + "/" if offline else None
    else:
        site = offline_site.site
        base = site.resolve().as_uri() + "/" if offline else served
    with serve(site) if base is None else nullcontext(base) as base:
        outcomes = ask(visit.page, base + ("index.html" if offline else ""), base, load_questions(name))
    with capsys.disabled():
        print(f"\n{'offline' if offline else 'served'}: {report(name, outcomes)}")
    at_1, at_5 = RECALL_FLOORS[name]
    assert recall(outcomes, 1) >= at_1 and recall(outcomes, 5) >= at_5, report(name, outcomes)
    assert visit.outside(base) == []


def test_pages_fit_a_phone_screen(browser: Browser, served: str, demo_site: Built) -> None:
    visit = open_tab(browser, **PHONE, device_scale_factor=2)
    case = demo_site.repository.items("case-study")[0]
    faq = demo_site.repository.items("faq")[0]
    for path in ("", f"case-studies/{case.id}/", "case-studies/", f"faqs/{faq.id}/", "plans/"):
        visit.page.goto(served + path)
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_a_section_index_sorts_and_filters(browser: Browser, served: str, demo_site: Built) -> None:
    visit = open_tab(browser)
    visit.page.goto(f"{served}case-studies/")
    region = demo_site.repository.items("case-study")[0].region
    expected = sum(1 for c in demo_site.repository.items("case-study") if c.region == region)
    visit.page.select_option("select[name=regions]", region)
    rows = visit.page.locator(".sb-index tbody tr:visible")
    assert rows.count() == expected
    assert visit.page.inner_text(".sb-filters__count") == f"显示 {expected} / {len(demo_site.repository.items('case-study'))} 篇"
    visit.page.select_option("select[name=regions]", "")
    visit.page.click(".sb-index th:last-child")
    dates = visit.page.eval_on_selector_all(".sb-index tbody tr td:last-child", "cells => cells.map(c => c.textContent.trim())")
    assert dates == sorted(dates)


def test_the_offline_site_searches_when_opened_from_disk(browser: Browser, offline_site: Built) -> None:
    visit = open_tab(browser)
    home = (offline_site.site / "index.html").resolve()
    visit.page.goto(home.as_uri())
    sop_id, _ = _title_with(offline_site, "sop", "回款")
    hits = search(visit.page, "回款")
    assert hits and Path(hits[0].url.split("#")[0].removeprefix("file://")).name == f"{sop_id}.html"
    assert visit.outside("file://") == []


def test_pinyin_being_composed_is_not_searched_and_the_committed_word_is(browser: Browser, served: str) -> None:
    """As a phone's input method types: kehu shows in the box while composing, then 客户 is committed."""
    visit = open_tab(browser, **PHONE)
    visit.page.goto(served)
    visit.page.keyboard.press("/")
    visit.page.wait_for_selector(SEARCH_INPUT, state="visible")
    ime = visit.page.context.new_cdp_session(visit.page)
    ime.send("Input.imeSetComposition", {"text": "kehu", "selectionStart": 4, "selectionEnd": 4})
    visit.page.wait_for_timeout(500)  # longer than a keystroke's wait: a search would have started
    output = visit.page.locator("[data-sb-search-result]")
    assert visit.page.input_value(SEARCH_INPUT) == "kehu" and output.get_attribute("data-query") in (None, "")
    ime.send("Input.insertText", {"text": "客户"})
    visit.page.wait_for_function("() => document.querySelector('[data-sb-search-result]').dataset.query === '客户'", timeout=10_000)
    assert visit.page.locator(RESULT_LINKS).count() > 0


def test_a_result_on_a_page_only_colleagues_may_see_says_so(browser: Browser, served: str, demo_site: Built) -> None:
    """A rep in front of a customer sees which results are internal before opening them."""
    visit = open_tab(browser, **PHONE)
    visit.page.goto(served)
    search(visit.page, "价格异议")
    badges = visit.page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => [a.href, !!a.querySelector('.sb-result__internal')])")
    internal = {where(relative(url, served))[0].split("/")[0]: flag for url, flag in badges}
    assert internal.get("playbooks") is True and internal.get("faqs") is False, badges
    assert visit.page.locator(".sb-result__internal").first.inner_text() == "内部"
