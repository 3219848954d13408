"""Frequently asked questions about one product."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Item, Markdown, Model, Slug, Text, Visibility, internal, reference, vocabulary


class Question(Model):
    """One question and its answer; its id keeps links stable when the wording changes."""

    id: Slug = Field(description="问题的稳定标识（本文件内唯一），用作页面锚点")
    question: Text = Field(description="客户或销售实际会问的问题")
    answer: Markdown = Field(description="回答（Markdown），先给结论再给依据")
    stage: vocabulary("funnel_stages") = Field(description="最常被问到的销售阶段（取自分类表 funnel_stages）")
    tags: list[Text] = Field(default_factory=list, description="标签")
    visibility: Visibility = Field(default="customer", description="可见范围：customer（回答可以转给客户）或 internal（整条问答只供同事参考）")
    internal_note: Markdown | None = internal("给同事的补充：折扣权限、审批、内部口径等不能告诉客户的内容", default=None)


class FaqSet(Item):
    """All FAQs of one product, one file per product."""

    product: reference("product") = Field(description="所属产品的 id")
    questions: list[Question] = Field(min_length=1, description="问题列表")
