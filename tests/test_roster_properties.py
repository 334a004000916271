"""Property tests: over random policies, histories and nominations, the roster keeps the rules."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wgctl.errors import Severity
from wgctl.governance.terms import term_end_for
from wgctl.models import Group, Meeting, Organisation
from wgctl.records import Records
from wgctl.roster.decide import next_rotation
from wgctl.roster.plan import plan_rotation

STATES = ["aland", "borduria", "carpania", "dalmatia", "elbonia", "freedonia"]


def _records(group: dict[str, object], states: int) -> Records:
    records = Records()
    src = [{"document": "tor"}]
    for name in [*STATES[:states], "iom"]:
        org = Organisation.model_validate(
            {
                "id": name,
                "sensitivity": "public",
                "name": name.title(),
                "sources": src,
                "type": "international-organisation" if name == "iom" else "state",
                "ahg_member": True,
            }
        )
        records.add(org)
    for year in range(2014, 2017):
        records.add(
            Meeting.model_validate(
                {
                    "id": f"som-{year}",
                    "sensitivity": "public",
                    "type": "som",
                    "title": f"SOM {year}",
                    "start": f"{year}-11-01",
                    "sources": src,
                }
            )
        )
    model = Group.model_validate(
        {"id": "ewg", "sensitivity": "public", "name": "EWG", "sources": src, **group}
    )
    model._path = "records/groups/ewg.yaml"
    records.add(model)
    return records


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Records, Group]:
    seats = draw(st.integers(1, 3))
    max_years = draw(st.integers(1, 3))
    states = draw(st.integers(seats, len(STATES)))
    first = draw(st.permutations(STATES[:states]))[:seats]
    terms = []
    for seat, member in enumerate(first, 1):
        years = draw(st.integers(1, max_years))
        end = term_end_for(date(2015, 1, 1), years)
        terms.append(
            {
                "seat": seat,
                "member": member,
                "start": "2015-01-01",
                "end": end.isoformat(),
                "decided_at": "som-2014",
            }
        )
    nominations = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "member": st.sampled_from([*STATES[:states], "iom"]),
                    "year": st.integers(2016, 2026),
                    "withdrawn": st.booleans(),
                }
            ),
            max_size=12,
        )
    )
    policy = {"seats": seats, "max_term_years": max_years, "staggered": draw(st.booleans())}
    records = _records({"policy": policy, "terms": terms, "nominations": nominations}, states)
    group = records.get(Group, "ewg")
    assert group is not None
    return records, group


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_plan_never_breaks_a_rule_silently(scenario: tuple[Records, Group]) -> None:
    records, group = scenario
    policy = group.policy
    assert policy is not None
    plan = plan_rotation(records, group, date(2015, 6, 1), 8)
    assert [p for p in plan.problems if p.severity is Severity.ERROR] == []
    stated = [w for step in plan.steps for w in step.warnings]
    for problem in plan.problems:  # warnings only where the plan said why
        if problem.rule == "WG204":
            lost = any("stagger has been lost" in w for w in stated)
            assert policy.seats > policy.max_term_years or lost, problem
        if problem.rule == "WG202":
            assert any("no candidate is eligible" in w for w in stated), problem
    for step in plan.steps:
        for vacancy in step.vacancies:
            nominees = [c for c in vacancy.candidates if c.eligible and c.nominated]
            eligible = [c for c in vacancy.candidates if c.eligible]
            if eligible:
                assert vacancy.recommended is not None
            if nominees:
                assert vacancy.recommended is not None and vacancy.recommended.nominated


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_after_the_bootstrap_seats_never_rotate_together(scenario: tuple[Records, Group]) -> None:
    records, group = scenario
    policy = group.policy
    assert policy is not None
    plan = plan_rotation(records, group, date(2015, 6, 1), 8)
    if not policy.staggered or policy.seats > policy.max_term_years:
        return  # with more seats than years in a term the plan states the conflict instead
    if any(v.recommended is None for s in plan.steps for v in s.vacancies):
        return  # a seat left vacant (stated) restarts the stagger
    changes: dict[int, int] = {}
    for term in plan.projected.terms:
        if term.start > date(2015, 1, 1):
            previous = [
                t for t in plan.projected.terms if t.seat == term.seat and t.start < term.start
            ]
            if previous and max(previous, key=lambda t: t.start).member != term.member:
                changes[term.start.year] = changes.get(term.start.year, 0) + 1
    inaugural_end = max(t.effective_end for t in group.terms).year + 1
    assert all(n <= 1 for year, n in changes.items() if year > inaugural_end), changes


@settings(max_examples=40, deadline=None)
@given(scenarios(), st.dates(date(2015, 1, 1), date(2030, 12, 31)))
def test_next_recommends_only_eligible_members(scenario: tuple[Records, Group], day: date) -> None:
    records, group = scenario
    rotation = next_rotation(records, group, day)
    for vacancy in rotation.vacancies:
        pick = vacancy.recommended
        if pick is not None:
            assert pick.eligible and pick.member != "iom"
            assert all(h.member != pick.member for h in rotation.continuing)
