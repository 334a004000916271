"""Plain text, Markdown and JSON views of a rotation, a plan and a seat history (no rich)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from wgctl.markdown import md_escape
from wgctl.roster.candidates import Candidate
from wgctl.roster.plan import Plan
from wgctl.roster.seat_history import History
from wgctl.roster.types import Rotation, Vacancy


def to_json(value: Any) -> str:
    """Any of the roster values as indented JSON."""

    def default(obj: Any) -> Any:
        if isinstance(obj, date):
            return obj.isoformat()
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return str(obj)

    data = _plain(value)
    return json.dumps(data, default=default, indent=2, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, Plan):
        return {
            "group": value.group,
            "as_of": value.as_of,
            "steps": [_plain(s) for s in value.steps],
            "problems": [p.to_dict() for p in value.problems],
            "assumed_agreements": value.assumed,
            "unfilled": value.unfilled,
            "keeps_every_rule": value.keeps_every_rule,
        }
    if isinstance(value, Rotation):
        data = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        data["vacancies"] = [_vacancy_data(v) for v in value.vacancies]
        return data
    return value


def _vacancy_data(vacancy: Vacancy) -> dict[str, Any]:
    data = {f.name: getattr(vacancy, f.name) for f in dataclasses.fields(vacancy)}
    data["recommended"] = vacancy.recommended.member if vacancy.recommended else None
    return data


def _style(md: bool) -> tuple[Callable[[str], str], str]:
    """How record text is escaped, and the heading mark, for Markdown or plain text."""
    return (md_escape, "## ") if md else (str, "")


def rotation_lines(rot: Rotation, md: bool = False) -> list[str]:
    """The next rotation in plain words (Markdown when `md`)."""
    esc, head = _style(md)
    out = [f"{head}{esc(rot.label)} ({rot.group}): co-chairs at the next SOM, as of {rot.as_of}"]
    out.append("")
    out.append(f"Next SOM: {esc(rot.sitting.name)}.")
    if rot.sitting.estimated:
        out.append(
            f"  No SOM on or after {rot.as_of} is recorded; estimate: {esc(rot.sitting.basis)}."
        )
    out.append(f"The SOM after it: {esc(rot.following.name)}.")
    bullet = "- " if md else "  ! "
    if rot.warnings:
        out += ["", "Warnings:", *(bullet + esc(w) for w in rot.warnings)]
    if rot.advice:
        out += [
            "",
            "What the rules suggest:",
            *(("- " if md else "  - ") + esc(a) for a in rot.advice),
        ]
    out.append("")
    for held in rot.recorded:
        out.append(
            f"Recorded decision of this SOM (not counted as of {rot.as_of}): seat {held.seat}, "
            f"{esc(held.label or held.member)} until {held.until}."
        )
    for held in sorted(rot.continuing, key=lambda h: h.seat):
        extra = ""
        if any(e.seat == held.seat for e in rot.extensions):
            extra = " (by the extension suggested above)"
        out.append(
            f"Seat {held.seat} continues: {esc(held.label or held.member)} until {held.until}{extra}."
        )
    for vacancy in rot.vacancies:
        out += ["", *_vacancy_lines(vacancy, rot, esc, md)]
    if not rot.vacancies:
        out.append("No seat falls vacant at this SOM.")
    return out


def _vacancy_lines(v: Vacancy, rot: Rotation, esc: Callable[[str], str], md: bool) -> list[str]:
    """One vacancy: a heading, then each part as a list item with its own nested list.

    Markdown gets a blank line after the heading and children indented under their item, so
    reasons, eligible and excluded candidates parse as separate, correctly nested lists.
    """
    item, child = ("- ", "  ") if md else ("  ", "    ")
    out = [f"{'### ' if md else ''}Seat {v.seat} falls vacant: new term {v.start} to {v.end}"]
    if md:
        out.append("")
    out.append(f"{item}Why:")
    out += [f"{child}- {esc(r)}" for r in v.reasons]
    out.append(f"{item}Recommended: {_pick(v, esc)}")
    if v.decisive:
        out.append(f"{item}Decisive rule: {esc(v.decisive)}.")
    eligible = [c for c in v.candidates if c.eligible]
    excluded = [c for c in v.candidates if not c.eligible]
    order = ", ".join(rot_order(rot))
    out.append(f"{item}Eligible (nominated), in rotation order ({order}):")
    out += [f"{child}{i}. {_cand(c, esc)}" for i, c in enumerate(eligible, 1)]
    if not eligible:
        out.append(f"{child}- nobody")
    if excluded:
        out.append(f"{item}Excluded:")
        out += [f"{child}- {_cand(c, esc)}" for c in excluded]
    if v.options:
        out.append(f"{item}Options the terms of reference leave:")
        out += [f"{child}- {esc(o)}" for o in v.options]
    return out


def _pick(v: Vacancy, esc: Callable[[str], str]) -> str:
    """The recommendation, or why there is none."""
    pick = v.recommended
    if pick:
        return f"{esc(pick.label)}: {esc('; '.join(pick.reasons))}."
    if v.withheld:
        return "none: some nominations are withheld from this audience."
    return "nobody: no eligible member is nominated (see the options)."


def rot_order(rot: Rotation) -> list[str]:
    """The ranking keys used (kept on the rotation's candidates' policy)."""
    return rot.order or ["nominees-first", "longest-since-served", "earliest-nomination", "id"]


def _cand(c: Candidate, esc: Callable[[str], str]) -> str:
    return f"{esc(c.label)} ({c.member}): {esc('; '.join(c.reasons))}"


def plan_lines(plan: Plan, md: bool = False) -> list[str]:
    """The projected rotation, one SOM per block, then any rule the projection breaks."""
    esc, head = _style(md)
    out = [f"{head}{esc(plan.label)} ({plan.group}): projected rotation from {plan.as_of}", ""]
    for rot in plan.steps:
        out.append(f"{'### ' if md else ''}{esc(rot.sitting.name)}")
        for e in rot.extensions:
            agreed = " (needs the members' agreement)" if e.needs_agreement else ""
            out.append(f"  - seat {e.seat}: extend {esc(e.member or '')} to {e.end}{agreed}")
        for v in rot.vacancies:
            pick = v.recommended
            who = (
                esc(pick.label) + ("" if pick.nominated else " (not nominated)")
                if pick
                else "nobody eligible: left vacant"
            )
            out.append(f"  - seat {v.seat}: {who}, {v.start} to {v.end}")
            out += [f"    - option: {esc(o)}" for o in v.options]
        if not rot.vacancies and not rot.extensions:
            out.append("  - no seat falls vacant")
        out += [f"  ! {esc(w)}" for w in rot.warnings]
    out.append("")
    if plan.problems:
        out.append("The projection breaks these rules (it had no way to keep them):")
        out += [f"  ! {p.rule}: {esc(p.message)}" for p in plan.problems]
    if plan.unfilled:
        out.append("The projection leaves seats vacant (the positions are voluntary):")
        out += [f"  ! {esc(u)}" for u in plan.unfilled]
    if plan.assumed:
        out.append("The projection keeps the rules only if the members record these agreements:")
        out += [f"  ! {esc(a)}" for a in plan.assumed]
    if plan.keeps_every_rule:
        out.append("The projected roster keeps every co-chair rule (WG201-WG209).")
    return out


def history_lines(history: History, md: bool = False) -> list[str]:
    """Each seat's terms and gaps, then the year-by-year timeline."""
    esc, head = _style(md)
    out = [f"{head}{esc(history.label)} ({history.group}): co-chair seats", ""]
    for seat in history.seats:
        out.append(f"{'### ' if md else ''}Seat {seat.seat}")
        if not seat.entries:
            out.append("  - never filled")
        for e in seat.entries:
            if e.member is None:
                out.append(f"  - {e.start} to {e.end}: vacant")
                continue
            decided = f", decided at {e.decided_at}" if e.decided_at else ""
            decided += f" ({e.decided_on})" if e.decided_on else ""
            ext = ""
            if e.extended_until:
                ext = f"; extended to {e.extended_until} by agreement at {e.extension_decided_at}"
            out.append(f"  - {e.start} to {e.end}: {esc(e.label)} ({e.member}){decided}{ext}")
    out += ["", "Timeline (* new co-chair that year, + agreed extension):"]
    out += _timeline(history, md, esc)
    return out


def _timeline(history: History, md: bool, esc: Callable[[str], str]) -> list[str]:
    names = [f"seat {s.seat}" for s in history.seats]
    if md:
        rows = ["| year | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
        rows += [
            f"| {y} | " + " | ".join(esc(c) for c in cells) + " |" for y, cells in history.timeline
        ]
        return rows
    width = max([len(c) for _, cells in history.timeline for c in cells] + [8]) + 2
    rows = ["  year  " + "".join(n.ljust(width) for n in names)]
    rows += [f"  {y}  " + "".join(c.ljust(width) for c in cells) for y, cells in history.timeline]
    return [r.rstrip() for r in rows]
