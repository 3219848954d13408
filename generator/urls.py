"""Which link targets content may use, on the site and in the Word drafts alike."""

from __future__ import annotations

import nh3

SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""Schemes a link or image may use; relative links and anchors are always fine."""


def safe_url(url: str) -> bool:
    """Return whether a link target is harmless, judged by nh3 as a browser reads the attribute."""
    if any(c in url for c in '"<>'):
        return False
    cleaned = nh3.clean(f'<a href="{url}">.</a>', tags={"a"}, attributes={"a": {"href"}}, url_schemes=SAFE_URL_SCHEMES, link_rel=None)
    return "href=" in cleaned
