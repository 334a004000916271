"""The one place errors become a message and an exit code: never a traceback for users."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from typer.exceptions import TyperException

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"wgctl: {message}", err=True)
    return typer.Exit(code)


def guard(func: F) -> F:
    """Map expected errors to their exit code and unexpected ones to exit 3, in one line."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from wgctl.errors import WgctlError

        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except TyperException:
            # Usage errors (typer.BadParameter on an option): click prints usage, exits 2.
            raise
        except WgctlError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except BrokenPipeError:
            # The reader went away (`wgctl rules | head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise fail("interrupted", EXIT_INTERRUPTED) from None
        except Exception as exc:
            if os.environ.get("WGCTL_DEBUG"):
                raise
            detail = f"{type(exc).__name__}: {exc}"[:300]
            print(
                f"wgctl: internal error: {detail} (set WGCTL_DEBUG=1 for details)", file=sys.stderr
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]
