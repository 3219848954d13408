"""Settings of the website that content authors may change (site_config/site.yaml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.config import read_config
from generator.models.common import Model

SETTINGS_FILE = "site_config/site.yaml"


class SiteSettings(Model):
    """How the generated pages present the content (review intervals live in site_config/review.yaml)."""

    newest_case_studies: int = Field(default=5, ge=0, description="首页展示最新客户案例的数量")


def load_settings(root: Path) -> SiteSettings:
    """Read site_config/site.yaml (defaults when absent); raise `ContentError` if it is wrong."""
    return read_config(root, SETTINGS_FILE, SiteSettings)
