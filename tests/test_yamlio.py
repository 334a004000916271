"""The safe YAML reader: YAML 1.2 plain data, bounded, every refusal located."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from wgctl.files import yamlio
from wgctl.files.yamlio import YamlError, load_record_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("on", "on"),
        ("Yes", "Yes"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("010", 10),
        ("0o10", 8),
        ("0x1F", 31),
        ("1_000", "1_000"),
        ("1:30", "1:30"),
        ("2014-08-06", "2014-08-06"),
        ("2014-08-06 10:00:00", "2014-08-06 10:00:00"),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("-.inf", -math.inf),
        ("'1.1'", "1.1"),
        ("!!str 12", "12"),
        ("!!int '12'", 12),
        ("=", "="),
    ],
)
def test_yaml_1_2_core_schema(text: str, value: Any) -> None:
    assert load_record_text(f"a: {text}\n") == {"a": value}


def test_yaml_1_1_directive_keeps_1_2_meaning() -> None:
    assert load_record_text("%YAML 1.1\n---\na: NO\nb: 010\n") == {"a": "NO", "b": 10}


def test_nan_loads() -> None:
    assert math.isnan(load_record_text("a: .NaN\n")["a"])


def refusal(text: str) -> tuple[str, int, int, str]:
    with pytest.raises(YamlError) as info:
        load_record_text(text)
    err = info.value
    return err.rule, err.line, err.column, err.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!binary aGk=\n", ("WG006", 1, 4, "tag 'tag:yaml.org,2002:binary' is not allowed in records")),
        ("a: !!timestamp 2001-12-14\n", ("WG006", 1, 4, "tag 'tag:yaml.org,2002:timestamp' is not allowed in records")),
        ("a: !local x\n", ("WG006", 1, 4, "tag '!local' is not allowed in records")),
        ("a: !!int abc\n", ("WG006", 1, 4, "'abc' is not a valid int: remove the tag")),
        ("a: !!bool maybe\n", ("WG006", 1, 4, "'maybe' is not a valid bool: remove the tag")),
        ("a: !!map [1]\n", ("WG006", 1, 4, "tag 'tag:yaml.org,2002:map' does not fit a sequence")),
        ("a: !!set {x: null}\n", ("WG006", 1, 4, "tag 'tag:yaml.org,2002:set' is not allowed in records")),
        ("a: 1\n? [x]\n: 2\n", ("WG004", 2, 3, "keys must be plain text")),
        ("a: 1\n3: x\n", ("WG004", 2, 1, "keys must be plain text")),
        ("a: &x 1\nb: *x\n", ("WG007", 1, 4, "anchors (&name) are not allowed in records")),
        ("a: 1\nb: 2\na: 3\n", ("WG005", 3, 1, "duplicate key 'a' (first on line 1)")),
        ("a: 1\n---\n", ("WG004", 2, 1, "a record is one YAML document, but a second one starts here")),
        ("%YAML 2.0\n---\na: 1\n", ("WG001", 1, 1, "invalid YAML: found incompatible YAML document")),
        ("a:\n\tb: 1\n", ("WG001", 2, 1, "invalid YAML: found character that cannot start any token")),
        ("a: " + "1" * 31 + "\n", ("WG001", 1, 4, "number too large")),
        ("[1]\n", ("WG004", 1, 1, "a record must be a mapping of field: value")),
        ("", ("WG004", 1, 1, "file is empty: a record is one YAML mapping")),
    ],
)  # fmt: skip
def test_refusals_are_located(text: str, expected: tuple[str, int, int, str]) -> None:
    assert refusal(text) == expected


def test_depth_limit_is_exact() -> None:
    def nested(levels: int) -> str:
        return "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"

    assert load_record_text(nested(yamlio.MAX_DEPTH))
    assert refusal(nested(yamlio.MAX_DEPTH + 1))[:2] == ("WG008", 1)


def test_deep_documents_are_refused_before_composing() -> None:
    # Over SCAN_ABOVE indicators the event scan runs first: the C composer never sees 10^6 levels.
    text = "a: " + "[" * 1_000_000
    assert refusal(text) == ("WG008", 1, 67, "nesting deeper than 64 levels")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"a: 1\nb: \xe9t\xe9\n",
            (
                "WG002",
                2,
                4,
                "saved as Latin-1 (byte 0xE9 is '\xe9' there), not UTF-8; save it as UTF-8",
            ),
        ),
        (b"a: \x81\n", ("WG002", 1, 4, "not valid UTF-8")),
        ("a: 1\nb: \xe9\n".encode("utf-16"), ("WG002", 1, 1, "saved as UTF-16; save it as UTF-8")),
        ("a: 1\nb: 2\n".encode("utf-16-le"), ("WG002", 1, 1, "saved as UTF-16; save it as UTF-8")),
        ("a: 1\nb: 2\n".encode("utf-16-be"), ("WG002", 1, 1, "saved as UTF-16; save it as UTF-8")),
        ("a: 1\n".encode("utf-32"), ("WG002", 1, 1, "saved as UTF-32; save it as UTF-8")),
        (b"\x81\x8d\x00\x01\x02\x03", ("WG002", 1, 1, "not a text file (contains NUL bytes)")),
        (b"a: 1\n\x00", ("WG002", 2, 1, "not a text file (contains NUL bytes)")),
    ],
)
def test_decode_refusals_are_located_and_name_the_encoding(
    raw: bytes, expected: tuple[str, int, int, str]
) -> None:
    with pytest.raises(YamlError) as info:
        yamlio.decode(raw)
    err = info.value
    assert (err.rule, err.line, err.column, err.message) == expected


def test_bom_is_dropped() -> None:
    assert yamlio.decode(b"\xef\xbb\xbfa: 1\n") == "a: 1\n"


def test_read_text_bounds_size(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: " + b"x" * 200 + b"\n")
    with pytest.raises(YamlError) as info:
        yamlio.read_text(path, max_bytes=100)
    assert (info.value.rule, info.value.message) == (
        "WG003",
        "file is 204 bytes, over the 100-byte limit for a record",
    )
    assert yamlio.read_text(path, max_bytes=204).startswith("a: x")


def test_missing_file_is_a_located_problem(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as info:
        yamlio.read_text(tmp_path / "gone.yaml")
    assert (info.value.rule, info.value.message) == (
        "WG009",
        "cannot read file: No such file or directory",
    )


def test_locate_points_at_values_keys_and_parents() -> None:
    text = "a: 1\nb:\n  - x: 1\n    y: [2, 3]\n"
    root = yamlio.compose(text)
    assert yamlio.locate(root, ("b", 0, "y", 1)) == yamlio.Position(4, 12)
    assert yamlio.locate(root, ("b", 0, "y"), key=True) == yamlio.Position(4, 5)
    assert yamlio.locate(root, ("b", 0, "missing")) == yamlio.Position(3, 5)
    assert yamlio.locate(root, ("nowhere", 3)) == yamlio.Position(1, 1)


def test_agrees_with_pyyaml_on_plain_documents() -> None:
    text = "id: x\nlist: [a, 'b', 1, 1.5, true, null]\nmap: {k: v}\nblock: |\n  line\n"
    assert load_record_text(text) == yaml.load(text, Loader=yaml.CSafeLoader)
