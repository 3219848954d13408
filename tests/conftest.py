from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.helpers import copy_fixture
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS
from tests.tools import require_tools


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid repository."""
    return copy_fixture("minimal", tmp_path)


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep drawn charts and converted one-pagers in the session's own folder, never the user's cache.

    Every build in the session (and the `salesbook` processes it starts) shares it, so the
    demo one-pagers go through LibreOffice once per session, not once per build.
    """
    previous = os.environ.get("SALESBOOK_CACHE_DIR")
    if previous is None:
        os.environ["SALESBOOK_CACHE_DIR"] = str(tmp_path_factory.mktemp("salesbook-cache"))
    yield
    if previous is None:
        del os.environ["SALESBOOK_CACHE_DIR"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session (Playwright's sync API allows one instance at a time)."""
    require_tools(CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
