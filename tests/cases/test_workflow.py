from netral.cases.roles import Role
from netral.cases.workflow import (
    TRANSITIONS,
    CaseStatus,
    allowed_transitions,
    find_transition,
)


def test_every_status_is_reachable_from_received_and_reaches_closed():
    reach = {CaseStatus.RECEIVED}
    while True:
        more = {t.target for t in TRANSITIONS if t.source in reach} - reach
        if not more:
            break
        reach |= more
    assert reach == set(CaseStatus)
    for status in CaseStatus:
        if status != CaseStatus.CLOSED:
            assert any(t.source == status for t in TRANSITIONS), status


def test_nobody_may_skip_steps_and_the_public_moves_nothing():
    assert allowed_transitions(CaseStatus.RECEIVED, Role.PUBLIC) == []
    assert all(Role.PUBLIC not in t.roles and Role.ADMIN not in t.roles for t in TRANSITIONS)
    assert [t.target for t in allowed_transitions(CaseStatus.EXAMINED, Role.BKN_ANALYST)] == [
        CaseStatus.RECOMMENDATION_ISSUED, CaseStatus.NOT_PROVEN]
    assert find_transition("recommendation_issued", "sanction_imposed").scoped
