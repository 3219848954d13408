"""The bench's report: the machine, the targets judged, the tables (Markdown) and the JSON."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

KB = 1024
MB = 1024 * 1024

OVERHEAD = 1.15
PAGE_HTML_KB = 40
PEAK_MB = 2048
FIRST_SEARCH_KB = 300
QUERY_MS = 100
WORD_RATIO = 0.5
CORES_BUSY = 1.6
"""A batch 'keeps both cores busy' when CPU time ÷ wall time reaches 80 % of two cores over the whole command."""
SCALE_N = 10_000


def machine() -> dict[str, Any]:
    """Describe the machine the bench ran on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / MB, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": platform.platform(),
        "pandoc": _first_line(["/usr/bin/pandoc", "--version"]),
        "chromium": _first_line(["/usr/bin/chromium", "--version"]),
    }


def _first_line(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "?"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Return each target with what was measured and whether it was met."""
    rows: list[dict[str, Any]] = []

    def judge(target: str, measured: str, passed: bool, note: str = "") -> None:
        rows.append({"target": target, "measured": measured, "passed": passed, "note": note})

    sites = results.get("site", {})
    for n, site in sorted(sites.items(), key=lambda kv: int(kv[0])):
        judge(f"generator overhead ≤ {OVERHEAD} × plain mkdocs build (N={int(n):,})", f"{site['ratio']:.3f} × (median of {site['repeats']} pairs; {site['total_s']:.1f} s vs {site['plain_s']:.1f} s)",
              site["ratio"] <= OVERHEAD, f"{(site['ratio'] / OVERHEAD - 1) * 100:+.0f} % against the target")
    scale = sites.get(str(SCALE_N)) or sites.get(SCALE_N)
    if scale:
        judge(f"typical item page HTML ≤ {PAGE_HTML_KB} KB (N={SCALE_N:,})", f"{scale['page_html_bytes'] / KB:.1f} KB", scale["page_html_bytes"] <= PAGE_HTML_KB * KB)
        judge(f"peak memory ≤ 2 GB (N={SCALE_N:,})", f"{scale['peak_total_mb']:.0f} MB", scale["peak_total_mb"] <= PEAK_MB)
    search = results.get("search", {})
    big = search.get(str(SCALE_N)) or search.get(SCALE_N)
    if big:
        judge(f"first search downloads ≤ {FIRST_SEARCH_KB} KB (N={SCALE_N:,})",
              f"{big['first_search_bytes'] / KB:.0f} KB in {big['first_search_requests']} requests", big["first_search_bytes"] <= FIRST_SEARCH_KB * KB)
        judge(f"a query answers in ≤ {QUERY_MS} ms (N={SCALE_N:,})", f"{big['query_ms']:.0f} ms median, {big['query_max_ms']:.0f} ms max",
              big["query_ms"] <= QUERY_MS)
    word = results.get("word")
    if word:
        for kind in ("cold", "warm"):
            worst = max(word["archetypes"].items(), key=lambda kv: kv[1][f"{kind}_ratio"])
            judge(f"Word ≤ {WORD_RATIO} × pandoc per plan, every archetype ({kind} chart cache)",
                  f"worst {worst[0]} {worst[1][f'{kind}_ratio']:.2f} ×", worst[1][f"{kind}_ratio"] <= WORD_RATIO)
        batch = word["batch"]
        judge(f"a batch of {batch['plans']} plans keeps both cores busy (≥ {CORES_BUSY} of {os.cpu_count()})", f"{batch['cores_busy']:.2f} cores",
              batch["cores_busy"] >= CORES_BUSY)
    incremental = results.get("incremental")
    if incremental:
        for kind in ("text", "title"):
            edit = incremental[kind]
            judge(f"one changed file rewrites only its dependents ({kind} edit)", f"{edit['rewritten']} rewritten, {edit['dependents']} dependent", edit["only_dependents"])
    return rows


def markdown(results: dict[str, Any]) -> str:
    """Return the results as Markdown tables."""
    m = results["machine"]
    lines = [f"Measured {m['date']} on {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB memory, Python {m['python']}, "
             f"{m['pandoc']}, {m['chromium']}; `python bench/run.py{' --quick' if results.get('quick') else ''}` took {results['seconds'] / 60:.1f} min"
             f"{_load(results.get('load_average', []))}.", ""]
    lines += ["### Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {'yes' if t['passed'] else '**no**'} |" for t in results["targets"]]
    lines += _site_tables(results.get("site", {})) + _search_table(results.get("search", {}), results.get("search_demo"))
    lines += _incremental_table(results.get("incremental")) + _word_tables(results.get("word"), m["pandoc"])
    return "\n".join(lines) + "\n"


def _load(loads: list[float]) -> str:
    """Say how busy the machine was: the bench itself keeps one or two cores busy, more means company."""
    return f"; 1-minute load average between the parts {min(loads):.1f}–{max(loads):.1f}" if loads else ""


def _site_tables(sites: dict[str, Any]) -> list[str]:
    if not sites:
        return []
    ordered = [sites[n] for n in sorted(sites, key=int)]
    lines = ["", "### Site build (seconds, median of the runs; ratio = median of the side-by-side pairs)", "",
             "| N | pages | runs | load + check | Word downloads | generate Markdown | MkDocs (and search index) | start-up | **salesbook** | plain `mkdocs build` | **ratio** |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in ordered:
        st = s["stages_s"]
        lines.append(f"| {s['n']:,} | {s['pages']:,} | {s['repeats']} | {st['check']:.1f} | {st['downloads']:.1f} | {st['generate']:.1f} | {st['mkdocs']:.1f} | "
                     f"{s['startup_s']:.1f} | **{s['total_s']:.1f}** | {s['plain_s']:.1f} | **{s['ratio']:.2f}** |")
    lines += ["", "### Scale (memory: peak resident set; sizes: bytes of the files)", "",
              "| N | peak, in-process stages | peak, MkDocs (and search index) | **peak, build** | peak, plain build | site | plain site | case-study page HTML (median / max) | plain page | search index: salesbook / lunr JSON |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for s in ordered:
        p = s["peak_mb"]
        lines.append(f"| {s['n']:,} | {p['generate']:.0f} MB | {p['mkdocs']:.0f} MB | **{s['peak_total_mb']:.0f} MB** | {s['plain_peak_mb']:.0f} MB | "
                     f"{s['site_bytes'] / MB:.0f} MB | {s['plain_site_bytes'] / MB:.0f} MB | {s['page_html_bytes'] / KB:.1f} / {s['page_html_max_bytes'] / KB:.1f} KB | "
                     f"{s['plain_page_html_bytes'] / KB:.1f} KB | {s['search_bytes'] / MB:.1f} MB / {s['lunr_index_bytes'] / MB:.1f} MB |")
    return lines


def _search_table(search: dict[str, Any], demo: dict[str, Any] | None) -> list[str]:
    if not search and not demo:
        return []
    lines = ["", "### Search in Chromium (salesbook's engine; demo-questions.yaml, the demo's pages among the N)", "",
             "| N | first search: requests / download | lunr's index instead | query (median / max) | recall at 1 | recall at 5 |",
             "|---|---|---|---|---|---|"]
    rows = ([(f"{demo['items']} (demo only)", demo)] if demo else []) + [(f"{int(n):,}", search[n]) for n in sorted(search, key=int)]
    for label, s in rows:
        lunr = s.get("lunr_index_bytes", 0)
        lines.append(f"| {label} | {s['first_search_requests']} / {s['first_search_bytes'] / KB:.0f} KB | {f'{lunr / MB:.1f} MB' if lunr else '–'} | "
                     f"{s['query_ms']:.0f} / {s['query_max_ms']:.0f} ms | {s['recall_at_1']:.2f} | {s['recall_at_5']:.2f} |")
    return lines


def _incremental_table(incremental: dict[str, Any] | None) -> list[str]:
    if not incremental:
        return []
    lines = ["", f"### Incremental (`salesbook serve`, N=1,000, {incremental['pages']:,} pages; median of {incremental['rounds']} edits each)", "",
             "| edit | Markdown page on disk | new HTML served | pages rewritten | pages depending on the item | only dependents |", "|---|---|---|---|---|---|"]
    for kind, label in (("text", "a case study's challenge text"), ("title", "a case study's title")):
        e = incremental[kind]
        lines.append(f"| {label} | {e['markdown_s']:.2f} s | {e['html_s']:.2f} s | {e['rewritten']} | {e['dependents']} | {'yes' if e['only_dependents'] else '**no**'} |")
    return lines


def _word_tables(word: dict[str, Any] | None, pandoc: str) -> list[str]:
    if not word:
        return []
    lines = ["", f"### Word drafts (ms per plan, median of {word['runs']} runs; {pandoc} with the same reference doc, one process per plan)", "",
             "| archetype | plans | pandoc | salesbook, charts drawn | ratio | salesbook, charts cached | ratio |", "|---|---|---|---|---|---|---|"]
    for archetype, a in word["archetypes"].items():
        lines.append(f"| {archetype} | {a['plans']} | {a['pandoc_ms']:.0f} | {a['cold_ms']:.0f} | {a['cold_ratio']:.2f} | {a['warm_ms']:.0f} | {a['warm_ratio']:.2f} |")
    b = word["batch"]
    lines += ["", f"Batch: `salesbook docx` on {b['plans']} plans (charts drawn): {b['wall_s']:.1f} s wall ({b['per_plan_ms']:.0f} ms per plan), "
              f"{b['cores_busy']:.2f} cores busy, peak {b['peak_process_mb']:.0f} MB in the largest process, {b['peak_total_mb']:.0f} MB all processes together."]
    return lines
