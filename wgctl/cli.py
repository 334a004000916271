"""The command line: a thin Typer app; each command group lives in wgctl/commands/.

`wgctl NAME ...` builds only the module that registers NAME: typer reads every command's
signature when it builds its tree (about 30 ms for all of them), and a run needs one.
`app` (the whole tree) is what the tests get; `--help`, `--version` and unknown names get
its outline, where commands are argument-less stand-ins: enough to list them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from wgctl import __version__
from wgctl.commands.options import REPO_HELP

try:  # option values without pydantic where typer's helpers suffice (typer's internals)
    from wgctl.commands.plainparams import install
except ImportError:  # a typer without those internals: every value goes through typer itself
    pass
else:
    install()

# Each command name and the module in wgctl.commands that registers it, in --help's order.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "rules": "validate",
    "schema": "validate",
    "roster": "roster",
    "report": "report",
    "codeowners": "codeowners",
    "diff": "diff_log",
    "log": "diff_log",
    "export": "export",
    "new": "edit",
    "action": "edit",
    "initiative": "edit",
    "site": "site",
    "due": "due",
    "som-pack": "sompack",
}
ROOT_OPTIONS_WITH_VALUE = {"--repo"}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wgctl {__version__}")
        raise typer.Exit


def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    repo: Annotated[Path | None, typer.Option("--repo", help=REPO_HELP)] = None,
) -> None:
    """Records of members, initiatives, meetings and action items; co-chair rosters; reports."""
    ctx.obj = {"repo": repo}  # a command's own --repo wins (see options.resolve_repo)


def build(modules: Iterable[str]) -> typer.Typer:
    """The root app with the commands of these modules of wgctl.commands."""
    root = typer.Typer(
        name="wgctl",
        help="Run a working group's paperwork from YAML records in git.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
    root.callback()(_root)
    for module in dict.fromkeys(modules):
        importlib.import_module(f"wgctl.commands.{module}").register(root)
    return root


def chosen_module(args: Sequence[str]) -> str | None:
    """The module of the command these arguments run; None when unsure (then: every module)."""
    rest = iter(args)
    for arg in rest:
        if arg in ROOT_OPTIONS_WITH_VALUE:
            next(rest, None)
        elif arg.split("=", 1)[0] in ROOT_OPTIONS_WITH_VALUE:
            continue
        else:
            return COMMANDS.get(arg)  # --help, --version, a typo: None
    return None


def outline(app: typer.Typer) -> typer.Typer:
    """`app` with each command's function replaced by one of the same name and docstring that
    takes nothing: the root help, the version and "No such command" read no more than that,
    and typer then skips reading every command's signature (30 ms)."""
    for info in app.registered_commands:
        if info.callback is not None:
            info.callback = _stand_in(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            outline(group.typer_instance)
    return app


def _stand_in(func: Callable[..., Any]) -> Callable[[], None]:
    def stand_in() -> None:
        raise NotImplementedError  # pragma: no cover - a known name builds the real command

    stand_in.__name__, stand_in.__doc__ = func.__name__, func.__doc__
    return stand_in


def __getattr__(name: str) -> typer.Typer:
    """`wgctl.cli.app`, the whole tree, built on first use."""
    if name != "app":
        raise AttributeError(name)
    whole = globals()["app"] = build(COMMANDS.values())
    return whole


def main() -> None:
    """Console-script entry point."""
    import sys

    module = chosen_module(sys.argv[1:])
    (build([module]) if module else outline(build(COMMANDS.values())))()
