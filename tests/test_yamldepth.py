"""Nesting depth is wgctl's rule (WG008), found before any parser's own limit can answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wgctl.files.yamldepth import too_deep_at
from wgctl.files.yamlio import MAX_DEPTH, YamlError, load_record_text


def refusal(text: str) -> tuple[str, int, int, str]:
    with pytest.raises(YamlError) as info:
        load_record_text(text)
    err = info.value
    return err.rule, err.line, err.column, err.message


TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"


@pytest.mark.parametrize("levels", [65, 999, 1_000, 1_500, 5_000])
def test_flow_nesting_is_wg008_at_the_first_level_too_deep(levels: int) -> None:
    # 1,500 brackets stay under the event scan's threshold, and libyaml's own limit is 1,000:
    # the answer is the same whatever the library's limit.
    text = "id: x\nlist: " + "[" * levels + "]" * levels + "\n"
    # The record's mapping is level 1, so the 64th bracket is level 65.
    assert refusal(text) == ("WG008", 2, 7 + 63, TOO_DEEP)


def test_mixed_brackets_and_braces_count_alike() -> None:
    text = "a: " + "[{" * 40
    assert refusal(text) == ("WG008", 1, 3 + 64, TOO_DEEP)


@pytest.mark.parametrize(
    "text",
    [
        "a: '" + "[" * 200 + "'\n",  # single-quoted
        'a: "' + "{" * 200 + '\\" "\n',  # double-quoted, with an escaped quote
        "a: see " + "[" * 200 + "\n",  # a plain scalar may hold brackets after its first character
        "# " + "[" * 200 + "\na: 1\n",  # a comment
        "a: |\n  " + "[" * 200 + "\n  more\nb: 2\n",  # a literal block scalar
        "a: >-\n  " + "{" * 200 + "\nb: 2\n",  # a folded block scalar
        'a: ["' + "[" * 200 + '", b]\n',  # a quoted scalar inside a flow sequence
        "a: [it's, " + "x, " * 100 + "b]\nc: '" + "[" * 100 + "'\n",  # an apostrophe in a word
    ],
)
def test_brackets_that_open_nothing_are_not_nesting(text: str) -> None:
    assert too_deep_at(text, MAX_DEPTH) is None
    load_record_text(text)  # and the loader accepts the file


def test_nesting_just_inside_the_limit_loads() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert load_record_text(text) is not None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=300), st.sampled_from(["[", "{", "- "]))
def test_any_depth_gets_wg008_or_loads(levels: int, opener: str) -> None:
    """Whatever the depth and the kind of nesting, the answer is WG008 exactly when too deep."""
    if opener == "- ":
        text = "a:\n" + "".join("  " * i + "-\n" for i in range(levels)) + "  " * levels + "- x\n"
    elif opener == "[":
        text = "a: " + "[" * levels + "x" + "]" * levels + "\n"
    else:
        text = "a: " + "{k: " * levels + "x" + "}" * levels + "\n"
    deepest = levels + 1 + (1 if opener == "- " else 0)  # the record mapping, and the list under a
    if deepest > MAX_DEPTH:
        assert refusal(text)[::3] == ("WG008", TOO_DEEP)
    else:
        load_record_text(text)
