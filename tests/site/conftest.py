"""The demo site, built once per test session through the real CLI.

`demo_repo` is a copy of this repository's content (whatever is there now);
`demo_site` is its website as `salesbook build` makes it, `offline_site` the same
with `--offline`. Tests that edit content take a fresh `demo_copy` instead.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cms.admin import DECAP
from generator.repository import Repository
from generator.validate import check_repository
from tests.helpers import REPO_ROOT, Run, salesbook
from tests.site.browser import serve

REPOSITORY_PARTS = ("content", "playbooks", "site_config", "templates", "mkdocs.yml")


def copy_demo(destination: Path) -> Path:
    """Copy the demo content repository (content, config, templates) to `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in REPOSITORY_PARTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy(source, destination / name)
    copy_npm_cache(destination)
    return destination


def copy_npm_cache(destination: Path) -> None:
    """Copy the npm tarballs a build would download (Decap CMS) into `destination`."""
    cache = destination / "build" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    for package in (DECAP,):  # downloaded once into this checkout's cache, then copied
        tarball = package.tarball(REPO_ROOT / "build" / "cache")
        shutil.copy(tarball, cache / tarball.name)


@dataclass(frozen=True)
class Built:
    """A built site and the run that built it."""

    root: Path
    site: Path
    run: Run
    repository: Repository = field(repr=False)


def build(root: Path, site: Path, *options: str) -> Built:
    run = salesbook("build", "-d", site, *options, cwd=root)
    assert run.code == 0, run.out + run.err
    return Built(root, site, run, check_repository(root).require_clean())


@pytest.fixture(scope="session")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("demo") / "repo")


@pytest.fixture(scope="session")
def demo_site(demo_repo: Path) -> Built:
    return build(demo_repo, demo_repo / "site")


@pytest.fixture(scope="session")
def offline_site(demo_repo: Path, demo_site: Built) -> Built:
    return build(demo_repo, demo_repo / "site-offline", "--offline")


SECOND_COMPANY = "hechui-kitchen"
"""A second company's knowledge base (tests/fixtures/), so that search is not tuned to the demo alone."""


def copy_second_company(destination: Path) -> Path:
    """Copy the second company's content with this repository's templates, theme and search rules."""
    fixture = REPO_ROOT / "tests" / "fixtures" / SECOND_COMPANY
    shutil.copytree(fixture, destination)
    shutil.copytree(REPO_ROOT / "templates", destination / "templates")
    shutil.copy(REPO_ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site_config" / "overrides", destination / "site_config" / "overrides")
    shutil.copy(REPO_ROOT / "site_config" / "search.yaml", destination / "site_config" / "search.yaml")
    return destination


@pytest.fixture(scope="session")
def second_company_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    """The second company's site, served and offline."""
    root = copy_second_company(tmp_path_factory.mktemp("second") / "repo")
    return build(root, root / "site"), build(root, root / "site-offline", "--offline")


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A fresh copy of the demo content that a test may edit."""
    return copy_demo(tmp_path / "repo")


@pytest.fixture(scope="session")
def served(demo_site: Built) -> Iterator[str]:
    """The demo site on a local HTTP server; yields its base URL."""
    with serve(demo_site.site) as base:
        yield base
