"""``netral rules``: read and check the rulebook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rapidfuzz import process
from rich.panel import Panel
from rich.table import Table

from netral.cli.console import err, fail, out, print_json
from netral.cli.options import cli_rulebook
from netral.i18n import _, current
from netral.rulebook import ContestantRef, Rulebook, RulebookError, load_rulebook
from netral.rulebook.labels import CATEGORY_LABELS
from netral.rulebook.models import ProhibitedAct

app = typer.Typer(
    help="Aturan: larangan, peserta, kalender / Rulebook: acts, contestants, calendars.",
    no_args_is_help=True,
)


def _locale() -> str:
    return current().locale


@app.command("list")
def list_acts(
    json_out: bool = typer.Option(False, "--json", help="JSON array of act objects."),
) -> None:
    """Daftar perbuatan terlarang / List prohibited acts."""
    rb = cli_rulebook()
    if json_out:
        print_json([act_json(rb, a) for a in rb.acts])
        return
    table = Table(title=_("Prohibited acts (rulebook {version})", version=rb.version))
    for header in (_("ID"), _("Code"), _("Category"), _("Title"), _("Verified")):
        table.add_column(header)
    for act in rb.acts:
        table.add_row(
            act.id,
            act.code,
            category_label(act.category),
            act.title.get(_locale()),
            _("yes") if act.verified else _("no"),
        )
    out.print(table)


@app.command("show")
def show_act(act_id: str = typer.Argument(..., help="Act id, e.g. social-engagement.")) -> None:
    """Rincian satu perbuatan terlarang / Show one prohibited act."""
    rb = cli_rulebook()
    try:
        act = rb.act(act_id)
    except KeyError:
        match = process.extractOne(act_id, [a.id for a in rb.acts])
        hint = _(" Did you mean {id}?", id=match[0]) if match and match[1] > 60 else ""
        fail(_("Unknown act {id}.", id=act_id) + hint)
    loc = _locale()
    yes_no = _("yes") if act.verified else _("no")

    def heading(label: str) -> str:
        return f"[bold]{label}:[/]"

    lines = [
        f"[bold]{act.title.get(loc)}[/]  ({act.code})",
        act.description.get(loc),
        "",
        f"{heading(_('Category'))} {category_label(act.category)}",
        f"{heading(_('Sanction'))} {act.sanction.get(loc)}",
        heading(_("Citations")),
        *(f"  • {citation_label(rb, c.law, c.article)}" for c in act.citations),
    ]
    if act.criminal:
        lines.append(heading(_("Criminal provisions")))
        lines += [f"  • {citation_label(rb, c.law, c.article)}" for c in act.criminal]
    lines += [
        f"{heading(_('Evidence signals'))} {', '.join(s.value for s in act.signals)}",
        heading(_("Counts")),
        *(f"  ✓ {e}" for e in act.examples.counts),
        heading(_("Does not count")),
        *(f"  ✗ {e}" for e in act.examples.does_not_count),
        f"{heading(_('Verified'))} {yes_no}",
    ]
    if act.note:
        lines.append(f"[dim]{act.note}[/]")
    out.print(Panel("\n".join(lines), title=act.id, expand=False), highlight=False)


@app.command("contestants")
def contestants(
    race: str = typer.Option(None, "--race", help="Race id, e.g. pilgub-kaltim-2024."),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Peserta pemilu / Contestants with numbers, aliases and signs."""
    rb = cli_rulebook()
    if race and race not in {r.id for r in rb.races}:
        fail(
            _(
                "Unknown race {id}. Known: {known}.",
                id=race,
                known=", ".join(r.id for r in rb.races),
            )
        )
    refs = rb.contestants(race)
    if json_out:
        print_json([contestant_json(ref) for ref in refs])
        return
    table = Table(title=_("Contestants"))
    for header in (_("ID"), _("No."), _("Name"), _("Parties"), _("Hashtags")):
        table.add_column(header)
    for ref in refs:
        c = ref.contestant
        table.add_row(ref.id, str(c.number), c.name, ", ".join(c.parties), " ".join(c.hashtags))
    out.print(table)


@app.command("calendar")
def calendar(
    election: str = typer.Option(None, "--election", help="Election id, e.g. pemilu-2024."),
    on: str = typer.Option(None, "--on", help="Date YYYY-MM-DD: phases in force that day."),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Tahapan pemilu / Election phases, or those in force on a date."""
    rb = cli_rulebook()
    if election and election not in {e.id for e in rb.elections}:
        fail(
            _(
                "Unknown election {id}. Known: {known}.",
                id=election,
                known=", ".join(e.id for e in rb.elections),
            )
        )
    if on:
        try:
            day = dt.date.fromisoformat(on)
        except ValueError:
            fail(_("--on: {value!r} is not a date in the form YYYY-MM-DD.", value=on))
        rows = [(p.election, p.phase) for p in rb.phases_on(day, election)]
    else:
        chosen = [rb.election(election)] if election else rb.elections
        rows = [(e, p) for e in chosen for p in e.phases]
    loc = _locale()
    if json_out:
        print_json(
            [
                {
                    "election": e.id,
                    "phase": p.id,
                    "name": p.name.get(loc),
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                }
                for e, p in rows
            ]
        )
        return
    if on and not rows:
        out.print(_("No election phase is in force on {date}.", date=on))
        return
    table = Table(title=_("Phases in force on {date}", date=on) if on else _("Election calendar"))
    for header in (_("Election"), _("Phase"), _("Name"), _("Start"), _("End")):
        table.add_column(header)
    for e, p in rows:
        table.add_row(e.id, p.id, p.name.get(loc), p.start.isoformat(), p.end.isoformat())
    out.print(table)


@app.command("check")
def check(
    directory: Path = typer.Argument(None, help="Rulebook directory (default: bundled)."),
) -> None:
    """Periksa berkas aturan / Validate a rulebook directory."""
    try:
        rb = load_rulebook(directory)
    except RulebookError as exc:
        for issue in exc.issues:
            err.print(f"{issue}", highlight=False, markup=False)
        fail(_("The rulebook has {n} error(s).", n=len(exc.issues)), code=1)
    out.print(
        _(
            "Rulebook {version} is valid: {acts} acts, {contestants} contestants, "
            "{elections} elections.",
            version=rb.version,
            acts=len(rb.acts),
            contestants=len(rb.contestants()),
            elections=len(rb.elections),
        )
    )




def category_label(category: str) -> str:
    return _(CATEGORY_LABELS[str(category)])


def citation_label(rb: Rulebook, law_id: str, article: str) -> str:
    mark = "" if rb.article(law_id, article).verified else " [" + _("unverified") + "]"
    return rb.cite(law_id, article) + mark


def act_json(rb: Rulebook, act: ProhibitedAct) -> dict:
    data = act.model_dump(mode="json")
    for key in ("citations", "criminal"):
        for cit in data[key]:
            cit["short_name"] = rb.law(cit["law"]).short_name
            cit["verified"] = rb.article(cit["law"], cit["article"]).verified
    return data


def contestant_json(ref: ContestantRef) -> dict:
    c = ref.contestant
    return {
        "id": ref.id,
        "race": ref.race.id,
        "election": ref.race.election,
        "number": c.number,
        "name": c.name,
        "short_name": c.short_name,
        "people": [{"name": p.name, "role": p.role} for p in c.people],
        "parties": c.parties,
        "coalition": c.coalition,
        "aliases": [a.model_dump() for a in c.all_aliases()],
        "slogans": c.slogans,
        "hashtags": c.hashtags,
        "gesture": c.gesture,
        "verified": c.verified,
    }
