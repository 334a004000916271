"""Git-native workflow: changed-since, codeowners, diff, log, editing, calendars."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app (none yet)."""
