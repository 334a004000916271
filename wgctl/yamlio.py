"""Safe, bounded YAML reading: plain data with YAML 1.2 semantics (positions: `wgctl.yamlpos`).

Why PyYAML's C parser: it is ~3x faster than ruamel's safe loader and 20x faster than
round-trip parsing, and the common case (valid files) needs only data. We compose the node
tree in C and build plain data ourselves, so tags, duplicate keys, aliases and depth are
checked with exact marks, and YAML 1.2 resolution (`NO` stays a string) never depends on a
`%YAML` directive in the file.
"""

from __future__ import annotations

import re
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from wgctl.errors import Loc, YamlError
from wgctl.textfile import MAX_BYTES, decode, read_text
from wgctl.yamldepth import too_deep_at
from wgctl.yamlpos import Position, event_mark, locate, text_position
from wgctl.yamlpos import mark as _mark

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


MAX_DEPTH = 64
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
MAX_INT_DIGITS = 30
# libyaml's composer recurses in C once per level: 10^4 levels pass, 10^5 crash the process.
SCAN_ABOVE = 2_000
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
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
    "read_text",
]
_STR, _SEQ, _MAP = _CORE + "str", _CORE + "seq", _CORE + "map"
_COLLECTION_TAG: dict[type[Node], str] = {SequenceNode: _SEQ, MappingNode: _MAP}


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
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _add(tag: str, pattern: str, first: str) -> None:
    _PATTERNS[_CORE + tag] = re.compile(pattern)
    _Composer.add_implicit_resolver(_CORE + tag, _PATTERNS[_CORE + tag], list(first))


_add("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_add("null", r"^(?:~|null|Null|NULL|)$", "~nN")
_Composer.add_implicit_resolver(_CORE + "null", re.compile(r"^$"), [""])
_add("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_add(
    "float",
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)


def implicit_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """The safe loader's scalar resolvers, so the write path resolves plain scalars the same."""
    return _Composer.yaml_implicit_resolvers


def _check_events(text: str) -> None:
    """Reject aliases and nesting deeper than MAX_DEPTH from the event stream, without recursion.

    Why: the C composer recurses once per level (10^5 `[` would exhaust the C stack), and it
    shares aliased nodes, so the alias's own line is only known from its event.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Composer):  # type: ignore[arg-type]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError("WG008", _TOO_DEEP, *event_mark(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise YamlError(
                "WG007", "aliases (*name) are not allowed in records", *event_mark(event)
            )


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
            raise YamlError("WG008", _TOO_DEEP, line, col) from None
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


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag not in ALLOWED_TAGS:
        raise _tag_error(node)
    pattern = _PATTERNS.get(tag)
    if pattern is None or not pattern.match(value):  # an explicit tag that does not fit
        short = value if len(value) <= 40 else value[:37] + "..."
        msg = f"{short!r} is not a valid {tag.removeprefix(_CORE)}: remove the tag"
        raise YamlError("WG006", msg, *_mark(node))
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return value.lower() == "true"
    if tag == _CORE + "int":
        if len(value) > MAX_INT_DIGITS:
            raise YamlError("WG001", "number too large", *_mark(node))
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value)
    low = value.lower()
    if low.endswith("nan"):
        return float("nan")
    if low.endswith("inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    return float(value)


def construct(root: Node, text: str = "") -> Any:
    """Plain data from a node tree: core tags only, no aliases, no duplicate keys, bounded depth.

    Iterative (no recursion), and lean: it runs once per value of every record.
    """
    seen: set[int] | None = set() if "*" in text or not text else None  # an alias needs a `*`
    result: list[Any] = [None]
    stack: list[tuple[Node, Any, Any, int]] = [(root, result, 0, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, parent, key, depth = pop()
        if seen is not None:
            _check_alias(node, seen, text)
        cls, tag = node.__class__, node.tag
        value: Any
        if cls is ScalarNode:
            value = node.value if tag == _STR else _scalar(cast("ScalarNode", node))
        elif depth > MAX_DEPTH:  # levels of nesting are collections, as in the event scan
            raise YamlError("WG008", _TOO_DEEP, *_mark(node))
        elif tag != _COLLECTION_TAG.get(cls):
            raise _tag_error(node)
        elif cls is SequenceNode:
            value = [None] * len(node.value)
            for i, child in enumerate(node.value):
                push((child, value, i, depth + 1))
        else:
            value = {}
            for key_node, value_node in node.value:
                name = _key(key_node, value, node)
                if seen is not None:
                    _check_alias(key_node, seen, text)
                value[name] = None
                push((value_node, value, name, depth + 1))
        parent[key] = value
    return result[0]


def _key(node: Node, mapping: dict[str, Any], parent: Node) -> str:
    """A mapping key: plain text, not a merge key, not already in `mapping`."""
    if node.__class__ is not ScalarNode or node.tag != _STR:
        raise YamlError("WG004", "keys must be plain text", *_mark(node))
    name: str = node.value
    if name == "<<" and not node.style:  # plain: "" from libyaml, None from Python
        raise YamlError("WG007", "merge keys (<<) are not allowed in records", *_mark(node))
    if name in mapping:
        first = next(k for k, _ in parent.value if k.__class__ is ScalarNode and k.value == name)
        msg = f"duplicate key {name[:60]!r} (first on line {_mark(first)[0]})"
        raise YamlError("WG005", msg, *_mark(node))
    return name


def _check_alias(node: Node, seen: set[int], text: str) -> None:
    if id(node) in seen:
        _check_events(text)  # finds the alias's own line
        raise YamlError("WG007", "aliases (*name) are not allowed in records", *_mark(node))
    seen.add(id(node))


def _tag_error(node: Node) -> YamlError:
    if node.tag not in ALLOWED_TAGS:
        return YamlError("WG006", f"tag {node.tag!r} is not allowed in records", *_mark(node))
    kind = {ScalarNode: "scalar", SequenceNode: "sequence"}.get(node.__class__, "mapping")
    return YamlError("WG006", f"tag {node.tag!r} does not fit a {kind}", *_mark(node))


def load_record_text(text: str) -> dict[str, Any]:
    """One record: exactly one YAML document whose top level is a mapping."""
    root = compose(text)
    if root is None:
        raise YamlError("WG004", "file is empty: a record is one YAML mapping")
    if not isinstance(root, MappingNode):
        raise YamlError("WG004", "a record must be a mapping of field: value", *_mark(root))
    data: dict[str, Any] = construct(root, text)
    return data
