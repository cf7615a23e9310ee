"""``eventwire serve``: the HTTP API and the map page (a thin wrapper over
``eventwire.serve.create_app`` and uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli_options import DbOpt, settings_from_flags

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_command(
    db: DbOpt = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default is loopback only; 0.0.0.0 exposes the "
            "server to the network.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model for POST /extract and /articles.")
    ] = None,
    max_article_mb: Annotated[
        float | None,
        typer.Option("--max-article-mb", help="Refuse request bodies larger than this (413)."),
    ] = None,
) -> None:
    """Serve the API (/events, /articles, /stats, /extract; docs at /docs) and the map at /.

    POST /articles needs the API key (setting 'api_key', env EVENTWIRE_API_KEY); without one
    the server is read-only.
    """
    import uvicorn

    from eventwire.serve import create_app

    settings = settings_from_flags(db=db, model=model, max_article_mb=max_article_mb)
    app = create_app(settings)
    with app.state.eventwire.store() as store:  # fail now, in one line, if it cannot open
        where = store.where
    mode = "POST /articles enabled (API key set)" if settings.api_key else "read-only (no API key)"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"eventwire: serving {where} at http://{shown}:{port}/ - {mode}", err=True)
    if host not in LOOPBACK and not settings.api_key:
        typer.echo("note: listening beyond loopback: anyone who can reach it can read.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
