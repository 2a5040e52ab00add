"""``netral serve``: the web app (public pages, officer workspace, API) on uvicorn."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from netral.cli.console import err, out
from netral.i18n import _


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    demo: bool = typer.Option(False, "--demo",
                              help="Start on a fresh SQLite database with Kaltim demo data."),
    data_dir: Path = typer.Option(None, "--data-dir", envvar="NETRAL_DATA_DIR",
                                  help="Where the database, evidence and key live."),
) -> None:
    """Jalankan aplikasi web / Run the web app."""
    import uvicorn

    from netral.web.app import create_app
    from netral.web.settings import WebSettings

    overrides: dict = {}
    if demo:
        # A fresh, throw-away directory: the demo never touches real data.
        overrides = {"data_dir": Path(tempfile.mkdtemp(prefix="netral-demo-")),
                     "database_url": "", "demo": True}
    elif data_dir:
        overrides = {"data_dir": data_dir}
    settings = WebSettings(**overrides)
    web = create_app(settings)
    if demo:
        from netral.web.demo import seed_demo

        err.print(_("Seeding the demo database…"))
        users = seed_demo(web.state.service, web.state.selfcheck)
        out.print(_("Demo users (passwords are shown only now):"))
        for user in users:
            out.print(f"  {user.username:<16} {user.password:<14} {user.role.value:<15} "
                      f"{user.agency or ''}", highlight=False)
    url = f"http://{host}:{port}/"
    out.print(_("Netral is running at {url} (Ctrl+C stops it).", url=url), highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning",
                proxy_headers=settings.https_only)
