"""The rule catalogue: every code documented, stable in form, emitted, explained and tested."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wgctl.checks import REGISTRY
from wgctl.errors import Severity
from wgctl.rules import BY_CODE, RULES

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^WG\d{3}$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MENTION = re.compile(r"WG(\d{3})(?:-WG(\d{3}))?")


def _named(text: str) -> set[str]:
    """Codes a text names, with ranges like `WG201-WG207` spelled out."""
    codes = set()
    for first, last in MENTION.findall(text):
        codes.update(f"WG{n:03d}" for n in range(int(first), int(last or first) + 1))
    return codes


def test_codes_are_well_formed_unique_and_in_order() -> None:
    codes = [rule.code for rule in RULES]
    assert all(CODE.match(code) for code in codes)
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in RULES]
    assert all(KEBAB.match(name) for name in names)
    assert len(names) == len(set(names))


def test_every_rule_has_a_one_line_summary_and_hint() -> None:
    for rule in RULES:
        for text in (rule.summary, rule.hint):
            assert text.strip() == text, rule.code
            assert "\n" not in text, rule.code
            assert len(text) > 10 and text.endswith("."), rule.code
        assert isinstance(rule.severity, Severity)
    assert {rule.code: rule for rule in RULES} == BY_CODE


def test_every_check_module_names_its_codes_in_its_docstring() -> None:
    seen: dict[str, str] = {}
    for module in REGISTRY:
        codes = _named(module.__doc__ or "")
        assert codes, f"{module.__name__} names no rule code"
        assert codes <= set(BY_CODE), module.__name__
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        if "from wgctl.governance" in source:  # the rules shared with the roster live there
            shared = sorted((ROOT / "wgctl" / "governance").glob("*.py"))
            source += "".join(path.read_text(encoding="utf-8") for path in shared)
        for code in codes:
            assert code not in seen, f"{code} claimed by {seen.get(code)} and {module.__name__}"
            seen[code] = module.__name__
            assert f'"{code}"' in source, f"{module.__name__} names {code} but never emits it"
    cross_record = {rule.code for rule in RULES if not rule.code.startswith("WG0")}
    assert set(seen) == cross_record


def test_every_file_rule_is_emitted_by_the_loader() -> None:
    loader = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "wgctl").rglob("*.py"))
        if path.name != "rules.py"
    )
    for rule in RULES:
        if rule.code.startswith("WG0"):
            assert f'"{rule.code}"' in loader, rule.code


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    for path in (ROOT / "wgctl").rglob("*.py"):
        used = set(re.findall(r"\"(WG\d{3})\"", path.read_text(encoding="utf-8")))
        assert used <= set(BY_CODE), f"{path.name}: {used - set(BY_CODE)}"


def test_every_rule_is_exercised_by_a_test() -> None:
    tested = set()
    for path in (ROOT / "tests").rglob("*.py"):
        if path.name != "test_rules.py":
            tested |= set(re.findall(r"WG\d{3}", path.read_text(encoding="utf-8")))
    missing = sorted(set(BY_CODE) - tested)
    assert missing == [], f"rules without a test: {missing}"


def test_rules_command_lists_every_rule(run_cli: Callable[..., Any]) -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    for rule in RULES:
        assert f"{rule.code}  {rule.name}" in result.stdout
        assert rule.hint in result.stdout
