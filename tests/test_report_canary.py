"""The leak test: every report, every format, every audience, over records full of canaries.

Each canary string sits in one restricted, members-only, personal or Chatham House field; the
test fails if it reaches an audience that may not see it, and also if an allowed canary does NOT
reach an audience that may see it (so the test cannot pass by rendering nothing).
"""

from __future__ import annotations

import re
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.repo import GIT_ENV, RecordsRepo
from tests.system import need_weasyprint
from tests.tracing import untraced_function

PUBLIC, MEMBERS, RESTRICTED = "public", "members", "restricted"
AUDIENCES = (PUBLIC, MEMBERS, RESTRICTED)
RANK = {PUBLIC: 0, MEMBERS: 1, RESTRICTED: 2}
NEVER = None
Result = subprocess.CompletedProcess[str]

# canary -> the narrowest audience that may see it (NEVER: no audience), and whether some
# report is expected to show it there (the positive half of the test).
CANARIES: dict[str, tuple[str | None, bool]] = {
    "CANARY-RESTRICTED-UPDATE-1": (RESTRICTED, True),
    "CANARY-RESTRICTED-FIGURE": (RESTRICTED, True),
    "CANARY-RESTRICTED-FOOTNOTE": (RESTRICTED, True),
    "CANARY-MEMBERS-UPDATE": (MEMBERS, True),
    "CANARY-MEMBERS-FOOTNOTE": (MEMBERS, True),
    "CANARY-RESTRICTED-ORG-SHORT": (RESTRICTED, True),
    "CANARY-RESTRICTED-ORG-NAME": (RESTRICTED, False),
    "canary-restricted-org-id": (NEVER, False),
    "CANARY-MEMBERS-ORG": (MEMBERS, True),
    "CANARY-MEMBERS-DECISION": (MEMBERS, True),
    "CANARY-RESTRICTED-DECISION": (RESTRICTED, True),
    "CANARY-RESTRICTED-THEME": (RESTRICTED, True),
    "CANARY-RESTRICTED-INITIATIVE": (RESTRICTED, True),
    "CANARY-MEMBERS-INITIATIVE": (MEMBERS, True),
    "CANARY-RESTRICTED-MEETING": (RESTRICTED, True),
    "CANARY-RESTRICTED-ACTION": (RESTRICTED, True),
    "CANARY-MEMBERS-ACTION-NOTE": (MEMBERS, True),
    "CANARY-PERSON-NAME": (MEMBERS, True),
    "CANARY-PERSON-PUBLIC-MARKED": (MEMBERS, True),
    "CANARY-PERSON-RESTRICTED": (RESTRICTED, True),
    "canary-handle": (MEMBERS, False),  # a review handle: members may see it
    "2030-01-01": (NEVER, False),  # a clearance's expiry: no audience
    "CANARY-CHATHAM-PARTICIPANT": (NEVER, False),
    "CANARY-CHATHAM-ATTENDEE": (NEVER, False),
    "CANARY-CHATHAM-CHAIR": (NEVER, False),
    "CANARY-CHATHAM-HOST": (NEVER, False),
    "CANARY-CHATHAM-SPEAKER": (NEVER, False),
    # Allowed everywhere: proves the public parts around the canaries are rendered.
    "ALLOWED-PUBLIC-UPDATE": (PUBLIC, True),
    "ALLOWED-PUBLIC-FOOTNOTE": (PUBLIC, True),
    "ALLOWED-CHATHAM-STATEMENT": (PUBLIC, True),
    "ALLOWED-CHATHAM-OUTCOME": (PUBLIC, True),
    "ALLOWED-JPA-PARTICIPANT": (PUBLIC, True),
    "ALLOWED-AGENDA-ITEM": (PUBLIC, True),
}

_SRC = "sources: [{document: tor}]"


def _org(oid: str, name: str, sensitivity: str = "public", short: str | None = None) -> str:
    short_line = f"short_name: {short}\n" if short else ""
    return (
        f"id: {oid}\nsensitivity: {sensitivity}\nname: {name}\n{short_line}type: state\n"
        f"ahg_member: true\n{_SRC}\n"
    )


def _person(pid: str, name: str, sensitivity: str) -> str:
    return (
        f"id: {pid}\nsensitivity: {sensitivity}\nname: {name}\nmember: aland\n"
        f"review_handle: '@canary-handle'\nclearance: {{level: national, expires: 2030-01-01}}\n"
        f"{_SRC}\n"
    )


CANARY_RECORDS: dict[str, str] = {
    "records/documents/tor.yaml": "id: tor\nsensitivity: public\ntype: terms-of-reference\n"
    "title: Terms of reference\ndate: 2014-06-01\n",
    "records/organisations/ahg.yaml": "id: ahg\nsensitivity: public\nname: Ad Hoc Group\n"
    f"short_name: AHG\ntype: body\n{_SRC}\n",
    "records/organisations/steering-group.yaml": "id: steering-group\nsensitivity: public\n"
    f"name: Steering Group\ntype: body\n{_SRC}\n",
    "records/organisations/aland.yaml": _org("aland", "Aland"),
    "records/organisations/borduria.yaml": _org("borduria", "Borduria"),
    "records/organisations/canary-restricted-org-id.yaml": _org(
        "canary-restricted-org-id",
        "CANARY-RESTRICTED-ORG-NAME",
        "restricted",
        "CANARY-RESTRICTED-ORG-SHORT",
    ),
    "records/organisations/members-org.yaml": _org("members-org", "CANARY-MEMBERS-ORG", "members"),
    "records/organisations/jpa-state.yaml": _org("jpa-state", "ALLOWED-JPA-PARTICIPANT"),
    "records/organisations/chatham-participant.yaml": _org(
        "chatham-participant", "CANARY-CHATHAM-PARTICIPANT"
    ),
    "records/organisations/chatham-chair.yaml": _org("chatham-chair", "CANARY-CHATHAM-CHAIR"),
    "records/organisations/chatham-host.yaml": _org("chatham-host", "CANARY-CHATHAM-HOST"),
    "records/people/person-members.yaml": _person(
        "person-members", "CANARY-PERSON-NAME", "members"
    ),
    "records/people/person-public.yaml": _person(
        "person-public", "CANARY-PERSON-PUBLIC-MARKED", "public"
    ),
    "records/people/person-restricted.yaml": _person(
        "person-restricted", "CANARY-PERSON-RESTRICTED", "restricted"
    ),
    "records/people/chatham-attendee.yaml": _person(
        "chatham-attendee", "CANARY-CHATHAM-ATTENDEE", "public"
    ),
    "records/meetings/som-2016.yaml": "id: som-2016\nsensitivity: public\ntype: som\n"
    f"title: 11th SOM\nstart: 2016-11-01\nprecision: month\n{_SRC}\n",
    "records/meetings/som-2017.yaml": "id: som-2017\nsensitivity: public\ntype: som\n"
    f"title: 12th SOM\nstart: 2017-10-01\nprecision: month\n{_SRC}\n",
    "records/meetings/ewg-2017.yaml": """\
        id: ewg-2017
        sensitivity: public
        type: working-group-meeting
        title: Example WG annual meeting
        group: ewg
        start: 2017-05-10
        location: Port Example
        host: chatham-host
        chairs: [chatham-chair]
        participants: [chatham-participant, aland]
        attendees: [chatham-attendee]
        chatham_house: true
        agenda: [ALLOWED-AGENDA-ITEM]
        decisions:
          - text: Agreed a public decision.
          - text: CANARY-MEMBERS-DECISION
            sensitivity: members
          - text: CANARY-RESTRICTED-DECISION
            sensitivity: restricted
        statements:
          - text: ALLOWED-CHATHAM-STATEMENT
        outcomes: [ALLOWED-CHATHAM-OUTCOME]
        sources: [{document: tor}]
    """,
    "records/meetings/ewg-2017-restricted.yaml": """\
        id: ewg-2017-restricted
        sensitivity: restricted
        type: working-group-meeting
        title: CANARY-RESTRICTED-MEETING
        group: ewg
        start: 2017-06-10
        sources: [{document: tor}]
    """,
    "records/meetings/jpa-1.yaml": """\
        id: jpa-1
        sensitivity: public
        type: joint-period-of-action
        title: First Joint Period of Action
        group: ewg
        start: 2017-03-01
        end: 2017-08-31
        precision: month
        participants: [jpa-state, members-org, canary-restricted-org-id]
        attendees: [person-public, person-members, person-restricted]
        outcomes: [Nine joint operations.]
        figures: [{name: joint operations, value: 9}]
        sources: [{document: tor}]
    """,
    "records/groups/ewg.yaml": """\
        id: ewg
        sensitivity: public
        name: Example Working Group
        short_name: EWG
        parent: ahg
        endorsed_at: som-2016
        policy:
          chatham_house: true
          reporting: {written_report_to: steering-group, oral_update_at: som}
        terms:
          - {seat: 1, member: aland, start: 2017-01-01, end: 2018-12-31, decided_at: som-2016}
          - {seat: 2, member: borduria, start: 2017-01-01, end: 2017-12-31, decided_at: som-2016}
          - seat: 2
            member: canary-restricted-org-id
            start: 2018-01-01
            end: 2019-12-31
            decided_at: som-2017
        sources: [{document: tor}]
    """,
    "records/themes/cooperation.yaml": "id: cooperation\nsensitivity: public\nnumber: '1'\n"
    f"title: Cooperation\n{_SRC}\n",
    "records/themes/secret-theme.yaml": "id: secret-theme\nsensitivity: restricted\n"
    f"number: '9'\ntitle: CANARY-RESTRICTED-THEME\n{_SRC}\n",
    "records/initiatives/joint-action.yaml": """\
        id: joint-action
        sensitivity: public
        number: "1.1"
        theme: cooperation
        title: Conduct joint periods of action
        who: [{party: aland}, {party: canary-restricted-org-id}]
        who_text: Aland and CANARY-RESTRICTED-ORG-SHORT
        group: ewg
        status: ongoing
        updates:
          - date: 2017-03-01
            text: ALLOWED-PUBLIC-UPDATE
            footnotes: [{number: '1', text: ALLOWED-PUBLIC-FOOTNOTE}]
          - date: 2017-04-01
            text: CANARY-MEMBERS-UPDATE
            sensitivity: members
            footnotes: [{number: '2', text: CANARY-MEMBERS-FOOTNOTE}]
          - date: 2017-05-01
            text: CANARY-RESTRICTED-UPDATE-1
            sensitivity: restricted
            figures: [{name: CANARY-RESTRICTED-FIGURE, value: 3}]
            footnotes: [{number: '3', text: CANARY-RESTRICTED-FOOTNOTE}]
        sources: [{document: tor}]
    """,
    "records/initiatives/members-item.yaml": """\
        id: members-item
        sensitivity: members
        number: "1.2"
        theme: cooperation
        title: CANARY-MEMBERS-INITIATIVE
        who: [{party: borduria}]
        status: ongoing
        sources: [{document: tor}]
    """,
    "records/initiatives/secret-item.yaml": """\
        id: secret-item
        sensitivity: restricted
        number: "9.1"
        theme: secret-theme
        title: CANARY-RESTRICTED-INITIATIVE
        who: [{party: canary-restricted-org-id}]
        status: ongoing
        sources: [{document: tor}]
    """,
    "records/actions/public-action.yaml": """\
        id: public-action
        sensitivity: public
        text: Deliver the public thing.
        raised_at: ewg-2017
        owner: canary-restricted-org-id
        due: 2017-12-31
        sources: [{document: tor}]
    """,
    "records/actions/restricted-action.yaml": """\
        id: restricted-action
        sensitivity: restricted
        text: CANARY-RESTRICTED-ACTION
        owner: ewg
        due: 2017-12-31
        sources: [{document: tor}]
    """,
    "records/actions/members-action.yaml": """\
        id: members-action
        sensitivity: members
        text: Close the members thing.
        owner: ewg
        raised_at: ewg-2017
        due: 2017-09-30
        status: closed
        closed: 2017-09-01
        closing_note: CANARY-MEMBERS-ACTION-NOTE
        sources: [{document: tor}]
    """,
}

REPORTS: tuple[tuple[str, ...], ...] = (
    ("progress", "--until", "2017-10-31"),
    ("annual", "ewg", "--year", "2017"),
    ("oral", "ewg", "--until", "2017-10-31"),
    ("actions", "--as-of", "2017-10-31"),
    ("meeting", "ewg-2017", "--as-of", "2017-10-31"),
    ("meeting", "ewg-2017", "--as-of", "2017-01-01"),
    ("meeting", "jpa-1", "--as-of", "2017-10-31"),
    ("meeting", "ewg-2017-restricted", "--as-of", "2017-10-31"),
    ("nominations", "ewg", "--as-of", "2017-06-01"),
    ("compare", "--until", "2017-10-31"),
)
FORMATS = ("md", "html", "docx", "pdf")


@untraced_function  # reading the file back is pypdf/python-docx work, not wgctl's: not traced
def docx_text(path: Path) -> str:
    """Every piece of text in a Word file: body, tables, headers and footers."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


@untraced_function  # reading the file back is pypdf/python-docx work, not wgctl's: not traced
def pdf_text(path: Path) -> str:
    """Every page's text, running headers and footers included; a line broken after a hyphen
    is joined again, so a canary wrapped in a narrow table cell is still found."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"-[ \t]*\n\s*", "-", text)


def build_repo(root: Path, records: dict[str, str]) -> RecordsRepo:
    """A committed git repository holding `records`."""
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    repo = RecordsRepo(root).write(records)
    repo.commit("canary records")
    return repo


@pytest.fixture(scope="module")
def canary_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        yield build_repo(tmp_path_factory.mktemp("canary") / "repo", CANARY_RECORDS)


def render_all(
    run_cli: Callable[..., Result],
    repo: RecordsRepo,
    audience: str,
    fmt: str,
    out: Path,
    *extra: str,
) -> dict[str, str]:
    """Render every report for one audience and format; report name -> text."""
    texts = {}
    for n, report in enumerate(REPORTS):
        target = out / f"{n}.{fmt}"
        args = ["report", *report, "--repo", repo.root, "--audience", audience]
        done = run_cli(*args, "--format", fmt, "-o", target, *extra)
        key = " ".join(report)
        if done.returncode != 0:
            # Only a record the audience may not see may be refused, with one line.
            assert report[1] == "ewg-2017-restricted" and audience != RESTRICTED, done.stderr
            assert done.stderr.strip() == "wgctl: unknown meeting 'ewg-2017-restricted'"
            texts[key] = done.stdout + done.stderr
            continue
        readers = {"docx": docx_text, "pdf": pdf_text}
        read = readers.get(fmt, lambda p: p.read_text(encoding="utf-8"))
        text = read(target)
        texts[key] = text + done.stdout + done.stderr
    return texts


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_canary_reaches_an_audience_that_may_not_see_it(
    canary_repo: RecordsRepo,
    run_cli: Callable[..., Result],
    tmp_path: Path,
    audience: str,
    fmt: str,
) -> None:
    if fmt == "pdf":
        need_weasyprint()
    texts = render_all(run_cli, canary_repo, audience, fmt, tmp_path)
    leaks = [
        f"{canary} in `{report}`"
        for report, text in texts.items()
        for canary, (allowed, _) in CANARIES.items()
        if canary.lower() in text.lower() and (allowed is NEVER or RANK[allowed] > RANK[audience])
    ]
    assert not leaks, f"{audience}/{fmt} leaks: {leaks}"
    everything = "\n".join(texts.values()).lower()
    missing = [
        canary
        for canary, (allowed, expected) in CANARIES.items()
        if expected and allowed is not NEVER and RANK[allowed] <= RANK[audience]
        if canary.lower() not in everything
    ]
    assert not missing, f"{audience}/{fmt}: allowed content missing: {missing}"


def test_a_restricted_who_is_named_generically(
    canary_repo: RecordsRepo, run_cli: Callable[..., Result]
) -> None:
    done = run_cli("report", "progress", "--until", "2017-10-31", "--repo", canary_repo.root)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "**1.1**" in line)
    assert "| Aland, (not named) |" in row
    assert "CANARY-MEMBERS-UPDATE" not in row
    assert "ALLOWED-PUBLIC-UPDATE" in row


ATTRIBUTED = """\
    statements:
      - text: ALLOWED-CHATHAM-STATEMENT
        by: chatham-participant
      - text: Second statement.
        by: canary-restricted-org-id
"""


@pytest.fixture(scope="module")
def attributed_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    """The canary records plus statements attributed at a Chatham House meeting (invalid)."""
    records = dict(CANARY_RECORDS)
    meeting = textwrap.dedent(records["records/meetings/ewg-2017.yaml"])
    records["records/meetings/ewg-2017.yaml"] = meeting.replace(
        "statements:\n  - text: ALLOWED-CHATHAM-STATEMENT\n", textwrap.dedent(ATTRIBUTED)
    )
    assert records["records/meetings/ewg-2017.yaml"] != meeting
    records["records/organisations/chatham-participant.yaml"] = _org(
        "chatham-participant", "CANARY-CHATHAM-SPEAKER"
    )
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        yield build_repo(tmp_path_factory.mktemp("attributed") / "repo", records)


def test_an_invalid_repository_is_refused_in_one_line(
    attributed_repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    done = run_cli("report", "meeting", "ewg-2017", "--repo", attributed_repo.root, "-o", target)
    assert done.returncode == 1
    assert done.stderr.startswith("wgctl: not rendering from invalid records: ")
    assert "records/meetings/ewg-2017.yaml:" in done.stderr and "[WG402]" in done.stderr
    # The file and rule only: the problem's own message quotes a record's value.
    assert "attributed" not in done.stderr and "canary" not in done.stderr.lower()
    assert len(done.stderr.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_force_still_strips_chatham_house_attribution(
    attributed_repo: RecordsRepo,
    run_cli: Callable[..., Result],
    tmp_path: Path,
    audience: str,
    fmt: str,
) -> None:
    texts = render_all(run_cli, attributed_repo, audience, fmt, tmp_path, "--force")
    everything = "\n".join(texts.values())
    assert "ALLOWED-CHATHAM-STATEMENT" in everything
    for canary in ("CANARY-CHATHAM-SPEAKER", "CANARY-RESTRICTED-ORG-SHORT: Second"):
        assert canary not in everything


@pytest.mark.parametrize(
    "who_text",
    [
        "Aland and Canary-Restricted-Org-Short",  # the short name in another case
        "Aland and canary-restricted-org-name",  # the full name in another case
        "Aland and CANARY-RESTRICTED-ORG-ID",  # the id itself
    ],
)
def test_free_text_who_naming_a_hidden_party_in_any_case_is_not_used(
    tmp_path: Path,
    run_cli: Callable[..., Result],
    who_text: str,
) -> None:
    records = dict(CANARY_RECORDS)
    item = textwrap.dedent(records["records/initiatives/joint-action.yaml"])
    records["records/initiatives/joint-action.yaml"] = item.replace(
        "who: [{party: aland}, {party: canary-restricted-org-id}]\n"
        "who_text: Aland and CANARY-RESTRICTED-ORG-SHORT\n",
        f"who: [{{party: aland}}]\nwho_text: {who_text}\n",
    )
    assert records["records/initiatives/joint-action.yaml"] != item
    repo = build_repo(tmp_path / "repo", records)
    done = run_cli("report", "progress", "--until", "2017-10-31", "--repo", repo.root)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "**1.1**" in line)
    assert "canary-restricted" not in row.lower()
    assert "| Aland |" in row
    restricted = run_cli(
        "report",
        "progress",
        "--until",
        "2017-10-31",
        "--repo",
        repo.root,
        "--audience",
        "restricted",
    )
    assert who_text in restricted.stdout
