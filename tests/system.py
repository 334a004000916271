"""System programs some tests need (a browser, PDF libraries): skip where absent, fail in CI.

`make test` on a machine without them skips exactly those tests and says why; `make system-deps`
installs them. CI sets WGCTL_REQUIRE_SYSTEM_DEPS=1, so there a missing program fails the test
instead of skipping it.
"""

from __future__ import annotations

import os

import pytest


def missing(what: str, install_hint: str = "run `make system-deps`") -> None:
    """Skip the calling test because `what` is not installed, or fail when CI requires it."""
    reason = f"{what} is not installed ({install_hint})"
    if os.environ.get("WGCTL_REQUIRE_SYSTEM_DEPS") == "1":
        pytest.fail(f"{reason}; CI requires it", pytrace=False)
    pytest.skip(reason)


def need_weasyprint() -> None:
    """Skip (or fail in CI) when WeasyPrint's system libraries (Pango) cannot be loaded."""
    try:
        import weasyprint  # noqa: F401 - loading it is the check
    except OSError:
        missing("WeasyPrint's libraries (Pango)")
