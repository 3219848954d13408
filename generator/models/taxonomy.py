"""The controlled vocabularies every content item draws from (site_config/taxonomy.yaml)."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Model, Text


class Taxonomy(Model):
    """Lists of allowed values; content refers to them by the exact text."""

    industries: list[Text] = Field(min_length=1, description="行业")
    regions: list[Text] = Field(min_length=1, description="销售区域")
    funnel_stages: list[Text] = Field(min_length=1, description="销售漏斗阶段，按先后顺序")
    roles: list[Text] = Field(min_length=1, description="角色")
    product_lines: list[Text] = Field(min_length=1, description="产品线")

    def vocabularies(self) -> dict[str, list[str]]:
        return self.model_dump()
