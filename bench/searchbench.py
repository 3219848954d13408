"""Search on the built site in headless Chromium: first-search download, query time, recall at 5.

The site is served on 127.0.0.1 by tests/site/browser.py's server and driven with
its helpers, as the site tests do; every query is one of the development set's.

* download: a fresh browser tab opens the home page and searches; the bytes of
  every response under /pagefind/ are summed (script, WebAssembly, metadata,
  index chunks, the fragments of the results shown);
* query time: in the page, Pagefind's own API, as salesbook-search.js calls it:
  `search(q)` then `data()` of the ten results shown, timed with
  `performance.now()`; loading the engine is timed apart, and the number of
  pages each query matches is kept (Pagefind scores every one of them);
* recall at 5: through the search box, as a rep types (tests/site/recall.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from measure import median  # noqa: E402
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, open_tab, search, serve  # noqa: E402
from tests.site.recall import Outcome, Query, load_queries, recall_at_5  # noqa: E402

TIMED_QUERIES = """async (queries) => {
  const started = performance.now();
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  await pagefind.options({ baseUrl: "/", excerptLength: 36 });
  await pagefind.init();
  const load = performance.now() - started;
  const times = [];
  const matches = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await pagefind.search(query);
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    times.push(performance.now() - start);
    matches.push(found.results.length);
  }
  return { load, times, matches };
}"""


def bench_search(site: Path, download_queries: int = 8) -> dict[str, object]:
    """Return the search measurements of the built site at `site`."""
    queries = load_queries()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            downloads = [first_search_bytes(browser, base, q.query) for q in queries[:download_queries]]
            timed = query_times(browser, base, [q.query for q in queries])
            outcomes, typed = typed_searches(browser, base, queries)
        finally:
            browser.close()
    return {
        "first_search_bytes": median(downloads),
        "first_search_max_bytes": max(downloads),
        "download_queries": len(downloads),
        "engine_load_ms": timed["load"],
        "first_query_ms": timed["times"][0],
        "query_ms": median(timed["times"]),
        "query_max_ms": max(timed["times"]),
        "matching_pages": median(timed["matches"]),
        "query_ms_each": dict(zip([q.query for q in queries], timed["times"], strict=True)),
        "matching_pages_each": dict(zip([q.query for q in queries], timed["matches"], strict=True)),
        "typed_ms": median(typed),
        "recall_at_5": recall_at_5(outcomes),
        "missed": [o.query.query for o in outcomes if not o.passed],
        "queries": len(queries),
    }


def first_search_bytes(browser: Browser, base: str, query: str) -> int:
    """Return the bytes a fresh tab downloads from /pagefind/ to answer its first search."""
    visit = open_tab(browser)
    sizes: dict[str, int] = {}
    visit.page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/pagefind/" in r.url and r.ok else None)
    visit.page.goto(base)
    search(visit.page, query)
    visit.page.wait_for_load_state("networkidle")
    visit.page.context.close()
    return sum(sizes.values())


def query_times(browser: Browser, base: str, queries: list[str]) -> dict[str, object]:
    """Return Pagefind's load time and each query's time (ms), measured in the page."""
    visit = open_tab(browser)
    visit.page.goto(base)
    timed = visit.page.evaluate(TIMED_QUERIES, queries)
    visit.page.context.close()
    return timed


def typed_searches(browser: Browser, base: str, queries: list[Query]) -> tuple[list[Outcome], list[float]]:
    """Type every query into the search box; return the outcomes and each one's time to results (ms)."""
    visit = open_tab(browser)
    visit.page.goto(base)
    outcomes, times = [], []
    for query in queries:
        start = time.perf_counter()
        outcomes.append(Outcome(query, search(visit.page, query.query)))
        times.append((time.perf_counter() - start) * 1000)
    visit.page.context.close()
    return outcomes, times
