"""Publishing output all at once: staging folders, atomic swaps, one build at a time.

A build writes into a staging folder beside its destination and puts it in place
only when everything succeeded, so a failed, interrupted or killed build leaves the
previous output exactly as it was. A lock file makes a second build wait for the
first instead of writing the same folders at the same time.

Only salesbook's own output is ever replaced: every output folder carries a marker
file, and a destination that is neither empty nor marked, or that overlaps the
repository's sources, is refused before anything is written.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import UsageError

STAGING = ".salesbook-staging-"
LOCK_FILE = "build/.salesbook.lock"
OUTPUT_MARKER = ".salesbook-output"
"""The file that marks a folder as salesbook's output, which a later run may replace."""
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextmanager
def exclusive(root: Path) -> Iterator[None]:
    """Hold the repository's build lock for the duration of the block."""
    lock = root / LOCK_FILE
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def claim_output(target: Path, root: Path, sources: Iterable[Path]) -> None:
    """Refuse (exit 2) an output folder salesbook may not replace.

    Refused: the repository root or a folder holding it; a folder that holds or lies
    inside one of `sources` (content, configuration, .git, the build's own folders);
    a folder that is not empty and was not written by salesbook (no marker file).
    """
    target, root = target.resolve(), root.resolve()
    if root.is_relative_to(target):
        raise UsageError("usage.output_overlaps", target=str(target), protected=str(root))
    for source in (s.resolve() for s in sources):
        if target.is_relative_to(source) or source.is_relative_to(target):
            raise UsageError("usage.output_overlaps", target=str(target), protected=str(source))
    foreign = target.is_dir() and any(target.iterdir()) and not (target / OUTPUT_MARKER).is_file()
    if foreign or (target.exists() and not target.is_dir()):
        raise UsageError("usage.output_foreign", target=str(target), marker=OUTPUT_MARKER)


@contextmanager
def staging_beside(target: Path) -> Iterator[Path]:
    """Yield an empty folder next to `target`, marked as salesbook's output; it is removed afterwards, whatever happens."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}{os.getpid()}-", dir=target.parent))
    (staging / OUTPUT_MARKER).write_text("salesbook\n", encoding="utf-8")
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Put the folder `staging` where `target` is; the old `target` ends up in `staging`."""
    if not target.exists():
        os.rename(staging, target)
    elif not _exchange(staging, target):
        retired = staging.with_name(staging.name + "-old")
        os.rename(target, retired)  # no atomic exchange on this system: two renames, microseconds apart
        os.rename(staging, target)
        os.rename(retired, staging)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` (through any symlink) with `data` in one step, keeping its permissions.

    The bytes go to a temporary file beside it, are flushed to disk, and the temporary
    file is renamed over the original: a full disk or a crash leaves the old file whole.
    """
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish_files(staging: Path, target: Path) -> list[Path]:
    """Move every file from `staging` into `target`, each replaced atomically; return the new paths."""
    published = []
    for source in sorted(p for p in staging.rglob("*") if p.is_file()):
        destination = target / source.relative_to(staging)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
        published.append(destination)
    return published


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); return False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0


def _remove_abandoned(target: Path) -> None:
    """Delete staging folders left by builds that were killed (their process is gone)."""
    for folder in target.parent.glob(f".{target.name}{STAGING}*"):
        pid = folder.name.removeprefix(f".{target.name}{STAGING}").split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
