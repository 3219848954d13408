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
from generator.models.common import EMAIL_PATTERN, KEBAB_PATTERN, PERIOD_PATTERN, PHONE_PATTERN, URL_PATTERN, Item, ValidationContext, closest

PATTERN_NAMES = {
    KEBAB_PATTERN: "pattern.kebab",
    PERIOD_PATTERN: "pattern.period",
    URL_PATTERN: "pattern.url",
    EMAIL_PATTERN: "pattern.email",
    PHONE_PATTERN: "pattern.phone",
}


def validate_item(document: Document, model: type[Item], context: ValidationContext) -> tuple[Item | None, list[Problem]]:
    """Validate `document` as `model`; return the item, or None and every problem found."""
    try:
        return model.model_validate(document.plain, context=context), []
    except ValidationError as error:
        problems = [_problem(document, model, detail) for detail in error.errors(include_url=False)]
        return None, problems


def _problem(document: Document, model: type[BaseModel], detail: Any) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    if kind == "extra_forbidden":
        line, col = locate_key(document.data, loc)
        suggestion = closest(str(loc[-1]), _field_names(model, loc[:-1]))
        return Problem(document.display, line, col, field_path(loc), "schema.extra_forbidden", {"hint": _hint(suggestion)})
    line, col = document.locate(loc[:-1] if kind == "missing" else loc)
    code, params = _code_and_params(kind, ctx, detail)
    return Problem(document.display, line, col, field_path(loc), code, params)


def _code_and_params(kind: str, ctx: dict[str, Any], detail: Any) -> tuple[str, dict[str, Any]]:
    if kind == "unknown_vocabulary":
        return kind, {"value": ctx["value"], "vocabulary": ctx["vocabulary"], "hint": _hint(ctx["suggestion"])}
    if kind == "dangling_ref":
        return kind, {"kind": Msg(f"kind.{ctx['kind']}"), "ref": ctx["ref"], "hint": _hint(ctx["suggestion"])}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return "schema.string_pattern_mismatch", {"pattern_hint": Msg(PATTERN_NAMES[pattern]) if pattern in PATTERN_NAMES else pattern}
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"schema.{kind}", {"expected": " / ".join(f"`{c}`" for c in choices)}
    if kind in CATALOGUE:
        return kind, dict(ctx)
    if f"schema.{kind}" in CATALOGUE:
        return f"schema.{kind}", dict(ctx)
    return "schema.other", {"msg": detail["msg"]}


def _hint(suggestion: str) -> Msg | str:
    return Msg("did_you_mean", {"suggestion": suggestion}) if suggestion else ""


def _field_names(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Return the field names of the (sub)model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _inner_model(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


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
