"""Field-level accuracy of `netral news extract` over the test fixtures.

    python bench/eval_news.py [FIXTURE_DIR]

Each `X.expected.json` beside a fixture `X.txt` / `X.html` holds what a careful reader
would extract. A field counts as right for a fixture when it matches exactly (lists compare
as sets); list fields also get precision and recall over all their items.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from netral.news import Article, NewsExtractor
from netral.rulebook import load_rulebook

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "news" / "fixtures"
SCALARS = ("site", "rubric", "title", "lede", "body", "credit", "published", "relevance")
LISTS = ("places", "people", "quotes", "legal_refs", "acts", "contestants")


def observed(article: Article) -> dict:
    paragraphs = article.body.split("\n\n")
    return {
        "site": article.site,
        "rubric": article.rubric,
        "title": article.title,
        "lede": article.lede,
        "body": [paragraphs[0], paragraphs[-1], len(paragraphs)],
        "credit": article.credit,
        "published": article.published.isoformat() if article.published else None,
        "relevance": article.neutrality_relevance.level,
        "places": article.places,
        "people": [[p.name, p.role, p.organisation] for p in article.people],
        # A quote is identified by its speaker and first 40 characters.
        "quotes": [[q.speaker, q.text[:40]] for q in article.quotes],
        "legal_refs": [[r.normalised, r.law_id] for r in article.legal_refs],
        "acts": [[a.act_id, a.mode.value] for a in article.acts_mentioned],
        "contestants": [c.id for c in article.contestants_mentioned],
    }


def expected_of(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["body"] = [data.pop("body_first"), data.pop("body_last"), data.pop("paragraphs")]
    data["quotes"] = [[s, t[:40]] for s, t in data["quotes"]]
    return data


def as_set(items: list) -> set:
    return {json.dumps(i, ensure_ascii=False) for i in items}


def evaluate(directory: Path) -> dict:
    extractor = NewsExtractor(load_rulebook())
    right = dict.fromkeys(SCALARS + LISTS, 0)
    tp, fp, fn = (dict.fromkeys(LISTS, 0) for _ in range(3))
    misses: list[str] = []
    cases = sorted(directory.glob("*.expected.json"))
    for exp_path in cases:
        stem = exp_path.name.removesuffix(".expected.json")
        source = next(p for p in directory.iterdir()
                      if p.stem == stem and p.suffix in (".txt", ".html"))
        got, want = observed(extractor.extract_file(source)), expected_of(exp_path)
        for name in SCALARS:
            if got[name] == want[name]:
                right[name] += 1
            else:
                misses.append(f"{stem}: {name}: got {got[name]!r}, want {want[name]!r}")
        for name in LISTS:
            g, w = as_set(got[name]), as_set(want[name])
            tp[name] += len(g & w)
            fp[name] += len(g - w)
            fn[name] += len(w - g)
            if g == w:
                right[name] += 1
            else:
                misses.append(f"{stem}: {name}: extra {sorted(g - w)}, missing {sorted(w - g)}")
    return {"n": len(cases), "right": right, "tp": tp, "fp": fp, "fn": fn, "misses": misses}


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    result = evaluate(directory)
    n = result["n"]
    print(f"{n} fixtures in {directory}")
    print(f"{'field':<13}{'exact':>10}{'precision':>11}{'recall':>8}")
    for name in SCALARS + LISTS:
        line = f"{name:<13}{result['right'][name]:>5}/{n:<4}"
        if name in LISTS:
            tp, fp, fn = result["tp"][name], result["fp"][name], result["fn"][name]
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            line += f"{precision:>11.2f}{recall:>8.2f}"
        print(line)
    total = sum(result["right"].values())
    print(f"all fields: {total}/{n * len(SCALARS + LISTS)} "
          f"({total / (n * len(SCALARS + LISTS)):.1%})")
    for miss in result["misses"]:
        print("  ✗", miss)


if __name__ == "__main__":
    main()
