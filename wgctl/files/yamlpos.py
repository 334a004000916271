"""Positions in a YAML file: 1-based line and column of a node, of a text index, of a field path."""

from __future__ import annotations

from dataclasses import dataclass

from yaml.events import Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wgctl.errors import Loc


@dataclass(frozen=True)
class Position:
    """Where a value (and its key, for mapping entries) starts in a file."""

    line: int
    column: int


def mark(node: Node) -> tuple[int, int]:
    """1-based line and column where a composed node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def event_mark(event: Event) -> tuple[int, int]:
    """1-based line and column where a parser event starts (1, 1 if it has no mark)."""
    start = event.start_mark
    return (1, 1) if start is None else (start.line + 1, start.column + 1)


def text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


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
            return Position(*mark(key_node))
    return Position(*mark(node))
