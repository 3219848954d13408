"""One document against its pydantic model: pydantic's errors become located `Problem`s."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import Problem, field_path
from generator.load import Document, locate_key
from generator.messages import CATALOGUE, Msg
from generator.models.common import EMAIL_PATTERN, KEBAB_PATTERN, NO_MARKUP_PATTERN, PERIOD_PATTERN, PHONE_PATTERN, URL_PATTERN, Item, ValidationContext
from generator.hints import example_line, joined_terms, required_fields, schema_at, suggest_field, value_hint

PATTERN_NAMES = {
    KEBAB_PATTERN: "pattern.kebab",
    PERIOD_PATTERN: "pattern.period",
    URL_PATTERN: "pattern.url",
    NO_MARKUP_PATTERN: "pattern.no_markup",
    EMAIL_PATTERN: "pattern.email",
    PHONE_PATTERN: "pattern.phone",
}


def validate_item(document: Document, model: type[Item], context: ValidationContext) -> tuple[Item | None, list[Problem]]:
    """Validate `document` as `model`; return the item, or None and every problem found."""
    try:
        return model.model_validate(document.plain, context=context), []
    except ValidationError as error:
        problems = [_problem(document, model, detail, context) for detail in error.errors(include_url=False)]
        return None, problems


def _problem(document: Document, model: type[BaseModel], detail: Any, context: ValidationContext) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "extra_forbidden":
        line, col = locate_key(document.data, loc)
        parent = _node_at(document.plain, loc[:-1])
        present = set(parent) if isinstance(parent, dict) else set()
        suggestion = suggest_field(str(loc[-1]), detail.get("input"), _fields(model, loc[:-1]), present)
        return Problem(document.display, line, col, field_path(loc), "schema.extra_forbidden", {"hint": _hint(suggestion)})
    if kind == "missing":
        return _missing(document, model, loc, context)
    line, col = document.locate(loc)
    code, params = (
        value_hint(kind, detail.get("input"))
        or joined_terms(detail, context.vocabularies)
        or _code_and_params(kind, detail.get("ctx", {}), detail)
    )
    return Problem(document.display, line, col, field_path(loc), code, params)


def _missing(document: Document, model: type[BaseModel], loc: tuple[str | int, ...], context: ValidationContext) -> Problem:
    """Report a missing field where it belongs, with its description and an example line."""
    parent, name = loc[:-1], str(loc[-1])
    schema, parent_node = schema_at(model, parent)
    node = parent_node.get("properties", {}).get(name, {})
    (line, col), where = _where_missing(document, parent, name, list(parent_node.get("properties", {})))
    example = example_line(name, node, schema, context)
    needs = required_fields(node, schema)
    shown = Msg("missing.needs", {"fields": "、".join(needs)}) if needs and not example else Msg("missing.example", {"example": example or f"{name}:"})
    params = {"hint": str(node.get("description", name)), "where": where, "example": shown}
    return Problem(document.display, line, col, field_path(loc), "schema.missing", params)


def _where_missing(document: Document, parent: tuple[str | int, ...], name: str, order: list[str]) -> tuple[tuple[int, int], Msg]:
    """Return where a missing field goes: after its predecessor at the top, else in its parent mapping."""
    if not parent:
        before = [key for key in order[: order.index(name)] if key in document.plain] if name in order else []
        if before:
            return locate_key(document.data, (before[-1],)), Msg("missing.after", {"key": before[-1]})
        return (1, 1), Msg("missing.top")
    if isinstance(parent[-1], int):
        return document.locate(parent), Msg("missing.in_item")
    return locate_key(document.data, parent), Msg("missing.under", {"key": parent[-1]})


def _code_and_params(kind: str, ctx: dict[str, Any], detail: Any) -> tuple[str, dict[str, Any]]:
    if kind == "unknown_vocabulary":
        hint = Msg("did_you_mean_term", {"suggestion": ctx["suggestion"]}) if ctx["suggestion"] else Msg("sentence_end")
        return kind, {"value": ctx["value"], "vocabulary": ctx["vocabulary"], "hint": hint}
    if kind == "dangling_ref":
        return kind, {"kind": Msg(f"kind.{ctx['kind']}"), "ref": ctx["ref"], "hint": _hint(ctx["suggestion"])}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return "schema.string_pattern_mismatch", {"pattern_hint": Msg(PATTERN_NAMES[pattern]) if pattern in PATTERN_NAMES else pattern}
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"schema.{kind}", {"value": detail.get("input"), "expected": " / ".join(f"`{c}`" for c in choices)}
    if kind in CATALOGUE:
        return kind, dict(ctx)
    if f"schema.{kind}" in CATALOGUE:
        return f"schema.{kind}", dict(ctx)
    return "schema.other", {"msg": detail["msg"]}


def _hint(suggestion: str) -> Msg | str:
    return Msg("did_you_mean", {"suggestion": suggestion}) if suggestion else ""


def _node_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _fields(model: type[BaseModel], loc: tuple[str | int, ...]) -> dict[str, Any]:
    """Return the fields of the (sub)model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return {}
        current = _inner_model(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return dict(current.model_fields)
    return {}


def _inner_model(annotation: Any) -> Any:
    """Find the BaseModel inside `X | None`, `list[X]` or `Annotated[X, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
