"""``netral check``: may an ASN do this? The self-check on the command line."""

from __future__ import annotations

import typer
from rich.panel import Panel

from netral.cli.console import fail, out, print_json
from netral.cli.options import cli_rulebook
from netral.cli.rules import category_label, citation_label
from netral.i18n import N_, _, current
from netral.screening import Screener
from netral.screening.selfcheck import SelfChecker, Verdict

VERDICT_LABELS = {
    Verdict.ALLOWED: N_("Allowed"),
    Verdict.NOT_ALLOWED: N_("Not allowed"),
    Verdict.DEPENDS: N_("It depends"),
    Verdict.UNKNOWN: N_("No rule matched"),
}


def check(
    text: str = typer.Argument(..., help='What you mean to do, or the post: "boleh saya like '
                               'postingan capres?"'),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Cek mandiri: bolehkah ASN melakukan ini? / Self-check: may an ASN do this?"""
    if not text.strip():
        fail(_("Describe the act or paste the post."))
    rulebook = cli_rulebook()
    answer = SelfChecker(rulebook, Screener(rulebook)).check(text)
    loc = current().locale
    if json_out:
        print_json({
            "text": answer.text,
            "verdict": answer.verdict.value,
            "acts": [m.act.id for m in answer.acts],
            "allowed": [m.allowed.id for m in answer.allowed],
            "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in answer.spans],
            "rulebook_version": rulebook.version,
        })
        return
    lines = [f"[bold]{_(VERDICT_LABELS[answer.verdict])}[/]"]
    act = answer.act
    if act is not None and answer.verdict in (Verdict.NOT_ALLOWED, Verdict.DEPENDS):
        lines += [
            f"{act.title.get(loc)} ({act.code}) — {category_label(act.category)}",
            act.sanction.get(loc),
            *(f"  • {citation_label(rulebook, c.law, c.article)}" for c in act.citations),
        ]
    for match in answer.allowed[:2]:
        lines.append(f"✓ {match.allowed.title.get(loc)}: {match.allowed.reason.get(loc)}")
    if answer.spans:
        words = ", ".join(f"“{s.text}”" for s in answer.spans[:6])
        lines.append(_("Read from: {words}", words=words))
    out.print(Panel("\n".join(lines), title=_("Self-check"), expand=False), highlight=False)
