"""The name index finds exactly what one regular expression of every name found (the way
`freetext.hiding` used to match names), in time that does not grow with the names."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from wgctl.confidentiality.freetext import WITHHELD, hiding
from wgctl.confidentiality.namescan import NameScan, coarse

# Letters that case-fold in unusual ways, word joiners, boundaries and plain letters.
DOTLESS = "\u0131"
ALPHABET = "aAbBiIkKsSzZ\u017f\u212a\u0131\u0130\u00b5\u03bc\u00df\u00e9\u00c9\u0345\u03b9 -_.()'1"


def reference(names: list[str], text: str) -> list[tuple[int, int]]:
    """The spans the single expression found (as `freetext.hiding` compiled it)."""
    exact, loose = [], []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 2:
            continue
        (exact if len(name) <= 4 else loose).append(re.escape(name))
    alternatives = [f"(?-i:{'|'.join(exact)})"] if exact else []
    alternatives += loose
    if not alternatives:
        return []
    body = "|".join(alternatives)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    names=st.lists(st.text(ALPHABET, min_size=1, max_size=8), max_size=12, unique=True),
    text=st.text(ALPHABET, max_size=60),
)
def test_the_index_finds_what_the_expression_found(names: list[str], text: str) -> None:
    assert NameScan(names).spans(text) == reference(names, text)


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.text(ALPHABET, min_size=2, max_size=8), min_size=1, max_size=8),
    data=st.data(),
)
def test_names_written_in_the_text_are_found_as_the_expression_finds_them(
    names: list[str], data: st.DataObject
) -> None:
    """Texts built from the names themselves, so that matches are common, not rare."""
    pieces = data.draw(st.lists(st.sampled_from([*names, " ", "-", "x", ". "]), max_size=10))
    text = "".join(pieces)
    assert NameScan(names).spans(text) == reference(names, text)


def test_only_i_k_and_s_match_non_ascii_letters_ignoring_case() -> None:
    """Why the index's key treats i, k and s as unknown: no other ASCII letter is matched to a
    non-ASCII character by `re` with IGNORECASE (so keys of matching texts are equal)."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    matched = set()
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letters.fullmatch(char):
            matched |= {c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, char, re.I)}
    assert matched <= set("iks")
    assert coarse("Smith") == coarse("\u017fMITH") == coarse("smith")


def test_finding_names_does_not_slow_down_with_more_names() -> None:
    """A thousand times the names, about the same time per text (the expression grew with them)."""
    text = "The meeting of officials from State 7 and Agency 12 agreed to report. " * 20

    def per_text(count: int) -> float:
        scan = NameScan([f"Person number {i}" for i in range(count)] + ["Agency 12"])
        start = time.perf_counter()
        for _ in range(20):
            assert scan.spans(text)
        return time.perf_counter() - start

    assert per_text(10_000) < 5 * per_text(10)


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.text(ALPHABET, min_size=2, max_size=8), max_size=8),
    more=st.lists(st.text(ALPHABET, min_size=2, max_size=8), min_size=1, max_size=4),
    data=st.data(),
)
def test_added_names_are_found_as_if_indexed_with_the_others(
    names: list[str], more: list[str], data: st.DataObject
) -> None:
    pieces = data.draw(st.lists(st.sampled_from([*names, *more, " ", "-", "x"]), max_size=10))
    text = "".join(pieces)
    assert NameScan(names).plus(more).spans(text) == reference(names + more, text)


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.text(ALPHABET, min_size=1, max_size=8), max_size=6, unique=True),
    more=st.lists(st.text(ALPHABET, min_size=1, max_size=8), min_size=1, max_size=4, unique=True),
    data=st.data(),
)
def test_a_chatham_house_meetings_names_join_the_hidden_ones_as_one_table_would(
    names: list[str], more: list[str], data: st.DataObject
) -> None:
    """Found words, parties named and redactions equal those of one table of every name."""
    from wgctl.confidentiality.freetext import hiding

    hidden = {name: (f"party-{i}", "restricted") for i, name in enumerate(names)}
    extra = {name: (f"extra-{i}", "Chatham House participant") for i, name in enumerate(more)}
    pieces = data.draw(st.lists(st.sampled_from([*names, *more, " ", "-", "x"]), max_size=10))
    text = "".join(pieces)
    layered, whole = hiding(hidden).with_parties(extra), hiding({**hidden, **extra})
    assert layered.find(text) == whole.find(text)
    assert layered.redact(text) == whole.redact(text)


def test_a_name_written_with_a_dotless_i_is_found_and_withheld() -> None:
    """`re` matches a dotless i to "I" although casefold() keeps them apart: naming a hidden
    party so must neither slip through nor crash the lookup of who was named."""
    hidden = hiding({"Istanbul Institute": ("canary-org", "restricted")})
    words = f"{DOTLESS}stanbul {DOTLESS}nstitute"
    text = f"Briefed by the {words} today."
    assert [(n.words, n.party) for n in hidden.find(text)] == [(words, "canary-org")]
    assert hidden.redact(text) == f"Briefed by the {WITHHELD} today."


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(st.text(ALPHABET, min_size=2, max_size=8), min_size=1, max_size=8, unique=True),
    text=st.text(ALPHABET, max_size=60),
)
def test_every_name_found_is_told_whose_it_is(names: list[str], text: str) -> None:
    parties = {name: (f"party-{k}", "restricted") for k, name in enumerate(names)}
    found = hiding(parties).find(text)
    assert {n.party for n in found} <= {p for p, _ in parties.values()}
    assert len(found) <= len(NameScan(names).spans(text))
