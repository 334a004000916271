"""Loader reliability (R1-R9, R11, R12, R15, R29) through `wgctl validate --format json`."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo, problems
from wgctl.files.pydantic_errors import describe
from wgctl.models import KINDS

Run = Callable[..., Any]
ORG = "records/organisations/aland.yaml"
ACTION = "records/actions/nominate-focal-point.yaml"
GROUP = "records/groups/ewg.yaml"


def only(run_cli: Run, repo: RecordsRepo) -> tuple[str, int, str, str]:
    """The single problem of a run that must fail with exactly one."""
    code, found = problems(run_cli, repo)
    assert code == 1, found
    assert len(found) == 1, found
    return found[0]


def test_yaml_1_1_directive_does_not_turn_no_into_false(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({ACTION: "%YAML 1.1\n---\n" + repo.read(ACTION) + "closing_note: NO\n"})
    assert problems(run_cli, repo) == (0, [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2017-02-30", "due: '2017-02-30' is not a real calendar date"),
        ("0", "due: must be a date written YYYY-MM-DD, got the number 0"),
        (
            "2017-02-03T10:00:00",
            "due: must be a date written YYYY-MM-DD, got '2017-02-03T10:00:00'",
        ),
    ],
)
def test_impossible_dates_are_schema_errors_at_their_line(
    repo: RecordsRepo, run_cli: Run, value: str, message: str
) -> None:
    repo.edit(ACTION, "due: 2014-08-20", f"due: {value}")
    assert only(run_cli, repo) == (ACTION, 6, "WG010", message)


def test_huge_integer_is_refused_at_its_line(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(ORG, "name: Aland", "name: " + "9" * 5000)
    assert only(run_cli, repo) == (ORG, 3, "WG001", "number too large")


def test_deep_nesting_is_refused_without_crashing(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(ORG, "name: Aland", "name: " + "[" * 100_000 + "]" * 100_000)
    assert only(run_cli, repo) == (ORG, 3, "WG008", "nesting deeper than 64 levels")


def test_nesting_just_too_deep_in_block_style(repo: RecordsRepo, run_cli: Run) -> None:
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(70))
    repo.write(
        {
            ORG: repo.read(ORG)
            + "extra:\n"
            + "".join("  " + line + "\n" for line in deep.splitlines())
        }
    )
    path, line, rule, _message = only(run_cli, repo)
    assert (path, line, rule) == (ORG, 71, "WG008")


@pytest.mark.no_cover  # a time bound: measured without coverage's tracing, as a user runs it
def test_billion_laughs_is_refused_fast(repo: RecordsRepo, run_cli: Run) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    repo.write({ORG: repo.read(ORG) + "\n".join(lines) + "\n"})
    start = time.monotonic()
    code, found = problems(run_cli, repo)
    assert time.monotonic() - start < 10  # R4: measured in milliseconds; 10 s is the requirement
    assert code == 1
    # Every anchor and every alias at its own line, the expansion never built.
    anchors = [(p, line) for p, line, _, m in found if m.startswith("anchors")]
    assert anchors == [(ORG, line) for line in range(7, 17)]
    assert {rule for _, _, rule, _ in found} == {"WG007"}
    assert len(found) == 10 + 81


def test_oversized_file_is_refused_by_size_before_reading(repo: RecordsRepo, run_cli: Run) -> None:
    path = repo.root / ORG
    with path.open("r+b") as handle:  # sparse: 52 MB of NUL bytes that are never read
        handle.truncate(52_000_000)
    code, found = problems(run_cli, repo)
    assert code == 1
    assert found == [
        (ORG, 1, "WG003", "file is 52,000,000 bytes, over the 1,000,000-byte limit for a record")
    ]


def test_size_limit_is_configurable(repo: RecordsRepo, run_cli: Run) -> None:
    code, found = problems(run_cli, repo, "--max-bytes", "100")
    assert code == 1
    assert (GROUP, 1, "WG003") in [f[:3] for f in found]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"\xef\xbb\xbfid: aland\nsensitivity: public\nname: Aland\ntype: state\nahg_member: true\nsources: [{document: tor}]\n",
            None,
        ),
        (
            b"id: aland\nsensitivity: public\nname: \xc5land\n",
            (
                3,
                "WG002",
                "saved as Latin-1 (byte 0xC5 is '\xc5' there), not UTF-8; save it as UTF-8",
            ),
        ),
        (
            "id: aland\nsensitivity: public\nname: \xc5land\n".encode("utf-16"),
            (1, "WG002", "saved as UTF-16; save it as UTF-8"),
        ),
        (
            b"id: aland\nsensitivity: public\n\x00\x01\x02",
            (3, "WG002", "not a text file (contains NUL bytes)"),
        ),
        (b"", (1, "WG004", "file is empty: a record is one YAML mapping")),
        (b"# only a comment\n\n", (1, "WG004", "file is empty: a record is one YAML mapping")),
        (b"- id: aland\n", (1, "WG004", "a record must be a mapping of field: value")),
        (b"aland\n", (1, "WG004", "a record must be a mapping of field: value")),
        (
            b"id: aland\n---\nid: borduria\n",
            (2, "WG004", "a record is one YAML document, but a second one starts here"),
        ),
        (b"id: aland\n~: x\n", (2, "WG004", "keys must be plain text")),
        (
            b"id: aland\nname: !!python/object/apply:os.system [ls]\n",
            (
                2,
                "WG006",
                "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in records",
            ),
        ),
        (
            b"id: aland\nname: Aland\nname: Ruritania\n",
            (3, "WG005", "duplicate key 'name' (first on line 2)"),
        ),
        (
            b"id: aland\n'name': Aland\n\"name\": Ruritania\n",
            (3, "WG005", "duplicate key 'name' (first on line 2)"),
        ),
        (
            b"id: aland\n<<: {name: Aland}\n",
            (2, "WG007", "merge keys (<<) are not allowed in records"),
        ),
        (
            b"id: aland\nname: [unclosed\n",
            (3, "WG001", "invalid YAML: did not find expected ',' or ']'"),
        ),
        (
            b"id: aland\nname: a\x07b\n",
            (2, "WG001", "invalid YAML: control characters are not allowed"),
        ),
    ],
)
def test_bad_bytes_and_shapes_name_file_line_and_rule(
    repo: RecordsRepo, run_cli: Run, data: bytes, expected: tuple[int, str, str] | None
) -> None:
    repo.write_bytes(ORG, data)
    if expected is None:
        assert problems(run_cli, repo) == (0, [])
    else:
        assert only(run_cli, repo) == (ORG, *expected)


def test_crlf_file_reports_the_right_line(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write_bytes(
        ORG,
        repo.read(ORG).replace("ahg_member: true", "ahg_member: 3").replace("\n", "\r\n").encode(),
    )
    assert only(run_cli, repo) == (
        ORG,
        5,
        "WG010",
        "ahg_member: expected true or false, got the number 3",
    )


def test_unknown_nested_field_suggests_the_right_one(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(GROUP, "    member: borduria", "    memebr: borduria")
    code, found = problems(run_cli, repo)
    assert code == 1
    assert (GROUP, 21, "WG011", "unknown field 'terms.1.memebr'; did you mean 'member'?") in found
    assert (GROUP, 20, "WG012", "missing required field 'terms.1.member'") in found


def test_numbers_where_text_is_required_say_quote_it(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/initiatives/joint-action.yaml", 'number: "1.1"', "number: 1.1")
    assert only(run_cli, repo) == (
        "records/initiatives/joint-action.yaml", 3, "WG010",
        "number: expected text, got the number 1.1: quote it",
    )  # fmt: skip


def test_a_broken_file_never_hides_the_others(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write_bytes(ORG, b"id: [\n")
    repo.write_bytes("records/organisations/iom.yaml", b"\xff\xfe")
    repo.edit(ACTION, "owner: ahg", "owner: nobody")
    repo.edit(GROUP, "seats: 2", "seats: two")
    code, found = problems(run_cli, repo)
    assert code == 1
    assert {(f[0], f[2]) for f in found} >= {
        (ORG, "WG001"),
        ("records/organisations/iom.yaml", "WG002"),
        (ACTION, "WG502"),
        (GROUP, "WG010"),
    }


def test_validate_paths_and_repo_from_another_folder(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write_bytes(ORG, b"id: [\n")
    repo.edit(ACTION, "owner: ahg", "owner: nobody")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, found = problems(run_cli, repo, repo.root / ACTION)
    assert code == 1
    assert [f[:3] for f in found] == [(ACTION, 5, "WG502")]
    code, found = problems(run_cli, repo, ACTION)  # relative to --repo when not found here
    assert [f[:3] for f in found] == [(ACTION, 5, "WG502")]
    code, found = problems(run_cli, repo)
    assert {f[0] for f in found} == {ORG, ACTION}


@pytest.mark.no_cover  # a time bound: measured without coverage's tracing, as a user runs it
def test_many_errors_in_one_file_are_capped(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({GROUP: repo.read(GROUP) + "nominations: [" + ", ".join(["1"] * 100_000) + "]\n"})
    start = time.monotonic()
    _code, found = problems(run_cli, repo)
    assert time.monotonic() - start < 10
    mine = [f for f in found if f[0] == GROUP]
    assert len(mine) == 50
    assert mine[-1][3].endswith("(and 99950 more errors)")


# Golden messages: the one table in wgctl/files/pydantic_errors.py, as users read it.
GOLDEN: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "initiatives",
        {
            "id": "x", "sensitivity": "secret", "number": 1.1, "theme": 3, "title": "",
            "who": "aland", "status": "done", "sources": [], "extra_thing": 1,
            "updates": [
                {"date": 0, "text": "x", "figures": [{"name": "a", "value": -1}]},
                {"date": "2017-02-30", "text": 5},
            ],
        },
        [
            "sensitivity: 'secret' is not one of 'public', 'members' or 'restricted'",
            "sources: must not be empty",
            "number: expected text, got the number 1.1: quote it",
            "theme: expected text, got the number 3: quote it",
            "title: must not be empty",
            "who: expected a list, got 'aland'",
            "status: 'done' is not one of 'planned', 'ongoing', 'completed', 'dormant' or 'closed'",
            "updates.0.date: must be a date written YYYY-MM-DD, got the number 0",
            "updates.0.figures.0.value: must be 0 or more, got the number -1",
            "updates.1.date: '2017-02-30' is not a real calendar date",
            "updates.1.text: expected text, got the number 5: quote it",
            "unknown field 'extra_thing'",
        ],
    ),
    (
        "actions",
        {
            "id": "Bad Id", "sensitivity": "public", "text": "t", "sources": {"document": "x"},
            "due": "2017-1-1", "status": True, "closing_nots": 1, "recurring": None,
        },
        [
            "id: 'Bad Id' is not an id: lower-case letters and digits joined by hyphens, like 'som-2014'",
            "sources: expected a list, got a mapping",
            "missing required field 'owner'",
            "due: must be a date written YYYY-MM-DD, got '2017-1-1'",
            "status: true is not one of 'open', 'closed' or 'cancelled'",
            "unknown field 'closing_nots'; did you mean 'closing_note'?",
        ],
    ),
    (
        "organisations",
        {"id": "x", "sensitivity": "public", "name": ["a" * 10_000], "sources": [{"document": {"a": "b" * 10_000}}], "type": None},
        [
            "sources.0.document: expected text, got a mapping",
            "name: expected text, got a list",
            "type: nothing (null) is not one of 'state', 'international-organisation', 'body'",
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "data", "expected"), GOLDEN)
def test_golden_schema_messages(kind: str, data: dict[str, Any], expected: list[str]) -> None:
    from pydantic import ValidationError

    model = KINDS[kind]
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    messages = [message for _loc, _rule, message, _key in describe(info.value, model)]
    assert len(messages) == len(expected), messages
    for got, want in zip(messages, expected, strict=True):
        assert got.startswith(want), (got, want)
        assert len(got) < 300  # never the whole input


def test_fifo_is_a_problem_not_a_hang(repo: RecordsRepo, run_cli: Run) -> None:
    (repo.root / ORG).unlink()
    os.mkfifo(repo.root / ORG)
    assert only(run_cli, repo) == (ORG, 1, "WG009", "not a regular file (or a broken symlink)")


# The cache in .git/ (wgctl.files.cache): never stale for edited, staged, new or committed files.
CACHE = ".git/wgctl-files.sqlite"


def test_warm_run_uses_the_cache_and_sees_every_kind_of_change(
    repo: RecordsRepo, run_cli: Run
) -> None:
    assert problems(run_cli, repo) == (0, [])
    assert (repo.root / CACHE).is_file()
    bad = (ORG, 5, "WG010", "ahg_member: expected true or false, got the number 3")
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3")  # unstaged
    assert problems(run_cli, repo) == (1, [bad])
    repo.git("add", ORG)  # staged
    assert problems(run_cli, repo) == (1, [bad])
    repo.commit("break aland")  # committed: cached as broken
    assert problems(run_cli, repo) == (1, [bad])
    assert problems(run_cli, repo) == (1, [bad])
    repo.write({"records/organisations/new-state.yaml": "id: new-state\n"})  # untracked
    _code, found = problems(run_cli, repo)
    assert ("records/organisations/new-state.yaml", 1, "WG012") in [f[:3] for f in found]
    repo.remove("records/organisations/new-state.yaml")
    repo.edit(ORG, "ahg_member: 3", "ahg_member: true")
    repo.commit("fix aland")
    assert problems(run_cli, repo) == (0, [])


def test_cache_is_really_used(repo: RecordsRepo, run_cli: Run) -> None:
    assert problems(run_cli, repo) == (0, [])
    repo.git("update-index", "--assume-unchanged", ORG)  # git now vouches for the old content
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3")
    assert problems(run_cli, repo) == (0, [])  # served from the cache
    _code, found = problems(run_cli, repo, "--max-bytes", "50")  # another limit: not cached
    assert (ORG, 1, "WG003") in [f[:3] for f in found]


def test_corrupt_cache_is_a_cold_start(repo: RecordsRepo, run_cli: Run) -> None:
    assert problems(run_cli, repo) == (0, [])
    (repo.root / CACHE).write_bytes(b"\x80\x05not a pickle")
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3")
    repo.commit("break aland")
    assert problems(run_cli, repo)[0] == 1
    assert problems(run_cli, repo)[0] == 1


def test_cache_can_be_turned_off(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WGCTL_NO_CACHE", "1")
    assert problems(run_cli, repo) == (0, [])
    assert not (repo.root / CACHE).exists()


def test_unchanged_tree_reuses_the_last_result(repo: RecordsRepo, run_cli: Run) -> None:
    assert problems(run_cli, repo) == (0, [])
    assert (repo.root / ".git/wgctl-result.pickle").is_file()
    repo.git("update-index", "--assume-unchanged", ORG)  # git now vouches for the old content
    (repo.root / ORG).write_text(repo.read(ORG).replace("ahg_member: true", "ahg_member: 3"))
    assert problems(run_cli, repo) == (0, [])  # the memo: nothing changed, as far as git knows
    repo.git("update-index", "--no-assume-unchanged", ORG)
    assert problems(run_cli, repo)[0] == 1


def test_ignored_files_under_records_are_never_stale(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({".gitignore": "records/organisations/local-*.yaml\n"})
    repo.commit("ignore local records")
    rel = "records/organisations/local-x.yaml"
    missing = "missing required field 'sensitivity'"
    repo.write({rel: "id: local-x\n"})
    assert missing in {f[3] for f in problems(run_cli, repo)[1] if f[0] == rel}
    repo.write({rel: "id: local-x\nsensitivity: public\n"})
    found = {f[3] for f in problems(run_cli, repo)[1] if f[0] == rel}
    assert missing not in found
    assert "missing required field 'name'" in found
    repo.remove(rel)
    assert problems(run_cli, repo) == (0, [])


def test_memo_keeps_records_available(repo: RecordsRepo) -> None:
    from wgctl.validate import validate_repo

    first = validate_repo(repo.root)
    second = validate_repo(repo.root)  # from the memo: records load on first use
    assert second.problems == first.problems
    assert sorted(r.id for r in second.records) == sorted(r.id for r in first.records)


def test_help_imports_none_of_the_heavy_modules() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nsys.argv = ['wgctl', '--help']\nfrom wgctl.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'ruamel', 'jinja2', 'git', 'yaml', 'docx', 'icalendar',"
        " 'openpyxl', 'sqlite_utils', 'weasyprint')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Usage: wgctl" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


HOSTILE = """\
a: !!python/object/apply:os.system ["touch pwned"]
b: !include other.yaml
c: &anchor 1
d: *anchor
e: !env HOME
f: !!binary aGk=
g: !!set {x: null}
name: again
h: !!int abc
i: &unused 2
<<: {type: body}
"""


def test_every_forbidden_construct_in_a_file_is_named_in_one_run(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write({ORG: repo.read(ORG) + HOSTILE})
    code, found = problems(run_cli, repo)
    assert code == 1
    assert [(line, rule) for _, line, rule, _ in found] == [
        (7, "WG006"),
        (8, "WG006"),
        (9, "WG007"),
        (10, "WG007"),
        (11, "WG006"),
        (12, "WG006"),
        (13, "WG006"),
        (14, "WG005"),
        (15, "WG006"),
        (16, "WG007"),
        (17, "WG007"),
    ]
    assert found[7][3] == "duplicate key 'name' (first on line 3)"
    assert not (repo.root / "pwned").exists()


def test_aliases_in_a_long_file_are_all_named(repo: RecordsRepo, run_cli: Run) -> None:
    # Long enough for the depth event scan to run over it first: it must not stop at an alias.
    filler = "".join(f"note{i}: [a, b, c, d, e]\n" for i in range(500))
    repo.write({ORG: repo.read(ORG) + "x: &x 1\n" + filler + "y: *x\nz: *x\n"})
    code, found = problems(run_cli, repo)
    assert code == 1
    assert [(line, rule) for _, line, rule, _ in found] == [
        (7, "WG007"),
        (508, "WG007"),
        (509, "WG007"),
    ]


def test_findings_per_file_are_bounded(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({ORG: repo.read(ORG) + "".join(f"t{i}: !bad x\n" for i in range(5_000))})
    code, found = problems(run_cli, repo)
    assert code == 1
    assert len(found) == 101
    assert found[-1][3] == "more than 100 problems in this file; fix these and run again"
