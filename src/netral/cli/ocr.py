"""``netral ocr``: read screenshots (and screen what they say), print or annotate."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import typer
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.text import Text

from netral.cli.console import err, fail, out, print_json
from netral.cli.options import cli_rulebook
from netral.i18n import _
from netral.ocr import (
    ImageRejected,
    ImageScreening,
    OcrFailed,
    OcrResult,
    OcrUnavailable,
    annotate,
    check_available,
    load_image,
    ocr_image,
    save_png,
    screen_ocr,
)


def register(app: typer.Typer) -> None:
    app.command("ocr")(ocr)


def ocr(
    images: list[Path] = typer.Argument(..., help="Screenshots: PNG, JPEG, WebP or GIF."),
    json_out: bool = typer.Option(False, "--json", help="JSON array, one object per image."),
    screen: bool = typer.Option(False, "--screen", help="Screen the text; map evidence to boxes."),
    annotate_dir: Path = typer.Option(None, "--annotate", file_okay=False,
                                      help="Write <name>.annotated.png with evidence boxes here."),
    platform: str = typer.Option(None, "--platform", help="facebook, instagram, x, whatsapp …"),
    date: str = typer.Option(None, "--date", help="Date posted, YYYY-MM-DD (election phase)."),
    model: Path = typer.Option(None, "--model", help="Stance model file (default: bundled)."),
) -> None:
    """Baca teks tangkapan layar / OCR screenshots, optionally screen them."""
    published = None
    if date:
        try:
            published = dt.date.fromisoformat(date)
        except ValueError:
            fail(_("--date: {value!r} is not a date in the form YYYY-MM-DD.", value=date))
    try:
        check_available()
    except OcrUnavailable as exc:
        fail(exc.message())
    screener = None
    if screen:
        from netral.screening import Screener  # imported late: plain OCR stays light

        screener = Screener(cli_rulebook(), model)
    results: list[dict[str, Any]] = []
    failed = 0
    used_names: set[str] = set()
    show_progress = len(images) > 1 and sys.stdout.isatty() and not json_out
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=err, disable=not show_progress, transient=True)
    with progress:
        task = progress.add_task(_("Reading screenshots"), total=len(images))
        for path in images:
            progress.advance(task)
            try:
                loaded = load_image(path)
                result = ocr_image(loaded, name=str(path))
            except (ImageRejected, OcrFailed) as exc:
                failed += 1
                results.append({"file": str(path), "error": {
                    "reason": str(getattr(exc, "reason", "ocr-failed")),
                    "message": exc.message()}})
                if not json_out:
                    err.print(f"[bold red]✗[/] {exc.message()}", highlight=False)
                continue
            screened = (screen_ocr(result, screener, platform=platform, published_at=published)
                        if screener is not None else None)
            item: dict[str, Any] = {"file": str(path), **result.to_dict()}
            if screened is not None:
                item["screening"] = screened.to_dict()
            if annotate_dir is not None:
                target = _annotation_path(annotate_dir, path, used_names)
                boxes = screened.evidence_boxes if screened is not None else []
                save_png(annotate(loaded.image, boxes, result), target)
                item["annotated"] = str(target)
            results.append(item)
            if not json_out:
                _print(path, result, screened, item.get("annotated"))
    if json_out:
        print_json(results)
    if failed:
        raise typer.Exit(1)


def _annotation_path(directory: Path, image: Path, used: set[str]) -> Path:
    name, n = f"{image.stem}.annotated.png", 1
    while name in used:
        n += 1
        name = f"{image.stem}-{n}.annotated.png"
    used.add(name)
    return directory / name


def _print(path: Path, result: OcrResult, screened: ImageScreening | None,
           annotated: str | None) -> None:
    theme = _("dark theme") if result.dark else _("light theme")
    conf = round(result.confidence)
    title = _("{file}: {width} x {height}, {theme}, {lines} lines, confidence {conf}%",
              file=path.name, width=result.width, height=result.height, theme=theme,
              lines=len(result.lines), conf=conf)
    body = Text(result.text or _("(no text found)"))
    out.print(Panel(body, title=title, title_align="left", expand=False))
    if screened is not None:
        s = screened.screening
        score_value = round(s.score, 2)
        score = _("score {score}", score=score_value)
        if s.partisan:
            verdict = _("Partisan: {contestants}", contestants=", ".join(s.contestants))
            out.print(f"[bold red]{verdict}[/]  ({score})", highlight=False)
        else:
            verdict = _("Political, not partisan") if s.political else _("Not partisan")
            out.print(f"[bold green]{verdict}[/]  ({score})", highlight=False)
        no_box = _("(no box)")
        for finding, boxes in zip(s.findings, screened.boxes, strict=True):
            out.print(f"  • [bold]{finding.act}[/] {finding.contestant or ''}: {finding.reason}",
                      highlight=False)
            for span, span_boxes in zip(finding.evidence, boxes, strict=True):
                where = " ".join(f"[{b[0]},{b[1]},{b[2]},{b[3]}]" for b in span_boxes)
                words = " ".join(span.text.split())
                out.print(f"      “{words}” {where or no_box}", highlight=False, markup=False)
        if s.explanation:
            out.print(f"  [dim]{s.explanation}[/]", highlight=False)
    if annotated:
        out.print(_("Annotated image: {path}", path=annotated), highlight=False)
