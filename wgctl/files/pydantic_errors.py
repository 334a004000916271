"""Pydantic's errors rewritten as one plain sentence each, with a "did you mean" for typos.

The one table below is the whole vocabulary; `tests/test_load.py` pins it with golden messages.
Inputs are described, never dumped: a hostile structure never reaches a message (R29).
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from wgctl.errors import Loc, short_repr

# pydantic error type -> (rule, message template). Placeholders: {field} the dotted field path,
# {got} a short description of the value, {msg} pydantic's own sentence, and the error's context.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("WG012", "missing required field {field!r}"),
    "extra_forbidden": ("WG011", "unknown field {field!r}"),
    "string_type": ("WG010", "{field}: expected text, got {got}{quote}"),
    "int_type": ("WG010", "{field}: expected a whole number, got {got}"),
    "int_from_float": ("WG010", "{field}: expected a whole number, got {got}"),
    "float_type": ("WG010", "{field}: expected a number, got {got}"),
    "bool_type": ("WG010", "{field}: expected true or false, got {got}"),
    "list_type": ("WG010", "{field}: expected a list, got {got}"),
    "model_type": ("WG010", "{field}: expected a mapping of field: value, got {got}"),
    "model_attributes_type": ("WG010", "{field}: expected a mapping of field: value, got {got}"),
    "dict_type": ("WG010", "{field}: expected a mapping, got {got}"),
    "literal_error": ("WG010", "{field}: {got} is not one of {expected}"),
    "enum": ("WG010", "{field}: {got} is not one of {expected}"),
    "string_pattern_mismatch": ("WG010", "{field}: {got} does not match the pattern {pattern}"),
    "string_too_short": ("WG010", "{field}: must have at least {min_length} character(s)"),
    "string_too_long": ("WG010", "{field}: must have at most {max_length} characters"),
    "too_short": ("WG010", "{field}: must have at least {min_length} item(s)"),
    "too_long": ("WG010", "{field}: must have at most {max_length} items"),
    "greater_than_equal": ("WG010", "{field}: must be {ge} or more, got {got}"),
    "greater_than": ("WG010", "{field}: must be more than {gt}, got {got}"),
    "less_than_equal": ("WG010", "{field}: must be {le} or less, got {got}"),
    "less_than": ("WG010", "{field}: must be less than {lt}, got {got}"),
    "value_error": ("WG010", "{field}: {msg}, got {got}"),
    "assertion_error": ("WG010", "{field}: {msg}"),
}
_DEFAULT = ("WG010", "{field}: {msg}")
_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_WORDS = "an id: lower-case letters and digits joined by hyphens, like 'som-2014'"


def describe_value(value: Any) -> str:
    """A short description of an input: scalars shown (truncated), containers only named."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, int | float):
        return f"the number {short_repr(value, 30)}"
    if isinstance(value, str):
        return short_repr(value)
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names valid at `loc` inside `model` (best effort, for suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        stack.extend(getattr(item, "__args__", ()))
    return None


def _message(kind: str, field: str, err: Any) -> tuple[str, str]:
    rule, template = MESSAGES.get(kind, _DEFAULT)
    value = err.get("input")
    ctx = {k: v for k, v in (err.get("ctx") or {}).items() if k != "error"}
    quote = ""
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        # No value: YAML read `0o17` or `1.10` as a number whose text differs from the file's.
        quote = ": quote it"
    msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == _ID_PATTERN:
        template = "{field}: {got} is not " + _ID_WORDS
    elif kind in {"too_short", "string_too_short"} and ctx.get("min_length") == 1:
        template = "{field}: must not be empty"
    elif kind == "value_error" and describe_value(value) in msg:
        template = _DEFAULT[1]
    values = {
        "field": field,
        "got": describe_value(value),
        "quote": quote,
        "msg": msg[:1].lower() + msg[1:],
    }
    try:
        return rule, template.format(**ctx, **values)
    except (KeyError, IndexError, ValueError):  # a context we did not expect: keep pydantic's words
        return rule, _DEFAULT[1].format(**values)


def describe(
    exc: ValidationError, model: type[BaseModel], limit: int = 50
) -> list[tuple[Loc, str, str, bool]]:
    """(loc, rule, message, point_at_key) for each error (at most `limit`)."""
    out: list[tuple[Loc, str, str, bool]] = []
    errors = exc.errors(include_url=False, include_input=True, include_context=True)
    for err in errors[:limit]:
        loc: Loc = tuple(err["loc"])
        kind = err["type"]
        field = ".".join(str(p) for p in loc) or "(record)"
        rule, message = _message(kind, field, err)
        if kind == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _fields_of(model, loc[:-1]), n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        if kind == "missing":
            loc = loc[:-1]
        out.append((loc, rule, message, kind == "extra_forbidden"))
    if len(errors) > limit and out:
        loc, rule, message, at_key = out[-1]
        out[-1] = (loc, rule, f"{message} (and {len(errors) - limit} more errors)", at_key)
    return out
