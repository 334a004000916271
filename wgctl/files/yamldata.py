"""Plain data from a composed YAML node tree: YAML 1.2 core scalars, every refusal collected.

Why separate from the parser (`wgctl.files.yamlio`): building values is where the rules on tags, keys,
scalars and aliases live, and they are checked on every value of every record.
"""

from __future__ import annotations

import re
from typing import Any, cast

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wgctl.errors import YamlError
from wgctl.files.yamlpos import mark as _mark

MAX_DEPTH = 64
TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
MAX_INT_DIGITS = 30
MAX_FINDINGS = 100  # refusals reported per file: enough to fix it, never a flood
ALIAS = "aliases (*name) are not allowed in records"
CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
STR, SEQ, MAP = CORE + "str", CORE + "seq", CORE + "map"
_COLLECTION_TAG: dict[type[Node], str] = {SequenceNode: SEQ, MappingNode: MAP}
# The YAML 1.2 core schema: tag -> (pattern, the first characters a plain scalar may start with).
RESOLVERS: dict[str, tuple[re.Pattern[str], str]] = {
    CORE + "bool": (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    CORE + "null": (re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    CORE + "int": (re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    CORE + "float": (
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+0123456789.",
    ),
}


def build(root: Node, text: str = "") -> tuple[Any, list[YamlError]]:
    """Plain data from a node tree: core tags only, no aliases, no duplicate keys, bounded depth.

    Returns the data and every refused tag, key, scalar and alias (in walk order), so a user
    fixes a file in one round; a refused value builds nothing (None holds its place), and a
    shared (aliased) node is walked once. Depth over MAX_DEPTH stops the walk (raised).
    Iterative, and lean: it runs once per value of every record.
    """
    found: list[YamlError] = []
    seen: set[int] | None = set() if "*" in text or not text else None  # an alias needs a `*`
    result: list[Any] = [None]
    stack: list[tuple[Node, Any, Any, int]] = [(root, result, 0, 1)]
    pop, push = stack.pop, stack.append
    while stack and len(found) <= MAX_FINDINGS:
        node, parent, key, depth = pop()
        if seen is not None and _shared(node, seen, found):
            continue
        cls, tag = node.__class__, node.tag
        if depth > MAX_DEPTH and cls is not ScalarNode:  # levels are collections, as in the scan
            raise YamlError("WG008", TOO_DEEP, *_mark(node))
        value: Any = None
        try:
            if cls is ScalarNode:
                value = node.value if tag == STR else _scalar(cast("ScalarNode", node))
            elif tag != _COLLECTION_TAG.get(cls):
                raise _tag_error(node)
            elif cls is SequenceNode:
                value = [None] * len(node.value)
                for i, child in enumerate(node.value):
                    push((child, value, i, depth + 1))
            else:
                value = {}
                for key_node, value_node in node.value:
                    name = _entry_key(key_node, value, node, seen, found)
                    if name is not None:
                        value[name] = None
                        push((value_node, value, name, depth + 1))
        except YamlError as exc:
            found.append(exc)
        parent[key] = value
    return result[0], found


def _entry_key(
    node: Node, mapping: dict[str, Any], parent: Node, seen: set[int] | None, found: list[YamlError]
) -> str | None:
    """A mapping entry's key, or None (with the reason in `found`) when the entry is refused."""
    if seen is not None and _shared(node, seen, found):
        return None
    try:
        return _key(node, mapping, parent)
    except YamlError as exc:
        found.append(exc)
        return None


def _shared(node: Node, seen: set[int], found: list[YamlError]) -> bool:
    """True for a node met before: an alias (its own line comes from the event scan)."""
    if id(node) in seen:
        found.append(YamlError("WG007", ALIAS, *_mark(node)))
        return True
    seen.add(id(node))
    return False


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == STR:
        return value
    if tag not in ALLOWED_TAGS:
        raise _tag_error(node)
    resolver = RESOLVERS.get(tag)
    if resolver is None or not resolver[0].match(value):  # an explicit tag that does not fit
        short = value if len(value) <= 40 else value[:37] + "..."
        msg = f"{short!r} is not a valid {tag.removeprefix(CORE)}: remove the tag"
        raise YamlError("WG006", msg, *_mark(node))
    if tag == CORE + "null":
        return None
    if tag == CORE + "bool":
        return value.lower() == "true"
    if tag == CORE + "int":
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


def _key(node: Node, mapping: dict[str, Any], parent: Node) -> str:
    """A mapping key: plain text, not a merge key, not already in `mapping`."""
    if node.__class__ is not ScalarNode or node.tag != STR:
        raise YamlError("WG004", "keys must be plain text", *_mark(node))
    name: str = node.value
    if name == "<<" and not node.style:  # plain: "" from libyaml, None from Python
        raise YamlError("WG007", "merge keys (<<) are not allowed in records", *_mark(node))
    if name in mapping:
        first = next(k for k, _ in parent.value if k.__class__ is ScalarNode and k.value == name)
        msg = f"duplicate key {name[:60]!r} (first on line {_mark(first)[0]})"
        raise YamlError("WG005", msg, *_mark(node), also=(_mark(first),))
    return name


def _tag_error(node: Node) -> YamlError:
    if node.tag not in ALLOWED_TAGS:
        return YamlError("WG006", f"tag {node.tag!r} is not allowed in records", *_mark(node))
    kind = {ScalarNode: "scalar", SequenceNode: "sequence"}.get(node.__class__, "mapping")
    return YamlError("WG006", f"tag {node.tag!r} does not fit a {kind}", *_mark(node))
