"""`check --changed BASE`: the problems a change brings, wherever they show up.

A pull request should answer for the files it touches, and for what it breaks
elsewhere (a renamed product id leaves case studies pointing at nothing), but not
for problems that were already there. So the repository is checked twice: as it
is now and as it was at the point the branch left BASE (their merge base), and
the report keeps every problem in a changed file plus every new problem anywhere.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from generator.errors import Problem, UsageError
from generator.validate import CheckResult, check_repository


def check_changed(root: Path, base: str) -> tuple[CheckResult, list[str]]:
    """Check `root`; keep the problems in files changed since `base` and those the change caused.

    Return the filtered result and the changed paths (relative to `root`).
    """
    commit = merge_base(root, base)
    top, prefix = _git(root, "rev-parse", "--show-toplevel", "--show-prefix").splitlines()
    changed = changed_paths(root, commit)
    now = check_repository(root)
    with tempfile.TemporaryDirectory(prefix="salesbook-base-") as folder:
        before = check_repository(snapshot(Path(top), f"{commit}:{prefix}", Path(folder)))
    existing = {_identity(p) for p in before.problems}
    kept = [p for p in now.problems if p.path in changed or _identity(p) not in existing]
    return CheckResult(now.repository, kept, now.files), sorted(changed)


def merge_base(root: Path, base: str) -> str:
    """Return the commit where HEAD's history left `base` (`base` itself when HEAD builds on it)."""
    _git(root, "rev-parse", "--show-toplevel")
    return _git(root, "merge-base", base, "HEAD", error="usage.bad_revision", base=base).strip()


def changed_paths(root: Path, commit: str) -> set[str]:
    """Return the paths under `root` that differ from `commit`: edited, added, deleted or untracked."""
    edited = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", commit, "--", ".")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    return {path for path in (edited + untracked).split("\0") if path}


def snapshot(top: Path, tree: str, folder: Path) -> Path:
    """Write the files of git tree `tree` (`commit:folder/`) into `folder` and return `folder`.

    `top` is the repository's top level: run from a subfolder, git archive would look for that
    subfolder inside the tree as well.
    """
    archive = subprocess.run(["git", "-C", str(top), "archive", "--format=tar", tree], capture_output=True, check=False)
    if archive.returncode != 0:
        raise UsageError("usage.bad_revision", base=tree)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter=_inside_only)
    return folder


def _inside_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Extract what stays inside the snapshot; leave out links that point outside (check refuses them anyway)."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def _identity(problem: Problem) -> tuple[object, ...]:
    return (problem.path, problem.line, problem.col, problem.field, problem.code, problem.message("en"))


def _git(root: Path, *args: str, error: str = "usage.not_git", **params: str) -> str:
    """Run git in `root` and return its output; a failure becomes a usage error."""
    try:
        completed = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", check=False)
    except FileNotFoundError as missing:
        raise UsageError("usage.git_missing") from missing
    if completed.returncode != 0:
        raise UsageError(error, root=str(root), **params)
    return completed.stdout
