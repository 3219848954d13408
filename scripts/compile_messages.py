"""Compile generator/locale/*/LC_MESSAGES/messages.po into the .mo files Click's gettext reads."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "generator" / "locale"


def compiled(po: Path) -> bytes:
    """Return the .mo bytes for the catalogue at `po`."""
    with po.open("rb") as source:
        catalog = read_po(source)
    target = io.BytesIO()
    write_mo(target, catalog, use_fuzzy=False)
    return target.getvalue()


if __name__ == "__main__":
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
        print(po.with_suffix(".mo").relative_to(LOCALE.parent.parent))
