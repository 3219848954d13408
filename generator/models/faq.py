"""Frequently asked questions about one product."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Item, Markdown, Model, Slug, Text, reference, vocabulary


class Question(Model):
    """One question and its answer; its id keeps links stable when the wording changes."""

    id: Slug = Field(description="问题的稳定标识（本文件内唯一），用作页面锚点", examples=["deploy-time"])
    question: Text = Field(description="客户或销售实际会问的问题", examples=["部署要多长时间？"])
    answer: Markdown = Field(description="回答（Markdown），先给结论再给依据", examples=["标准部署两周，含现场调试"])
    stage: vocabulary("funnel_stages") = Field(description="最常被问到的销售阶段（取自分类表 funnel_stages）")
    tags: list[Text] = Field(default_factory=list, description="标签")


class FaqSet(Item):
    """All FAQs of one product, one file per product."""

    product: reference("product") = Field(description="所属产品的 id")
    questions: list[Question] = Field(min_length=1, description="问题列表")
