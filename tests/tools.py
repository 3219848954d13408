"""External tools the tests drive: skipped on a developer's machine without them, a failure in CI.

In CI (`CI=true`) a missing Chromium, LibreOffice, poppler or pandoc would otherwise let
the suite pass without testing what the user meets, so it fails the run instead.
"""

from __future__ import annotations

import os
import shutil

import pytest

INSTALL_HINT = "scripts/bootstrap.sh --test installs them"


def require_tools(*names: str) -> None:
    """Skip the test (fail it in CI) unless every command in `names` is installed."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"missing external tools: {', '.join(missing)} ({INSTALL_HINT})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
