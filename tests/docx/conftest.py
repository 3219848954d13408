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
from generator.docx import write_documents
from generator.models.plan import Plan
from generator.validate import check_repository
from tests.helpers import REPO_ROOT, salesbook
from tests.tools import require_tools

FONTS_CONF = Path(__file__).parent / "fonts.conf"


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
    require_tools("soffice", "pdftotext")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    blanks = out / "blank-src"
    blanks.mkdir()
    for archetype_id, path in rendered.blank_docs.items():  # distinct names: one output folder
        shutil.copy(path, blanks / f"blank-{archetype_id}.docx")
    sources = [*rendered.plan_docs.values(), *sorted(blanks.iterdir())]
    env = os.environ | {"FONTCONFIG_FILE": str(FONTS_CONF)}
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
    subprocess.run([*command, *map(str, sources)], env=env, capture_output=True, timeout=600, check=True)
    result = {path.stem: out / f"{path.stem}.pdf" for path in sources}
    missing = [name for name, pdf in result.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return result


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
