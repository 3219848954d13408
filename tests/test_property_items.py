"""Property tests: any item the schema allows checks clean (and survives a YAML round trip)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.load import new_yaml
from generator.models import CONTENT_TYPES, ContentType
from generator.models.common import PLACEHOLDER
from generator.schema import content_schema
from generator.validate import check_repository, load_taxonomy
from generator.models.plan import period_end
from generator.present import total
from tests.helpers import FIXTURES

MINIMAL = FIXTURES / "minimal"
SAFE_TEXT = "^[^\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff\\u2028\\u2029]*[^\\s\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff\\u2028\\u2029][^\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff\\u2028\\u2029]*$"
FIXTURE_IDS = {t.kind: sorted(p.stem for p in (MINIMAL / t.folder).glob("*.yaml")) for t in CONTENT_TYPES}
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def generation_schema(content_type: ContentType) -> dict[str, Any]:
    """Return the editors' schema, narrowed so generated values are meaningful to write."""
    taxonomy, _ = load_taxonomy(MINIMAL)
    assert taxonomy is not None
    schema = content_schema(content_type.model, taxonomy.vocabularies(), FIXTURE_IDS)
    _narrow(schema)
    schema["properties"].pop("attachments", None)  # paths need files; covered by the hostile-input tests
    return schema


def _narrow(node: Any) -> None:
    if isinstance(node, dict):
        if "x-reference" in node:
            node["enum"] = FIXTURE_IDS[node["x-reference"]]
        elif node.get("type") == "string" and not ({"enum", "pattern", "format", "const"} & set(node)):
            node["pattern"] = SAFE_TEXT
            node["maxLength"] = 60
        elif node.get("type") == "number":
            node["maximum"] = min(node.get("maximum", 1e9), 1e9)
            node.setdefault("minimum", -1e9)
        elif node.get("type") == "array":
            node["maxItems"] = 3
        for value in node.values():
            _narrow(value)
    elif isinstance(node, list):
        for value in node:
            _narrow(value)


def from_schema(schema: dict[str, Any], root: dict[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """Return a strategy for values valid under the (small) JSON Schema subset pydantic emits."""
    root = root or schema
    if "$ref" in schema:
        return st.deferred(lambda: from_schema(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root))
    if "anyOf" in schema:
        return st.one_of([from_schema(option, root) for option in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        required = set(schema.get("required", []))
        fields = {k: from_schema(v, root) for k, v in schema.get("properties", {}).items()}
        return st.fixed_dictionaries(
            {k: v for k, v in fields.items() if k in required},
            optional={k: v for k, v in fields.items() if k not in required},
        )
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), root), min_size=schema.get("minItems", 0), max_size=schema.get("maxItems", 3))
    if kind == "string" and schema.get("format") == "date":
        return st.dates().map(lambda d: d.isoformat())
    if kind == "string":
        pattern = schema.get("pattern", SAFE_TEXT)
        return st.from_regex(pattern, fullmatch=True).filter(lambda s: len(s) <= schema.get("maxLength", 60))
    if kind in ("number", "integer"):
        low, high = schema.get("minimum", -1e9), schema.get("maximum", 1e9)
        numbers = st.integers(int(max(low, -1e9)), int(min(high, 1e9)))
        return numbers if kind == "integer" else st.one_of(numbers, st.floats(low, high, allow_nan=False))
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    raise NotImplementedError(f"no strategy for schema {schema}")


def make_consistent(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """Make generated data obey the rules no schema expresses: unique question ids, plan sums."""
    if kind == "faq":
        for index, question in enumerate(data["questions"]):
            if "id" in question:  # optional: a question without one is known by its position
                question["id"] = f"{question['id']}-{index}"
    if kind == "plan":
        _balance_plan(data)
    return data


def _balance_plan(plan: dict[str, Any]) -> None:
    rows = [row for breakdown in plan.get("breakdowns", []) for row in breakdown["rows"]]
    for line in [*rows, *(plan.get("budget") or {}).get("lines", [])]:
        if isinstance(line["amount"], float):
            line["amount"] = round(line["amount"], 2)  # amounts as people write them: the sum is exact
    if plan.get("breakdowns"):
        plan.pop("targets", None)  # a breakdown's total must equal its target: none, then,
        del plan["breakdowns"][1:]  # and one table (tables of one target must agree)
    if plan.get("targets") or plan.get("breakdowns"):
        plan.pop("battle_map", None)  # its last cumulative figure must equal the month's target
    elif plan.get("battle_map"):
        battles = plan["battle_map"]["battles"]
        figures = sorted(b["cumulative"] for b in battles if b["cumulative"] != PLACEHOLDER)
        for battle in (b for b in battles if b["cumulative"] != PLACEHOLDER):
            battle["cumulative"] = figures.pop(0)  # cumulative figures only grow
    for breakdown in plan.get("breakdowns", []):
        breakdown.pop("target", None)
        breakdown["unit"] = "万元"  # tables that split one target must count in units that compare
        breakdown["total"] = _sum([row["amount"] for row in breakdown["rows"]])
    for kpi_set in plan.get("kpis", []):
        _split_hundred(kpi_set["items"], "weight")
    for share in ("customer_share", "revenue_share"):
        _split_hundred(plan.get("tiers", []), share)
    if plan.get("budget") and plan["budget"].get("total") is not None:
        plan["budget"]["total"] = _sum([line["amount"] for line in plan["budget"]["lines"]])
    end = period_end(plan["period"]).isoformat()
    plan["prepared"] = min(plan["prepared"], end)
    for breakdown in plan.get("breakdowns", []):
        if breakdown["dimension"] in ("quarter", "month"):
            breakdown["dimension"] = "region"


def _sum(amounts: list[Any]) -> Any:
    exact_sum = total(amounts)
    return exact_sum if isinstance(exact_sum, str) else float(exact_sum)


def _split_hundred(rows: list[dict[str, Any]], key: str) -> None:
    for index, row in enumerate(rows):
        row[key] = 100 - 10 * (len(rows) - 1) if index == 0 else 10


def write_item(root: Path, content_type: ContentType, data: dict[str, Any]) -> Path:
    path = root / content_type.folder / f"{data['id']}.yaml"
    buffer = io.StringIO()
    new_yaml().dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=lambda t: t.kind)
def test_every_valid_item_checks_clean(content_type: ContentType, tmp_path_factory: pytest.TempPathFactory) -> None:
    workspace = tmp_path_factory.mktemp(content_type.kind)

    @PROPERTY
    @given(data=from_schema(generation_schema(content_type)), nonce=st.integers(0, 10**6))
    def check_one(data: dict[str, Any], nonce: int) -> None:
        assume(content_type.kind == "plan" or PLACEHOLDER not in repr(data))
        root = workspace / f"repo-{nonce}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(MINIMAL, root)
        write_item(root, content_type, make_consistent(content_type.kind, data))
        result = check_repository(root)
        assert [p.format() for p in result.errors] == []
        written = result.repository.get(content_type.kind, data["id"])
        assert written is not None and written.title == data["title"].strip()
        shutil.rmtree(root)

    check_one()
