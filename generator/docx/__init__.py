"""Word plan drafts: each plan rendered as its archetype lays it out, on a reference .docx.

`write_documents` is what the site build calls; `salesbook docx` uses `render_jobs`
directly. Rendering runs in parallel over the machine's cores when there are
several documents, and every file is written atomically.

    archetypes (templates/archetypes/*.yaml) ──┐
    plan (content/plans/*.yaml, validated) ────┼─ render.lay_out ─ blocks ─ builder ─ oxml
    reference.docx (styles, header, footer) ───┘                      └─ charts (matplotlib)
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import zipfile
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from generator.archetypes import Archetype, load_archetypes
from generator.docx.pdf import libreoffice
from generator.errors import BuildError
from generator.models.plan import Plan
from generator.repository import Repository
from generator.resources import lookup

REFERENCE_FILE = "templates/reference.docx"
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Job:
    """One document to write: a plan (or an archetype's blank draft) and where it goes."""

    plan: Plan
    archetype: Archetype
    output: Path
    reference: Path
    blank: bool = False


def write_documents(repository: Repository, folder: Path, reference_doc: Path | None = None, pdf: bool = False,
                    use_libreoffice: bool = True) -> list[Path]:
    """Write `folder/plans/<plan-id>.docx` for every plan and `folder/archetypes/<id>.docx` blank drafts,
    with page numbers in their contents and, with `pdf`, a PDF beside each, when LibreOffice is installed
    and `use_libreoffice` (without it the contents wait for Word to update their fields)."""
    from generator.docx.delivery import deliver

    reference = reference_path(repository.root, reference_doc)
    archetypes = load_archetypes(repository.root)
    jobs = plan_jobs(repository, archetypes, folder / "plans", reference) + blank_jobs(archetypes, folder / "archetypes", reference)
    written = render_jobs(jobs)
    if not use_libreoffice:
        return written
    return written + deliver(written, pdf=pdf and libreoffice() is not None)


def plan_jobs(repository: Repository, archetypes: list[Archetype], folder: Path, reference: Path, only: Path | None = None) -> list[Job]:
    """Return a job per plan (or for the one plan read from `only`), writing `folder/<plan-id>.docx`."""
    by_id = {archetype.id: archetype for archetype in archetypes}
    jobs = []
    for plan in repository.items("plan"):
        assert isinstance(plan, Plan)
        if only is None or repository.source("plan", plan.id).resolve() == only.resolve():
            jobs.append(Job(plan, by_id[plan.archetype], folder / f"{plan.id}.docx", reference))
    return jobs


def blank_jobs(archetypes: list[Archetype], folder: Path, reference: Path) -> list[Job]:
    """Return a job per archetype writing its blank draft to `folder/<archetype-id>.docx`."""
    from generator.docx.render import blank_plan

    return [Job(blank_plan(a), a, folder / f"{a.id}.docx", reference, blank=True) for a in archetypes]


def reference_path(root: Path, given: Path | None) -> Path:
    """Return the reference document to build on: the one given, the repository's, or the bundled one."""
    path = given or lookup(root, REFERENCE_FILE)
    if not path.is_file():
        raise BuildError("docx.reference_missing", path=str(path))
    if not zipfile.is_zipfile(path):
        raise BuildError("docx.reference_unreadable", path=str(path))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    if "word/document.xml" not in names:
        raise BuildError("docx.reference_unreadable", path=str(path))
    if "word/styles.xml" not in names:
        raise BuildError("docx.reference_no_styles", path=str(path))
    return path


def render_jobs(jobs: list[Job], progress: bool = False) -> list[Path]:
    """Render every job, on all cores when there are several; return the files written."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        return [render_job(job) for job in _tracked(jobs, progress)]
    _load_before_forking(jobs)
    with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent) as pool:
        futures = [pool.submit(_render_in_worker, job) for job in jobs]  # workers start before any progress thread
        for _ in _tracked(_as_done(futures), progress, total=len(jobs)):
            pass
        return [_result(future) for future in futures]


def _die_with_parent() -> None:
    """Make a worker exit when the command is killed, instead of lingering as an orphan (Linux)."""
    prctl = getattr(ctypes.CDLL(None), "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _load_before_forking(jobs: list[Job]) -> None:
    """Load the renderer, and matplotlib with the CJK font when a chart must be drawn, in this
    process: forked workers then share them instead of each loading them again."""
    import docx.image.png  # noqa: F401 - python-docx reads the charts' PNG headers with it

    from generator.docx import charts
    from generator.docx.blocks import chart_bars, charted

    if any(charted(b) and not charts.cached_path(chart_bars(b)).is_file() for job in jobs for b in job.plan.breakdowns):
        charts.warm_up()


def render_job(job: Job) -> Path:
    """Render one job and write its file atomically."""
    from generator.docx.render import Cover, render_plan

    cover = Cover.blank(job.archetype) if job.blank else None
    return render_plan(job.plan, job.archetype, job.reference, cover=cover, blank=job.blank).save(job.output)


def _render_in_worker(job: Job) -> Path | tuple[str, dict]:
    """Render in a worker process; salesbook errors come back as data (they do not pickle)."""
    try:
        return render_job(job)
    except BuildError as error:
        return error.code, error.params


def _result(future: Future) -> Path:
    outcome = future.result()
    if isinstance(outcome, tuple):
        code, params = outcome
        raise BuildError(code, **params)
    return outcome


def _as_done(futures: list[Future]) -> Iterable[Future]:
    """Yield futures as they finish; stop at the first failure (the others are cancelled)."""
    pending = set(futures)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            if future.exception() is not None or isinstance(future.result(), tuple):
                for other in pending:
                    other.cancel()
                _result(future)
            yield future


def _tracked(items: Iterable, progress: bool, total: int | None = None) -> Iterable:
    """Yield `items`, drawing a progress bar on the terminal when asked to."""
    if not progress or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("生成 Word 文档"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("docx", total=total if total is not None else len(items))  # type: ignore[arg-type]
        for item in items:
            yield item
            bar.advance(task)


__all__ = ["Job", "blank_jobs", "plan_jobs", "reference_path", "render_job", "render_jobs", "write_documents"]
