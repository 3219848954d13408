"""Site build at one N: salesbook's staged build against plain `mkdocs build` of the same Markdown.

Each repeat runs the two builds back to back: salesbook's (bench/stages.py, a
child process; its wall time from start to exit is the total, start-up included),
then MkDocs alone on the very Markdown salesbook has just written, with the same
mkdocs.yml and Material's own search, as a team without salesbook would build
the same pages. The ratio is taken per pair, then the median of the pairs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from measure import load_json, median, run_measured

BENCH = Path(__file__).resolve().parent
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass
class SiteRun:
    """The measurements of one salesbook build and the plain build beside it."""

    total: float
    stages: dict[str, float]
    peak_mb: dict[str, float]
    plain: float
    plain_peak_mb: float
    pages: int
    searchable: int

    @property
    def ratio(self) -> float:
        return self.total / self.plain


@dataclass
class SiteResult:
    """Every run at one N, and the sizes of what the last run built."""

    n: int
    items: int
    runs: list[SiteRun] = field(default_factory=list)
    sizes: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        """Return medians of the runs, with the sizes."""
        stages = {name: median([r.stages[name] for r in self.runs]) for name in self.runs[0].stages}
        peaks = {name: max(r.peak_mb[name] for r in self.runs) for name in self.runs[0].peak_mb}
        return {
            "n": self.n,
            "items": self.items,
            "repeats": len(self.runs),
            "pages": self.runs[-1].pages,
            "searchable": self.runs[-1].searchable,
            "total_s": median([r.total for r in self.runs]),
            "stages_s": stages,
            "startup_s": median([r.total - sum(r.stages.values()) for r in self.runs]),
            "plain_s": median([r.plain for r in self.runs]),
            "ratio": median([r.ratio for r in self.runs]),
            "ratio_spread": [min(r.ratio for r in self.runs), max(r.ratio for r in self.runs)],
            "peak_mb": peaks,
            # the build's own process stays alive while MkDocs runs
            "peak_total_mb": max(peaks["generate"] + peaks["mkdocs"], max(peaks.values())),
            "plain_peak_mb": max(r.plain_peak_mb for r in self.runs),
            **self.sizes,
        }


def make_corpus(n: int, root: Path) -> int:
    """Write the synthetic repository of `n` items (the demo's among them); return the item count."""
    subprocess.run([sys.executable, str(BENCH / "corpus.py"), str(n), str(root), "--with-demo"], check=True, capture_output=True)
    return items(root)


def items(root: Path) -> int:
    """Return how many items (plans aside) the repository at `root` holds."""
    folders = [root / "content" / name for name in ("products", "faqs", "case-studies", "sops")] + [root / "playbooks"]
    return sum(len(list(folder.glob("*.yaml"))) for folder in folders)


def demo_build(folder: Path) -> tuple[int, Path]:
    """Build the demo content alone (no synthetic items); return its item count and its site."""
    from corpus import copy_demo

    root = copy_demo(folder / "repo")
    salesbook_build(root, folder / "site")
    return items(root), folder / "site"


def salesbook_build(root: Path, site: Path) -> dict:
    """Run `salesbook build` stage by stage in a child process; return its report plus the child's wall time."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(BENCH / "stages.py"), str(root), str(site)], cwd=root,
                          capture_output=True, text=True, env=os.environ | QUIET, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"salesbook build failed at {root}:\n{done.stderr[-3000:]}")
    return load_json(done.stdout) | {"wall": wall}


def plain_build(root: Path, site: Path) -> tuple[float, float]:
    """Run plain `mkdocs build` (Material's own search) on the Markdown already in build/docs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESBOOK_")} | QUIET
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)]
    measured = run_measured(command, cwd=root, env=env)
    return measured.seconds, measured.peak_mb


def bench_site(n: int, folder: Path, repeats: int, log) -> SiteResult:  # type: ignore[no-untyped-def]
    """Build the corpus of `n` items `repeats` times each way; return every measurement."""
    root, site, plain_site = folder / "repo", folder / "site", folder / "plain-site"
    started = time.perf_counter()
    result = SiteResult(n, make_corpus(n, root))
    log(f"N={n}: corpus of {result.items} items written in {time.perf_counter() - started:.1f} s")
    for repeat in range(repeats):
        built = salesbook_build(root, site)
        plain, plain_peak = plain_build(root, plain_site)
        run = SiteRun(built["wall"], built["seconds"], built["peak_mb"], plain, plain_peak, built["pages"], built["searchable"])
        result.runs.append(run)
        log(f"N={n} run {repeat + 1}/{repeats}: salesbook {run.total:.1f} s "
            f"({', '.join(f'{k} {v:.1f}' for k, v in run.stages.items())}), plain mkdocs {plain:.1f} s, ratio {run.ratio:.2f}")
    result.sizes = sizes(site, plain_site)
    return result


def sizes(site: Path, plain_site: Path) -> dict[str, float]:
    """Return the sizes (bytes) of both sites, a typical item page and the search indexes."""
    case_pages = [p.stat().st_size for p in (site / "case-studies").glob("*/index.html")]
    lunr_index = plain_site / "search" / "search_index.json"
    return {
        "site_bytes": _bytes(site),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "plain_site_bytes": _bytes(plain_site),
        "page_html_bytes": statistics.median(case_pages),
        "page_html_max_bytes": max(case_pages),
        "plain_page_html_bytes": statistics.median(p.stat().st_size for p in (plain_site / "case-studies").glob("*/index.html")),
        "search_bytes": _bytes(site / "search"),
        "lunr_index_bytes": lunr_index.stat().st_size if lunr_index.is_file() else 0,
    }


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
