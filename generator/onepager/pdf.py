"""Word to PDF through LibreOffice: one headless `soffice` run for a whole batch.

LibreOffice is optional for salesbook as a whole: without it the one-pagers are
still written as .docx, and the caller says that the PDFs were left out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.errors import BuildError

SOFFICE_NAMES = ("soffice", "libreoffice")
FONT_ALIASES = {"微软雅黑": "Noto Sans CJK SC", "Microsoft YaHei": "Noto Sans CJK SC"}
"""The fonts one-pagers name, mapped to the Simplified Chinese faces Linux has (else fontconfig picks Japanese ones)."""
TIMEOUT_SECONDS = 600


def find_soffice() -> str | None:
    """Return the LibreOffice command ($SALESBOOK_SOFFICE, else soffice on PATH), or None."""
    configured = os.environ.get("SALESBOOK_SOFFICE")
    if configured:
        return configured
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def convert_to_pdf(documents: list[Path], folder: Path, soffice: str) -> list[Path]:
    """Convert `documents` into PDFs in `folder` with one LibreOffice run; return the PDFs."""
    if not documents:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="salesbook-soffice-") as profile:
        env = {**os.environ, "FONTCONFIG_FILE": os.environ.get("FONTCONFIG_FILE") or str(_fonts_conf(Path(profile)))}
        command = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(folder), *map(str, documents),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False, env=env)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BuildError("onepager.pdf_failed", output=str(error)) from None
    pdfs = [folder / f"{document.stem}.pdf" for document in documents]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if missing:
        raise BuildError("onepager.pdf_failed", output=(done.stderr or done.stdout).strip() or "、".join(missing))
    return pdfs


def _fonts_conf(folder: Path) -> Path:
    """Write a fontconfig file that keeps the system's settings and adds `FONT_ALIASES`."""
    aliases = "".join(f'<alias binding="same"><family>{name}</family><prefer><family>{face}</family></prefer></alias>' for name, face in FONT_ALIASES.items())
    path = folder / "fonts.conf"
    path.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>', encoding="utf-8")
    return path
