"""The look-up structures that let the screener read each chunk, phrase and word once must
give exactly what a plain reading of the text gives."""

from netral.screening import Post, Screener
from netral.screening.normalise import _TOKEN, Tokens

TEXTS = [
    "Pokoknya PILIHHH nmr 02 yaa!! #PrabowoGibran2024 ✌️",
    "  dua\tspasi  dan\nbaris baru\u00a0nbsp\u2003em-space  ",
    "cek https://cekdptonline.kpu.go.id 👍🏽 lalu www.kpu.go.id/pemilu ok",
    "coblos 0️⃣2️⃣ gaes, jam 09.41 di TPS-05 (RT 02/RW 03)",
    "jgn lupa cblos no.2 ya, pilihhhh yg terbaik… #asalbukanwowo @AniesBaswedan",
    "Aamiin🤲🏻 semoga lancar, ’kan don't rock'n'roll",
    "",
]


def _plain_reading(normaliser, text: str) -> Tokens:
    """Every token of the whole text at once, as the token pattern finds it."""
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text):
        for norm in normaliser.normalise(m[0]):
            norms.append(norm)
            starts.append(m.start())
            ends.append(m.end())
    return Tokens(norms, starts, ends)


def test_chunk_by_chunk_tokens_equal_a_plain_reading(lexicon):
    for text in TEXTS * 2:  # the second time every chunk comes from the cache
        assert lexicon.normaliser.tokens(text) == _plain_reading(lexicon.normaliser, text), text


def test_phrase_starts_hold_every_indexed_phrase_in_index_order(lexicon):
    for word, phrases in lexicon.index.items():
        start = lexicon.phrase_starts[word]
        longer = [(p, list(e)) for p, e in phrases if len(p) > 1]
        for second in start.longer:
            grouped = [(p, list(e)) for p, e in start.longer[second]]
            assert grouped == [(p, e) for p, e in longer if p[1] == second]
        assert sum(len(g) for g in start.longer.values()) == len(longer)
        alone = [e for p, e in phrases if len(p) == 1]
        assert list(start.alone) == (alone[0] if alone else [])
    assert lexicon.phrase_starts.keys() == lexicon.index.keys()


def test_prefilter_is_the_same_with_caches_emptied_between_posts(rulebook, monkeypatch):
    import netral.screening.screener as screener_module

    posts = [Post(id=str(i), text=t) for i, t in enumerate(TEXTS)] + [
        Post(id="g", text="Program makan siang gratis untuk anak sekolah"),
        Post(id="n", text="Rapat jam 2 di ruang 3 ya, bawa laptop"),
    ]
    roomy = Screener(rulebook, use_model=False)
    expected = [roomy._quiet(p) for p in posts]
    assert [roomy._quiet(p) for p in posts] == expected  # remembered grades
    monkeypatch.setattr(screener_module, "_PLAIN_LIMIT", 2)
    tight = Screener(rulebook, use_model=False)
    for _ in range(2):
        assert [tight._quiet(p) for p in posts] == expected
