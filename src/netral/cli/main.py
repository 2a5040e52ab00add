"""Entry point of the ``netral`` command."""

from __future__ import annotations

import typer

from netral import __version__
from netral.cli import cases, news, ocr, rules, scan, selfcheck, serve, stats
from netral.i18n import _, set_locale

app = typer.Typer(
    name="netral",
    help="Netral: pengawasan netralitas ASN dalam pemilu / ASN election-neutrality oversight.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app.add_typer(rules.app, name="rules")
app.add_typer(news.app, name="news")
app.command("scan")(scan.scan)
app.command("serve")(serve.serve)
app.command("check")(selfcheck.check)
app.command("stats")(stats.stats)
cases.register(app)
ocr.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"netral {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    lang: str = typer.Option(
        None, "--lang", envvar="NETRAL_LANG", help="id (Bahasa Indonesia, default) or en."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    set_locale(lang)


__all__ = ["_", "app"]
