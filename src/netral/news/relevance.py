"""How much an article matters to ASN-neutrality oversight: a score and the reasons for it."""

from __future__ import annotations

from netral.i18n import _
from netral.news.lexicon import Lexicon, any_of
from netral.news.models import ActMention, ActMode, ContestantMention, LegalRef, Relevance

# Weights add up past 1 on purpose: any two strong signals make an article "high".
WEIGHTS = {
    "neutrality-title": 0.35,
    "neutrality-body": 0.2,
    "asn": 0.1,
    "election": 0.1,
    "cites-rulebook-law": 0.1,
    "explains-act": 0.15,
    "reports-act": 0.3,
    "names-contestant": 0.1,
}

REASONS = {
    "neutrality-title": "the title is about neutrality",
    "neutrality-body": "the text speaks of neutrality",
    "asn": "it concerns civil servants (ASN)",
    "election": "it concerns an election",
    "cites-rulebook-law": "it cites a law in the rulebook",
    "explains-act": "it explains a prohibited act",
    "reports-act": "it reports a prohibited act as done",
    "names-contestant": "it names an election contestant",
}


def level_of(score: float) -> str:
    if score >= 0.6:
        return "high"
    if score >= 0.3:
        return "medium"
    return "low" if score > 0 else "none"


def score_relevance(title: str, body: str, legal_refs: list[LegalRef],
                    acts: list[ActMention], contestants: list[ContestantMention],
                    lexicon: Lexicon) -> Relevance:
    neutral = any_of(lexicon.neutrality_terms)
    reasons = []
    if neutral.search(title):
        reasons.append("neutrality-title")
    elif neutral.search(body):
        reasons.append("neutrality-body")
    if any_of(lexicon.asn_terms, 0).search(f"{title}\n{body}"):
        reasons.append("asn")
    if any_of(lexicon.election_terms).search(f"{title}\n{body}"):
        reasons.append("election")
    if any(ref.law_id for ref in legal_refs):
        reasons.append("cites-rulebook-law")
    if any(a.mode == ActMode.EXPLAINED for a in acts):
        reasons.append("explains-act")
    if any(a.mode == ActMode.REPORTED for a in acts):
        reasons.append("reports-act")
    if contestants:
        reasons.append("names-contestant")
    score = round(min(1.0, sum(WEIGHTS[r] for r in reasons)), 2)
    reason = "; ".join(_(REASONS[r]) for r in reasons) or _("nothing about ASN neutrality")
    return Relevance(score=score, level=level_of(score), reasons=reasons, reason=reason)
