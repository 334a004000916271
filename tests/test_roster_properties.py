"""Property tests written from the ToR's "Chairing arrangements", not from wgctl's code.

1. Random histories that `validate` accepts never break a clause, checked day by day by a
   plain oracle: two co-chairs at most, each a member state; a maximum term of two years
   (here: the policy's) unless the members' recorded agreement says otherwise; one co-chair
   rotating a year; decided at the SOM; positions voluntary (a withdrawn nomination is out).
2. Whatever `roster plan` projects passes `validate` (with the agreements it names).
3. `roster next` recommends only a nominated, eligible member.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wgctl.checks import run_checks
from wgctl.errors import Severity
from wgctl.governance.chairing import chairing_problems
from wgctl.governance.terms import term_end_for
from wgctl.models import Group, Meeting, Organisation
from wgctl.records import Records
from wgctl.roster.decide import next_rotation
from wgctl.roster.plan import plan_rotation

STATES = ["aland", "borduria", "carpania", "dalmatia", "elbonia", "freedonia"]
OUTSIDERS = ["iom", "zembla"]  # an international organisation, a state outside the AHG
DAY = timedelta(days=1)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records(group: dict[str, Any], states: int) -> Records:
    records = Records()
    src = [{"document": "tor"}]
    for name in [*STATES[:states], *OUTSIDERS]:
        kind = "international-organisation" if name == "iom" else "state"
        org = {"id": name, "sensitivity": "public", "name": name.title(), "sources": src}
        org |= {"type": kind, "ahg_member": name != "zembla"}
        records.add(Organisation.model_validate(org))
    for year in range(2013, 2024):
        som = {"id": f"som-{year}", "sensitivity": "public", "type": "som", "sources": src}
        som |= {"title": f"SOM {year}", "start": f"{year}-11-01"}
        som["decisions"] = [{"id": "agreed", "text": "The members agree the exception."}]
        records.add(Meeting.model_validate(som))
    workshop = {"id": "workshop", "sensitivity": "public", "type": "workshop", "sources": src}
    workshop |= {"title": "Workshop", "start": "2014-03-01"}
    workshop["decisions"] = [{"id": "agreed", "text": "Participants agree."}]
    records.add(Meeting.model_validate(workshop))
    model = Group.model_validate(
        {"id": "ewg", "sensitivity": "public", "name": "EWG", "sources": src, **group}
    )
    model._path = "records/groups/ewg.yaml"
    records.add(model)
    return records


def _group(records: Records) -> Group:
    group = records.get(Group, "ewg")
    assert group is not None
    return group


@st.composite
def histories(draw: st.DrawFn) -> Records:
    """Any history, biased towards valid ones: terms, gaps, extensions, agreements, nominations.

    Each seat draws its members from its own share of the states (and now and then an
    outsider), decisions mostly come from the SOM before, and an agreement is in time, too
    late, by a body that cannot agree, or absent.
    """
    seats = draw(st.integers(1, 3))
    max_years = draw(st.integers(1, 3))
    members = STATES[: draw(st.integers(seats, len(STATES)))]
    terms = []
    for seat in range(1, seats + 1):
        pool = [*members[seat - 1 :: seats] * 30, *OUTSIDERS]
        start = date(2015, 1, 1)
        while start.year < 2019:
            end = term_end_for(start, draw(st.integers(1, max_years + 1)))
            term: dict[str, Any] = {"seat": seat, "member": draw(st.sampled_from(pool))}
            term |= {"start": start.isoformat(), "end": end.isoformat()}
            term |= _decision(draw(st.sampled_from([*[-1] * 20, 0, None])), start)
            term["agreement"] = draw(st.sampled_from(_agreements(start)))
            if draw(st.integers(0, 3)) == 0:
                until = term_end_for(end + DAY, 1)
                ext = {"until": until.isoformat(), "decided_at": f"som-{end.year}"}
                term["extension"] = ext | {"agreement": draw(st.sampled_from(_agreements(end)))}
                end = until
            terms.append(term)
            start = end + DAY + timedelta(days=365 * draw(st.sampled_from([0, 0, 0, 1])))
    nominations = draw(st.lists(_nomination([*members * 10, *OUTSIDERS]), max_size=6))
    policy = {"seats": seats, "max_term_years": max_years, "staggered": draw(st.booleans())}
    return _records({"policy": policy, "terms": terms, "nominations": nominations}, len(members))


def _decision(offset: int | None, start: date) -> dict[str, str]:
    """`decided_at` the SOM `offset` years from the start's year, or none."""
    return {} if offset is None else {"decided_at": f"som-{start.year + offset}"}


def _agreements(day: date) -> list[dict[str, str] | None]:
    """Mostly none or one in time; sometimes too late or by a body that cannot agree."""
    good = {"meeting": f"som-{day.year - 1}", "decision": "agreed"}
    late = {"meeting": f"som-{day.year + 1}", "decision": "agreed"}
    return [*[None, good] * 8, late, {"meeting": "workshop", "decision": "agreed"}]


def _nomination(members: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "member": st.sampled_from(members),
            "year": st.integers(2015, 2022),
            "withdrawn": st.booleans(),
        }
    )


def _holder(group: Group, seat: int, day: date) -> list[Any]:
    return [t for t in group.terms if t.seat == seat and t.start <= day <= t.effective_end]


def _agreed(records: Records, agreement: Any, before: date) -> bool:
    """The ToR's "unless otherwise agreed": a recorded SOM decision taken in time."""
    if agreement is None:
        return False
    meeting = records.get(Meeting, agreement.meeting)
    return bool(meeting and meeting.type == "som" and meeting.start < before)


def _term_agreed(records: Records, term: Any) -> bool:
    ext = term.extension
    return _agreed(records, term.agreement, term.start) or bool(
        ext and _agreed(records, ext.agreement, term.end + DAY)
    )


def clause_breaches(records: Records) -> list[str]:  # noqa: PLR0912 - one clause per branch
    """Every clause the history breaks, found day by day without wgctl's rule code."""
    group = _group(records)
    policy = group.policy
    assert policy is not None
    out = []
    first = min((t.start for t in group.terms), default=None)
    new_by_year: dict[int, list[Any]] = {}
    for seat in range(1, policy.seats + 1):
        day, previous, since, run = date(2015, 1, 1), None, None, []
        while day <= date(2026, 12, 31):
            held = _holder(group, seat, day)
            if len(held) > 1:
                out.append(f"two co-chairs in seat {seat} on {day}")
            term = held[0] if held else None
            member = term.member if term else None
            if member != previous:
                since, run = day, []
                if term is not None and day != first:
                    new_by_year.setdefault(day.year, []).append(term)
            if term is not None and (not run or run[-1] is not term):
                run.append(term)
            limit = term_end_for(since, policy.max_term_years) if since else day
            agreed = any(_term_agreed(records, t) for t in run)
            if term is not None and day > limit and not agreed:
                out.append(f"{member} beyond the maximum term on {day}")
                day = term.effective_end  # one finding per run
            previous = member
            day += DAY
    if policy.staggered and policy.seats >= 2:
        for year, terms in new_by_year.items():
            seats = {t.seat for t in terms}
            if len(seats) > 1 and not any(_term_agreed(records, t) for t in terms):
                out.append(f"seats {sorted(seats)} both take new co-chairs in {year}")
    for term in group.terms:
        org = records.get(Organisation, term.member)
        if org is None or org.type != "state" or not org.ahg_member:
            out.append(f"{term.member} is not an AHG member state")
        som = records.get(Meeting, term.decided_at)
        if som is None or som.type != "som" or som.start >= term.start:
            out.append(f"{term.member}'s term from {term.start} was not decided at a SOM before")
        mine = [n for n in group.nominations if n.member == term.member]
        live = [n for n in mine if n.year == term.start.year and not n.withdrawn]
        if not live and any(n.year == term.start.year for n in mine):
            out.append(f"{term.member} withdrew for {term.start.year} yet was appointed")
    return out


@FAST
@given(histories())
def test_histories_validate_accepts_never_break_a_clause(records: Records) -> None:
    errors = [
        p for p in chairing_problems(records, date(2030, 1, 1)) if p.severity is Severity.ERROR
    ]
    if not errors:
        assert clause_breaches(records) == []


@st.composite
def scenarios(draw: st.DrawFn) -> Records:
    """A first term (all seats together, or not) and nominations for the years after."""
    seats = draw(st.integers(1, 3))
    max_years = draw(st.integers(1, 3))
    states = draw(st.integers(seats, len(STATES)))
    first = draw(st.permutations(STATES[:states]))[:seats]
    terms = []
    for seat, member in enumerate(first, 1):
        end = term_end_for(date(2015, 1, 1), draw(st.integers(1, max_years)))
        terms.append(
            {"seat": seat, "member": member, "start": "2015-01-01", "end": end.isoformat()}
            | {"decided_at": "som-2014"}
        )
    nominations = draw(st.lists(_nomination(STATES[:states]), max_size=12))
    policy = {"seats": seats, "max_term_years": max_years, "staggered": draw(st.booleans())}
    return _records({"policy": policy, "terms": terms, "nominations": nominations}, states)


@FAST
@given(scenarios(), st.integers(1, 6))
def test_plan_output_always_passes_validate(records: Records, years: int) -> None:
    plan = plan_rotation(records, _group(records), date(2015, 6, 1), years)
    before = {(p.rule, p.message) for p in run_checks(records, today=date(2015, 6, 1))}
    today = max(date(2015, 6, 1), plan.steps[-1].sitting.date)
    after = run_checks(plan.records, today=today)
    added = [p for p in after if p.severity is Severity.ERROR and (p.rule, p.message) not in before]
    policy = _group(records).policy
    assert policy is not None
    if not policy.staggered or policy.seats <= policy.max_term_years:
        assert added == []
    else:  # the ToR cannot be kept (more seats than years in a term): never silently
        stated = {(p.rule, p.message) for p in plan.problems}
        assert all((p.rule, p.message) in stated for p in added)
    assert plan.problems == [] or not plan.keeps_every_rule
    if plan.keeps_every_rule:
        assert clause_breaches(plan.records) == []


@FAST
@given(scenarios(), st.dates(date(2015, 1, 1), date(2030, 12, 31)))
def test_next_recommends_only_nominated_eligible_members(records: Records, day: date) -> None:
    group = _group(records)
    rotation = next_rotation(records, group, day)
    for vacancy in rotation.vacancies:
        pick = vacancy.recommended
        if pick is None:
            assert vacancy.options or any(c.eligible for c in vacancy.candidates) is False
            continue
        assert pick.eligible and pick.nominated and pick.member in STATES
        live = [
            n
            for n in group.nominations
            if n.member == pick.member and n.year == vacancy.start.year and not n.withdrawn
        ]
        assert live
        assert all(h.member != pick.member for h in rotation.continuing)
