"""Word to PDF through LibreOffice: one headless `soffice` run for a whole batch.

Stand-in with the same interface as `generator.docx.pdf` on the docxshell branch
(`libreoffice()`, `to_pdf(paths, out_dir)`); once that lands on main this module
goes and the one-pagers import it from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.errors import BuildError

FONT_ALIASES = {"微软雅黑": "Noto Sans CJK SC", "Microsoft YaHei": "Noto Sans CJK SC"}
"""The fonts one-pagers name, mapped to the Simplified Chinese faces Linux has (else fontconfig picks Japanese ones)."""
SECONDS_PER_DOCUMENT, SECONDS_TO_START = 30, 60


def libreoffice() -> str | None:
    """Return the LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_paths: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert Word documents (distinct file names) to `out_dir/<name>.pdf` in one LibreOffice run."""
    executable = libreoffice()
    if executable is None:
        raise BuildError("onepager.pdf_failed", output="soffice")
    if not docx_paths:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    timeout = SECONDS_TO_START + SECONDS_PER_DOCUMENT * len(docx_paths)
    with tempfile.TemporaryDirectory(prefix="salesbook-soffice-") as profile:
        env = {**os.environ, "FONTCONFIG_FILE": str(_fonts_conf(Path(profile)))}
        command = [
            executable, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(out_dir), *(str(path.resolve()) for path in docx_paths),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, env=env, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BuildError("onepager.pdf_failed", output=str(error)) from None
    pdfs = [out_dir / f"{path.stem}.pdf" for path in docx_paths]
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
