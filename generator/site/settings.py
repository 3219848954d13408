"""Settings of the website that content authors may change (site_config/site.yaml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.errors import ContentError, display_path
from generator.load import read_document
from generator.models.common import Model, ValidationContext
from generator.validate.items import validate_item

SETTINGS_FILE = "site_config/site.yaml"


class SiteSettings(Model):
    """How the generated pages present the content."""

    review_interval_days: int = Field(default=180, ge=1, description="超过多少天未审核，页面显示“审核已过期”提示")
    newest_case_studies: int = Field(default=5, ge=0, description="首页展示最新客户案例的数量")


def load_settings(root: Path) -> SiteSettings:
    """Read site_config/site.yaml (defaults when absent); raise `ContentError` if it is wrong."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return SiteSettings()
    document = read_document(path, display_path(path, root))
    if isinstance(document, list):
        raise ContentError(document)
    settings, problems = validate_item(document, SiteSettings, ValidationContext({}))  # type: ignore[arg-type]
    if problems or not isinstance(settings, SiteSettings):
        raise ContentError(problems)
    return settings
