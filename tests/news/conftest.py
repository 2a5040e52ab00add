from pathlib import Path

import pytest

from netral.news import NewsExtractor
from netral.rulebook import load_rulebook

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def extractor(rulebook):
    return NewsExtractor(rulebook)
