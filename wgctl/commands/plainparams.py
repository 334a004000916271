"""Option values read without pydantic when they are plainly valid.

Typer checks every option value, defaults included, through a pydantic TypeAdapter built on
first use: that import alone is about half of a small command's time (`validate` answered from
its memo needs neither pydantic nor the models). For the plain kinds of value our commands take
(flags, text, paths, choices, whole numbers) this reads the value with typer's own pure-Python
helpers; anything else, and any value these helpers refuse, goes through typer's adapter, so
types, checks and error messages stay exactly typer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import typer.core
from typer._click.core import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path

UNSURE = object()  # the quick reading cannot tell: ask typer's adapter
WHOLE = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """Reads plainly valid values itself; builds typer's adapter only for the rest."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        try:
            quick = plain_value(self.descriptor, value, param, ctx)
        except Exception:  # typer's adapter decides, and words the error
            quick = UNSURE
        if quick is not UNSURE:
            return quick
        return build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)


def plain_value(descriptor: TypeDescriptor, value: Any, param: Any, ctx: Context) -> Any:
    """The value typer's adapter would return, or UNSURE."""
    kind, info = descriptor.annotation, descriptor.parameter_info
    if info.parser is not None or descriptor.is_file or not isinstance(kind, type):
        return UNSURE
    if kind is bool:
        return value if isinstance(value, bool) else UNSURE
    if kind is str:
        return value if isinstance(value, str) else UNSURE
    if issubclass(kind, Path) and isinstance(value, (str, Path)) and info.path_type is None:
        path = value if isinstance(value, kind) else kind(value)
        return coerce_cli_path(path, info, path_type=kind, param=param, ctx=ctx)
    if issubclass(kind, Enum):
        return coerce_cli_choice(
            value, choices=tuple(kind), case_sensitive=info.case_sensitive, ctx=ctx
        )
    if kind is int and not info.clamp:
        return whole_number(value, info.min, info.max)
    return UNSURE


def whole_number(value: Any, low: float | None, high: float | None) -> Any:
    """An int within its bounds, from an int or plain digits; UNSURE otherwise."""
    if isinstance(value, str) and WHOLE.fullmatch(value):
        value = int(value)
    if type(value) is not int:
        return UNSURE
    if (low is not None and value < low) or (high is not None and value > high):
        return UNSURE
    return value


def plain_runtime_param(param: typer.core._TyperParameter) -> RuntimeParam:
    """Typer's own hook, built on a parameter's first value: a PlainParam instead."""
    if param._runtime_param is None:
        descriptor = param.type_descriptor
        param._runtime_param = PlainParam(
            descriptor.parameter_info, descriptor.annotation, descriptor
        )
    return param._runtime_param


def install() -> None:
    """Every typer parameter of this process (help options included) reads values plainly.

    Only where typer has the hook this replaces; elsewhere typer reads every value itself.
    """
    if not callable(getattr(typer.core._TyperParameter, "get_runtime_param", None)):
        return
    typer.core._TyperParameter.get_runtime_param = plain_runtime_param  # type: ignore[method-assign,assignment]
