"""A fixture repository with a git history, for the pull-request checks."""

from __future__ import annotations

import subprocess
from pathlib import Path

GIT_IDENTITY = ["-c", "user.name=测试", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]


def git(root: Path, *args: str) -> str:
    """Run git in `root` (no global configuration involved) and return its output."""
    completed = subprocess.run(["git", "-C", str(root), *GIT_IDENTITY, *args], capture_output=True, text=True, check=True)
    return completed.stdout


def init_repository(root: Path) -> None:
    """Make `root` a git repository whose branch `main` holds everything in it."""
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "初始内容")


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
