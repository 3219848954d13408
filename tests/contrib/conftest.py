from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_fixture


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A fresh copy of the small team knowledge base (dates and owners chosen for known answers)."""
    return copy_fixture("team", tmp_path)
