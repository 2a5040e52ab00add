from pathlib import Path

import pytest

from netral.screening.dataset import load_split, to_post

ROOT = Path(__file__).resolve().parents[2] / "datasets" / "posts"


@pytest.mark.parametrize("split", ["train", "dev"])
def test_every_evidence_span_is_the_exact_words(screener, split):
    rows = load_split(ROOT, split)
    if not rows:
        pytest.skip("dataset not present")
    for row in rows:
        post = to_post(row)
        s = screener.screen(post)
        if s.partisan:
            assert s.findings and all(f.evidence for f in s.findings), row["id"]
        for f in s.findings:
            for span in f.evidence:
                assert getattr(post, span.field)[span.start : span.end] == span.text, row["id"]
