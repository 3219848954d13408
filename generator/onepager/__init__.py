"""Customer one-pagers: one A4 page per case study and product, as .docx and PDF.

A one-pager shows only what a customer may see (generator.audience): the
company's name and logo, the story or the product, results as before → after
figures, the quote, the products and the rep's contact block.
"""

from __future__ import annotations

ONEPAGER_FOLDER = "downloads/onepagers"
"""Where the build writes one-pagers, relative to the docs folder."""
SENDABLE_KINDS = ("case-study", "product")


def onepager_path(kind: str, item_id: str, ext: str) -> str:
    """Return the path of an item's one-pager under the docs folder."""
    return f"{ONEPAGER_FOLDER}/{kind}/{item_id}.{ext}"
