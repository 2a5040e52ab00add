"""Load a rulebook directory into a validated :class:`Rulebook`."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from netral.rulebook.models import (
    AllowedAct,
    DeadlineRule,
    Election,
    ExtraDayOff,
    Law,
    Manifest,
    ProhibitedAct,
    Race,
)
from netral.rulebook.rulebook import Rulebook
from netral.rulebook.source import RulebookError, RulebookIssue, SourceFile, read_source
from netral.rulebook.validation import cross_check


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ManifestFile(_File):
    rulebook: Manifest


class LawsFile(_File):
    laws: list[Law]


class ActsFile(_File):
    acts: list[ProhibitedAct]


class AllowedFile(_File):
    allowed: list[AllowedAct]


class ElectionsFile(_File):
    elections: list[Election]


class RacesFile(_File):
    races: list[Race]


class DeadlinesFile(_File):
    deadlines: list[DeadlineRule]


class DaysOffFile(_File):
    days_off: list[ExtraDayOff]


FILES: dict[str, type[_File]] = {
    "manifest.yaml": ManifestFile,
    "laws.yaml": LawsFile,
    "acts.yaml": ActsFile,
    "allowed.yaml": AllowedFile,
    "elections.yaml": ElectionsFile,
    "races.yaml": RacesFile,
    "deadlines.yaml": DeadlinesFile,
    "days_off.yaml": DaysOffFile,
}


def bundled_rulebook_dir() -> Path:
    return Path(str(resources.files("netral.rulebook") / "data"))


def load_rulebook(directory: Path | str | None = None) -> Rulebook:
    """Parse, validate and cross-check every file; raise `RulebookError` listing all issues."""
    root = Path(directory) if directory is not None else bundled_rulebook_dir()
    if not root.is_dir():
        raise RulebookError([RulebookIssue(str(root), None, "(dir)", "not a directory")])
    issues: list[RulebookIssue] = []
    sources: dict[str, SourceFile] = {}
    parsed: dict[str, _File] = {}
    digest = hashlib.sha256()
    for name, model in FILES.items():
        path = root / name
        try:
            source = read_source(path)
        except RulebookError as exc:
            issues.extend(exc.issues)
            continue
        digest.update(name.encode() + b"\0" + path.read_bytes())
        sources[name] = source
        try:
            parsed[name] = model.model_validate(source.data if source.data is not None else {})
        except ValidationError as exc:
            issues.extend(_issues_from(source, exc))
    if issues:
        raise RulebookError(issues)
    rulebook = Rulebook(
        manifest=parsed["manifest.yaml"].rulebook,  # type: ignore[attr-defined]
        laws=parsed["laws.yaml"].laws,  # type: ignore[attr-defined]
        acts=parsed["acts.yaml"].acts,  # type: ignore[attr-defined]
        allowed=parsed["allowed.yaml"].allowed,  # type: ignore[attr-defined]
        elections=parsed["elections.yaml"].elections,  # type: ignore[attr-defined]
        races=parsed["races.yaml"].races,  # type: ignore[attr-defined]
        deadlines=parsed["deadlines.yaml"].deadlines,  # type: ignore[attr-defined]
        days_off=parsed["days_off.yaml"].days_off,  # type: ignore[attr-defined]
        content_hash=digest.hexdigest(),
    )
    issues = cross_check(rulebook, sources)
    if issues:
        raise RulebookError(issues)
    return rulebook


def _issues_from(source: SourceFile, exc: ValidationError) -> list[RulebookIssue]:
    out = []
    for err in exc.errors(include_url=False):
        key = tuple(part for part in err["loc"] if isinstance(part, int | str))
        out.append(source.issue(key, err["msg"]))
    return out
