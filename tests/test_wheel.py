"""The real wheel, installed into a fresh virtual environment outside the repository, starts and builds a knowledge base.

The wheel is built from this checkout as `pip install .` would build it; the new
environment gets only salesbook from it (`--no-deps`) and sees the libraries of
the environment running the tests through a .pth file, which saves downloading
them again but lets no file of the checkout in: it runs from the temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT


@dataclass(frozen=True)
class Installed:
    """A virtual environment holding the installed wheel."""

    folder: Path

    def run(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=600, check=False)

    @property
    def salesbook(self) -> Path:
        return self.folder / "bin" / "salesbook"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    place = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", place / "dist", REPO_ROOT], check=True, capture_output=True)
    wheel = next((place / "dist").glob("salesbook-*.whl"))
    venv = place / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    purelib = Path(subprocess.run([venv / "bin/python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "test-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([*pip, "--python", venv / "bin/python", "install", "--no-deps", "--no-index", wheel], check=True, capture_output=True)
    return Installed(venv)


def test_the_wheel_carries_its_templates_and_runs_from_the_environment(installed: Installed, tmp_path: Path) -> None:
    done = installed.run(installed.folder / "bin/python", "-c", "import generator.resources as r; print(r.__file__); print(r.bundled_root())", cwd=tmp_path)
    module, bundled = done.stdout.split()
    assert Path(module).is_relative_to(installed.folder) and Path(bundled).is_relative_to(installed.folder), done.stdout + done.stderr
    for name in ("mkdocs.yml", "templates/reference.docx", "templates/archetypes/kpi.yaml", "templates/site/home.md.j2", "site_config/overrides/main.html"):
        assert (Path(bundled) / name).is_file(), name


def test_a_new_knowledge_base_checks_builds_and_renders_word_drafts_at_once(installed: Installed, tmp_path: Path) -> None:
    answers = ["--company", "禾川厨房设备有限公司", "--site-name", "禾川销售知识库", "--product-line", "商用厨房设备", "--regions", "华东区、华南区"]
    done = installed.run(installed.salesbook, "init", "kb", *answers, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    root = tmp_path / "kb"
    for verb in (["check"], ["build"], ["docx"]):
        done = installed.run(installed.salesbook, *verb, cwd=root)
        assert done.returncode == 0, f"{verb}: {done.stdout}{done.stderr}"
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert "<title>首页 - 禾川销售知识库</title>" in home and "比如“商用厨房设备”" in home
    assert (root / "site/case-studies/example-customer/index.html").is_file()
    assert (root / "site/pagefind/pagefind.js").is_file()
    assert [p.name for p in (root / "build/docx").glob("*.docx")] == [next((root / "content/plans").glob("*.yaml")).stem + ".docx"]
