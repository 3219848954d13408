"""Drive the built site in Debian's headless Chromium: serve it, search it, record requests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

from tests.site.recall import ASKED_ON, Outcome, Question, relative

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 in a thread; yield its base URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """A browser tab that remembers every request it made."""

    page: Page
    requests: list[str]

    def outside(self, origin: str) -> list[str]:
        """Return the requests that did not go to `origin` (a URL prefix)."""
        return [url for url in self.requests if not url.startswith(origin) and not url.startswith(("data:", "blob:", "about:"))]


PHONE: dict[str, Any] = {"width": 390, "height": 844, "is_mobile": True, "has_touch": True}
"""A phone's screen as `open_tab` options (a rep on the road)."""


def open_tab(browser: Browser, width: int = 1280, height: int = 900, **options: object) -> Visit:
    """Open a tab that records every request it makes."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)  # type: ignore[arg-type]
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return Visit(page, requests)


@dataclass(frozen=True)
class Hit:
    """One search result as the reader sees it."""

    url: str
    title: str
    page: str
    """The title of the result's page."""


def search(page: Page, query: str, timeout: float = 10.0) -> list[Hit]:
    """Type `query` into the header search and return the results once they are shown."""
    if not page.is_visible(SEARCH_INPUT):
        page.keyboard.press("/")
        page.wait_for_selector(SEARCH_INPUT, state="visible")
    page.fill(SEARCH_INPUT, query)
    # The search box marks the query whose results it shows.
    page.wait_for_function("q => document.querySelector('[data-sb-search-result]').dataset.query === q", arg=query, timeout=timeout * 1000)
    return _hits(page)


def ask(page: Page, home: str, base: str, questions: list[Question]) -> list[Outcome]:
    """Open the site at `home` as on the day the sets were written (ASKED_ON: 明年 is 2027), type every
    question into the search box and return what each found, as URLs relative to `base`."""
    page.clock.set_fixed_time(ASKED_ON)
    page.goto(home)
    outcomes = []
    for question in questions:
        hits = search(page, question.q)
        outcomes.append(Outcome(question, [relative(h.url, base) for h in hits], [h.title for h in hits], [h.page for h in hits]))
    return outcomes


def _hits(page: Page) -> list[Hit]:
    found = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => [a.href, a.querySelector('h1').textContent.trim(), a.dataset.page])")
    return [Hit(url, title, page_title) for url, title, page_title in found]
