import pytest

from netral.cases.models import SanctionLevel
from netral.cases.sanctions import SanctionError, sanction_level
from netral.rulebook import Category


def first_act(rulebook, category):
    return next(a.id for a in rulebook.acts if a.category == category)


def test_level_follows_the_heaviest_category(rulebook):
    ethics = first_act(rulebook, Category.ETHICS)
    moderate = first_act(rulebook, Category.DISCIPLINE_MODERATE)
    heavy = first_act(rulebook, Category.DISCIPLINE_HEAVY)
    assert sanction_level(rulebook, [ethics]) == SanctionLevel.MORAL
    assert sanction_level(rulebook, [ethics, moderate]) == SanctionLevel.DISCIPLINE_MODERATE
    assert sanction_level(rulebook, [moderate, heavy, ethics]) == SanctionLevel.DISCIPLINE_HEAVY


def test_unknown_or_missing_acts_are_refused(rulebook):
    with pytest.raises(SanctionError):
        sanction_level(rulebook, ["memasang-baliho-tanpa-id"])
    with pytest.raises(SanctionError):
        sanction_level(rulebook, [])
