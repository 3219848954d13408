"""Both site engines side by side: `salesbook build --no-pdf --engine mkdocs|zensical` on the same content.

For the demo and for a synthetic corpus of N items (bench/corpus.py), each engine builds
the site `repeats` times through the real CLI (Word drafts included, LibreOffice left out,
so the only difference is the engine); wall time is the median, memory the largest sampled
sum over the build's process tree. Of the last build: the site's size without the Word
downloads and the CMS, and the weight of a case-study page as a first visit loads it
(its HTML plus the style sheets and scripts it links, raw and gzip-compressed).

    .venv/bin/python bench/enginebench.py [--n 1000] [--repeats 1] [--out /tmp/enginebench]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from corpus import REPO, copy_demo
from measure import median, run_measured

BENCH = Path(__file__).resolve().parent
ENGINES = ("mkdocs", "zensical")
LEFT_OUT = ("downloads", "admin")
"""Folders both engines copy unchanged (Word drafts, Decap CMS): not the engine's size."""
LINKED = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"')


def build(root: Path, engine: str) -> dict[str, float]:
    """Build the site of `root` with `engine`; return its wall time and peak memory."""
    command = [str(Path(sys.executable).parent / "salesbook"), "build", "--no-pdf", "--engine", engine, "-d", str(root / f"site-{engine}")]
    measured = run_measured(command, cwd=root, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    return {"seconds": measured.seconds, "peak_mb": measured.tree_peak_mb}


ENGINE_STAGE = """
import sys
from pathlib import Path
from generator.site.engine import Mode, run_engine
root, engine, site = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
site.mkdir(parents=True, exist_ok=True)
run_engine(engine, root, site, Mode(), {})
"""
"""The engine stage alone, on the Markdown and configuration the last build left in build/ (search and sanitiser included)."""


def engine_stage(root: Path, engine: str) -> dict[str, float]:
    """Run only `engine` on the pages already generated under `root`/build; return its wall time and peak memory."""
    site = root / "build" / f"engine-{engine}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(root / "build" / ".cache", ignore_errors=True)  # Zensical's render cache: every build starts cold
    measured = run_measured([sys.executable, "-c", ENGINE_STAGE, str(root), engine, str(site)], cwd=root, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    shutil.rmtree(site, ignore_errors=True)
    return {"seconds": measured.seconds, "peak_mb": measured.tree_peak_mb}


def with_npm_cache(root: Path) -> Path:
    """Copy this checkout's downloaded npm tarballs (Decap CMS) into `root`, so builds do not download them."""
    shutil.copytree(REPO / "build" / "cache", root / "build" / "cache", dirs_exist_ok=True)
    return root


def site_mb(site: Path) -> float:
    """Return the size of the site in MB, the folders both engines copy unchanged left out."""
    files = [p for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] not in LEFT_OUT]
    return sum(p.stat().st_size for p in files) / 1e6


def page_weight_kb(site: Path, page: str) -> tuple[float, float]:
    """Return what a first visit of `page` loads from `site` (HTML, CSS, JS), raw and gzip-compressed, in KB."""
    html = (site / page / "index.html").read_bytes()
    assets = {urljoin(f"/{page}", link).lstrip("/") for link in LINKED.findall(html.decode("utf-8")) if "://" not in link}
    bodies = [html, *((site / asset).read_bytes() for asset in sorted(assets) if (site / asset).is_file())]
    return sum(map(len, bodies)) / 1e3, sum(len(gzip.compress(b)) for b in bodies) / 1e3


def measure(root: Path, repeats: int) -> dict[str, dict[str, float]]:
    """Build `root` with each engine `repeats` times, alternating; return the figures per engine."""
    runs: dict[str, list[dict[str, float]]] = {engine: [] for engine in ENGINES}
    for _ in range(repeats):
        for engine in ENGINES:
            runs[engine].append(build(root, engine))
    stages = {engine: engine_stage(root, engine) for engine in ENGINES}
    case = sorted((root / "content" / "case-studies").glob("*.yaml"))[0].stem
    figures = {}
    for engine, measured in runs.items():
        site = root / f"site-{engine}"
        raw, packed = page_weight_kb(site, f"case-studies/{case}/")
        figures[engine] = {
            "build_s": round(median([m["seconds"] for m in measured]), 1),
            "peak_mb": round(max(m["peak_mb"] for m in measured)),
            "engine_s": round(stages[engine]["seconds"], 1),
            "engine_peak_mb": round(stages[engine]["peak_mb"]),
            "site_mb": round(site_mb(site), 1),
            "pages": len(list(site.rglob("index.html"))),
            "case_page_kb": round(raw),
            "case_page_gzip_kb": round(packed),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="items in the synthetic corpus")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/enginebench"))
    args = parser.parse_args()
    demo = copy_demo(args.out / "demo")
    corpus = args.out / f"n{args.n}"
    subprocess.run([sys.executable, str(BENCH / "corpus.py"), str(args.n), str(corpus), "--with-demo"], check=True, capture_output=True)
    results = {"demo": measure(with_npm_cache(demo), args.repeats), f"n={args.n}": measure(with_npm_cache(corpus), args.repeats)}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
