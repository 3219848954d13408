"""The wheel carries every package of generator/ and the files a knowledge base may override."""

from __future__ import annotations

import tomllib
from pathlib import Path

from generator.resources import bundled_root, layers, lookup
from tests.helpers import REPO_ROOT, build_file_tree

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_generator_is_in_the_wheel() -> None:
    folders = {p.parent for p in (REPO_ROOT / "generator").rglob("*.py") if "__pycache__" not in p.parts}
    packages = {".".join(folder.relative_to(REPO_ROOT).parts) for folder in folders}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert packages == listed - {"generator.bundled"}


def test_the_bundled_files_are_this_repositorys_top_level_folders() -> None:
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"generator.bundled": "."}
    assert bundled_root() == REPO_ROOT  # in a checkout; an installed wheel has them under generator/bundled/
    for pattern in PYPROJECT["tool"]["setuptools"]["package-data"]["generator.bundled"]:
        assert list(REPO_ROOT.glob(pattern)), pattern


def test_a_repositorys_own_file_wins_and_the_rest_come_from_salesbook(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"templates/site/faq.md.j2": "own", "templates/site/extra.md.j2": "extra"})
    assert lookup(tmp_path, "templates/site/faq.md.j2") == tmp_path / "templates/site/faq.md.j2"
    assert lookup(tmp_path, "templates/site/sop.md.j2") == REPO_ROOT / "templates/site/sop.md.j2"
    assert layers(tmp_path, "templates/site") == [tmp_path / "templates/site", REPO_ROOT / "templates/site"]
    assert layers(REPO_ROOT, "templates/site") == [REPO_ROOT / "templates/site"]
