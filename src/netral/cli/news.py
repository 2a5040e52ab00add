"""``netral news``: extract articles from regional news pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.progress import Progress
from rich.table import Table

from netral.cli.console import err, out, print_json
from netral.cli.options import cli_rulebook
from netral.i18n import _
from netral.news import Article, NewsError, NewsExtractor, expand_paths

app = typer.Typer(help="Berita: siapa berkata apa, kapan, mengutip aturan apa / "
                       "News: who said what, when, citing which law.",
                  no_args_is_help=True)


@app.command("extract")
def extract(
    paths: list[Path] = typer.Argument(..., help="HTML files, text captures or directories."),
    json_out: bool = typer.Option(False, "--json", help="JSON array of articles."),
    jsonl_out: bool = typer.Option(False, "--jsonl", help="One JSON article a line."),
) -> None:
    """Ekstrak artikel berita / Extract news articles (people, dates, laws, acts)."""
    if json_out and jsonl_out:
        err.print(_("Choose one of --json and --jsonl."), highlight=False)
        raise typer.Exit(2)
    extractor = NewsExtractor(cli_rulebook())
    files = expand_paths(paths)
    articles: list[Article] = []
    failed = 0
    with Progress(console=err, transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task(_("Extracting"), total=len(files))
        for path in files:
            try:
                article = extractor.extract_file(path)
            except NewsError as exc:
                failed += 1
                err.print(f"[bold red]✗[/] {exc.path}: {exc.message}", highlight=False)
            else:
                articles.append(article)
                if jsonl_out:
                    sys.stdout.write(json.dumps(article.model_dump(mode="json"),
                                                ensure_ascii=False) + "\n")
            progress.advance(task)
    if json_out:
        print_json([a.model_dump(mode="json") for a in articles])
    elif not jsonl_out:
        _print_table(articles)
    if failed:
        raise typer.Exit(1)


def _print_table(articles: list[Article]) -> None:
    table = Table(title=_("News articles ({n})", n=len(articles)))
    for header in (_("File"), _("Date"), _("Title"), _("People"), _("Laws"), _("Acts"),
                   _("Relevance")):
        table.add_column(header)
    for a in articles:
        people = "\n".join(f"{p.name} ({p.role})" if p.role else p.name for p in a.people)
        acts = "\n".join(f"{m.act_id} [{_(m.mode.value)}]" for m in a.acts_mentioned)
        laws = "\n".join(r.normalised for r in a.legal_refs)
        rel = a.neutrality_relevance
        table.add_row(a.source, a.published.isoformat() if a.published else "–", a.title,
                      people, laws, acts, f"{rel.score:.2f} {_(rel.level)}")
    out.print(table)
