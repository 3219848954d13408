"""A customer success story with measured results."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Item, Markdown, Model, Text, WanYuan, internal, reference, vocabulary


class Metric(Model):
    """One measured result: the value before and after."""

    name: Text = Field(description="指标名称，如“非计划停机时长”")
    before: float = Field(description="实施前的数值", examples=[40])
    after: float = Field(description="实施后的数值", examples=[18])
    unit: Text = Field(description="单位，如“小时/月”、“%”")
    better: Literal["higher", "lower"] | None = Field(default=None, description="数值越高越好（higher）还是越低越好（lower）；不写则不标好坏")


class Quote(Model):
    """What the customer said, and who said it."""

    text: Text = Field(description="客户原话（经客户同意）")
    speaker_role: Text = Field(description="说话人的职务，如“设备部部长”")


class CaseStudy(Item):
    """How one customer used our products and what changed."""

    customer: Text = Field(description="客户名称，可匿名，如“华东某汽车零部件企业”")
    anonymised: bool = Field(default=False, description="客户名称是否已匿名")
    industry: vocabulary("industries") = Field(description="客户所在行业（取自分类表 industries）")
    region: vocabulary("regions") = Field(description="所属销售区域（取自分类表 regions）")
    company_size: Literal["小型", "中型", "大型", "集团"] = Field(description="企业规模：小型、中型、大型或集团")
    products: list[reference("product")] = Field(min_length=1, description="使用的产品 id")
    summary: Text = Field(description="一句话概要，显示在列表和搜索结果中", examples=["设备上云三个月，非计划停机减少一半"])
    background: Markdown = Field(description="背景：客户是谁、业务现状", examples=["年产 20 万套底盘件，三条冲压线两班倒"])
    challenge: Markdown = Field(description="挑战：要解决的问题和代价", examples=["冲压线每月非计划停机约 40 小时"])
    solution: Markdown = Field(description="方案：我们做了什么、怎么推进的", examples=["先在一条线试点振动监测，再推广到全厂"])
    results: list[Metric] = Field(min_length=1, description="量化结果，每项有实施前后数值")
    quote: Quote | None = Field(default=None, description="客户证言")
    sales_cycle_days: int | None = internal("销售周期（天），从首次接触到签约", default=None, ge=1)
    deal_size: WanYuan | None = internal("合同金额，单位万元；也可连单位写，如“120万元”或“1200000元”", default=None, examples=[120])
    internal_sections: list[Literal["background", "challenge", "solution", "quote"]] = Field(
        default_factory=list, description="只供同事参考的部分（如 solution）：网站上标“内部”，对客一页纸里不出现"
    )
