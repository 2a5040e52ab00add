"""Options and loaders that several commands share."""

from __future__ import annotations

import os
from pathlib import Path

from netral.cli.console import err, fail
from netral.i18n import _
from netral.rulebook import Rulebook, RulebookError, load_rulebook


def cli_rulebook(directory: Path | None = None) -> Rulebook:
    """The rulebook from ``directory``, ``$NETRAL_RULEBOOK`` or the bundled copy; exits on error."""
    chosen = directory or (
        Path(os.environ["NETRAL_RULEBOOK"]) if os.environ.get("NETRAL_RULEBOOK") else None
    )
    try:
        return load_rulebook(chosen)
    except RulebookError as exc:
        for issue in exc.issues:
            err.print(f"  {issue}", highlight=False, markup=False)
        fail(_("The rulebook has {n} error(s).", n=len(exc.issues)))
