from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_fixture


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid repository."""
    return copy_fixture("minimal", tmp_path)
