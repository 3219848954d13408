"""A product the company sells."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Item, Markdown, Model, NamedText, Text, internal, vocabulary


class Competitor(Model):
    """A competitor often compared with the product, and (when known) how we compare."""

    name: Text = Field(description="竞品名称")
    detail: Text | None = Field(default=None, description="我们如何比较（了解时填写）")


class Product(Item):
    """One product: what it is, whom it is for and why it wins."""

    name: Text = Field(description="产品正式名称（含型号）", examples=["设备云平台 V3"])
    line: vocabulary("product_lines") = Field(description="所属产品线（取自分类表 product_lines）")
    pitch: Markdown = Field(description="一段话的电梯演讲：解决谁的什么问题、凭什么", examples=["让工厂设备停机可预测"])
    industries: list[vocabulary("industries")] = Field(min_length=1, description="目标行业（取自分类表 industries）")
    selling_points: list[Text] = Field(min_length=1, description="核心卖点，每条一句", examples=[["两周上线"]])
    competitors: list[Competitor] = internal("常被拿来比较的竞品，以及我们如何比较（含竞品弱点）", default_factory=list)
    specs: list[NamedText] = Field(default_factory=list, description="关键参数或配置")
    pricing: Text | None = Field(default=None, description="对客报价口径，如“标准版 8 万元/年起”；折扣权限写在 internal_note")
    internal_sections: list[Literal["pitch", "selling_points", "specs", "pricing"]] = Field(
        default_factory=list, description="只供同事参考的部分（如 pricing）：网站上标“内部”，对客一页纸里不出现"
    )
