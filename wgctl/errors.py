"""Problems are values that point at a file, line and rule; exceptions only mean "cannot go on"."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

Loc = tuple[str | int, ...]


class Severity(StrEnum):
    """How bad a problem is: errors fail validation, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Place:
    """Another line a problem concerns: the other term, the other file with the same id.

    `loc` is a field path, resolved to a line (while `line` is 0) like a problem's own.
    """

    path: str
    line: int = 0
    column: int = 0
    loc: Loc = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located at `path:line:column` (1-based), under a stable rule code."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    # Where inside the record the problem is (field path); resolved to line/column by `locate`.
    loc: Loc = field(default=(), compare=False)
    # The other lines the same finding concerns; every reporter names each of them.
    also: tuple[Place, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        )

    def with_position(self, line: int, column: int) -> Problem:
        """The same problem at another position."""
        return replace(self, line=line, column=column)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (`also` only when the problem concerns other lines)."""
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.also:
            data["also"] = [{"path": p.path, "line": p.line, "column": p.column} for p in self.also]
        return data


class WgctlError(Exception):
    """Base of the errors wgctl expects and reports in one line."""

    exit_code = 1


class UserError(WgctlError):
    """The user asked for something that cannot be done (bad option, unknown record)."""

    exit_code = 1


class InputError(WgctlError):
    """The input cannot be read at all (no repository, unreadable file): usage-level, exit 2."""

    exit_code = 2


def short_repr(value: object, limit: int = 60) -> str:
    """A repr cut to `limit` characters, so hostile values never flood a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class YamlError(Exception):
    """A file that cannot become plain data; carries a rule code and a 1-based position."""

    def __init__(
        self,
        rule: str,
        message: str,
        line: int = 1,
        column: int = 1,
        also: tuple[tuple[int, int], ...] = (),
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column
        self.also = also  # other (line, column)s of the same file the finding concerns

    @property
    def all(self) -> list[YamlError]:
        """Every refusal this error stands for, in file order."""
        return [self]


class YamlProblemsError(YamlError):
    """Several refusals in one file; the first in file order gives the rule and position."""

    def __init__(self, errors: list[YamlError]) -> None:
        first = errors[0]
        super().__init__(first.rule, first.message, first.line, first.column)
        self._errors = errors

    @property
    def all(self) -> list[YamlError]:
        """Every refusal, in file order."""
        return self._errors
