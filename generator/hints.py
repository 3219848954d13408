"""What turns "wrong value" into "write it like this": echoes, examples and ranked suggestions.

Pydantic says a value has the wrong type; a person needs the value quoted back,
the reason in their terms (a thousands comma, a unit typed after the number, a
date written 2026-11-3) and the exact text that would pass. A missing field
needs its one-line description and an example line; an unknown key needs the
field it most likely meant, judged first by what its value would fit.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from generator.fmt import resolve
from generator.models.common import ValidationContext, closest

NUMBER_KINDS = {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float", "amount_type"}
DATE_KINDS = {"not_a_date", "date_parsing", "date_type", "date_from_datetime_parsing"}
NUMBER_WITH_UNIT = re.compile(r"^([0-9][0-9,，]*(?:\.[0-9]+)?)\s*(万元|万|元|亿元|亿|%|％|天|小时|个|家|人|次|台)$")
NUMBER_WITH_COMMAS = re.compile(r"^[0-9]{1,3}([,，][0-9]{3})+(\.[0-9]+)?$")
LOOSE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
EXAMPLE_IN_DESCRIPTION = re.compile(r"如\s*[“\"]([^”\"]+)[”\"]|如\s*([A-Za-z0-9][^\s，；、）]*)")
LIST_SEPARATORS = re.compile(r"\s*[，、,;；]\s*")
DATE_EXAMPLE = "2026-11-03"


def value_hint(kind: str, value: Any) -> tuple[str, dict[str, Any]] | None:
    """Return a message that echoes a wrong `value` and says what to write, if one fits `kind`."""
    if value is None and kind in ("string_type", *NUMBER_KINDS, *DATE_KINDS):
        return "value.empty", {}
    if not isinstance(value, str):
        return None
    text = value.strip()
    if kind in NUMBER_KINDS:
        return _number_hint(text)
    if kind in DATE_KINDS:
        return _date_hint(text)
    if kind in ("bool_parsing", "bool_type"):
        return "value.bool", {"value": text}
    if kind == "list_type":
        items = [part for part in LIST_SEPARATORS.split(text.strip("[]【】［］")) if part]
        return "value.list", {"value": text, "fixed": "[" + ", ".join(items) + "]"}
    if kind in ("dict_type", "model_type", "model_attributes_type") and re.match(r"^[A-Za-z_]\w*\s*：", text):
        return "value.fullwidth_colon", {"value": text}
    return None


def joined_terms(detail: Any, vocabularies: dict[str, list[str]]) -> tuple[str, dict[str, Any]] | None:
    """Return a hint when a taxonomy miss is several allowed terms joined by `，` or `、` into one."""
    if detail["type"] != "unknown_vocabulary" or not isinstance(detail["loc"][-1], int):
        return None
    value, name = detail["ctx"]["value"], detail["ctx"]["vocabulary"]
    parts = [part for part in LIST_SEPARATORS.split(value) if part]
    if len(parts) < 2 or not all(part in vocabularies.get(name, []) for part in parts):
        return None
    return "value.joined_terms", {"value": value, "fixed": "[" + ", ".join(parts) + "]"}


def _number_hint(text: str) -> tuple[str, dict[str, Any]]:
    normal = unicodedata.normalize("NFKC", text)
    if normal != text and _is_number(normal):
        return "value.fullwidth_digits", {"value": text, "fixed": normal}
    if NUMBER_WITH_COMMAS.fullmatch(normal):
        return "value.comma", {"value": text, "fixed": re.sub("[,，]", "", normal)}
    with_unit = NUMBER_WITH_UNIT.fullmatch(normal)
    if with_unit:
        number, unit = re.sub("[,，]", "", with_unit.group(1)), with_unit.group(2)
        return "value.unit", {"value": text, "unit": unit, "fixed": number}
    return "value.not_number", {"value": text}


def _date_hint(text: str) -> tuple[str, dict[str, Any]]:
    loose = LOOSE_DATE.fullmatch(text)
    if not loose:
        return "value.not_date", {"value": text, "example": DATE_EXAMPLE}
    year, month, day = (int(part) for part in loose.groups())
    try:
        fixed = date(year, month, day).isoformat()
    except ValueError:
        return "value.impossible_date", {"value": text}
    if fixed == text:
        return "value.impossible_date", {"value": text}
    return "value.date_form", {"value": text, "fixed": fixed}


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) is not None


def example_line(name: str, node: dict[str, Any], schema: dict[str, Any], context: ValidationContext | None) -> str | None:
    """Return a one-line example such as `summary: 预测性维护让停机减半`, or None when none fits."""
    value = _example_value(node, schema, context)
    return f"{name}: {value}" if value is not None else None


def _example_value(node: dict[str, Any], schema: dict[str, Any], context: ValidationContext | None) -> str | None:
    target = resolve(schema, node)
    examples = node.get("examples") or target.get("examples")
    if examples:
        first = examples[0]
        return "[" + ", ".join(map(str, first)) + "]" if isinstance(first, list) else str(first)
    if target.get("type") == "array":
        item = _example_value(target.get("items", {}), schema, context)
        return f"[{item}]" if item is not None and resolve(schema, target.get("items", {})).get("type") != "object" else None
    found = EXAMPLE_IN_DESCRIPTION.search(node.get("description") or target.get("description") or "")
    if found:
        return found.group(1) or found.group(2)
    vocabularies = context.vocabularies if context else {}
    if target.get("x-vocabulary") and vocabularies.get(target["x-vocabulary"]):
        return vocabularies[target["x-vocabulary"]][0]
    ids = sorted(context.ids.get(target.get("x-reference", ""), ())) if context else []
    if ids:
        return ids[0]
    if target.get("enum"):
        return str(target["enum"][0])
    if target.get("format") == "date":
        return DATE_EXAMPLE
    if target.get("type") == "boolean":
        return "false"
    return None


def required_fields(node: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Return the required keys of an object node (or of a list's object items)."""
    target = resolve(schema, node)
    if target.get("type") == "array":
        target = resolve(schema, target.get("items", {}))
    return list(target.get("required", [])) if target.get("type") == "object" else []


def schema_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the model's JSON Schema and the object node at `loc` inside it."""
    schema = _schema(model)
    node: dict[str, Any] = schema
    for part in loc:
        node = resolve(schema, node)
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    described = {key: node[key] for key in ("description", "examples") if key in node}
    return schema, {**resolve(schema, node), **described}


@cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def suggest_field(key: str, value: Any, fields: dict[str, FieldInfo], present: set[str]) -> str:
    """Return the field an unknown `key` most likely meant: by meaning and fit first, then by spelling."""
    words = set(re.split(r"[_\-\s]+", key.lower())) - {""}
    by_meaning = [
        name for name, info in fields.items()
        if words & set(name.split("_")) or (not key.isascii() and key in (info.description or ""))
    ]
    if not by_meaning:
        return closest(key, [name for name in fields if name not in present]) or closest(key, list(fields))
    return min(by_meaning, key=lambda name: (name in present, not _accepts(fields[name], value), -_overlap(key, name)))


def _accepts(info: FieldInfo, value: Any) -> bool:
    try:
        TypeAdapter(info.annotation).validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _overlap(key: str, name: str) -> float:
    return difflib.SequenceMatcher(None, key, name).ratio()
