"""Benchmark: Word plan drafts, salesbook against pandoc on the same content.

For every demo plan and every archetype's blank draft, the same layout (cover,
contents, numbered parts, lists, tables with totals, charts) is written twice:

* salesbook: `render_plan(...).save(...)` in this process, as `salesbook docx`
  does once its modules are loaded;
* pandoc: the same content written as Markdown (by `MarkdownWriter`, driven by the
  very layout code salesbook uses, charts as PNG files), converted with
  `pandoc --toc --reference-doc templates/reference.docx`, one process per plan,
  as pandoc is used.

Both are timed in the same run; the median of several runs is printed per plan,
with the ratio. Charts are cached by content, so salesbook is timed twice: cold
(an empty chart cache: every chart drawn) and warm (charts from the cache). The
last lines render all demo plans serially and in parallel (as `salesbook docx`
does) and print how many cores were kept busy (CPU time ÷ wall time), then time
the whole command.

    .venv/bin/python bench/docx_bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.archetypes import Archetype, load_archetypes  # noqa: E402
from generator.docx import Job, plan_jobs, render_job, render_jobs  # noqa: E402
from generator.docx.builder import Column  # noqa: E402
from generator.docx.render import Cover, blank_plan, lay_out, render_plan  # noqa: E402
from generator.models.plan import Plan  # noqa: E402
from generator.validate import check_repository  # noqa: E402

PANDOC = "/usr/bin/pandoc"
REFERENCE = REPO / "templates" / "reference.docx"
LEVEL_MARKS = {1: "#", 2: "##", 3: "###", 4: "####"}
COPIES = 3
"""Each demo plan is rendered this many times in the parallel measurement, to outweigh pool start-up."""


class MarkdownWriter:
    """The builder's interface, writing pandoc Markdown instead of a .docx."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lines: list[str] = []
        self._pictures = 0

    def header_footer(self, header_text: str) -> None:
        self.lines += ["---", f"title: \"{header_text}\"", "lang: zh-CN", "---", ""]

    def cover(self, title: str, subtitle: str, lines: list[tuple[str, str]]) -> None:
        self.lines += [f"**{subtitle}**", ""] + [f"{label}：{value}  " for label, value in lines] + [""]

    def table_of_contents(self) -> None:
        """pandoc writes the TOC field itself (--toc)."""

    def heading(self, level: int, text: str, numbered: bool = True) -> None:
        self.lines += [f"{LEVEL_MARKS[level]} {text}", ""]

    def text(self, text: str, style: str | None = None, label: str = "") -> None:
        self.lines += [f"**{label}**{text}" if label else text, ""]

    def guidance(self, text: str) -> None:
        self.lines += [f"> 编写提示：{text}", ""]

    def to_fill(self, what: str) -> None:
        self.lines += [f"（待填写：{what}）", ""]

    def numbered(self, items: list[str], labels: list[str] | None = None) -> None:
        labels = labels or [""] * len(items)
        self.lines += [f"{n}. **{label}**{item}" if label else f"{n}. {item}" for n, (label, item) in enumerate(zip(labels, items, strict=True), 1)] + [""]

    def bulleted(self, items: list[str], labels: list[str] | None = None) -> None:
        self.lines += [f"- {item}" for item in items] + [""]

    def table(self, caption: str, columns: list[Column], rows: list[list[str]], total: list[str] | None = None) -> None:
        def row(cells: list[str]) -> str:
            return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

        body = [row(r) for r in rows] + ([row([f"**{c}**" if c else "" for c in total])] if total else [])
        self.lines += [f"Table: {caption}", "", row([c.header for c in columns]),
                       "|" + "|".join("--:" if c.numeric else ":--" for c in columns) + "|", *body, ""]

    def picture(self, png: bytes, caption: str) -> None:
        self._pictures += 1
        path = self.folder / f"chart-{self._pictures}.png"
        path.write_bytes(png)
        self.lines += [f"![{caption}]({path.name}){{width=14.6cm}}", ""]

    def markdown(self) -> str:
        return "\n".join(self.lines)


def jobs_of(root: Path) -> list[Path]:
    return sorted((root / "content" / "plans").glob("*.yaml"))


def cases(root: Path) -> list[tuple[str, Plan, Archetype, Cover | None, bool]]:
    """Return (name, plan, archetype, cover, blank) for every demo plan and blank draft."""
    repository = check_repository(root).require_clean()
    archetypes = {a.id: a for a in load_archetypes(root)}
    found = [(p.id, p, archetypes[p.archetype], None, False) for p in repository.items("plan") if isinstance(p, Plan)]
    found += [(f"blank-{a.id}", blank_plan(a), a, Cover.blank(a), True) for a in archetypes.values()]
    return found


def time_salesbook(plan: Plan, archetype: Archetype, cover: Cover | None, blank: bool, out: Path, runs: int, cold: bool) -> float:
    """Return the median milliseconds of rendering and saving one plan."""
    times = []
    for run in range(runs + 1):
        if cold:
            os.environ["SALESBOOK_CACHE_DIR"] = tempfile.mkdtemp(prefix="sb-chart-cache-")
        start = time.perf_counter()
        render_plan(plan, archetype, REFERENCE, cover=cover, blank=blank).save(out)
        elapsed = time.perf_counter() - start
        if run:  # the first run warms imports and fonts
            times.append(elapsed)
    return statistics.median(times) * 1000


def time_pandoc(plan: Plan, archetype: Archetype, cover: Cover | None, blank: bool, folder: Path, runs: int) -> float:
    """Write the plan as Markdown once, then return the median milliseconds of pandoc converting it."""
    writer = MarkdownWriter(folder)
    lay_out(writer, plan, archetype, cover or Cover.of(plan, archetype), blank)
    source = folder / "plan.md"
    source.write_text(writer.markdown(), encoding="utf-8")
    command = [PANDOC, "--toc", "--reference-doc", str(REFERENCE), "-f", "markdown", "-o", str(folder / "plan.docx"), str(source)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def parallel_render(root: Path, out: Path) -> tuple[float, float, float]:
    """Render every demo plan COPIES times (empty chart cache) one after another, then in
    parallel as `salesbook docx` does; return (serial s, parallel s, cores busy in parallel)."""
    repository = check_repository(root).require_clean()
    plans = plan_jobs(repository, load_archetypes(root), out, REFERENCE)
    jobs = [Job(j.plan, j.archetype, out / f"{n}-{j.output.name}", j.reference) for n in range(COPIES) for j in plans]
    os.environ["SALESBOOK_CACHE_DIR"] = tempfile.mkdtemp(prefix="sb-chart-cache-")
    start = time.perf_counter()
    for job in jobs:
        render_job(job)
    serial = time.perf_counter() - start
    os.environ["SALESBOOK_CACHE_DIR"] = tempfile.mkdtemp(prefix="sb-chart-cache-")
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    start = time.perf_counter()
    render_jobs(jobs)
    wall = time.perf_counter() - start
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum((a.ru_utime - b.ru_utime) + (a.ru_stime - b.ru_stime) for a, b in zip(after, before, strict=True))
    return serial, wall, cpu / wall


def whole_command(out: Path) -> tuple[float, float]:
    """Run `salesbook docx` on every demo plan (empty chart cache); return (wall seconds, cores busy)."""
    env = os.environ | {"SALESBOOK_CACHE_DIR": tempfile.mkdtemp(prefix="sb-chart-cache-")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "docx", "-o", str(out)], cwd=REPO, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median reported)")
    args = parser.parse_args()
    if not Path(PANDOC).exists():
        sys.exit(f"{PANDOC} not found: install Debian's pandoc (scripts/bootstrap.sh --test)")
    version = subprocess.run([PANDOC, "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    print(f"{version}; {os.cpu_count()} cores; median of {args.runs} runs; times in ms per plan\n")
    print(f"{'document':<28}{'archetype':<12}{'pandoc':>8}{'cold':>8}{'warm':>8}{'cold/pandoc':>13}{'warm/pandoc':>13}")
    ratios: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        for name, plan, archetype, cover, blank in cases(REPO):
            folder = scratch_path / name
            folder.mkdir()
            pandoc_ms = time_pandoc(plan, archetype, cover, blank, folder, args.runs)
            cold_ms = time_salesbook(plan, archetype, cover, blank, folder / "cold.docx", args.runs, cold=True)
            os.environ["SALESBOOK_CACHE_DIR"] = str(scratch_path / "cache")
            warm_ms = time_salesbook(plan, archetype, cover, blank, folder / "warm.docx", args.runs, cold=False)
            ratios.append((cold_ms / pandoc_ms, warm_ms / pandoc_ms))
            print(f"{name:<28}{archetype.id:<12}{pandoc_ms:>8.0f}{cold_ms:>8.0f}{warm_ms:>8.0f}{cold_ms / pandoc_ms:>13.2f}{warm_ms / pandoc_ms:>13.2f}")
        cold_ratio = statistics.median(r[0] for r in ratios)
        warm_ratio = statistics.median(r[1] for r in ratios)
        print(f"\nmedian ratio salesbook/pandoc: cold {cold_ratio:.2f}, warm {warm_ratio:.2f} (target ≤ 0.50)")
        serial, parallel, busy = parallel_render(REPO, scratch_path / "all")
        print(f"\nall {len(jobs_of(REPO))} demo plans ×{COPIES}, charts drawn: one after another {serial:.2f} s; "
              f"in parallel {parallel:.2f} s ({serial / parallel:.2f}× faster, {busy:.2f} cores busy)")
        wall, busy = whole_command(scratch_path / "cli")
        print(f"the whole `salesbook docx` command (start-up, check, render): {wall:.2f} s, {busy:.2f} cores busy")


if __name__ == "__main__":
    main()
