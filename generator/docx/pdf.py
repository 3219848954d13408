"""Word documents to PDF through LibreOffice headless, for sharing in WeChat or 钉钉.

One `soffice` run converts a whole batch (starting LibreOffice costs more than
converting a document). It runs with a private profile, so a LibreOffice the user
has open is neither used nor disturbed, and with salesbook's fontconfig aliases
(fonts.conf beside this module): 宋体/楷体 render as Noto Serif CJK SC and 黑体 as
Noto Sans CJK SC, and the PDF embeds those fonts. Word bookmarks become named
destinations, which is how `heading_pages` learns where each heading landed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.errors import BuildError

FONTS_CONF = Path(__file__).with_name("fonts.conf")
EXPORT_FILTER = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
SECONDS_PER_DOCUMENT, SECONDS_TO_START = 90, 120


def libreoffice() -> str | None:
    """Return the LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_paths: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert Word documents (distinct file names) to `out_dir/<name>.pdf` in one LibreOffice run.

    Every PDF is written before any replaces an older one: a failed run leaves `out_dir` as it was."""
    if not docx_paths:
        return []
    stems = [path.stem for path in docx_paths]
    if len(set(stems)) != len(stems):
        raise ValueError(f"to_pdf needs distinct file names, got {stems}")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=out_dir) as staging:
        convert(docx_paths, Path(staging), EXPORT_FILTER)
        converted = [Path(staging) / f"{stem}.pdf" for stem in stems]
        for source, pdf in zip(docx_paths, converted, strict=True):
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise BuildError("pdf.failed", path=str(source))
        for pdf in converted:
            os.replace(pdf, out_dir / pdf.name)
    return [out_dir / f"{stem}.pdf" for stem in stems]


def convert(sources: Sequence[Path], out_dir: Path, target: str) -> None:
    """Convert files with one headless LibreOffice run (`target` as soffice's --convert-to takes it)."""
    executable = libreoffice()
    if executable is None:
        raise BuildError("pdf.no_libreoffice")
    timeout = SECONDS_TO_START + SECONDS_PER_DOCUMENT * len(sources)
    environment = os.environ | {"FONTCONFIG_FILE": str(FONTS_CONF)}
    try:
        with tempfile.TemporaryDirectory(prefix="salesbook-lo-") as profile:
            command = [executable, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                       "--convert-to", target, "--outdir", str(out_dir), *(str(path.resolve()) for path in sources)]
            _run_in_own_group(command, environment, timeout)
    except subprocess.TimeoutExpired as error:
        raise BuildError("pdf.timeout", seconds=timeout) from error
    except subprocess.CalledProcessError as error:
        raise BuildError("pdf.failed", path=", ".join(path.name for path in sources)) from error


def _run_in_own_group(command: list[str], environment: dict[str, str], timeout: float) -> None:
    """Run LibreOffice in a process group of its own, so a time-out ends soffice.bin too, not just its launcher."""
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        code = process.wait(timeout=timeout)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    if code != 0:
        raise subprocess.CalledProcessError(code, command)


def heading_pages(pdf: Path) -> dict[str, int]:
    """Return the physical page (1-based) of every named destination, i.e. of every Word bookmark."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    return {_bookmark_name(name): reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items()}


def page_count(pdf: Path) -> int:
    """Return the number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _bookmark_name(destination: str) -> str:
    """Undo LibreOffice's escaping of a bookmark name (`_` is written as `#5F`, read back as `5F`)."""
    name = destination.lstrip("/")
    for escaped in ("#5F", "5F"):
        if name.startswith(escaped):
            return "_" + name[len(escaped):]
    return name
