"""Safe, bounded YAML reading: plain data with YAML 1.2 semantics, and positions on demand.

Why PyYAML's C parser: it is ~3x faster than ruamel's safe loader and 20x faster than
round-trip parsing, and the common case (valid files) needs only data. We compose the node
tree in C and build plain data ourselves, so tags, duplicate keys, aliases and depth are
checked with exact marks, and YAML 1.2 resolution (`NO` stays a string) never depends on a
`%YAML` directive in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

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


MAX_BYTES = 1_000_000
MAX_DEPTH = 64
MAX_INT_DIGITS = 30
# libyaml's composer recurses in C once per level: 10^4 levels pass, 10^5 crash the process.
SCAN_ABOVE = 2_000
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
Loc = tuple[str | int, ...]
_COLLECTION_TAG: dict[type[Node], str] = {SequenceNode: _CORE + "seq", MappingNode: _CORE + "map"}


class YamlError(Exception):
    """A file that cannot become plain data; carries a rule code and a 1-based position."""

    def __init__(self, rule: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


class _Composer(_Parser, BaseResolver):
    """libyaml composer with the YAML 1.2 core schema resolvers, and nothing else."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's own class registry


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


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (BOM allowed), never binary; errors name the line."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError("WG002", "not a text file (contains NUL bytes)", line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError("WG002", "not valid UTF-8", line, column) from None


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as text, refusing it before reading when it is over `max_bytes`."""
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)  # the file may grow after the stat
            if len(raw) <= max_bytes:
                return decode(raw)
            size = len(raw)
        msg = f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for a record"
        raise YamlError("WG003", msg)
    except OSError as exc:
        raise YamlError("WG009", f"cannot read file: {exc.strerror or exc}") from None


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


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
                raise YamlError(
                    "WG008", f"nesting deeper than {MAX_DEPTH} levels", *_event_mark(event)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise YamlError(
                "WG007", "aliases (*name) are not allowed in records", *_event_mark(event)
            )


def _event_mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (1, 1) if mark is None else (mark.line + 1, mark.column + 1)


def compose(text: str) -> Node | None:
    """The document's node tree (None for an empty document), bounded in depth."""
    # Each level of nesting needs one of these indicators, so their count bounds the depth:
    # only documents that could be deep enough to hurt the C stack pay for the event scan;
    # `construct` enforces MAX_DEPTH exactly on the others.
    loader = _Composer(text)
    try:
        if sum(map(text.count, ":-[{?")) > SCAN_ABOVE:
            _check_events(text)
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (1, 1) if mark is None else (mark.line + 1, mark.column + 1)
        problem = exc.problem or "invalid YAML"
        if problem.startswith("but found another document"):
            msg = "a record is one YAML document, but a second one starts here"
            raise YamlError("WG004", msg, line, col) from None
        raise YamlError("WG001", f"invalid YAML: {problem}", line, col) from None
    except yaml.reader.ReaderError as exc:
        line, col = _text_position(text, exc.position)
        raise YamlError("WG001", f"invalid YAML: {exc.reason}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlError("WG001", f"invalid YAML: {str(exc)[:200]}") from None
    finally:
        loader.dispose()
    return node


def _text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == _CORE + "str":
        return value
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
    """Plain data from a node tree: core tags only, no aliases, no duplicate keys, bounded depth."""
    seen: set[int] = set()
    result: list[Any] = []
    # Iterative: (node, container to fill, key or None, depth)
    stack: list[tuple[Node, Any, Any, int]] = [(root, result, None, 1)]
    while stack:
        node, parent, key, depth = stack.pop()
        if node.tag not in ALLOWED_TAGS:
            raise YamlError("WG006", f"tag {node.tag!r} is not allowed in records", *_mark(node))
        if id(node) in seen:
            _check_events(text)  # finds the alias's own line
            raise YamlError("WG007", "aliases (*name) are not allowed in records", *_mark(node))
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlError("WG008", f"nesting deeper than {MAX_DEPTH} levels", *_mark(node))
        value: Any
        if isinstance(node, ScalarNode):
            value = _scalar(node)
        elif node.tag != _COLLECTION_TAG[type(node)]:
            msg = f"tag {node.tag!r} does not fit a {type(node).__name__[:-4].lower()}"
            raise YamlError("WG006", msg, *_mark(node))
        elif isinstance(node, SequenceNode):
            value = [None] * len(node.value)
            stack.extend((child, value, i, depth + 1) for i, child in enumerate(node.value))
        else:
            assert isinstance(node, MappingNode)  # noqa: S101 - the composer makes only these three
            value = _mapping(node, stack, depth + 1)
        if key is None and parent is result:
            result.append(value)
        else:
            parent[key] = value
    return result[0]


def _mapping(
    node: MappingNode, stack: list[tuple[Node, Any, Any, int]], depth: int
) -> dict[str, Any]:
    value: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag != _CORE + "str":
            raise YamlError("WG004", "keys must be plain text", *_mark(key_node))
        name = key_node.value
        if name == "<<" and not key_node.style:  # plain: "" from libyaml, None from Python
            raise YamlError("WG007", "merge keys (<<) are not allowed in records", *_mark(key_node))
        if name in first_line:
            msg = f"duplicate key {name!r} (first on line {first_line[name]})"
            raise YamlError("WG005", msg, *_mark(key_node))
        first_line[name] = key_node.start_mark.line + 1
        value[name] = None
        stack.append((value_node, value, name, depth))
    return value


def load_record_text(text: str) -> dict[str, Any]:
    """One record: exactly one YAML document whose top level is a mapping."""
    root = compose(text)
    if root is None:
        raise YamlError("WG004", "file is empty: a record is one YAML mapping")
    if not isinstance(root, MappingNode):
        raise YamlError("WG004", "a record must be a mapping of field: value", *_mark(root))
    data: dict[str, Any] = construct(root, text)
    return data


@dataclass(frozen=True)
class Position:
    """Where a value (and its key, for mapping entries) starts in a file."""

    line: int
    column: int


def locate(root: Node | None, loc: Loc, *, key: bool = False) -> Position:
    """The position of the value at `loc` (or its key), or of its deepest existing parent."""
    if root is None:
        return Position(1, 1)
    node: Node = root
    key_node: Node | None = None
    for part in loc:
        child: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == part:
                    key_node, child = k, v
                    break
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            key_node, child = None, node.value[part]
        if child is None:
            break
        node = child
    else:
        if key and key_node is not None:
            return Position(*_mark(key_node))
    return Position(*_mark(node))
