"""Search in headless Chromium: recall of the measuring sets, query time, a weak network, and scale.

* recall at 1 and 5: every question typed into the search box of the built site
  (served over HTTP, and the offline build opened from disk), phone viewport,
  as tests/site/test_browser.py does;
* query time: the page's own engine (`SalesbookSearch.engine.search`), timed
  with `performance.now()` over every question, after the index has loaded;
* weak network: Chromium's "Fast 3G" profile (DevTools' preset: 562.5 ms
  latency, 1.44 Mbit/s down) set through CDP `Network.emulateNetworkConditions`
  before the page loads. Three timings: a rep opens the search box and types a
  question (TYPING_SECONDS) — from the query in the box to the results shown;
  the worst case, a query pasted the instant the box opens; a later search. The
  requests and bytes from opening the box to the first results are counted.

    .venv/bin/python bench/searchbench.py [--scale 10000] [--out bench/out/search]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from corpus import TEXTS  # noqa: E402
from measure import median, run_measured  # noqa: E402
from tests.search.node_recall import outcomes as node_outcomes  # noqa: E402
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, SEARCH_INPUT, ask, open_tab, search, serve  # noqa: E402
from tests.site.recall import Question, load_questions, recall, report  # noqa: E402

FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6e6 / 8 * 0.9, "uploadThroughput": 750e3 / 8 * 0.9}
TYPING_SECONDS = 2.0
"""How long a rep takes to type a short question on a phone before the results are timed."""
DEMO_SETS = ("demo-questions.yaml", "keywords.yaml", "tuning.yaml")
SECOND_COMPANY = ("hechui-kitchen", "hechui-kitchen-questions.yaml")
TIMED = """async (queries) => {
  const engine = window.SalesbookSearch.engine;
  await engine.prefetch();
  const times = [];
  for (const query of queries) {
    const start = performance.now();
    await engine.search(query, 10);
    times.push(performance.now() - start);
  }
  return times;
}"""
TIMED_COLD = TIMED.replace("await engine.prefetch();", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, help="also build a synthetic knowledge base of this many items (with the demo's) and measure it")
    parser.add_argument("--text", choices=TEXTS, default=TEXTS[0], help="the synthetic items' text (bench/corpus.py --text)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "search")
    args = parser.parse_args()
    out = args.out.resolve()
    results: dict[str, object] = {}
    demo = build_copy(REPO, out / "demo")
    offline = build_copy(REPO, out / "demo-offline", "--offline")
    second = build_copy(REPO / "tests" / "fixtures" / SECOND_COMPANY[0], out / "second", skeleton=REPO)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results["recall"] = {
                **{f"served {name}": browser_recall(browser, demo, name) for name in DEMO_SETS},
                **{f"offline {name}": browser_recall(browser, offline, name, offline=True) for name in DEMO_SETS},
                f"served {SECOND_COMPANY[1]}": browser_recall(browser, second, SECOND_COMPANY[1]),
                f"offline {SECOND_COMPANY[1]}": browser_recall(browser, build_copy(REPO / "tests" / "fixtures" / SECOND_COMPANY[0], out / "second-offline", "--offline", skeleton=REPO), SECOND_COMPANY[1], offline=True),
            }
            results["query_ms"] = query_times(browser, demo, [q.q for q in load_questions(DEMO_SETS[0])], TIMED)
            results["fast_3g"] = weak_network(browser, demo)
            results["index_bytes"] = sum(p.stat().st_size for p in (demo / "search").rglob("*.js"))
            if args.scale:
                results["scale"] = scale(browser, args.scale, out / f"n{args.scale}-{args.text}", args.text)
        finally:
            browser.close()
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "recall"} | {"recall": {k: v["summary"] for k, v in results["recall"].items()}}, ensure_ascii=False, indent=1))  # type: ignore[index]


def bench_search(site: Path) -> dict[str, object]:
    """Return the search figures of one built site for bench/run.py: query time, first-search download, recall."""
    questions = load_questions(DEMO_SETS[0])
    found = node_outcomes(site, questions)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            timed = query_times(browser, site, [q.q for q in questions], TIMED_COLD)
            with serve(site) as base:
                requests, size = first_search_download(browser, base)
        finally:
            browser.close()
    return {
        "query_ms": timed["median"],
        "query_max_ms": timed["max"],
        "first_search_requests": requests,
        "first_search_bytes": size,
        "recall_at_1": recall(found, 1),
        "recall_at_5": recall(found, 5),
        "queries": len(questions),
    }


def first_search_download(browser: Browser, base: str) -> tuple[int, int]:
    """Return the requests and bytes under /search/ from opening the box to the first results (and the prefetch)."""
    visit = open_tab(browser)
    sizes: dict[str, int] = {}
    visit.page.goto(base)
    visit.page.wait_for_load_state("networkidle")
    visit.page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/search/" in r.url and r.ok else None)
    search(visit.page, "客户一直拖着不付款怎么办")
    visit.page.wait_for_load_state("networkidle")
    visit.page.context.close()
    return len(sizes), sum(sizes.values())


def build_copy(source: Path, folder: Path, *options: str, skeleton: Path | None = None) -> Path:
    """Copy a content repository (with this repository's templates and site config), build it; return the site."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("content", "playbooks", "site_config"):
        if (source / name).is_dir():
            shutil.copytree(source / name, folder / name)
    skeleton = skeleton or source
    shutil.copytree(skeleton / "templates", folder / "templates")
    shutil.copy(skeleton / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("overrides", "search.yaml"):
        target = folder / "site_config" / name
        if not target.exists():
            (shutil.copytree if (skeleton / "site_config" / name).is_dir() else shutil.copy)(skeleton / "site_config" / name, target)
    subprocess.run([sys.executable, "-m", "generator", "build", "-d", "site", *options], cwd=folder, check=True, capture_output=True)
    return folder / "site"


def browser_recall(browser: Browser, site: Path, name: str, offline: bool = False) -> dict[str, object]:
    """Type every question of the set into the search box; return recall and each miss."""
    questions = load_questions(name)
    if offline:
        return _recall(browser, site.resolve().as_uri() + "/", "index.html", questions, name)
    with serve(site) as base:
        return _recall(browser, base, "", questions, name)


def _recall(browser: Browser, base: str, home: str, questions: list[Question], name: str) -> dict[str, object]:
    visit = open_tab(browser, **PHONE)
    found = ask(visit.page, base + home, base, questions)
    visit.page.context.close()
    return {"recall_at_1": recall(found, 1), "recall_at_5": recall(found, 5), "summary": report(name, found).splitlines()[-1], "report": report(name, found)}


def query_times(browser: Browser, site: Path, queries: list[str], script: str) -> dict[str, float]:
    """Return the engine's query times (ms) in the page: median and max."""
    with serve(site) as base:
        visit = open_tab(browser)
        visit.page.goto(base)
        times = visit.page.evaluate(script, queries)
        visit.page.context.close()
    return {"median": median(times), "max": max(times), "queries": len(times)}


def weak_network(browser: Browser, site: Path) -> dict[str, float]:
    """Return the Fast 3G timings (s) and the requests and bytes of a first search."""
    with serve(site) as base:
        typed, requests, size = _first_search(browser, base, TYPING_SECONDS)
        pasted, _, _ = _first_search(browser, base, 0.0)
    return {"typed_s": typed[0], "later_s": typed[1], "pasted_s": pasted[0], "requests": requests, "bytes": size}


def _first_search(browser: Browser, base: str, typing: float) -> tuple[tuple[float, float], int, int]:
    visit = open_tab(browser, **PHONE)
    page: Page = visit.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", FAST_3G)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/search/" in r.url and r.ok else None)
    page.keyboard.press("/")
    page.wait_for_selector(SEARCH_INPUT, state="visible")
    time.sleep(typing)
    first = _timed_search(page, "客户一直拖着不付款怎么办")
    page.wait_for_load_state("networkidle")
    requests, size = len(sizes), sum(sizes.values())
    time.sleep(typing)
    later = _timed_search(page, "老客户再卖一个产品")
    page.context.close()
    return (first, later), requests, size


def _timed_search(page: Page, query: str) -> float:
    """Return the seconds from the query in the box to its first screen of results shown."""
    start = time.perf_counter()
    page.fill(SEARCH_INPUT, query)
    page.wait_for_function("q => document.querySelector('[data-sb-search-result]').dataset.shown === q", arg=query, timeout=60_000)
    seconds = time.perf_counter() - start
    search(page, query, timeout=60)  # and the whole list
    return seconds


def scale(browser: Browser, n: int, folder: Path, text: str = "copied") -> dict[str, object]:
    """Build a synthetic knowledge base of `n` items (the demo's among them, the rest's text as `bench/corpus.py --text`
    says); return memory, time, query time, recall."""
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(n), str(folder / "repo"), "--with-demo", "--text", text], check=True, capture_output=True)
    built = run_measured([sys.executable, "-m", "generator", "build", "--no-pdf", "-d", "site"], cwd=folder / "repo")  # search, not LibreOffice, is measured
    site = folder / "repo" / "site"
    questions = load_questions(DEMO_SETS[0])
    found = node_outcomes(site, questions)
    index = sorted((p.stat().st_size for p in (site / "search").rglob("*.js")), reverse=True)
    return {
        "items": n,
        "build_s": built.seconds,
        "peak_mb": built.tree_peak_mb,
        "peak_pss_mb": built.tree_peak_pss_mb,
        "index_bytes": sum(index),
        "largest_shard_bytes": index[0],
        "query_ms": query_times(browser, site, [q.q for q in questions], TIMED_COLD),
        "recall_at_1": recall(found, 1),
        "recall_at_5": recall(found, 5),
    }


if __name__ == "__main__":
    main()
