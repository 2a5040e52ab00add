import datetime as dt

import pytest

from netral.rulebook import load_rulebook
from netral.screening import Post, Screener


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def screener(rulebook):
    return Screener(rulebook)


@pytest.fixture
def fresh(rulebook):
    """A screener of its own, for tests that change its settings."""
    screener = Screener(rulebook)
    assert screener.model is not None
    return screener


@pytest.fixture(scope="session")
def lexicon(screener):
    return screener.lexicon


def post(text, day="2024-01-25", action="post", target=None) -> Post:
    """A post as an export gives it: text, action, the engaged-with text, the day."""
    return Post(
        id="w1",
        text=text,
        action=action,
        target_text=target,
        published_at=dt.date.fromisoformat(day),
    )
