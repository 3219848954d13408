"""The JSON Schema files editors use agree with the models and accept the demo content."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load import read_document
from generator.models import CONTENT_TYPES
from tests.helpers import REPO_ROOT, build_file_tree, salesbook


def test_committed_schemas_are_up_to_date() -> None:
    run = salesbook("schema", "--check", cwd=REPO_ROOT)
    assert (run.code, run.out, run.err.strip()) == (0, "", "schema 文件都是最新的。")


def test_schema_check_fails_when_content_adds_an_id(minimal: Path) -> None:
    assert salesbook("schema", cwd=minimal).code == 0
    original = (minimal / "content/products/demo-cloud.yaml").read_text(encoding="utf-8")
    build_file_tree(minimal, {"content/products/demo-edge.yaml": original.replace("id: demo-cloud", "id: demo-edge")})
    run = salesbook("schema", "--check", cwd=minimal)
    assert run.code == 1
    assert run.lines == ["已过期：schemas/faq.schema.json", "已过期：schemas/case-study.schema.json", "已过期：schemas/playbook.schema.json"]
    assert run.err.strip() == "3 个 schema 文件与内容或模型不一致：运行 salesbook schema 重新生成，并一起提交"


def test_references_offer_the_repository_ids() -> None:
    schema = json.loads((REPO_ROOT / "schemas/case-study.schema.json").read_text(encoding="utf-8"))
    products = schema["properties"]["products"]["items"]["enum"]
    assert "lt-mes-lite" in products and products == sorted(products)
    playbook = json.loads((REPO_ROOT / "schemas/playbook.schema.json").read_text(encoding="utf-8"))
    assert "first-contact" in playbook["properties"]["related_sops"]["items"]["enum"]


@pytest.mark.parametrize("stem", ["taxonomy", "site", "review"])
def test_every_settings_file_has_a_schema_line_and_passes_it(stem: str) -> None:
    path = REPO_ROOT / "site_config" / f"{stem}.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"
    schema = json.loads((REPO_ROOT / "schemas" / f"{stem}.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(read_document(path, path.name).plain, default=str))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_review_schema_knows_the_content_types() -> None:
    schema = json.loads((REPO_ROOT / "schemas/review.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["days"]["propertyNames"]["enum"] == [t.kind for t in CONTENT_TYPES]


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=lambda t: t.kind)
def test_schemas_accept_the_demo_content(content_type) -> None:
    schema = json.loads((REPO_ROOT / "schemas" / f"{content_type.kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted((REPO_ROOT / content_type.folder).glob("*.yaml"))
    assert files
    for path in files:
        document = read_document(path, path.name)
        data = json.loads(json.dumps(document.plain, default=str))  # dates as YAML text editors see
        errors = [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path.name


def test_schema_underlines_an_unknown_industry() -> None:
    schema = json.loads((REPO_ROOT / "schemas/case-study.schema.json").read_text(encoding="utf-8"))
    assert "汽车及零部件" in schema["properties"]["industry"]["enum"]
    assert schema["additionalProperties"] is False
