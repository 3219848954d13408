"""Read built pages: their links, resources and elements by class, with the stdlib parser."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    """One element: its tag, attributes and all the text inside it."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


class Parsed(HTMLParser):
    """Every start tag with its attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in ("br", "img", "input", "link", "meta", "hr", "source", "path", "circle"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


def parse(path: Path) -> list[Element]:
    """Return the elements of the page at `path`, in document order."""
    parser = Parsed()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def by_class(elements: list[Element], name: str) -> list[Element]:
    """Return the elements whose class list holds `name`."""
    return [e for e in elements if name in e.attrs.get("class", "").split()]


def resources(elements: list[Element]) -> list[str]:
    """Return every URL the page loads by itself (scripts, styles, images, frames, icons)."""
    found = []
    for e in elements:
        if e.tag in ("script", "img", "iframe", "source", "audio", "video") and e.attrs.get("src"):
            found.append(e.attrs["src"])
        if e.tag == "link" and e.attrs.get("href") and e.attrs.get("rel") not in ("canonical", "prev", "next", "alternate"):
            found.append(e.attrs["href"])
    return found
