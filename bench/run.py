"""Benchmarks: how salesbook's cost grows with the knowledge base, against the tools a user would pick instead.

One run measures, side by side on this machine:

* the site build at N = 100, 1,000 and 10,000 items (bench/corpus.py), stage by
  stage, against plain `mkdocs build` of the same Markdown (bench/sitebench.py);
* search in headless Chromium: first-search download, query time, recall at 5
  (bench/searchbench.py);
* incremental regeneration under `salesbook serve` at N = 1,000 (bench/incremental.py);
* Word drafts against pandoc, and a batch of 200 plans (bench/wordbench.py).

It prints the tables (Markdown) and writes bench/out/results.json and
bench/out/results.md. `--quick` stops at N = 1,000.

    .venv/bin/python bench/run.py [--quick] [--sizes 100 1000] [--repeats R]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from incremental import bench_incremental  # noqa: E402
from report import machine, markdown, targets  # noqa: E402
from searchbench import bench_search  # noqa: E402
from sitebench import bench_site, demo_build  # noqa: E402
from wordbench import bench_batch, bench_per_plan, by_archetype  # noqa: E402

FULL_SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 1_000)
REPEATS = {100: 5, 1_000: 3, 10_000: 1}
"""Runs per N: the N = 10,000 builds take minutes each, so one run of each (side by side) keeps the bench under 25 minutes."""
INCREMENTAL_N = 1_000
BATCH = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 100 and 1,000 only")
    parser.add_argument("--sizes", type=int, nargs="+", help="the N to build (default 100 1000 10000)")
    parser.add_argument("--repeats", type=int, help="runs per N for every N (default: 5, 3 and 1)")
    parser.add_argument("--word-runs", type=int, default=5, help="runs per Word measurement (default 5)")
    parser.add_argument("--edits", type=int, default=2, help="edits of each kind in the incremental bench (default 2)")
    parser.add_argument("--skip", nargs="+", default=[], choices=["site", "search", "incremental", "word"], help="parts to leave out")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="where corpora, sites and results go (default bench/out)")
    args = parser.parse_args()
    if not Path("/usr/bin/pandoc").exists() or not Path("/usr/bin/chromium").exists():
        sys.exit("bench/run.py needs /usr/bin/pandoc and /usr/bin/chromium: run scripts/bootstrap.sh --test")
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    loads: list[float] = []

    def log(message: str) -> None:
        loads.append(os.getloadavg()[0])  # above ~0.5 beyond the bench's own work, someone else shares the cores
        print(f"[{time.perf_counter() - started:6.0f} s, load {loads[-1]:.1f}] {message}", file=sys.stderr, flush=True)

    results: dict = {"machine": machine(), "quick": args.quick, "sizes": list(sizes), "site": {}, "search": {}, "load_average": loads}
    if "word" not in args.skip:
        results["word"] = word(out / "word", args.word_runs, log)
    if "search" not in args.skip:
        demo_items, demo_site = demo_build(out / "demo")
        results["search_demo"] = bench_search(demo_site) | {"items": demo_items}
        log(f"demo content alone ({demo_items} items): search measured")
    for n in sizes:
        folder = out / f"n{n}"
        if "site" not in args.skip:
            results["site"][str(n)] = bench_site(n, folder, args.repeats or REPEATS.get(n, 1), log).summary()
        if "search" not in args.skip and (folder / "site").is_dir():
            results["search"][str(n)] = bench_search(folder / "site") | {"lunr_index_bytes": results["site"].get(str(n), {}).get("lunr_index_bytes", 0)}
            log(f"N={n}: search measured")
        if n == INCREMENTAL_N and "incremental" not in args.skip:
            results["incremental"] = bench_incremental(folder / "repo", args.edits, log)
    results["seconds"] = time.perf_counter() - started
    results["targets"] = targets(results)
    table = markdown(results)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "results.md").write_text(table, encoding="utf-8")
    print(table)
    log(f"done; wrote {out / 'results.json'} and {out / 'results.md'}")


def word(folder: Path, runs: int, log) -> dict:  # type: ignore[no-untyped-def]
    """Time Word drafts per plan against pandoc, then a batch of plans."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    cases = bench_per_plan(runs)
    log(f"Word: {len(cases)} documents timed against pandoc")
    batch = bench_batch(folder, BATCH)
    log(f"Word: batch of {batch['plans']} plans in {batch['wall_s']:.1f} s")
    return {"runs": runs, "cases": cases, "archetypes": by_archetype(cases), "batch": batch}


if __name__ == "__main__":
    main()
