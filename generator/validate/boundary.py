"""The customer boundary: customer-visible text that looks internal is a located warning.

The rules live in site_config/audience.yaml so a company can extend them: patterns
(discount rates, discount authority, floor prices, margins...), the names of
competitors, and how an anonymised customer is written. Only text a customer may
see is read (generator.audience); internal fields and items are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from generator.audience import Location, customer_texts
from generator.errors import Problem, Severity, display_path, field_path
from generator.load import Document, read_document
from generator.models import CaseStudy, Item
from generator.models.common import Model, Text, ValidationContext
from generator.modelcheck import validate_item

AUDIENCE_FILE = "site_config/audience.yaml"


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise PydanticCustomError("bad_pattern", "not a regular expression: {error}", {"error": str(error)}) from None
    return value


Pattern = Annotated[Text, AfterValidator(_compiles)]
"""A Python regular expression."""


class Rule(Model):
    """One kind of internal-looking text."""

    name: Text = Field(description="规则名称，显示在警告里，如“具体折扣率”")
    pattern: Pattern = Field(description="正则表达式，如 `9\\d\\s*折`")
    advice: Text = Field(description="怎么改，如“折扣写进 internal_note”")


class Anonymity(Model):
    """How an anonymised customer is written, and what gives a real name away."""

    marker: Text = Field(default="某", description="匿名写法必须包含的字，如“华东某汽车零部件企业”里的“某”")
    company_name: Pattern = Field(
        default=r"[\u4e00-\u9fff]{2,12}(?:股份有限公司|有限责任公司|有限公司)", description="公司全称的正则：匿名案例的对客文字里不应出现"
    )
    own_names: list[Text] = Field(default_factory=list, description="我方公司的名称：出现在匿名案例里也没关系")


class AudienceRules(Model):
    """What `salesbook check` looks for in customer-visible text (site_config/audience.yaml)."""

    patterns: list[Rule] = Field(default_factory=list, description="看起来像内部信息的写法")
    competitors: list[Text] = Field(default_factory=list, description="竞品名称：在对客文字里点名竞品会被提示")
    anonymity: Anonymity = Field(default_factory=Anonymity, description="匿名案例的写法")


def load_audience_rules(root: Path) -> tuple[AudienceRules, list[Problem]]:
    """Read site_config/audience.yaml (no rules when absent); return the rules and the file's problems."""
    path = root / AUDIENCE_FILE
    if not path.is_file():
        return AudienceRules(), []
    document = read_document(path, display_path(path, root))
    if isinstance(document, list):
        return AudienceRules(), document
    rules, problems = validate_item(document, AudienceRules, ValidationContext({}))  # type: ignore[arg-type]
    return (rules if isinstance(rules, AudienceRules) else AudienceRules()), problems


def boundary_problems(item: Item, document: Document, rules: AudienceRules) -> list[Problem]:
    """Return a located warning for each internal-looking text a customer could see in `item`."""
    finder = _Finder(document)
    problems = []
    for loc, text in customer_texts(item):
        for rule in rules.patterns:
            for match in re.finditer(rule.pattern, text):
                problems.append(finder.problem(loc, text, match.start(), "boundary.pattern", rule=rule.name, match=match.group(), advice=rule.advice))
        for name in rules.competitors:
            for start in _occurrences(text, name):
                problems.append(finder.problem(loc, text, start, "boundary.competitor", name=name))
    if isinstance(item, CaseStudy):
        problems.extend(_echo_problems(item, finder))
        if item.anonymised:
            problems.extend(_anonymity_problems(item, finder, rules.anonymity))
    return problems


def _echo_problems(case: CaseStudy, finder: _Finder) -> Iterator[Problem]:
    """Point at customer text that repeats an internal figure: the deal size or the sales cycle."""
    echoes = []
    if case.deal_size is not None:
        echoes.append(("deal_size", rf"(?<![\d.,]){_figure(case.deal_size)}\s*万"))
    if case.sales_cycle_days is not None:
        echoes.append(("sales_cycle_days", rf"(?<![\d.,]){case.sales_cycle_days}\s*天"))
    for loc, text in customer_texts(case):
        for name, pattern in echoes:
            for match in re.finditer(pattern, text):
                yield finder.problem(loc, text, match.start(), "boundary.internal_value", field=name, match=match.group())


def _figure(value: float) -> str:
    """Return a figure as the text would write it (48.0 as "48"), escaped for a pattern."""
    return re.escape(f"{value:g}")


def _anonymity_problems(case: CaseStudy, finder: _Finder, anonymity: Anonymity) -> Iterator[Problem]:
    if anonymity.marker not in case.customer:
        yield finder.problem(("customer",), case.customer, 0, "boundary.not_anonymous", customer=case.customer, marker=anonymity.marker)
    for loc, text in customer_texts(case):
        for match in re.finditer(anonymity.company_name, text):
            if not any(own in match.group() for own in anonymity.own_names):
                yield finder.problem(loc, text, match.start(), "boundary.company_named", match=match.group())


def _occurrences(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + len(needle))


class _Finder:
    """Turn a match inside a field's text into the line and column where the file holds it."""

    def __init__(self, document: Document):
        self.document = document
        self.lines = document.text.splitlines()

    def problem(self, loc: Location, text: str, start: int, code: str, **params: object) -> Problem:
        line, col = self.locate(loc, text, start)
        return Problem(self.document.display, line, col, field_path(loc), code, params, Severity.WARNING)

    def locate(self, loc: Location, text: str, start: int) -> tuple[int, int]:
        """Find the matched words in the file from the field's first line; else point at the field."""
        line, col = self.document.locate(loc)
        words = text[start:].split("\n", 1)[0][:12]
        occurrence = text[:start].count(words)  # earlier copies of the same words in this field
        for number in range(line - 1, len(self.lines)):
            found = self._find(number, words, col - 1 if number == line - 1 else 0)
            for position in found:
                if occurrence == 0:
                    return number + 1, position + 1
                occurrence -= 1
        return line, col

    def _find(self, number: int, words: str, offset: int) -> list[int]:
        row = self.lines[number]
        return [m.start() for m in re.finditer(re.escape(words), row) if m.start() >= offset] if words else []
