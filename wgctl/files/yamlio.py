"""Safe, bounded YAML reading: plain data with YAML 1.2 semantics (positions: `wgctl.files.yamlpos`).

Why PyYAML's C parser: it is ~3x faster than ruamel's safe loader and 20x faster than
round-trip parsing, and the common case (valid files) needs only data. We compose the node
tree in C and build plain data ourselves, so tags, duplicate keys, aliases and depth are
checked with exact marks, and YAML 1.2 resolution (`NO` stays a string) never depends on a
`%YAML` directive in the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from wgctl.errors import Loc, YamlError, YamlProblemsError
from wgctl.files.textfile import MAX_BYTES, decode, read_text
from wgctl.files.yamldata import (
    ALIAS,
    ALLOWED_TAGS,
    CORE,
    MAP,
    MAX_DEPTH,
    MAX_FINDINGS,
    RESOLVERS,
    SEQ,
    STR,
    TOO_DEEP,
    build,
)
from wgctl.files.yamldepth import too_deep_at
from wgctl.files.yamlpos import Position, event_mark, locate, text_position
from wgctl.files.yamlpos import mark as _mark

try:  # pragma: no cover - which parser depends on the platform's wheel
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        """Pure-Python fallback with the same interface as CParser."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


_ANCHOR = "anchors (&name) are not allowed in records"
# libyaml's composer recurses in C once per level: 10^4 levels pass, 10^5 crash the process.
SCAN_ABOVE = 2_000
__all__ = [  # re-exported: Loc, YamlError (errors), Position, locate (yamlpos), decode, read_text (textfile)
    "ALLOWED_TAGS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "Loc",
    "Position",
    "YamlError",
    "compose",
    "construct",
    "decode",
    "implicit_resolvers",
    "load_record_text",
    "locate",
    "parse_record",
    "read_text",
]


class _Composer(_Parser, BaseResolver):
    """libyaml composer with the YAML 1.2 core schema resolvers, and nothing else."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's own class registry

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """BaseResolver.resolve without path resolvers: it runs once per node, so it is lean."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


for _tag, (_pattern, _first) in RESOLVERS.items():
    _Composer.add_implicit_resolver(_tag, _pattern, list(_first))
_Composer.add_implicit_resolver(CORE + "null", re.compile(r"^$"), [""])


def implicit_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """The safe loader's scalar resolvers, so the write path resolves plain scalars the same."""
    return _Composer.yaml_implicit_resolvers


def _check_events(text: str) -> None:
    """Reject nesting deeper than MAX_DEPTH from the event stream, without recursion.

    Why: the C composer recurses once per level (10^5 `[` would exhaust the C stack). Aliases
    are left to `construct`, which reports every one of them at its own line.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Composer):  # type: ignore[arg-type]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError("WG008", TOO_DEEP, *event_mark(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _confirm_too_deep(prefix: str) -> None:
    """Raise WG008 at its exact mark if the text up to a `too_deep_at` cut is too deep.

    The parser sees only the prefix, so no library limit or look-ahead comes into play; the
    prefix ends mid-document, so its own syntax errors mean nothing and are ignored.
    """
    try:
        _check_events(prefix)
    except YamlError as exc:
        if exc.rule == "WG008":
            raise
    except yaml.YAMLError:
        pass


def compose(text: str) -> Node | None:
    """The document's node tree (None for an empty document), bounded in depth."""
    # Each level of nesting needs one of these indicators, so their count bounds the depth:
    # only documents that could be deep enough to hurt the C stack pay for the event scan;
    # `construct` enforces MAX_DEPTH exactly on the others.
    loader = _Composer(text)
    try:
        if (cut := too_deep_at(text, MAX_DEPTH)) is not None:
            _confirm_too_deep(text[: cut + 1])
        if sum(map(text.count, ":-[{?")) > SCAN_ABOVE:
            _check_events(text)
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (1, 1) if mark is None else (mark.line + 1, mark.column + 1)
        problem = exc.problem or "invalid YAML"
        if "nesting depth" in problem:  # a parser's own limit: it means wgctl's rule
            raise YamlError("WG008", TOO_DEEP, line, col) from None
        if problem.startswith("but found another document"):
            msg = "a record is one YAML document, but a second one starts here"
            raise YamlError("WG004", msg, line, col) from None
        raise YamlError("WG001", f"invalid YAML: {problem}", line, col) from None
    except yaml.reader.ReaderError as exc:
        line, col = text_position(text, exc.position)
        raise YamlError("WG001", f"invalid YAML: {exc.reason}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlError("WG001", f"invalid YAML: {str(exc)[:200]}") from None
    finally:
        loader.dispose()
    return node


def _raise_found(found: list[YamlError], text: str) -> None:
    """Raise every finding in file order; anchors and aliases are placed from the events."""
    if "&" in text:  # every anchor, used or not, and each alias at its own line
        found = [e for e in found if e.message != ALIAS] + _anchor_findings(text)
    if not found:
        return
    found.sort(key=lambda e: (e.line, e.column))
    if len(found) > MAX_FINDINGS:
        more = found[MAX_FINDINGS]
        note = f"more than {MAX_FINDINGS} problems in this file; fix these and run again"
        found = [*found[:MAX_FINDINGS], YamlError(more.rule, note, more.line, more.column)]
    raise YamlProblemsError(found)


def _anchor_findings(text: str) -> list[YamlError]:
    """Each anchor (&name) and alias (*name) of the document, from the parser's events."""
    found = []
    for event in yaml.parse(text, Loader=_Composer):  # type: ignore[arg-type]
        if isinstance(event, yaml.AliasEvent):
            found.append(YamlError("WG007", ALIAS, *event_mark(event)))
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            found.append(YamlError("WG007", _ANCHOR, *event_mark(event)))
        if len(found) > MAX_FINDINGS:
            break
    return found


def construct(root: Node, text: str = "") -> Any:
    """Plain data from a node tree (see `wgctl.files.yamldata.build`), or every refusal in file order."""
    data, found = build(root, text)
    if found or "&" in text:
        _raise_found(found, text)
    return data


def load_record_text(text: str) -> dict[str, Any]:
    """One record: exactly one YAML document whose top level is a mapping."""
    return parse_record(text)[0]


def parse_record(text: str) -> tuple[dict[str, Any], MappingNode]:
    """One record's data and its node tree (which places problems without parsing again)."""
    root = compose(text)
    if root is None:
        raise YamlError("WG004", "file is empty: a record is one YAML mapping")
    if not isinstance(root, MappingNode):
        raise YamlError("WG004", "a record must be a mapping of field: value", *_mark(root))
    data: dict[str, Any] = construct(root, text)
    return data, root


def record_data(raw: bytes | None) -> dict[str, Any] | None:
    """Plain record data from a git blob through the safe loader, or None when it is unreadable
    (for history and diffs, where a file that cannot be read is simply not a record)."""
    if raw is None:
        return None
    try:
        return load_record_text(decode(raw))
    except YamlError:
        return None
