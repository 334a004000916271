"""A rebuild writes only what changed, judged by the manifest the earlier build left.

The manifest keeps a digest and size of every file and the build's key (records, history,
audience, date, templates, wgctl's code); a rebuild from the same key over an intact build has
nothing to do. It is only a cache: a file someone changed or removed, or a damaged manifest,
gets the site written again, and a change to a record always shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.repo import RecordsRepo
from tests.test_site import Result, build, examples_repo, text


def test_a_rebuild_with_nothing_changed_writes_nothing_and_keeps_the_manifest(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    manifest = json.loads((out / ".wgctl-site").read_text())
    assert manifest["key"] and "index.html" in manifest["files"]
    again = build(run_cli, repo, out)
    assert "0 file(s) written" in again.stderr
    assert json.loads((out / ".wgctl-site").read_text()) == manifest


def test_a_page_someone_changed_or_removed_is_written_again(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    page = out / "meetings/som-2026.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Senior Officials", b"Senior Oficials"))  # same size
    (out / "style.css").unlink()
    done = build(run_cli, repo, out)
    assert "2 file(s) written" in done.stderr
    assert page.read_bytes() == original
    assert (out / "style.css").is_file()


def test_a_damaged_manifest_means_a_full_write_and_no_file_lost(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    out = tmp_path / "site"
    first = build(run_cli, repo, out)
    (out / ".wgctl-site").write_text('{"format": 2, "key": 7, "files": {"x.html": [1]}}')
    done = build(run_cli, repo, out)
    count = first.stderr.split(": ")[1].split(" ")[0]
    assert f"{count} file(s) written" in done.stderr
    assert (out / "index.html").is_file()


def test_an_edited_record_and_an_edited_template_show_on_the_rebuild(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo: RecordsRepo = examples_repo(tmp_path / "repo")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    repo.edit("records/meetings/som-2026.yaml", "Port Example", "Port Sample")  # not committed
    done = build(run_cli, repo, out)
    assert "0 file(s) written" not in done.stderr
    assert "Port Sample" in text(out, "meetings/som-2026.html")
    (repo.root / ".gitignore").write_text("templates/\n")
    repo.write({"templates/site/style.css": "body { color: #654321; }\n"})
    build(run_cli, repo, out)
    assert "#654321" in (out / "style.css").read_text()


def test_a_rebuild_renders_again_every_page_a_change_reaches_and_only_those_change(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(run_cli, repo, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")}
    # A party's name is on its own page and on every page that names it.
    repo.edit("records/organisations/caldera.yaml", "short_name: Caldera", "short_name: Kaldera")
    build(run_cli, repo, out)
    build(run_cli, repo, fresh)  # the same records from nothing: what the rebuild must equal
    for path in sorted(fresh.rglob("*")):
        if path.is_file() and "pagefind" not in path.parts:
            rel = path.relative_to(fresh)
            assert (out / rel).read_bytes() == path.read_bytes(), rel
    changed = {rel for rel, data in before.items() if (out / rel).read_bytes() != data}
    assert {"groups/fwg.html", "organisations/caldera.html", "meetings/fwg-2024.html"} <= {
        str(r) for r in changed
    }
    assert "meetings/som-2026.html" not in {str(r) for r in changed}
    assert "Kaldera" in (out / "meetings/meetings.ics").read_text(encoding="utf-8")
