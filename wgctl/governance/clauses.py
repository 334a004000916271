"""The terms of reference quoted: a rule's message cites the clause it guards, in its own words."""

from __future__ import annotations

from wgctl.models import Policy

# What a message says when the policy does not quote the clause itself.
FALLBACK = {
    "max": "(a maximum term, unless otherwise agreed by the members)",
    "stagger": "(one co-chair rotates annually)",
    "voluntary": "(the co-chair positions are voluntary)",
}


def cite(policy: Policy, *words: str) -> str:
    """A clause of the terms of reference whose key contains one of `words`, quoted."""
    for key, text in policy.clauses.items():
        if any(w in key for w in words):
            return f'"{" ".join(text.split())}" ({key})'
    return ""


def cite_or_say(policy: Policy, word: str, *more: str) -> str:
    """The quoted clause, or a short paraphrase when the policy quotes none."""
    return cite(policy, word, *more) or FALLBACK.get(word, "")
