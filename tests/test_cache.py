"""The validation memo in .git/ is never stale: every run agrees with a run without the cache."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo, problems

Run = Callable[..., Any]
ORG = "records/organisations/aland.yaml"
BAD = (ORG, 5, "WG010", "ahg_member: expected true or false, got the number 3")


def uncached(run_cli: Run, repo: RecordsRepo, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The truth: the same run with the cache and the memo turned off."""
    with monkeypatch.context() as patch:
        patch.setenv("WGCTL_NO_CACHE", "1")
        return problems(run_cli, repo)


def _set_times(path: Path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def test_edit_keeping_size_and_mtime_is_seen(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`touch -d`, `cp -p`, `tar x` and `rsync -t` put an old mtime back on new content."""
    path = repo.root / ORG
    repo.write({ORG: repo.read(ORG) + "# checked\n"})  # already modified, still valid
    _set_times(path, 1_577_836_800_000_000_000)
    assert problems(run_cli, repo) == (0, [])
    before = path.stat()
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3   ")  # the same size
    _set_times(path, before.st_mtime_ns)
    assert path.stat().st_size == before.st_size
    assert uncached(run_cli, repo, monkeypatch) == (1, [BAD])
    assert problems(run_cli, repo) == (1, [BAD])


def test_untracked_file_edited_keeping_size_and_mtime_is_seen(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = "records/organisations/new-state.yaml"
    repo.write({rel: "id: new-state\n"})
    _set_times(repo.root / rel, 1_577_836_800_000_000_000)
    first = problems(run_cli, repo)
    assert "missing required field 'name'" in {f[3] for f in first[1]}
    repo.write({rel: "xd: new-state\n"})  # same size, then the old time put back
    _set_times(repo.root / rel, 1_577_836_800_000_000_000)
    truth = uncached(run_cli, repo, monkeypatch)
    assert truth != first
    assert problems(run_cli, repo) == truth


def test_symlinked_record_to_an_ignored_file_is_never_stale(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git tracks the link, not the ignored file it leads to: its edits must still count."""
    repo.write({".gitignore": "local/\n", "local/aland.yaml": repo.read(ORG)})
    (repo.root / ORG).unlink()
    (repo.root / ORG).symlink_to("../../local/aland.yaml")
    repo.commit("aland lives in local/")
    assert problems(run_cli, repo) == (0, [])
    assert problems(run_cli, repo) == (0, [])  # a warm run, as before
    repo.edit("local/aland.yaml", "ahg_member: true", "ahg_member: 3")
    assert uncached(run_cli, repo, monkeypatch) == (1, [BAD])
    assert problems(run_cli, repo) == (1, [BAD])


def test_untracked_symlinked_record_is_never_stale(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({".gitignore": "local/\n", "local/aland.yaml": repo.read(ORG)})
    repo.commit("local copy of aland")
    (repo.root / ORG).unlink()
    (repo.root / ORG).symlink_to("../../local/aland.yaml")
    assert problems(run_cli, repo) == (0, [])
    repo.edit("local/aland.yaml", "ahg_member: true", "ahg_member: 3")
    assert problems(run_cli, repo) == (1, [BAD])


def test_memo_still_serves_an_unchanged_tree(repo: RecordsRepo, run_cli: Run) -> None:
    """Hashing changed files keeps the memo usable: a second run with nothing changed reuses it."""
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3")
    assert problems(run_cli, repo) == (1, [BAD])
    memo = repo.root / ".git/wgctl-result.pickle"
    stamp = memo.stat().st_mtime_ns
    assert problems(run_cli, repo) == (1, [BAD])
    assert memo.stat().st_mtime_ns == stamp  # not rewritten: served, not recomputed


def _rows(repo: RecordsRepo) -> dict[str, tuple[str, bytes]]:
    import sqlite3

    db = sqlite3.connect(repo.root / ".git" / "wgctl-files.sqlite")
    try:
        return {p: (s, r) for p, s, r in db.execute("SELECT path, stamp, record FROM files")}
    finally:
        db.close()


def test_an_edited_file_does_not_rewrite_the_cache_and_undoing_it_is_seen(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pre-commit run has edited files: only the edited file's row of the store changes."""
    assert problems(run_cli, repo) == (0, [])
    before = _rows(repo)
    original = repo.read(ORG)
    repo.edit(ORG, "ahg_member: true", "ahg_member: 3")
    assert problems(run_cli, repo) == uncached(run_cli, repo, monkeypatch)
    assert problems(run_cli, repo)[0] == 1
    after = _rows(repo)
    assert {p for p in before if after[p] != before[p]} == {ORG}
    assert after.keys() == before.keys()
    repo.write({ORG: original})
    assert problems(run_cli, repo) == (0, []) == uncached(run_cli, repo, monkeypatch)
    assert _rows(repo) == before  # the committed content's row again


def test_records_are_read_from_the_store_only_when_used(repo: RecordsRepo) -> None:
    """A warm load unpickles no record until one is used, then only those asked for."""
    from wgctl.files.load import load_repo
    from wgctl.models import Group, Organisation

    load_repo(repo.root)
    records = load_repo(repo.root).records
    assert all(type(r).__name__ == "Pending" for r in list.__iter__(records.all))
    group = records.get(Group, "ewg")
    assert group is not None
    assert group.policy is not None
    assert group.policy.max_term_years == 2
    read = [
        r
        for items in records.by_kind.values()
        for r in dict.values(items)
        if type(r).__name__ != "Pending"
    ]
    assert [r.id for r in read] == ["ewg"]
    assert records.get(Group, "ewg") is group  # read once, one object
    assert sorted(o.id for o in records.organisations)[:2] == ["ahg", "aland"]
    assert isinstance(records.get(Organisation, "aland"), Organisation)


def test_a_row_that_no_longer_matches_its_file_is_never_served(repo: RecordsRepo) -> None:
    """A store row from other content (a restored backup, a race) is read again from the file."""
    import sqlite3

    from wgctl.files.load import load_repo
    from wgctl.models import Organisation

    load_repo(repo.root)
    db = sqlite3.connect(repo.root / ".git" / "wgctl-files.sqlite")
    with db:
        db.execute("UPDATE files SET stamp = 'another content' WHERE path = ?", (ORG,))
    aland = load_repo(repo.root).records.get(Organisation, "aland")
    assert aland is not None
    assert aland.name == "Aland"
    assert _rows(repo)[ORG][0] != "another content"  # stored again under its real stamp
    records = load_repo(repo.root).records  # the index matched; the row changes before use
    with db:
        db.execute("UPDATE files SET stamp = 'x', record = ? WHERE path = ?", (b"junk", ORG))
    db.close()
    aland = records.get(Organisation, "aland")
    assert aland is not None
    assert aland.name == "Aland"


def test_the_code_fingerprint_covers_every_module_of_wgctl() -> None:
    """A cached record must not outlive a change to its model: the fingerprint counts every
    source file of the package, not only those beside the cache module (a stale pickled model
    lacking a new field made `wgctl site` fail with an internal error)."""
    from wgctl.files import cache

    counted = {p.relative_to(cache.PACKAGE).as_posix() for p in cache.code_files()}
    assert {"cli.py", "models/initiative.py", "checks/references.py", "files/cache.py"} <= counted


RULES_DB = ".git/wgctl-rules.sqlite"
BAD_OWNER = "records/actions/nominate-focal-point.yaml"


def _db_stamp(repo: RecordsRepo) -> str:
    import sqlite3

    db = sqlite3.connect(repo.root / RULES_DB)
    try:
        return str(db.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()[0])
    finally:
        db.close()


def _edit_then_truth(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, Any]:
    """An edit only the rules see (an unknown owner): (warm answer, cold answer)."""
    repo.edit(BAD_OWNER, "owner: ahg", "owner: zenda")
    return problems(run_cli, repo), uncached(run_cli, repo, monkeypatch)


def test_a_corrupt_rule_memo_is_rebuilt(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert problems(run_cli, repo) == (0, [])
    (repo.root / RULES_DB).write_bytes(b"not a database at all" * 100)
    warm, cold = _edit_then_truth(repo, run_cli, monkeypatch)
    assert warm == cold
    assert warm[0] == 1
    assert _db_stamp(repo)  # a readable database again


def test_a_foreign_rule_memo_is_ignored(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another wgctl (format, code) wrote it: its findings are never served."""
    import sqlite3

    assert problems(run_cli, repo) == (0, [])
    ours = _db_stamp(repo)
    db = sqlite3.connect(repo.root / RULES_DB)
    with db:
        db.execute("UPDATE meta SET value = 'another wgctl' WHERE name = 'stamp'")
        db.execute("DELETE FROM files")  # would make every unit look current
    db.close()
    warm, cold = _edit_then_truth(repo, run_cli, monkeypatch)
    assert warm == cold
    assert _db_stamp(repo) == ours


def test_a_stale_rule_memo_is_not_trusted(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A memo from an earlier state of the tree (restored from a backup) still gives the truth:
    what changed is found by comparing each file's content, not by trusting the memo."""
    repo.edit(BAD_OWNER, "owner: ahg", "owner: zenda")
    assert problems(run_cli, repo)[0] == 1
    old = (repo.root / RULES_DB).read_bytes()
    repo.edit(BAD_OWNER, "owner: zenda", "owner: ahg")
    assert problems(run_cli, repo) == (0, [])
    (repo.root / RULES_DB).write_bytes(old)
    for suffix in ("-wal", "-shm"):
        (repo.root / f"{RULES_DB}{suffix}").unlink(missing_ok=True)
    repo.write({"records/organisations/zenda.yaml": "id: zenda\n"})  # the memo cannot know
    assert problems(run_cli, repo) == uncached(run_cli, repo, monkeypatch)


def test_an_edit_reruns_only_what_it_touches(repo: RecordsRepo) -> None:
    """After one edit the rules re-judge the edited record and its readers, not everything."""
    from datetime import date

    from wgctl.validate import validate_repo

    day = date(2017, 10, 1)
    validate_repo(repo.root, today=day)
    repo.edit(BAD_OWNER, "owner: ahg", "owner: zenda")
    seen: list[tuple[str, int, int]] = []
    from wgctl import progress

    with progress.reporting(lambda what, done, total: seen.append((what, done, total))):
        result = validate_repo(repo.root, today=day)
    assert [p.rule for p in result.problems] == ["WG502"]
    ran = max(total for what, _, total in seen if what == "rules checked")
    assert 0 < ran < 20  # units re-run, out of more than 60 on a first run


def test_a_foreign_record_store_is_rebuilt_not_served(repo: RecordsRepo) -> None:
    """A store written by another wgctl (its code or format) is thrown away: its rows, even
    ones whose stamps match the files, are never served."""
    import sqlite3

    from wgctl.files.load import load_repo
    from wgctl.models import Organisation

    load_repo(repo.root)
    path = repo.root / ".git" / "wgctl-files.sqlite"
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE meta SET value = 'another wgctl' WHERE name = 'stamp'")
        db.execute("UPDATE files SET record = NULL, id = 'impostor' WHERE path = ?", (ORG,))
    db.close()
    records = load_repo(repo.root).records
    aland = records.get(Organisation, "aland")
    assert aland is not None
    assert aland.name == "Aland"
    assert records.get(Organisation, "impostor") is None
    assert _rows(repo)[ORG][1] is not None  # stored again
