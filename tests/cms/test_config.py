"""The generated form configuration agrees with every field of every model.

The expectations are read from the pydantic models themselves (field names,
descriptions, required-ness, annotations), not from the JSON Schema the
generator reads, so the two routes check each other.
"""

from __future__ import annotations

import types
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.archetypes import BLOCKS, load_archetypes
from generator.cms.config import Backend, cms_config
from generator.models import CONTENT_TYPES, Plan
from generator.validate import load_taxonomy
from tests.helpers import REPO_ROOT

CONFIG = cms_config(REPO_ROOT, Backend(local_url="http://127.0.0.1:8081/api/v1"))
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
TAXONOMY = load_taxonomy(REPO_ROOT)[0].vocabularies()  # type: ignore[union-attr]
ARCHETYPES = load_archetypes(REPO_ROOT)


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


def _extras(annotation: Any) -> dict[str, Any]:
    """Return the json_schema_extra and JSON Schema overrides an Annotated type carries."""
    found: dict[str, Any] = {}
    for meta in get_args(annotation)[1:] if get_origin(annotation) is Annotated else []:
        if isinstance(meta, FieldInfo) and isinstance(meta.json_schema_extra, dict):
            found.update(meta.json_schema_extra)
        found.update(getattr(meta, "json_schema", None) or {})
    return found


def expect_widget(field: dict[str, Any], annotation: Any, where: str, outer: dict[str, Any] | None = None) -> None:
    """Assert that the Decap `field` shows a value of type `annotation` (`outer`: the field's own schema extras)."""
    annotation = _without_none(annotation)
    extras = {**_extras(annotation), **(outer or {})}
    base = _without_none(get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation)
    if get_origin(base) is list:
        item = _without_none(get_args(base)[0])
        item_extras = _extras(item)
        if "x-vocabulary" in item_extras or "x-reference" in item_extras:
            assert field.get("multiple") is True, where
            expect_widget(field, item, where)
        elif isinstance(item, type) and issubclass(item, BaseModel):
            assert field["widget"] == "list", where
            expect_fields(field["fields"], item, where, optional_parent=False)
        elif get_origin(item) is Literal:  # a choice of several fixed values
            assert field["widget"] == "select" and field.get("multiple") is True, where
            assert [o["value"] for o in field["options"]] == list(get_args(item)), where
        else:
            assert field["widget"] == "list" and "field" in field, where
            expect_widget(field["field"], item, f"{where}[]")
    elif "x-vocabulary" in extras:
        assert field["widget"] == "select", where
        assert [o["value"] for o in field["options"]] == TAXONOMY[extras["x-vocabulary"]], where
    elif "x-reference" in extras:
        assert field["widget"] == "relation", where
        assert field["collection"] == extras["x-reference"] and field["value_field"] == "id", where
        assert field["collection"] in COLLECTIONS, where
    elif extras.get("contentMediaType") == "text/markdown":
        assert field["widget"] == "markdown", where
    elif base is date:
        assert field["widget"] == "datetime" and field["format"] == "YYYY-MM-DD" and field["time_format"] is False, where
    elif get_origin(base) is Literal:
        assert field["widget"] in ("select", "hidden"), where
        if field["widget"] == "select":
            assert [o["value"] for o in field["options"]] == list(get_args(base)), where
    elif isinstance(base, type) and issubclass(base, BaseModel):
        assert field["widget"] == "object", where
        expect_fields(field["fields"], base, where, optional_parent=not field["required"])
    elif base is bool:
        assert field["widget"] == "boolean", where
    elif base in (int, float) or extras.get("anyOf"):  # numbers, and figures that may be XX
        assert field["widget"] == "number", where
        assert field["value_type"] == ("int" if base is int else "float"), where
    else:
        assert base is str and field["widget"] == "string", where


def expect_fields(fields: list[dict[str, Any]], model: type[BaseModel], where: str, required: set[str] | None = None, optional_parent: bool = False) -> None:
    """Assert one form field per model field, in model order, with label, hint, required and widget.

    Inside an optional object nothing is required by the form (Decap would refuse to
    save the object left empty); `check` requires those fields once it is filled in.
    """
    assert [f["name"] for f in fields] == list(model.model_fields), where
    for field, (name, info) in zip(fields, model.model_fields.items(), strict=True):
        here = f"{where}.{name}"
        assert field["label"] and field["label"] in (info.description or ""), here
        assert field["hint"].startswith(info.description or "?"), here
        assert field["required"] == (not optional_parent and (info.is_required() or name in (required or set()))), here
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation  # type: ignore[valid-type]
        expect_widget(field, annotation, here, info.json_schema_extra if isinstance(info.json_schema_extra, dict) else None)


@pytest.mark.parametrize("content_type", [t for t in CONTENT_TYPES if t.kind != "plan"], ids=lambda t: t.kind)
def test_every_content_field_is_in_the_form(content_type: Any) -> None:
    collection = COLLECTIONS[content_type.kind]
    assert collection["folder"] == content_type.folder
    assert collection["extension"] == "yaml" and collection["format"] == "yaml"
    assert collection["identifier_field"] == "id" and collection["slug"] == "{{fields.id}}"
    expect_fields(collection["fields"], content_type.model, content_type.kind)


@pytest.mark.parametrize("archetype", ARCHETYPES, ids=lambda a: a.id)
def test_plan_collections_follow_their_archetype(archetype: Any) -> None:
    collection = COLLECTIONS[f"plan-{archetype.id}"]
    assert collection["folder"] == "content/plans"
    assert collection["filter"] == {"field": "archetype", "value": archetype.id}
    assert archetype.name in collection["label"]
    fields = collection["fields"]
    choice = next(f for f in fields if f["name"] == "archetype")
    assert choice == {**choice, "widget": "hidden", "default": archetype.id}
    expect_fields(fields, Plan, archetype.id, required=set(archetype.requires))
    for field in fields:
        if field["name"] in BLOCKS:
            assert archetype.section_of(field["name"]).heading in field["hint"], field["name"]


def test_the_form_is_chinese_and_saves_locally_or_to_the_host() -> None:
    assert CONFIG["locale"] == "zh_Hans"
    assert CONFIG["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    remote = cms_config(REPO_ROOT, Backend(remote={"name": "gitea", "repo": "sales/kb"}, editorial_workflow=True))
    assert remote["backend"] == {"name": "gitea", "repo": "sales/kb"}
    assert remote["publish_mode"] == "editorial_workflow" and "local_backend" not in remote


def test_a_model_change_reaches_the_form(tmp_path: Path) -> None:
    """A taxonomy value added to the file appears as a choice without touching the form."""
    repo = tmp_path / "repo"
    (repo / "site_config").mkdir(parents=True)
    taxonomy = (REPO_ROOT / "site_config" / "taxonomy.yaml").read_text(encoding="utf-8")
    (repo / "site_config" / "taxonomy.yaml").write_text(taxonomy.replace("regions:\n", "regions:\n  - 海外区\n", 1), encoding="utf-8")
    config = cms_config(repo, Backend())
    region = next(f for f in next(c for c in config["collections"] if c["name"] == "case-study")["fields"] if f["name"] == "region")
    assert region["options"][0] == {"label": "海外区", "value": "海外区"}
