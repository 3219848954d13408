"""The JSON Schema files editors use agree with the models and accept the demo content."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load import read_document
from generator.models import CONTENT_TYPES
from tests.helpers import REPO_ROOT, salesbook


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    run = salesbook("schema", "-o", tmp_path)
    assert run.code == 0, run.err
    for written in sorted(tmp_path.glob("*.json")):
        committed = REPO_ROOT / "schemas" / written.name
        assert committed.read_text(encoding="utf-8") == written.read_text(encoding="utf-8"), f"run `salesbook schema`: {written.name} changed"


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
