"""Round-trip YAML: a record's text plus a change becomes new text with the smallest faithful diff.

Why: records are hand-written and reviewed in git, so a write must keep comments, quoting, line
ends and layout, and resolve plain scalars exactly as the safe loader does (R27).
"""

from __future__ import annotations

import difflib
import io
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver

from wgctl.files import yamlio

BOM = "\ufeff"


class _Resolver(VersionedResolver):
    """Exactly the safe loader's scalar resolution: no timestamps, no merge keys, no `0b`."""

    @property
    def versioned_resolver(self) -> Any:
        return {k: list(v) for k, v in yamlio.implicit_resolvers().items()}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap long lines
    return yaml


def split_encoding(raw: bytes) -> tuple[str, bool, bool]:
    """LF text, whether the file used CRLF line ends, and whether it had a BOM.

    Raises `yamlio.YamlError` for bytes that are not UTF-8 text.
    """
    text = yamlio.decode(raw)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    return text.replace("\r\n", "\n"), crlf, raw.startswith(b"\xef\xbb\xbf")


def join_encoding(text: str, *, crlf: bool, bom: bool) -> str:
    """LF text back in the file's own line ends and BOM (the inverse of `split_encoding`)."""
    return (BOM if bom else "") + (text.replace("\n", "\r\n") if crlf else text)


def load_text(text: str) -> CommentedMap:
    """The round-trip tree of a record's text (which the safe loader has already accepted)."""
    data: CommentedMap = _yaml().load(text)
    return data


def dump_text(original: str, data: CommentedMap) -> str:
    """New text for `data`, touching only the lines that changed where that can be proved."""
    _dates_to_text(data)
    yaml = _yaml()
    before = yaml.load(original)
    mapping, sequence, offset = _indentation(before)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    unchanged = _dump(yaml, before)
    changed = _dump(yaml, data)
    merged = _merge(original, unchanged, changed)
    if merged is not None and _same_data(merged, changed):
        return merged
    return changed


def to_plain(data: Any) -> Any:
    """Round-trip data as the plain dicts, lists and scalars the safe loader would build."""
    if isinstance(data, dict):
        return {str(k): to_plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [to_plain(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, date):
        return data.isoformat()
    return str(data)


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _same_data(left: str, right: str) -> bool:
    try:
        return yamlio.load_record_text(left) == yamlio.load_record_text(right)
    except yamlio.YamlError:
        return False


def _indentation(data: Any) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as used by the file's block collections, most common first."""
    maps: list[int] = []
    seqs: list[tuple[int, int]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if not isinstance(node, CommentedMap):
            if isinstance(node, CommentedSeq):
                stack.extend(node)
            continue
        for key, value in node.items():
            stack.append(value)
            if (
                not isinstance(value, CommentedMap | CommentedSeq)
                or value.fa.flow_style()
                or not value
            ):
                continue
            line, col = node.lc.key(key)
            if value.lc.line == line:
                continue
            if isinstance(value, CommentedMap):
                maps.append(value.lc.col - col)
            else:
                seqs.append((value.lc.item(0)[1] - col, value.lc.col - col))
    mapping = max(set(maps), key=maps.count) if maps else 2
    sequence, offset = max(set(seqs), key=seqs.count) if seqs else (mapping, 0)
    return mapping, max(sequence, offset + 2), offset


def _dates_to_text(data: Any) -> None:
    """Dates set by callers become `YYYY-MM-DD` text, as the safe loader reads them."""
    stack = [data]
    while stack:
        node = stack.pop()
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        for key, value in list(items):
            if isinstance(value, date):
                node[key] = value.isoformat()
            else:
                stack.append(value)


def _merge(original: str, unchanged: str, changed: str) -> str | None:
    """Apply the change (unchanged -> changed) to the original lines, or None if unsure.

    Why: ruamel re-spaces flow collections and comments it did not touch; replaying only the
    changed hunks on the original keeps the diff to the keys that changed (R27).
    """
    orig = original.splitlines(keepends=True)
    base = unchanged.splitlines(keepends=True)
    new = changed.splitlines(keepends=True)
    if base == orig:
        return changed
    where: dict[int, int] = {}
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(
        None, base, orig, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            where.update((i1 + k, j1 + k) for k in range(i2 - i1))
    where[len(base)] = len(orig)
    out: list[str] = []
    pos = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, base, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        span = _span(where, i1, i2)
        if span is None or span[0] < pos:
            return None
        out += orig[pos : span[0]] + new[j1:j2]
        pos = span[1]
    return "".join(out + orig[pos:])


def _span(where: dict[int, int], i1: int, i2: int) -> tuple[int, int] | None:
    """The original lines standing for base lines [i1, i2), if they map one to one."""
    if i1 == i2:  # an insertion: next to a neighbour that maps (both must agree if both do)
        before, after = where.get(i1 - 1, -1 if i1 == 0 else None), where.get(i1)
        if before is not None and after is not None and after != before + 1:
            return None
        at = after if after is not None else None if before is None else before + 1
        return None if at is None else (at, at)
    if any(where.get(i) != where.get(i1, -2) + (i - i1) for i in range(i1, i2)):
        return None
    return where[i1], where[i1] + (i2 - i1)
