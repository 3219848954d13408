"""Field types shared by every content model, and the base every item extends.

Taxonomy values and cross-references are checked while validating, through the
pydantic validation context (`ValidationContext`): a wrong value fails at its
own location, like any other field error.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

PLACEHOLDER = "XX"
MAX_TAGS = 30
"""Tags per item: enough to file anything, few enough that tag pages stay quick to build."""
KEBAB_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PERIOD_PATTERN = r"^(19|20|21)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"
URL_PATTERN = r"^https?://\S+$"
NO_MARKUP_PATTERN = r'^[^<>"]*$'
"""Text the site's theme prints as it is (the site name in every page's header): no HTML."""
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^[0-9+\-\s()]{5,}$"


@dataclass
class ValidationContext:
    """What validation needs beyond one file: the taxonomy and every known id."""

    vocabularies: dict[str, list[str]]
    ids: dict[str, set[str]] = field(default_factory=dict)
    root: Path | None = None
    """The repository root, against which attachment paths are resolved."""


def closest(value: str, choices: list[str] | set[str]) -> str:
    """Return the choice nearest to `value`, or "" when nothing is close."""
    matches = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return matches[0] if matches else ""


def closest_term(value: str, choices: list[str]) -> str:
    """Return the taxonomy term `value` slipped from: an abbreviation (华东 -> 华东区), the term with a
    word added after it (医药行业 -> 医药) or a one-character typo; never a term that merely
    contains it (客户经理 is not 大客户经理)."""
    if value.isascii():
        return closest(value, choices)
    longer = [choice for choice in choices if choice.startswith(value)]
    shorter = sorted((choice for choice in choices if value.startswith(choice)), key=len)
    typos = [choice for choice in choices if len(choice) == len(value) and sum(a != b for a, b in zip(choice, value)) == 1]
    found = longer if len(longer) == 1 else shorter[-1:] or typos
    return found[0] if len(found) == 1 else ""


def _context(info: ValidationInfo) -> ValidationContext | None:
    return info.context if isinstance(info.context, ValidationContext) else None


def _vocabulary_check(name: str):
    def check(value: str, info: ValidationInfo) -> str:
        ctx = _context(info)
        if ctx is not None:
            allowed = ctx.vocabularies.get(name, [])
            if value not in allowed:
                raise PydanticCustomError(
                    "unknown_vocabulary",
                    "`{value}` is not in the taxonomy list `{vocabulary}`",
                    {"value": value, "vocabulary": name, "suggestion": closest_term(value, allowed)},
                )
        return value

    return check


def _reference_check(kind: str):
    def check(value: str, info: ValidationInfo) -> str:
        ctx = _context(info)
        if ctx is not None:
            known = ctx.ids.get(kind, set())
            if value not in known:
                raise PydanticCustomError(
                    "dangling_ref",
                    "no {kind} `{ref}` exists",
                    {"kind": kind, "ref": value, "suggestion": closest(value, known)},
                )
        return value

    return check


def _repository_path(value: str, info: ValidationInfo) -> str:
    """Refuse paths that are absolute, climb out of the repository or point at nothing."""
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or re.match(r"^[A-Za-z]:", value):
        raise PydanticCustomError("path_absolute", "must be a path relative to the repository")
    if ".." in posix.parts:
        raise PydanticCustomError("path_escapes", "must stay inside the repository")
    ctx = _context(info)
    if ctx is not None and ctx.root is not None:
        root = ctx.root.resolve()
        target = (root / posix).resolve()
        if not target.is_relative_to(root):
            raise PydanticCustomError("path_escapes", "must stay inside the repository")
        if not target.is_file():
            raise PydanticCustomError("path_not_found", "no file at {path}", {"path": value})
    return posix.as_posix()


def _iso_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise PydanticCustomError("not_a_date", "is not a valid date (YYYY-MM-DD)")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("not_a_date", "is not a valid date (YYYY-MM-DD)")


def _number_or_placeholder(low: float | None, high: float | None):
    def parse(value: Any) -> float | str:
        if value == PLACEHOLDER:
            return PLACEHOLDER
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PydanticCustomError("amount_type", "should be a number or XX")
        if low is not None and value < low:
            raise PydanticCustomError("greater_than_equal", "must be at least {ge}", {"ge": low})
        if high is not None and value > high:
            raise PydanticCustomError("less_than_equal", "must be at most {le}", {"le": high})
        return value

    return parse


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty plain text."""

Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), WithJsonSchema({"type": "string", "minLength": 1, "contentMediaType": "text/markdown"})]
"""Non-empty Markdown text."""

Slug = Annotated[str, StringConstraints(pattern=KEBAB_PATTERN)]
"""A kebab-case identifier."""

IsoDate = Annotated[date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]
"""A calendar date written YYYY-MM-DD."""

Period = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
"""A plan period: a year, a quarter or a month."""

Amount = Annotated[
    float | str,
    PlainValidator(_number_or_placeholder(0, None)),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, {"const": PLACEHOLDER}]}),
]
"""A non-negative figure, or `XX` while it is not yet known (plans only)."""

Percent = Annotated[
    float | str,
    PlainValidator(_number_or_placeholder(0, 100)),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"const": PLACEHOLDER}]}),
]
"""A percentage from 0 to 100, or `XX` (plans only)."""

Value = Annotated[
    float | str,
    PlainValidator(lambda v: v if isinstance(v, str) and v.strip() else _number_or_placeholder(None, None)(v)),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}]}),
]
"""A figure, or a short text such as `3:1` or `+40`."""


def _in_wan_yuan(value: Any) -> Any:
    """Accept 120, "120万元", "120 万" or "1200000元", and return the amount in 万元."""
    if isinstance(value, str):
        written = re.fullmatch(r" *([0-9]+(?:\.[0-9]+)?) *(万元|万|元) *", unicodedata.normalize("NFKC", value))
        if written:
            amount = float(written.group(1))
            return amount / 10000 if written.group(2) == "元" else amount
    return value


WanYuan = Annotated[
    float,
    BeforeValidator(_in_wan_yuan),
    Field(ge=0),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)? *(万元|万|元)$"}]}),
]
"""Money in 万元 (10,000 yuan): a number, or a figure written with its unit (`120万元`, `1200000元`)."""

RepoPath = Annotated[Text, AfterValidator(_repository_path)]
"""A file inside the repository, written relative to its root (e.g. `assets/x.pdf`)."""


def vocabulary(name: str) -> Any:
    """Annotate a text field whose value must come from taxonomy list `name`."""
    return Annotated[Text, AfterValidator(_vocabulary_check(name)), Field(json_schema_extra={"x-vocabulary": name})]


def reference(kind: str) -> Any:
    """Annotate a field holding the id of an item of content type `kind`."""
    return Annotated[Slug, AfterValidator(_reference_check(kind)), Field(json_schema_extra={"x-reference": kind})]


Visibility = Literal["customer", "internal"]
"""Who may see a part of the content: customers too, or colleagues only."""

INTERNAL = "internal"
AUDIENCE_KEY = "x-audience"
"""The JSON Schema keyword that marks a field internal by nature (editors show it on hover)."""


def internal(description: str, **kwargs: Any) -> Any:
    """Declare a field internal by nature: kept out of everything a customer sees, marked 内部 on the site."""
    return Field(description=f"【内部】{description}", json_schema_extra={AUDIENCE_KEY: INTERNAL}, **kwargs)


def is_internal_field(model: type[BaseModel], name: str) -> bool:
    """Return whether field `name` of `model` was declared with `internal()`."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get(AUDIENCE_KEY) == INTERNAL


class Model(BaseModel):
    """Strict base: unknown keys are errors, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Attachment(Model):
    """A file that belongs with an item, such as a reference letter or a photo."""

    title: Text = Field(description="附件名称")
    path: RepoPath = Field(description="相对仓库根目录的路径，如 assets/case-studies/x.pdf")


class Item(Model):
    """Fields every content item carries."""

    id: Slug = Field(description="唯一标识：小写英文、数字和连字符，必须与文件名一致")
    title: Text = Field(description="标题，显示在页面和搜索结果中", examples=["某汽车零部件企业：停机减少一半"])
    owner: Text = Field(description="负责保持内容准确的人或角色", examples=["华东区 王磊"])
    reviewed: IsoDate = Field(description="最近一次审核日期，格式 YYYY-MM-DD")
    tags: list[Text] = Field(default_factory=list, max_length=MAX_TAGS, description=f"标签，便于在网站上筛选（最多 {MAX_TAGS} 个）")
    attachments: list[Attachment] = Field(default_factory=list, description="附件：仓库内文件（如 assets/ 下的 PDF、图片），网站上提供下载")
    visibility: Visibility = Field(
        default="customer", description="可见范围：customer（可以给客户看）或 internal（整篇只供同事参考，网站上标“内部”，不生成对客资料）"
    )
    internal_note: Markdown | None = internal("内部备注：只给同事看的背景、经验和注意事项", default=None)


class Risk(Model):
    """A risk and how to respond to it."""

    risk: Text = Field(description="风险描述")
    response: Text = Field(description="应对措施")


class NamedText(Model):
    """A short labelled text, such as a competitor and how we compare."""

    name: Text = Field(description="名称")
    detail: Text = Field(description="说明")
