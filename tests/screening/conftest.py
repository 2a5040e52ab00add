import pytest

from netral.rulebook import load_rulebook
from netral.screening import Screener


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def screener(rulebook):
    return Screener(rulebook)


@pytest.fixture(scope="session")
def lexicon(screener):
    return screener.lexicon
