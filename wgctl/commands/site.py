"""`wgctl site`: the records as a static website for one audience, and a local preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import Audience, AudienceOption, RepoOption, day_or_today


def register(app: typer.Typer) -> None:
    """Add `wgctl site` to the root app."""
    app.command()(site)


@guard
def site(
    *,
    audience: AudienceOption = Audience.public,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the site into.")] = Path(
        "site"
    ),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date the dashboard is judged on (default: today)."),
    ] = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Preview on 127.0.0.1 and rebuild on change.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve (0: any free port).")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="With --serve: open the preview in a web browser.")
    ] = False,
    force: Annotated[
        bool, typer.Option(help="Build even if validation fails (still filtered).")
    ] = False,
    repo: RepoOption = Path(),
) -> None:
    """Write the records as a static website (default `site/`) for one audience."""
    from wgctl.commands.progressbar import progress_bar
    from wgctl.models import Sensitivity
    from wgctl.site.build import build_site

    day = day_or_today(as_of, "--as-of")
    level = Sensitivity(audience.value)

    def build() -> None:
        with progress_bar():
            done = build_site(repo, level, out, day, force=force)
        typer.echo(
            f"wrote {out} for a {audience.value} audience: {len(done.written)} file(s) "
            f"written, {len(done.unchanged)} unchanged, {len(done.removed)} removed",
            err=True,
        )

    build()
    if serve:
        _serve(repo, out, port, build, open_browser=open_browser)


def _serve(
    repo: Path, out: Path, port: int, build: Callable[[], None], *, open_browser: bool
) -> None:
    import threading
    import webbrowser

    from wgctl.site.serve import server, watch

    httpd = server(out, port)
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch, args=(repo, build, lambda m: typer.echo(m, err=True), stop), daemon=True
    )
    watcher.start()
    host, bound = httpd.server_address[:2]
    url = f"http://{host!s}:{bound}/"
    typer.echo(f"serving {out} on {url} (Ctrl-C stops)", err=True)
    if open_browser:
        webbrowser.open(url)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        httpd.server_close()
