"""Frequently asked questions about one product."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import Field, model_validator

from generator.models.common import Item, Markdown, Model, Slug, Text, Visibility, internal, reference, vocabulary


class Question(Model):
    """One question and its answer; its id keeps links stable when the wording changes."""

    id: Slug = Field(default="", description="问题的稳定标识（本文件内唯一），用作页面锚点；不写则由问题文字生成，salesbook fmt 会把它写进文件", examples=["deploy-time"])
    question: Text = Field(description="客户或销售实际会问的问题", examples=["部署要多长时间？"])
    answer: Markdown = Field(description="回答（Markdown），先给结论再给依据", examples=["标准部署两周，含现场调试"])
    stage: vocabulary("funnel_stages") = Field(description="最常被问到的销售阶段（取自分类表 funnel_stages）")
    tags: list[Text] = Field(default_factory=list, description="标签")
    visibility: Visibility = Field(default="customer", description="可见范围：customer（回答可以转给客户）或 internal（整条问答只供同事参考）")
    internal_note: Markdown | None = internal("给同事的补充：折扣权限、审批、内部口径等不能告诉客户的内容", default=None)

    @model_validator(mode="before")
    @classmethod
    def _generated_id(cls, data: Any) -> Any:
        """Give a question without an id the one generated from its text."""
        if isinstance(data, dict) and "id" not in data and isinstance(data.get("question"), str):
            return {"id": question_id(data["question"]), **data}
        return data


def question_id(question: str) -> str:
    """Return the stable id of a question that has none: `q-` and 8 hex digits of its text."""
    return "q-" + hashlib.blake2s(question.strip().encode("utf-8"), digest_size=4).hexdigest()


class FaqSet(Item):
    """All FAQs of one product, one file per product."""

    product: reference("product") = Field(description="所属产品的 id")
    questions: list[Question] = Field(min_length=1, description="问题列表")
