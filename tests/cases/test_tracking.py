import re

from netral.cases.tracking import (
    ALPHABET,
    RANDOM_SYMBOLS,
    _check_symbol,
    new_tracking_code,
    normalise_tracking_code,
)

FORMAT = re.compile(r"^NTR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def test_codes_are_readable_unique_and_self_checking():
    codes = {new_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert FORMAT.match(code)
        assert normalise_tracking_code(code) == code


def test_typed_variants_normalise():
    code = new_tracking_code()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_tracking_code(typed) == code
    assert normalise_tracking_code(code.replace("NTR-", "")) == code


def test_every_single_typo_and_neighbour_swap_is_caught():
    code = new_tracking_code()
    raw = code.replace("NTR-", "").replace("-", "")
    for i, ch in enumerate(raw):
        for other in ALPHABET:
            if other != ch:
                assert normalise_tracking_code(raw[:i] + other + raw[i + 1:]) is None
    for i in range(len(raw) - 1):
        if raw[i] != raw[i + 1]:
            swapped = raw[:i] + raw[i + 1] + raw[i] + raw[i + 2:]
            assert normalise_tracking_code(swapped) is None


def test_no_neighbour_swap_anywhere_slips_through():
    """Every ordered pair of symbols at every position, the check symbol's place included.

    Luhn mod 32 let "0Z" <-> "Z0" through; a random code only sometimes holds such a pair,
    so this walks them all.
    """
    filler = "7K3M9QX2HD5"
    for i in range(RANDOM_SYMBOLS - 1):
        for a in ALPHABET:
            for b in ALPHABET:
                if a == b:
                    continue
                payload = filler[:i] + a + b + filler[i + 2:]
                raw = payload + _check_symbol(payload)
                assert normalise_tracking_code(raw) is not None
                swapped = raw[:i] + b + a + raw[i + 2:]
                assert normalise_tracking_code(swapped) is None, (raw, swapped)
    for a in ALPHABET:
        payload = filler[:-1] + a
        raw = payload + _check_symbol(payload)
        if raw[-2] != raw[-1]:
            assert normalise_tracking_code(raw[:-2] + raw[-1] + raw[-2]) is None, raw


def test_garbage_is_rejected():
    assert normalise_tracking_code("") is None
    assert normalise_tracking_code("NTR-1234") is None
    assert normalise_tracking_code("NTR-UUUU-UUUU-UUUU") is None
