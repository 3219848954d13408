"""One Decap CMS field per model field, read from the model's JSON Schema.

The schema already says everything a form needs: the Chinese description (the
hint the scaffolds of `salesbook new` write above each field), whether a field
is required, taxonomy lists (`x-vocabulary`), references to other items
(`x-reference`), dates, Markdown, numbers and nested objects. Each schema shape
maps to one Decap widget; nothing here is written per model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.fmt import resolve

Node = dict[str, Any]
Field = dict[str, Any]

DATE_FORMAT = "YYYY-MM-DD"
LABEL_END = re.compile(r"[：，（(；;]")
"""A field's label is its description up to the first of these; the whole description is the hint."""


@dataclass(frozen=True)
class Vocabularies:
    """What the form offers for choice fields: taxonomy values, option labels, collection names."""

    taxonomy: dict[str, list[str]]
    collection_of: Callable[[str], str]
    """Content type (`x-reference`) -> the collection its items are picked from."""
    option_labels: dict[str, str]
    """Display text for a fixed choice (such as `higher`); a choice without one shows as is."""


def label_of(description: str) -> str:
    """Return the short label at the start of a field description."""
    return LABEL_END.split(description, maxsplit=1)[0].strip() or description


def form_fields(schema: Node, vocabularies: Vocabularies, also_required: frozenset[str] = frozenset()) -> list[Field]:
    """Return the Decap fields of the object `schema` (a model's JSON Schema), in model order.

    `also_required` names top-level fields the form requires although the model does not
    (the blocks a plan archetype requires).
    """
    return _object_fields(schema, schema, vocabularies, also_required)


def _object_fields(root: Node, node: Node, vocabularies: Vocabularies, also_required: frozenset[str] = frozenset()) -> list[Field]:
    required = set(node.get("required", [])) | also_required
    return [_field(root, name, prop, name in required, vocabularies) for name, prop in node.get("properties", {}).items()]


def relax(field: Field) -> None:
    """Make the fields inside an optional object optional in the form, as deep as objects go.

    Decap checks an object's required fields even when the whole object is left
    empty; `salesbook check` still requires them once the object is filled in.
    """
    for inner in field.get("fields", []) if field.get("widget") == "object" else []:
        inner["required"] = False
        inner.pop("min", None)
        inner.pop("default", None)
        relax(inner)


def _field(root: Node, name: str, prop: Node, required: bool, vocabularies: Vocabularies) -> Field:
    description = prop.get("description") or resolve(root, prop).get("description", "")
    field: Field = {"name": name, "label": label_of(description), "hint": description, "required": required}
    field.update(_widget(root, prop, vocabularies))
    if not required:
        relax(field)
    if "default" in prop and prop["default"] not in (None, [], {}) and "default" not in field:
        field["default"] = prop["default"]
    return field


def _widget(root: Node, prop: Node, vocabularies: Vocabularies) -> Field:
    """Return the widget options for the value schema `prop`."""
    target = resolve(root, prop)
    if target.get("type") == "array":
        return _list_widget(root, target, vocabularies)
    if target.get("type") == "object":
        return {"widget": "object", "collapsed": False, "fields": _object_fields(root, target, vocabularies)}
    return _scalar_widget(root, prop, target, vocabularies)


def _list_widget(root: Node, target: Node, vocabularies: Vocabularies) -> Field:
    items = target.get("items", {})
    item = resolve(root, items)
    bounds = {"min": target["minItems"]} if target.get("minItems") else {}
    if "x-vocabulary" in item or "x-reference" in item or "enum" in item:  # a multiple choice
        return {**_scalar_widget(root, items, item, vocabularies), "multiple": True, **bounds}
    if item.get("type") == "object":
        fields = _object_fields(root, item, vocabularies)
        texts = [f["name"] for f in fields if f["widget"] == "string"]
        summary = {"summary": f"{{{{fields.{_summary_field(texts)}}}}}"} if texts else {}
        return {"widget": "list", "fields": fields, **summary, **bounds}
    field = {"name": "item", "label": " ", **_scalar_widget(root, items, item, vocabularies)}
    return {"widget": "list", "collapsed": False, "summary": "{{fields.item}}", "field": field, **bounds}


def _summary_field(texts: list[str]) -> str:
    """Return the text field that names a list item when it is folded (a question, not its id)."""
    return next((name for name in texts if name != "id"), texts[0])


def _scalar_widget(root: Node, prop: Node, target: Node, vocabularies: Vocabularies) -> Field:
    if name := target.get("x-vocabulary"):
        return _select(vocabularies.taxonomy.get(name, []), vocabularies)
    if kind := target.get("x-reference"):
        collection = vocabularies.collection_of(kind)
        return {"widget": "relation", "collection": collection, "value_field": "id", "search_fields": ["id", "title"], "display_fields": ["{{title}}（{{id}}）"]}
    if "enum" in target:
        return _select(target["enum"], vocabularies)
    if target.get("format") == "date":
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
    if target.get("contentMediaType") == "text/markdown":
        return {"widget": "markdown", "minimal": True}
    if target.get("type") == "boolean":
        return {"widget": "boolean"}
    if number := _number(prop, target):
        return number
    if pattern := target.get("pattern"):
        return {"widget": "string", "pattern": [pattern, target.get("description") or prop.get("description", pattern)]}
    return {"widget": "string"}


def _number(prop: Node, target: Node) -> Field | None:
    """Return a number widget for integers, floats and figures that may also be `XX`."""
    options = [target, *(o for o in prop.get("anyOf", []) + target.get("anyOf", []) if o.get("type") in ("integer", "number"))]
    numeric = next((o for o in options if o.get("type") in ("integer", "number")), None)
    if numeric is None:
        return None
    widget: Field = {"widget": "number", "value_type": "int" if numeric["type"] == "integer" else "float"}
    bounds = {"min": numeric.get("minimum", numeric.get("exclusiveMinimum")), "max": numeric.get("maximum")}
    widget.update({key: value for key, value in bounds.items() if value is not None})
    return widget


def _select(values: list[Any], vocabularies: Vocabularies) -> Field:
    options = [{"label": vocabularies.option_labels.get(str(value), str(value)), "value": value} for value in values]
    return {"widget": "select", "options": options}
