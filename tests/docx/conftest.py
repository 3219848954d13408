"""Documents rendered once per test session: the demo plans (through the CLI), the
blank drafts (through `write_documents`, as the site build calls it) and their PDFs
(one LibreOffice call for all of them, with a private profile)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.archetypes import ARCHETYPE_IDS, Archetype, load_archetypes
from generator.docx import blank_jobs, plan_jobs, render_jobs, write_documents
from generator.docx.delivery import deliver
from generator.docx.pdf import to_pdf
from generator.docx.render import Cover, render_plan
from generator.docx.styles import BUNDLED_REFERENCE
from generator.models.plan import Plan
from generator.validate import check_repository
from tests.docx import company
from tests.helpers import REPO_ROOT, copy_fixture, salesbook
from tests.tools import require_tools



LONG_TITLE = "华东区" + "数据驱动与客户深耕并举的年度销售工作计划" * 8
"""A 163-character plan title, which must still leave the cover one page."""


@dataclass
class Rendered:
    """The demo content, and where each plan's and each archetype's document is."""

    plans: dict[str, Plan]
    archetypes: dict[str, Archetype]
    plan_docs: dict[str, Path]
    blank_docs: dict[str, Path]


@pytest.fixture(scope="session", autouse=True)
def chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep drawn charts in the session's temporary folder, not the user's cache."""
    previous = os.environ.get("SALESBOOK_CACHE_DIR")
    os.environ["SALESBOOK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["SALESBOOK_CACHE_DIR"]
    else:
        os.environ["SALESBOOK_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render_demo(tmp_path_factory.mktemp("docx"))


def render_demo(out: Path) -> Rendered:
    """Render the demo plans (through the CLI) and the blank drafts into `out`."""
    run = salesbook("docx", "-o", out / "cli", cwd=REPO_ROOT)
    assert run.code == 0, run.out + run.err
    repository = check_repository(REPO_ROOT).require_clean()
    write_documents(repository, out / "site")
    plans = {p.id: p for p in repository.items("plan") if isinstance(p, Plan)}
    return Rendered(
        plans=plans,
        archetypes={a.id: a for a in load_archetypes(REPO_ROOT)},
        plan_docs={plan_id: out / "cli" / f"{plan_id}.docx" for plan_id in plans},
        blank_docs={archetype_id: out / "site" / "archetypes" / f"{archetype_id}.docx" for archetype_id in ARCHETYPE_IDS},
    )


@pytest.fixture(scope="session")
def pdfs(rendered: Rendered, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Convert every demo plan and blank draft to PDF in a single LibreOffice run."""
    require_tools("soffice", "pdftotext", "pdffonts")
    blanks = tmp_path_factory.mktemp("blank-src")
    for archetype_id, path in rendered.blank_docs.items():  # distinct names: one output folder
        shutil.copy(path, blanks / f"blank-{archetype_id}.docx")
    plan = rendered.plans["2027-03-monthly-battle"]
    long_title = Cover(LONG_TITLE, "销售工作计划", Cover.of(plan, rendered.archetypes[plan.archetype]).lines)
    render_plan(plan, rendered.archetypes[plan.archetype], BUNDLED_REFERENCE, cover=long_title).save(blanks / "long-title.docx")
    sources = [*rendered.plan_docs.values(), *sorted(blanks.iterdir())]
    return {pdf.stem: pdf for pdf in to_pdf(sources, tmp_path_factory.mktemp("pdf"))}



def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def new_drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Draft documents of a plan scaffolded by `salesbook plan new`, one per archetype (one `docx` run)."""
    root = copy_fixture("minimal", tmp_path_factory.mktemp("new-drafts"))
    for archetype_id in ARCHETYPE_IDS:
        run = salesbook("plan", "new", "--archetype", archetype_id, "--team", "华东区", "--period", "2027",
                        "-o", f"content/plans/new-{archetype_id}.yaml", cwd=root)
        assert run.code == 0, run.err
    run = salesbook("docx", "-o", "out", cwd=root)
    assert run.code == 0, run.out + run.err
    return {archetype_id: root / "out" / f"new-{archetype_id}.docx" for archetype_id in ARCHETYPE_IDS}


@pytest.fixture(scope="session")
def company_references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Company reference documents as Word, LibreOffice and WPS save them, and as a .dotx."""
    require_tools("soffice")
    word = company.word_like(tmp_path_factory.mktemp("company"))
    return {"word": word, "dotx": company.as_template(word), "libreoffice": company.libreoffice_saved(word), "wps": company.wps_like(word)}


@pytest.fixture(scope="session")
def company_drafts(rendered: Rendered, company_references: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The monthly battle plan on each company reference (and the kpi blank draft on Word's), contents numbered in one run."""
    out = tmp_path_factory.mktemp("company-drafts")
    repository = check_repository(REPO_ROOT).require_clean()
    archetypes = load_archetypes(REPO_ROOT)
    jobs = []
    for kind, reference in company_references.items():
        plan_job = next(j for j in plan_jobs(repository, archetypes, out / kind, reference) if j.plan.id == "2027-03-monthly-battle")
        blank_job = next(j for j in blank_jobs(archetypes, out / kind, reference) if j.archetype.id == "kpi")
        jobs += [plan_job, blank_job] if kind == "word" else [plan_job]
    written = render_jobs(jobs)
    assert deliver(written) == []
    return {f"{path.parent.name}-{path.stem}": path for path in written}
