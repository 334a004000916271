"""Reporters for problems: human text (rich), JSON, and GitHub workflow annotations.

Every reporter writes one line per problem (text adds the source line and a hint below it), and
never lets data break the format: control characters are escaped in text, JSON is built by
`json`, and GitHub workflow-command data and properties are percent-escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import IO

from wgctl.errors import Place, Problem, Severity
from wgctl.files.sourcetext import SourceTexts
from wgctl.files.textfile import MAX_BYTES
from wgctl.rules import BY_CODE

FORMATS = ("text", "json", "github")
# Control characters, line and paragraph separators, and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Characters `json` leaves raw that Python's str.splitlines() and JavaScript treat as line breaks.
_JSON_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render(
    fmt: str,
    problems: Sequence[Problem],
    *,
    repo: Path,
    files: int,
    stream: IO[str],
    sources: Collection[str] | None = None,
    max_bytes: int = MAX_BYTES,
    texts: SourceTexts | None = None,
) -> None:
    """Write problems in one of FORMATS; text quotes lines only from `sources` (see render_text)."""
    if fmt == "json":
        render_json(problems, files, stream)
    elif fmt == "github":
        render_github(problems, stream)
    else:
        render_text(
            problems, repo, files, stream, sources=sources, max_bytes=max_bytes, texts=texts
        )


def utf8_safe(text: str) -> str:
    """Text that encodes as UTF-8: undecodable file-name bytes become `\\udcxx` escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    """Text safe to show on a terminal line: no newlines, no escape sequences."""
    return _CONTROL.sub(_escape_char, utf8_safe(text)).replace("\t", " ")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def render_text(
    problems: Sequence[Problem],
    repo: Path,
    files: int,
    stream: IO[str],
    *,
    sources: Collection[str] | None = None,
    max_bytes: int = MAX_BYTES,
    texts: SourceTexts | None = None,
) -> None:
    """Problems grouped by file, each `path:line:col:` (editor-clickable), source line and hint.

    Source lines come from `texts` (what validation already read) or else only from `sources`
    (the files discovery accepted; None: any record file that passes the same checks), read
    bounded and without following links out of the repository.
    """
    quoted = texts or SourceTexts(repo, max_bytes, sources)
    lines = _text_lines(problems, files, quoted)
    if not stream.isatty():  # nothing to colour: spare importing rich
        stream.writelines("".join(text for text, _ in parts) + "\n" for parts in lines)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for parts in lines:
        console.print(Text.assemble(*parts))


Parts = list[tuple[str, str]]  # one line of the text report: (text, rich style) pieces


def _text_lines(problems: Sequence[Problem], files: int, quoted: SourceTexts) -> Iterator[Parts]:
    """The text report line by line, styled for a terminal (plain where piped)."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    for path, group in groupby(problems, key=lambda p: p.path):
        shown = one_line(path)
        yield [(shown, "bold")]
        for p in group:
            colour = "red" if p.severity is Severity.ERROR else "yellow"
            yield [
                (f"  {shown}:{p.line}:{p.column}: ", ""),
                (str(p.severity), colour),
                (f": {one_line(p.message)} ", ""),
                (f"[{p.rule}]", "dim"),
            ]
            line = quoted.line(p.path, p.line)
            if line is not None:
                yield [(f"    {p.line:>4} |", "dim"), (f" {one_line(line[:200])}", "")]
            for other in p.also:
                yield [(f"    also {one_line(str(other))}", "")]
            rule = BY_CODE.get(p.rule)
            if rule:
                yield [(f"    hint: {rule.hint}", "dim")]
    warnings = len(problems) - errors
    verdict = ("ok", "green") if not errors else ("failed", "red")
    yield [(f"{files} files checked: {errors} errors, {warnings} warnings: ", ""), verdict]


def render_json(problems: Sequence[Problem], files: int, stream: IO[str]) -> None:
    """One JSON document with a summary; each problem on a line of its own (grep-friendly)."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    head = {"files": files, "errors": errors, "warnings": len(problems) - errors}
    stream.write(json.dumps(head)[:-1] + ', "problems": [')
    for i, p in enumerate(problems):
        item = {k: utf8_safe(v) if isinstance(v, str) else v for k, v in p.to_dict().items()}
        stream.write(
            ("," if i else "")
            + "\n  "
            + json.dumps(item, ensure_ascii=False).translate(_JSON_BREAKS)
        )
    stream.write("\n]}\n" if problems else "]}\n")


def _escape_data(text: str) -> str:
    """Percent-escape as the runner expects; other line breaks and controls as `\\xNN`."""
    escaped = utf8_safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(_escape_char, escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: Sequence[Problem], stream: IO[str]) -> None:
    """GitHub Actions workflow commands, so findings land on the pull request's lines."""
    for p in problems:
        level = "error" if p.severity is Severity.ERROR else "warning"
        rule = BY_CODE.get(p.rule)
        title = f"{p.rule} {rule.name}" if rule else p.rule
        stream.write(_annotation(level, Place(p.path, p.line, p.column), title, p.message))
        for other in p.also:  # every line the finding concerns gets its own annotation
            message = f"{p.message} (reported at {p.path}:{p.line})"
            stream.write(_annotation(level, other, title, message))


def _annotation(level: str, at: Place, title: str, message: str) -> str:
    """One workflow command: `::error file=...,line=...,col=...,title=...::message`."""
    props = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", at.path),
            ("line", at.line),
            ("col", at.column),
            ("title", title),
        )
    )
    return f"::{level} {props}::{_escape_data(message)}\n"
