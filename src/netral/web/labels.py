"""Human labels for the domain's codes (statuses, roles, categories), marked for translation,
and the rulebook seen through one locale (acts and allowed acts with their citations)."""

from __future__ import annotations

from dataclasses import dataclass

from netral.cases.roles import Role
from netral.cases.workflow import CaseStatus
from netral.i18n import N_
from netral.rulebook import AllowedAct, Citation, ProhibitedAct, Rulebook
from netral.rulebook.labels import CATEGORY_LABELS
from netral.web.templating import gettext as _

STATUS = {
    CaseStatus.RECEIVED: N_("Received"),
    CaseStatus.PRELIMINARY_REVIEW: N_("Preliminary review"),
    CaseStatus.REGISTERED: N_("Registered"),
    CaseStatus.DISMISSED: N_("Dismissed"),
    CaseStatus.CLARIFICATION: N_("Clarification"),
    CaseStatus.EXAMINED: N_("Examined"),
    CaseStatus.RECOMMENDATION_ISSUED: N_("Recommendation issued"),
    CaseStatus.NOT_PROVEN: N_("Not proven"),
    CaseStatus.SANCTION_IMPOSED: N_("Sanction imposed"),
    CaseStatus.CLOSED: N_("Closed"),
}
# What a reporter reads on the tracking page for each status.
STATUS_PUBLIC = {
    CaseStatus.RECEIVED: N_("Your report has been received and waits for review."),
    CaseStatus.PRELIMINARY_REVIEW: N_("An officer is reviewing your report."),
    CaseStatus.REGISTERED: N_("Your report was registered as a case."),
    CaseStatus.DISMISSED: N_("Your report was not taken further (see the messages)."),
    CaseStatus.CLARIFICATION: N_("The case is being examined; people involved are asked to "
                                 "clarify."),
    CaseStatus.EXAMINED: N_("The examination is finished; a decision is being prepared."),
    CaseStatus.RECOMMENDATION_ISSUED: N_("A sanction recommendation was sent to the "
                                         "agency head."),
    CaseStatus.NOT_PROVEN: N_("The violation was not proven."),
    CaseStatus.SANCTION_IMPOSED: N_("The agency head imposed a sanction."),
    CaseStatus.CLOSED: N_("The case is closed."),
}
# The verb on the button that moves a case into each status.
ACTION = {
    CaseStatus.PRELIMINARY_REVIEW: N_("Start review"),
    CaseStatus.REGISTERED: N_("Register case"),
    CaseStatus.DISMISSED: N_("Dismiss"),
    CaseStatus.CLARIFICATION: N_("Start clarification"),
    CaseStatus.EXAMINED: N_("Finish examination"),
    CaseStatus.RECOMMENDATION_ISSUED: N_("Issue recommendation"),
    CaseStatus.NOT_PROVEN: N_("Not proven"),
    CaseStatus.SANCTION_IMPOSED: N_("Record sanction"),
    CaseStatus.CLOSED: N_("Close case"),
}
ROLE = {
    Role.PUBLIC: N_("Public"),
    Role.INTAKE_OFFICER: N_("Intake officer (Bawaslu)"),
    Role.EXAMINER: N_("Examiner"),
    Role.BKN_ANALYST: N_("BKN analyst"),
    Role.AGENCY_PPK: N_("Agency PPK"),
    Role.ADMIN: N_("System administrator"),
}
CATEGORY = CATEGORY_LABELS
SANCTION_LEVEL = {
    "moral": N_("Moral sanction"),
    "discipline-light": N_("Light discipline"),
    "discipline-moderate": N_("Moderate discipline"),
    "discipline-heavy": N_("Heavy discipline"),
    "dismissal": N_("Dismissal not with honour"),
}


def status_label(status: str) -> str:
    return _(STATUS[CaseStatus(status)])


def status_public(status: str) -> str:
    return _(STATUS_PUBLIC[CaseStatus(status)])


def action_label(status: str) -> str:
    return _(ACTION[CaseStatus(status)])


def role_label(role: str) -> str:
    return _(ROLE[Role(role)])


def category_label(category: str) -> str:
    return _(CATEGORY[str(category)])


def sanction_level_label(level: str) -> str:
    return _(SANCTION_LEVEL[str(level)])


@dataclass(frozen=True, slots=True)
class CitationView:
    label: str
    summary: str
    verified: bool
    source: str | None


@dataclass(frozen=True, slots=True)
class ActView:
    id: str
    code: str
    title: str
    description: str
    category: str
    category_label: str
    sanction: str
    citations: list[CitationView]
    criminal: list[CitationView]
    counts: list[str]
    does_not_count: list[str]
    target: str
    verified: bool


@dataclass(frozen=True, slots=True)
class AllowedView:
    id: str
    title: str
    reason: str
    citations: list[CitationView]
    examples: list[str]
    verified: bool


def citation_view(rb: Rulebook, citation: Citation, locale: str) -> CitationView:
    law = rb.law(citation.law)
    article = rb.article(citation.law, citation.article)
    return CitationView(
        label=rb.cite(citation.law, citation.article),
        summary=article.summary.get(locale),
        verified=article.verified,
        source=article.source or law.source,
    )


def act_view(rb: Rulebook, act: ProhibitedAct, locale: str) -> ActView:
    return ActView(
        id=act.id, code=act.code, title=act.title.get(locale),
        description=act.description.get(locale), category=str(act.category),
        category_label=category_label(act.category), sanction=act.sanction.get(locale),
        citations=[citation_view(rb, c, locale) for c in act.citations],
        criminal=[citation_view(rb, c, locale) for c in act.criminal],
        counts=list(act.examples.counts), does_not_count=list(act.examples.does_not_count),
        target=str(act.target), verified=act.verified,
    )


def allowed_view(rb: Rulebook, item: AllowedAct, locale: str) -> AllowedView:
    return AllowedView(
        id=item.id, title=item.title.get(locale), reason=item.reason.get(locale),
        citations=[citation_view(rb, c, locale) for c in item.citations],
        examples=list(item.examples), verified=item.verified,
    )


def contestant_label(rb: Rulebook, contestant_id: str) -> str:
    try:
        ref = rb.contestant(contestant_id)
    except KeyError:
        return contestant_id
    return f"{ref.contestant.number}. {ref.contestant.short_name or ref.contestant.name}"


def act_title(rb: Rulebook, act_id: str, locale: str) -> str:
    try:
        act = rb.act(act_id)
    except KeyError:
        return act_id
    return f"{act.code} {act.title.get(locale)}"
