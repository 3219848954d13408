"""The demo site built with `--engine zensical`, judged in Chromium like the default build.

Zensical runs no MkDocs plugins: salesbook's search is written from the built pages
and the sanitiser runs as a Markdown extension (generator/site/zensical_run.py). The
same reader's path as with MkDocs must work: home, a case study, a search that finds
the answer, and no request leaving the site — not even to Zensical's own search index.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.site.zensical_run import ZENSICAL_CONFIG
from tests.site.browser import RESULT_LINKS, open_tab, search, serve
from tests.helpers import salesbook
from tests.site.conftest import Built, build, copy_demo
from tests.site.recall import relative, where


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Built, str]]:
    root = copy_demo(tmp_path_factory.mktemp("zensical") / "repo")
    built = build(root, root / "site", "--no-pdf", "--engine", "zensical")
    with serve(built.site) as base:
        yield built, base


def test_zensical_builds_the_same_pages_with_our_search(zensical_site: tuple[Built, str]) -> None:
    built, _ = zensical_site
    assert (built.site / "search" / "meta.js").is_file()
    assert not (built.root / "build" / "zensical-site").exists()
    config = (built.root / ZENSICAL_CONFIG).read_text(encoding="utf-8")
    assert config.count("# Written by salesbook") == 1, config[:300]
    for item in built.repository.items("case-study"):
        assert (built.site / "case-studies" / item.id / "index.html").is_file()


def _indexed_units(site: Path) -> list[list[str]]:
    """Return the units the search index lists: [url, title, page title, section, text, internal]."""
    units = []
    for shard in sorted((site / "search" / "d").glob("*.js"), key=lambda path: int(path.stem)):
        text = shard.read_text(encoding="utf-8")
        units.extend(json.loads(text[text.index(",") + 1 : text.rindex(")")]))
    return units


def test_the_index_read_from_built_pages_names_every_item_as_text(zensical_site: tuple[Built, str]) -> None:
    built, _ = zensical_site
    units = _indexed_units(built.site)
    pages = {url: page for url, _, page, *_ in units}
    for kind, folder in (("case-study", "case-studies"), ("faq", "faqs"), ("sop", "sops")):
        for item in built.repository.items(kind):
            assert pages[f"{folder}/{item.id}/"] == item.title
    assert not [unit for unit in units if "&quot;" in unit[2] or "&amp;" in unit[2]]


def test_a_rep_reads_and_searches_the_zensical_site_on_a_phone_without_leaving_it(browser: Browser, zensical_site: tuple[Built, str]) -> None:
    built, base = zensical_site
    visit = open_tab(browser, 390, 844, is_mobile=True, has_touch=True)
    visit.page.goto(base)
    assert visit.page.locator(".sb-hero__search").is_visible()
    assert visit.page.locator(".md-header__topic").first.inner_text().strip() == "澜拓销售知识库"
    case = built.repository.items("case-study")[0]
    visit.page.goto(f"{base}case-studies/{case.id}/")
    assert visit.page.locator("article h1").inner_text().rstrip("¶").strip() == case.title
    sop = next(i for i in built.repository.items("sop") if "回款" in i.title)
    visit.page.click("label.md-header__button[for=__search]")  # the magnifier opens salesbook's search panel
    hits = search(visit.page, "回款")
    assert where(relative(hits[0].url, base))[0] == f"sops/{sop.id}"
    visit.page.locator(RESULT_LINKS).first.click()
    visit.page.wait_for_url(hits[0].url)
    assert visit.outside(base) == []
    assert not [url for url in visit.requests if url.endswith("search.json")]


def test_the_offline_variant_is_refused_with_zensical_before_anything_is_written(tmp_path: Path) -> None:
    run = salesbook("build", "--offline", "--engine", "zensical", cwd=copy_demo(tmp_path / "repo"))
    assert run.code == 2
    assert "unpkg.com" in run.err and "--offline" in run.err
    assert not (tmp_path / "repo" / "site").exists()
