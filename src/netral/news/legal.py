"""References to laws, normalised to rulebook law ids by kind, number and year.

"UU No. 20 Tahun 2023", "Undang-Undang Nomor 20 Tahun 2023" and "UU 20/2023" are all
uu-20-2023. A law the rulebook does not hold keeps its normalised text with a null law id.
"""

from __future__ import annotations

import re
from functools import cache

from netral.news.lexicon import Lexicon
from netral.news.models import LegalRef
from netral.rulebook import Rulebook

_ARTICLE = (r"(?P<article>Pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(?\d+\)?)?(?:\s+huruf\s+[a-z]\b)?"
            r"(?:\s+angka\s+\d+)?)(?:\s+(?:dalam|pada|di|dari))?\s+")


@cache
def _pattern(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    by_form = {form.lower(): kind for kind, forms in lexicon.legal_kinds.items() for form in forms}
    kinds = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                     for f in sorted({f for fs in lexicon.legal_kinds.values() for f in fs},
                                     key=len, reverse=True))
    number = r"(?:(?i:No\.?|Nomor|Nomer|Nmr\.?)\s*)?(?P<number>\d+[A-Z]?)"
    year = r"(?:\s+(?i:Tahun|Thn\.?)\s+|\s*/\s*)(?P<year>(?:19|20)\d\d)"
    ref = rf"(?P<kind>{kinds})(?:\s+RI)?\s+{number}{year}(?!\d)"
    # The joint decree is known by its subject, not its five numbers: "SKB netralitas ASN".
    skb = (r"(?P<skb>SKB|Surat\s+Keputusan\s+Bersama)(?:\s*\(SKB\))?"
           r"(?=(?:\s+\S+){0,6}?\s+[Nn]etralitas)")
    return re.compile(rf"(?<![\w-])(?:{_ARTICLE})?(?:{ref}|{skb})"), by_form


def _article(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"ayat \(?(\d+)\)?", r"ayat (\1)", text)


def find_legal_refs(text: str, rulebook: Rulebook, lexicon: Lexicon) -> list[LegalRef]:
    pattern, by_form = _pattern(lexicon)
    index = {(law.kind.value, law.number, law.year): law for law in rulebook.laws}
    refs: list[LegalRef] = []
    seen: set[tuple] = set()
    for m in pattern.finditer(text):
        article = _article(m.group("article"))
        if m.group("skb"):
            kind, number, year = "skb", None, None
            year_m = re.match(r"(?:(?!Pasal|UU|PP|Undang)[^.]){0,80}?Tahun\s+((?:19|20)\d\d)",
                              text[m.end():])
            year = int(year_m.group(1)) if year_m else None
            candidates = [law for law in rulebook.laws if law.kind.value == "skb"
                          and (year is None or law.year == year)]
            law = candidates[0] if len(candidates) == 1 else None
        else:
            kind = by_form[re.sub(r"\s+", " ", m.group("kind")).lower()]
            number, year = m.group("number"), int(m.group("year"))
            law = index.get((kind, number, year))
        if law:
            label = law.short_name
        else:
            label = lexicon.legal_kinds[kind][0] + (f" {number}/{year}" if number else "")
        normalised = f"{article} {label}" if article else label
        key = (law.id if law else label, article)
        if key in seen:
            continue
        seen.add(key)
        refs.append(LegalRef(text=re.sub(r"\s+", " ", m.group(0)), normalised=normalised,
                             kind=kind, number=law.number if law else number,
                             year=law.year if law else year, article=article,
                             law_id=law.id if law else None, start=m.start(), end=m.end()))
    return refs
