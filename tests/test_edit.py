"""Safe in-place writes (R25-R28, R1, R2) on real temporary git repositories."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo
from wgctl.files import edit, yamlio
from wgctl.files.edit import EditError, create_record, edit_record, file_digest

ACTION = "records/actions/nominate-focal-point.yaml"
HAND_WRITTEN = (
    "# yaml-language-server: $schema=../../schemas/actions.schema.json\n"
    "# Raised at the 2014 SOM.\n"
    "id: nominate-focal-point\n"
    "sensitivity: 'public'   # everyone may read this\n"
    "text: >-\n"
    "    Nominate a focal point, a person or a unit, within two weeks, and tell the\n"
    "    secretariat who it is.\n"
    'raised_at: "som-2014"\n'
    "owner: ahg\n"
    "due: 2014-08-20\n"
    "status: open  # not yet done\n"
    "sources:\n"
    "  - document: tor\n"
    "    section: Next steps\n"
    "  - { document: tor }\n"
)


def note(data: Any) -> None:
    """A small edit to the minimal (already closed) action item."""
    data["closing_note"] = "Done."


def close(data: Any) -> None:
    """The edit most callers make: close an action item."""
    data["status"] = "closed"
    data.insert(list(data).index("status") + 1, "closed", date(2014, 8, 19))


def diff_lines(repo: RecordsRepo) -> list[str]:
    """The changed lines of the working tree against HEAD (+/- lines, no headers)."""
    out = repo.git("diff", "--no-color", "-U0")
    return [
        line
        for line in out.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def hand(repo: RecordsRepo) -> RecordsRepo:
    """The minimal repository with one hand-written, commented, oddly formatted record."""
    repo.write_bytes(ACTION, HAND_WRITTEN.encode())
    repo.commit("hand-written action")
    return repo


def test_edit_touches_only_the_changed_keys(hand: RecordsRepo, run_cli: Callable[..., Any]) -> None:
    edit_record(hand.root, ACTION, close)
    assert diff_lines(hand) == [
        "-status: open  # not yet done",
        "+status: closed # not yet done",  # the comment keeps its column
        "+closed: 2014-08-19",
    ]
    assert run_cli("validate", "--repo", hand.root).returncode == 0


def test_crlf_and_bom_survive(hand: RecordsRepo) -> None:
    path = hand.root / ACTION
    path.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode())
    hand.commit("crlf")
    new = edit_record(hand.root, ACTION, close)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") == HAND_WRITTEN.count("\n") + 1
    assert raw.decode() == new
    assert b"status: closed # not yet done\r\nclosed: 2014-08-19\r\n" in raw


def test_indentation_of_the_file_is_kept_for_new_entries(hand: RecordsRepo) -> None:
    def add_source(data: Any) -> None:
        data["sources"].append({"document": "tor", "section": "Annex"})

    edit_record(hand.root, ACTION, add_source)
    assert diff_lines(hand) == ["+  - document: tor", "+    section: Annex"]


def test_returned_text_is_the_file(hand: RecordsRepo) -> None:
    new = edit_record(hand.root, ACTION, close)
    assert (hand.root / ACTION).read_text() == new
    assert yamlio.load_record_text(new)["closed"] == "2014-08-19"


def test_invalid_result_is_refused_and_file_untouched(hand: RecordsRepo) -> None:
    before = (hand.root / ACTION).read_bytes()

    def bad(data: Any) -> None:
        data["status"] = "finished"

    with pytest.raises(EditError) as info:
        edit_record(hand.root, ACTION, bad)
    assert str(info.value).startswith(f"{ACTION}:11: status: ")
    assert "[WG010]" in str(info.value)
    assert (hand.root / ACTION).read_bytes() == before
    assert diff_lines(hand) == []


def test_unknown_field_is_refused(hand: RecordsRepo) -> None:
    def typo(data: Any) -> None:
        data["closing_nots"] = "done"

    with pytest.raises(EditError, match=r"did you mean 'closing_note'\?"):
        edit_record(hand.root, ACTION, typo)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("closing_note: !!python/object/apply:os.system ['touch pwned']\n", ":10: tag "),
        ("owner: iom\n", ":10: duplicate key 'owner' (first on line 5) [WG005]"),
        ("'owner': iom\n", ":10: duplicate key 'owner' (first on line 5) [WG005]"),
        (
            "closing_note: &a x\ninitiative: *a\n",
            ":10: anchors (&name) are not allowed in records [WG007] (and 1 more)",
        ),
        ("<<: {status: open}\n", ":10: merge keys"),
    ],
)
def test_unsafe_file_is_refused_before_round_trip(
    repo: RecordsRepo, text: str, message: str
) -> None:
    path = repo.root / ACTION
    path.write_text(path.read_text() + text)
    before = path.read_bytes()
    called = []
    with pytest.raises(EditError) as info:
        edit_record(repo.root, ACTION, called.append)
    assert message in str(info.value)
    assert str(info.value).startswith(ACTION)
    assert called == []
    assert path.read_bytes() == before
    assert not (repo.root / "pwned").exists()


def test_yaml_1_1_directive_is_refused(repo: RecordsRepo) -> None:
    path = repo.root / ACTION
    path.write_text("%YAML 1.1\n---\n" + path.read_text())
    with pytest.raises(EditError, match=r":1: only YAML 1\.2"):
        edit_record(repo.root, ACTION, close)


def test_no_is_written_back_as_text(repo: RecordsRepo) -> None:
    def note(data: Any) -> None:
        data["closing_note"] = "NO"

    new = edit_record(repo.root, ACTION, note)
    assert "closing_note: NO\n" in new
    assert yamlio.load_record_text(new)["closing_note"] == "NO"


def test_symlinked_file_is_refused(repo: RecordsRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text((repo.root / ACTION).read_text())
    (repo.root / ACTION).unlink()
    (repo.root / ACTION).symlink_to(outside)
    with pytest.raises(EditError, match="is a symlink"):
        edit_record(repo.root, ACTION, note)
    assert "closing_note" not in outside.read_text()


def test_symlinked_folder_is_refused(repo: RecordsRepo, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (repo.root / "records/actions").rename(elsewhere)
    (repo.root / "records/actions").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(EditError, match="records/actions is a symlink"):
        edit_record(repo.root, ACTION, close)


@pytest.mark.parametrize(
    "rel",
    ["../outside.yaml", "records/../../x.yaml", "/etc/passwd", "schemas/x.yaml", "records/x.yaml"],
)
def test_paths_outside_records_are_refused(repo: RecordsRepo, rel: str) -> None:
    with pytest.raises(EditError, match="not a record path"):
        edit_record(repo.root, rel, close)
    with pytest.raises(EditError, match="not a record path"):
        create_record(repo.root, rel, "id: x\n")


def test_read_only_file_is_refused(repo: RecordsRepo) -> None:
    path = repo.root / ACTION
    path.chmod(0o444)
    with pytest.raises(EditError, match="read-only"):
        edit_record(repo.root, ACTION, note)
    assert "closing_note" not in path.read_text()


def test_stale_digest_loses(repo: RecordsRepo) -> None:
    path = repo.root / ACTION
    seen = file_digest(path)
    repo.edit(ACTION, "text: Nominate", "text: Please nominate")
    with pytest.raises(EditError, match="changed since it was read"):
        edit_record(repo.root, ACTION, note, expect_digest=seen)
    assert "closing_note" not in path.read_text()
    edit_record(repo.root, ACTION, note, expect_digest=file_digest(path))
    assert "Please nominate" in path.read_text()
    assert "closing_note: Done." in path.read_text()


def test_change_during_the_edit_is_not_lost(repo: RecordsRepo) -> None:
    path = repo.root / ACTION

    def racing(data: Any) -> None:  # another editor saves while we work
        path.write_text(path.read_text().replace("text: Nominate", "text: Please nominate"))
        note(data)

    with pytest.raises(EditError, match="changed while it was being edited"):
        edit_record(repo.root, ACTION, racing)
    assert "Please nominate" in path.read_text()
    assert "closing_note" not in path.read_text()


def test_held_lock_makes_the_second_writer_fail(
    repo: RecordsRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edit, "LOCK_TIMEOUT", 0.2)
    with (repo.root / ".git/wgctl.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(EditError, match="another wgctl is writing"):
            edit_record(repo.root, ACTION, close)
    edit_record(repo.root, ACTION, close)


def test_failed_replace_leaves_old_file_and_no_temp_file(
    repo: RecordsRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (repo.root / ACTION).read_bytes()

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(EditError, match="cannot write: No space left on device"):
        edit_record(repo.root, ACTION, close)
    assert (repo.root / ACTION).read_bytes() == before
    assert sorted(p.name for p in (repo.root / "records/actions").iterdir()) == [
        "nominate-focal-point.yaml"
    ]


def test_write_killed_midway_leaves_a_parseable_file(
    repo: RecordsRepo, run_cli: Callable[..., Any]
) -> None:
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from wgctl.files.edit import edit_record\n"
        "real_fsync = os.fsync\n"
        "def die(fd):\n"
        "    real_fsync(fd)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.fsync = die\n"
        "def note(d): d['closing_note'] = 'Done.'\n"
        f"edit_record(Path(sys.argv[1]), {ACTION!r}, note)\n"
    )
    before = (repo.root / ACTION).read_bytes()
    done = subprocess.run([sys.executable, "-c", script, str(repo.root)], check=False)
    assert done.returncode == -signal.SIGKILL
    assert (repo.root / ACTION).read_bytes() == before
    leftovers = [p.name for p in (repo.root / "records/actions").iterdir()]
    assert len(leftovers) == 2  # the killed writer's temp file: a dot-file loaders ignore
    assert run_cli("validate", "--repo", repo.root).returncode == 0


def test_create_record_writes_a_new_valid_file(repo: RecordsRepo) -> None:
    rel = "records/actions/send-report.yaml"
    text = (
        "id: send-report\nsensitivity: members\ntext: Send the report.\n"
        "owner: ahg\nsources: [{document: tor}]\n"
    )
    create_record(repo.root, rel, text)
    assert (repo.root / rel).read_text() == text
    with pytest.raises(EditError, match="already exists"):
        create_record(repo.root, rel, text.replace("Send", "Post"))
    assert (repo.root / rel).read_text() == text


def test_create_record_refuses_invalid_text(repo: RecordsRepo) -> None:
    rel = "records/actions/send-report.yaml"
    with pytest.raises(EditError, match=r"records/actions/send-report\.yaml:1: missing required"):
        create_record(repo.root, rel, "id: send-report\nsensitivity: members\n")
    with pytest.raises(EditError, match="tag"):
        create_record(repo.root, rel, "id: !!python/name:os.system x\n")
    assert not (repo.root / rel).exists()
    assert sorted(p.name for p in (repo.root / "records/actions").iterdir()) == [
        "nominate-focal-point.yaml"
    ]


def test_create_record_refuses_an_id_that_is_not_the_file_name(repo: RecordsRepo) -> None:
    text = "id: other\nsensitivity: members\ntext: T.\nowner: ahg\nsources: [{document: tor}]\n"
    with pytest.raises(EditError, match=r"id must be 'send-report', the file's name \[WG102\]"):
        create_record(repo.root, "records/actions/send-report.yaml", text)
    assert not (repo.root / "records/actions/send-report.yaml").exists()


def test_unwritable_value_is_an_edit_error(repo: RecordsRepo) -> None:
    before = (repo.root / ACTION).read_bytes()

    def odd(data: Any) -> None:
        data["closing_note"] = object()

    with pytest.raises(EditError, match="cannot write the change"):
        edit_record(repo.root, ACTION, odd)
    assert (repo.root / ACTION).read_bytes() == before
