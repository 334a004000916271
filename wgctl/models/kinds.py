"""The tables other layers need about record kinds, derived from what each model declares.

Why: the reference check, the marking check, the audience filter and the diff each kept their
own table of kinds; a new kind had to be added to all of them. Now a kind is one model file
registered in `KINDS`, and these functions read its declarations (see `Record`).
"""

from __future__ import annotations

import types
import typing
from functools import cache

from wgctl.models import KINDS
from wgctl.models.base import RefersTo, Strict

FieldPath = tuple[str, ...]


def singular(kind: str) -> str:
    """How a message names one record of `kind` ("action item"); the folder name if unknown."""
    model = KINDS.get(kind)
    return model.singular if model is not None and model.singular else kind


@cache
def references(model: type[Strict]) -> tuple[tuple[FieldPath, RefersTo], ...]:
    """Every reference field under `model`, as a path ("*" spans a list) and what it may name.

    Nested models (a group's terms, every record's sources) declare their own fields.
    """
    found: list[tuple[FieldPath, RefersTo]] = []
    for name, info in model.model_fields.items():
        inner, many = _unwrap(info.annotation)
        path: FieldPath = (name, "*") if many else (name,)
        if name in model.refers:
            found.append((path, model.refers[name]))
        elif isinstance(inner, type) and issubclass(inner, Strict):
            found.extend(((*path, *below), refers) for below, refers in references(inner))
    return tuple(found)


def _unwrap(hint: object) -> tuple[object, bool]:
    """The type inside `X | None`, `Annotated[X, ...]` and `list[X]`; True when it was a list."""
    many = False
    while True:
        origin = typing.get_origin(hint)
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = origin in (typing.Union, types.UnionType) and len(args) == 1
        if optional or origin is typing.Annotated:
            hint = args[0]
        elif origin is list and not many:
            hint, many = args[0], True
        else:
            return hint, many
