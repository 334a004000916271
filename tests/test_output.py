"""The reporters on plain Problem values: formats hold whatever the data contains."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from wgctl.errors import Problem, Severity
from wgctl.output import one_line, render, render_github, render_json, render_text

NASTY = "50% done,\r\nnext: line\u2028sep \x1b[31mred\x1b[0m \u202eevil [bold]x[/bold] :smile:"


def _problem(message: str = "bad value", path: str = "records/a/b.yaml", **kw: object) -> Problem:
    return Problem(path, 3, 7, "WG103", message, kw.pop("severity", Severity.ERROR))  # type: ignore[arg-type]


def _json(problems: list[Problem], files: int = 1) -> dict[str, object]:
    out = io.StringIO()
    render_json(problems, files, out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_json_round_trips_nasty_text_one_line_per_problem() -> None:
    problems = [_problem(NASTY, path="records/é/\u2028,:%.yaml"), _problem()]
    out = io.StringIO()
    render_json(problems, 2, out)
    doc = json.loads(out.getvalue())
    assert doc["problems"][0]["message"] == NASTY
    assert doc["problems"][0]["path"] == "records/é/\u2028,:%.yaml"
    assert (doc["files"], doc["errors"], doc["warnings"]) == (2, 2, 0)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    assert json.loads(lines[1].rstrip(","))["line"] == 3


def test_json_without_problems() -> None:
    assert _json([], 5) == {"files": 5, "errors": 0, "warnings": 0, "problems": []}


def test_json_counts_warnings() -> None:
    doc = _json([_problem(severity=Severity.WARNING)])
    assert (doc["errors"], doc["warnings"]) == (0, 1)


def test_github_escapes_data_and_properties() -> None:
    out = io.StringIO()
    render_github([_problem(NASTY, path="a,b:c%d.yaml")], out)
    text = out.getvalue()
    assert text.count("\n") == 1
    assert text.startswith(
        "::error file=a%2Cb%3Ac%25d.yaml,line=3,col=7,title=WG103 reference-resolves::50%25 done,%0D%0Anext: line"
    )


def test_github_warning_level() -> None:
    out = io.StringIO()
    render_github([_problem(severity=Severity.WARNING)], out)
    assert out.getvalue().startswith("::warning file=records/a/b.yaml,line=3,col=7,")


def test_text_escapes_markup_emoji_and_control_characters(tmp_path: Path) -> None:
    out = io.StringIO()
    render_text([_problem(NASTY)], tmp_path, 1, out)
    lines = out.getvalue().splitlines()
    assert lines[1] == (
        "  records/a/b.yaml:3:7: error: 50% done,\\x0d\\x0anext: line\\u2028sep "
        "\\x1b[31mred\\x1b[0m \\u202eevil [bold]x[/bold] :smile: [WG103]"
    )
    assert "\x1b" not in out.getvalue()


def test_text_shows_the_offending_source_line(tmp_path: Path) -> None:
    (tmp_path / "records/a").mkdir(parents=True)
    (tmp_path / "records/a/b.yaml").write_text(
        "one\ntwo\n\tthree \x1b[2J\nfour\n", encoding="utf-8"
    )
    out = io.StringIO()
    render_text([_problem()], tmp_path, 1, out)
    assert "       3 |  three \\x1b[2J" in out.getvalue().splitlines()


def test_text_survives_an_unreadable_source(tmp_path: Path) -> None:
    (tmp_path / "records/a").mkdir(parents=True)
    (tmp_path / "records/a/b.yaml").write_bytes(b"\xff\xfe\x00bad")
    out = io.StringIO()
    render_text([_problem()], tmp_path, 1, out)
    assert out.getvalue().splitlines()[-1] == "1 files checked: 1 errors, 0 warnings: failed"


def test_render_dispatches_on_the_format(tmp_path: Path) -> None:
    outputs = {}
    for fmt in ("text", "json", "github"):
        out = io.StringIO()
        render(fmt, [_problem()], repo=tmp_path, files=1, stream=out)
        outputs[fmt] = out.getvalue()
    assert outputs["json"].startswith('{"files": 1')
    assert outputs["github"].startswith("::error ")
    assert outputs["text"].startswith("records/a/b.yaml\n")


@given(st.text())
def test_one_line_never_breaks_a_line_or_emits_escapes(text: str) -> None:
    shown = one_line(text)
    assert len(shown.splitlines()) <= 1
    assert "\x1b" not in shown
    shown.encode("utf-8")


@given(st.text(), st.text(min_size=1))
def test_every_format_is_one_line_per_problem(message: str, path: str) -> None:
    problems = [_problem(message, path=path), _problem()]
    out = io.StringIO()
    render_github(problems, out)
    assert len(out.getvalue().splitlines()) == 2
    out.getvalue().encode("utf-8")
    out = io.StringIO()
    render_json(problems, 2, out)
    assert len(out.getvalue().splitlines()) == 4
    assert json.loads(out.getvalue())["problems"][1]["message"] == "bad value"


def test_text_quotes_only_the_files_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "records/a").mkdir(parents=True)
    (tmp_path / "records/a/b.yaml").write_text("one\ntwo\nthree\n", encoding="utf-8")
    out = io.StringIO()
    render_text([_problem()], tmp_path, 1, out, sources=["records/a/other.yaml"])
    assert " 3 | " not in out.getvalue()
    out = io.StringIO()
    render_text([_problem()], tmp_path, 1, out, sources=["records/a/b.yaml"])
    assert "       3 | three" in out.getvalue().splitlines()


def test_text_never_quotes_a_link_out_of_the_repository(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("a\nb\nsecret\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "records/a").mkdir(parents=True)
    (repo / "records/a/b.yaml").symlink_to(outside)
    out = io.StringIO()
    render_text([_problem()], repo, 1, out, sources=["records/a/b.yaml"])
    assert "secret" not in out.getvalue()


def test_text_never_quotes_outside_records_or_past_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "records/a").mkdir(parents=True)
    (tmp_path / "records/a/b.yaml").write_text("one\ntwo\nthree\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("one\ntwo\nsecret\n", encoding="utf-8")
    out = io.StringIO()
    render_text([_problem(path="notes.txt"), _problem()], tmp_path, 1, out, max_bytes=5)
    assert " 3 | " not in out.getvalue()


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as rich asks."""

    def isatty(self) -> bool:
        return True


def test_text_on_a_terminal_is_coloured_and_says_the_same_words(tmp_path: Path) -> None:
    """Colour only where a person reads it; markup in data stays literal there too."""
    piped, shown = io.StringIO(), Terminal()
    render_text([_problem(NASTY)], tmp_path, 1, piped)
    render_text([_problem(NASTY)], tmp_path, 1, shown)
    assert "\x1b[" not in piped.getvalue()
    assert "\x1b[31m" in shown.getvalue() or "\x1b[1;31m" in shown.getvalue()
    plain = re.sub("\x1b\\[[0-9;]*m", "", shown.getvalue())
    assert plain == piped.getvalue()
