"""The preview's watcher, in process: a changed record or template rebuilds; a bad one says why."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.repo import RecordsRepo
from wgctl.errors import UserError
from wgctl.site.serve import fingerprint, watch


def _wait(condition: object, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_a_changed_record_rebuilds_and_a_failed_rebuild_is_reported(repo: RecordsRepo) -> None:
    calls: list[str] = []
    said: list[str] = []

    def rebuild() -> None:
        calls.append("rebuild")
        if len(calls) == 2:
            raise UserError("not rendering from invalid records: 1 error(s)")

    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(repo.root, rebuild, said.append, stop, 0.05))
    watcher.start()
    try:
        time.sleep(0.2)
        assert calls == []  # nothing changed: no rebuild
        (repo.root / "records" / "themes" / "extra.yaml").write_text("id: extra\n")
        assert _wait(lambda: len(calls) == 1)
        (repo.root / "records" / "themes" / "extra.yaml").write_text("id: extra\nbad: 1\n")
        assert _wait(lambda: said)
        assert said == ["not rebuilt: not rendering from invalid records: 1 error(s)"]
    finally:
        stop.set()
        watcher.join(5)
    assert not watcher.is_alive()


def test_fingerprint_covers_records_and_templates_only(repo: RecordsRepo, tmp_path: Path) -> None:
    before = fingerprint(repo.root)
    (repo.root / "notes.txt").write_text("not a record\n")
    assert fingerprint(repo.root) == before
    repo.write({"templates/site/style.css": "body {}\n"})
    assert fingerprint(repo.root) != before
    assert fingerprint(tmp_path / "nothing-here") == ()
