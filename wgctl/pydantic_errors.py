"""Pydantic's errors rewritten as one plain sentence each, with a "did you mean" for typos."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from wgctl.errors import Loc

# type -> (rule, message template). {field} is the dotted field path.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("WG012", "missing required field {field!r}"),
    "extra_forbidden": ("WG011", "unknown field {field!r}"),
    "string_type": ("WG010", "{field}: expected text{quote}"),
    "int_type": ("WG010", "{field}: expected a whole number"),
    "bool_type": ("WG010", "{field}: expected true or false"),
    "list_type": ("WG010", "{field}: expected a list"),
    "model_type": ("WG010", "{field}: expected a mapping of field: value"),
    "model_attributes_type": ("WG010", "{field}: expected a mapping of field: value"),
    "dict_type": ("WG010", "{field}: expected a mapping"),
    "literal_error": ("WG010", "{field}: {msg}"),
    "enum": ("WG010", "{field}: {msg}"),
    "string_pattern_mismatch": ("WG010", "{field}: {msg}"),
}


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


def describe(exc: ValidationError, model: type[BaseModel]) -> list[tuple[Loc, str, str, bool]]:
    """(loc, rule, message, point_at_key) for each error, never echoing whole inputs (R29)."""
    out: list[tuple[Loc, str, str, bool]] = []
    for err in exc.errors(include_url=False, include_input=False, include_context=True):
        loc: Loc = tuple(err["loc"])
        kind = err["type"]
        field = ".".join(str(p) for p in loc) or "(record)"
        rule, template = _MESSAGES.get(kind, ("WG010", "{field}: {msg}"))
        quote = " (put numbers in quotes to make them text)" if kind == "string_type" else ""
        message = template.format(field=field, msg=_plain(err["msg"]), quote=quote)
        if kind == "extra_forbidden":
            name = str(loc[-1])
            close = difflib.get_close_matches(name, _fields_of(model, loc[:-1]), n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        at_key = kind in {"extra_forbidden"}
        if kind == "missing":
            loc = loc[:-1]
        out.append((loc, rule, message, at_key))
    return out


def _plain(msg: str) -> str:
    """Pydantic's sentence with its leading 'Value error, ' removed and first letter lowered."""
    msg = msg.removeprefix("Value error, ")
    return msg[:1].lower() + msg[1:]
