"""A warm run (per-file cache, result memo, incremental rules, edited files kept) always equals
a cold run.

Random sequences of the edits people make, each followed by a validation with the caches
and one without: deletes, renames, broken files, a policy change that affects every term,
duplicate ids, a reference to a record that appears later, a party restricted after free text
named it, commits and undos. In process, through the real loader, on a real git repository;
the incremental rule memo answers every warm run that the whole-run memo does not.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.repo import RecordsRepo
from wgctl.validate import validate_repo

ORG = "records/organisations/aland.yaml"
REFERENCED = "records/organisations/borduria.yaml"  # a term of the group names it
GROUP = "records/groups/ewg.yaml"
INITIATIVE = "records/initiatives/joint-action.yaml"
ACTION = "records/actions/nominate-focal-point.yaml"
COPY = "records/organisations/aland-again.yaml"
ZENDA = "records/organisations/zenda.yaml"
LATER_COPY = "records/actions/zz-copy.yaml"  # same id as ACTION: judged only once ACTION is gone
LATER_TEXT = """\
id: nominate-focal-point
sensitivity: public
text: A copy that is judged only when it is the first of its id.
owner: ahg
status: open
closed: 2014-08-19
sources: [{document: tor}]
"""


def _swap(repo: RecordsRepo, rel: str, one: str, other: str) -> None:
    """Toggle a file between two versions of one line (nothing when the file is gone)."""
    path = repo.root / rel
    if not path.exists():
        return
    text = path.read_text()
    path.write_text(text.replace(one, other, 1) if one in text else text.replace(other, one, 1))


def _retitle(repo: RecordsRepo) -> None:
    path = repo.root / INITIATIVE
    if path.exists():
        path.write_text(path.read_text().replace("title: Conduct", "title: Really conduct", 1))


def _delete(repo: RecordsRepo) -> None:
    (repo.root / REFERENCED).unlink(missing_ok=True)


def _rename(repo: RecordsRepo) -> None:
    path = repo.root / ORG
    if path.exists():
        path.rename(path.with_name("aland-islands.yaml"))


def _toggle(repo: RecordsRepo, rel: str, text: str) -> None:
    """Create a file, or delete it when it is there."""
    path = repo.root / rel
    if path.exists():
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _undo(repo: RecordsRepo) -> None:
    repo.git("checkout", "-q", "HEAD", "--", ".")
    repo.git("clean", "-fdq", "--", "records")


def _rewrite_same(repo: RecordsRepo) -> None:
    path = repo.root / GROUP
    if path.exists():
        path.write_text(path.read_text())


EDITS: dict[str, Callable[[RecordsRepo], None]] = {
    "break a file": lambda r: _swap(r, ORG, "ahg_member: true", "ahg_member: 3"),
    "policy for every term": lambda r: _swap(r, GROUP, "max_term_years: 2", "max_term_years: 1"),
    "retitle": _retitle,
    "delete a referenced record": _delete,
    "rename": _rename,
    "commit": lambda r: r.commit(),
    "undo uncommitted": _undo,
    "rewrite unchanged": _rewrite_same,
    "duplicate an id": lambda r: _toggle(
        r, COPY, "id: aland\nsensitivity: public\nname: Aland\ntype: state\n"
    ),
    "break a referenced record": lambda r: _swap(
        r, REFERENCED, "ahg_member: true", "ahg_member: 3"
    ),
    "refer to an unknown owner": lambda r: _swap(r, ACTION, "owner: ahg", "owner: zenda"),
    "add the unknown owner": lambda r: _toggle(
        r, ZENDA, "id: zenda\nsensitivity: public\nname: Zenda\ntype: state\n"
    ),
    "copy the action, broken": lambda r: _toggle(r, LATER_COPY, LATER_TEXT),
    "delete the action": lambda r: (r.root / ACTION).unlink(missing_ok=True),
    "restrict a party": lambda r: _swap(
        r, REFERENCED, "sensitivity: public", "sensitivity: restricted"
    ),
    "name a party in free text": lambda r: _swap(
        r, INITIATIVE, "The first period of action ended.", "Borduria ended the first period."
    ),
}


@contextlib.contextmanager
def _no_cache() -> Iterator[None]:
    os.environ["WGCTL_NO_CACHE"] = "1"
    try:
        yield
    finally:
        del os.environ["WGCTL_NO_CACHE"]


def _outcome(root: Path) -> tuple[list[object], list[str]]:
    result = validate_repo(root, today=date(2017, 10, 1))
    return list(result.problems), sorted(result.files)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=6))
# Sequences where an incremental run must re-judge a record that did not change itself:
@example(edits=["copy the action, broken", "delete the action"])  # now the first of its id
@example(edits=["name a party in free text", "restrict a party"])  # the hidden names changed
@example(edits=["refer to an unknown owner", "add the unknown owner", "commit"])
@example(edits=["duplicate an id", "commit", "duplicate an id", "rename"])
@example(edits=["policy for every term", "commit", "undo uncommitted"])
def test_warm_runs_equal_cold_runs_after_any_edits(
    minimal_template: Path, edits: list[str]
) -> None:
    os.environ.pop("WGCTL_NO_CACHE", None)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(minimal_template, root, symlinks=True)
        repo = RecordsRepo(root)
        _outcome(root)  # fill the caches
        for name in edits:
            EDITS[name](repo)
            warm = _outcome(root)
            again = _outcome(root)  # the memo's answer, when nothing changed in between
            with _no_cache():
                cold = _outcome(root)
            assert warm == cold, f"after {edits}: {name}"
            assert again == cold, f"memo after {edits}: {name}"
