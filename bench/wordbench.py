"""Word drafts: milliseconds per plan against pandoc (bench/docx_bench.py's measurements), and a batch of plans.

* per plan: run in a child process (`python bench/wordbench.py --runs R`), which
  calls docx_bench's own timers on every demo plan and blank draft: pandoc on the
  same content written as Markdown with the reference doc, then salesbook with an
  empty chart cache (cold) and a full one (warm), side by side;
* batch: a repository holding BATCH copies of the demo plans, each copy with its
  figures scaled so that its charts differ (sums still add up); the real
  `salesbook docx` renders them all, with an empty chart cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def bench_per_plan(runs: int) -> list[dict[str, object]]:
    """Return, per demo plan and blank draft, pandoc's and salesbook's median milliseconds."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--runs", str(runs)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Word per-plan bench failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def by_archetype(cases: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    """Return per archetype the median times of its filled plans (its blank draft when it has none)."""
    from measure import median

    result = {}
    for archetype in sorted({str(c["archetype"]) for c in cases}):
        mine = [c for c in cases if c["archetype"] == archetype and not c["blank"]] or [c for c in cases if c["archetype"] == archetype]
        pandoc, cold, warm = (median([float(c[k]) for c in mine]) for k in ("pandoc_ms", "cold_ms", "warm_ms"))
        result[archetype] = {"plans": len(mine), "pandoc_ms": pandoc, "cold_ms": cold, "warm_ms": warm,
                             "cold_ratio": cold / pandoc, "warm_ratio": warm / pandoc}
    return result


def plan_batch(root: Path, copies: int) -> int:
    """Write a repository at `root` holding `copies` plans made from the demo's; return how many."""
    from corpus import copy_demo

    copy_demo(root)
    plans = sorted((REPO / "content" / "plans").glob("*.yaml"))
    for index in range(copies - len(plans)):
        source = plans[index % len(plans)]
        comment, _, body = source.read_text(encoding="utf-8").partition("\n")
        data = yaml.safe_load(body)
        data["id"] = f"{data['id']}-team{index:03d}"
        for breakdown in data.get("breakdowns") or []:
            _scale(breakdown, 2 + index // len(plans))
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)
        (root / "content" / "plans" / f"{data['id']}.yaml").write_text(f"{comment}\n{text}", encoding="utf-8")
    return len(list((root / "content" / "plans").glob("*.yaml")))


def _scale(breakdown: dict, factor: int) -> None:
    """Multiply a breakdown's figures (not its XX blanks) by `factor`: another chart, the same sums."""
    for holder in [breakdown, *breakdown.get("rows", [])]:
        for key in ("total", "amount"):
            if isinstance(holder.get(key), (int, float)) and not isinstance(holder.get(key), bool):
                holder[key] *= factor


def bench_batch(folder: Path, copies: int) -> dict[str, float]:
    """Render `copies` plans with the real `salesbook docx`; return wall time, cores busy and memory."""
    from measure import run_measured

    root = folder / "repo"
    plans = plan_batch(root, copies)
    env = os.environ | {"SALESBOOK_CACHE_DIR": tempfile.mkdtemp(prefix="sb-bench-charts-", dir=folder)}
    measured = run_measured([sys.executable, "-m", "generator", "docx", "-o", str(folder / "docx")], cwd=root, env=env)
    written = len(list((folder / "docx").glob("*.docx")))
    if written != plans:
        raise RuntimeError(f"salesbook docx wrote {written} of {plans} plans")
    return {"plans": plans, "wall_s": measured.seconds, "per_plan_ms": measured.seconds / plans * 1000, "cores_busy": measured.cores_busy,
            "peak_process_mb": measured.peak_mb, "peak_total_mb": measured.tree_peak_mb}


def _child(runs: int) -> None:
    """Time every demo plan and blank draft with docx_bench's timers; print JSON (the child's side)."""
    sys.path.insert(0, str(BENCH))
    import docx_bench

    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, plan, archetype, cover, blank in docx_bench.cases(REPO):
            folder = Path(scratch) / name
            folder.mkdir()
            pandoc_ms = docx_bench.time_pandoc(plan, archetype, cover, blank, folder, runs)
            cold_ms = docx_bench.time_salesbook(plan, archetype, cover, blank, folder / "cold.docx", runs, cold=True)
            os.environ["SALESBOOK_CACHE_DIR"] = str(Path(scratch) / "cache")
            warm_ms = docx_bench.time_salesbook(plan, archetype, cover, blank, folder / "warm.docx", runs, cold=False)
            results.append({"name": name, "archetype": archetype.id, "blank": blank, "pandoc_ms": pandoc_ms, "cold_ms": cold_ms, "warm_ms": warm_ms})
    print(json.dumps(results))


if __name__ == "__main__":
    _child(int(sys.argv[sys.argv.index("--runs") + 1]))
