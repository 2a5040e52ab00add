"""The web's view of screening: the screener when the screening room provides one, and the
conversion of a self-check answer into findings a report can carry."""

from __future__ import annotations

import logging

from netral.rulebook import Rulebook
from netral.screening.models import CitationRef, EvidenceSpan, Finding
from netral.screening.selfcheck import ScreenerLike, SelfCheckAnswer, Verdict

log = logging.getLogger("netral.web")
MAX_FINDINGS = 3


def load_screener(rulebook: Rulebook) -> ScreenerLike | None:
    """``netral.screening.Screener(rulebook)`` if it is installed, else None (cues only)."""
    try:
        from netral.screening.screener import Screener
    except ImportError:
        return None
    try:
        return Screener(rulebook)
    except Exception:  # a broken screener must not take the public site down
        log.exception("the screener could not be built; screening falls back to rule cues")
        return None


def answer_findings(rulebook: Rulebook, answer: SelfCheckAnswer) -> list[Finding]:
    """Findings for a complaint: the acts the text may concern, with the words as evidence."""
    if answer.verdict not in (Verdict.NOT_ALLOWED, Verdict.DEPENDS):
        return []
    findings = []
    for match in answer.acts[:MAX_FINDINGS]:
        act = match.act
        citations = [
            CitationRef(c.law, c.article, rulebook.cite(c.law, c.article)) for c in act.citations
        ]
        evidence = [EvidenceSpan("text", s.start, s.end, s.text) for s in match.spans]
        words = ", ".join(dict.fromkeys(s.text for s in match.spans))
        contestant = None
        if answer.screening is not None:
            contestant = next((f.contestant for f in answer.screening.findings
                               if f.act == act.id and f.contestant), None)
        findings.append(Finding(act.id, contestant, citations, evidence,
                                f"{act.code}: {words}" if words else act.code))
    return findings
