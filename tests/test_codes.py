"""Receipt and login codes: the alphabet that cannot be misread, every character as likely as
any other (one read of randomness is cut into five-bit pieces, none of them wasted or biased)."""

from __future__ import annotations

import re
from collections import Counter

from soviet.codes import ALPHABET, random_code


def test_codes_are_groups_of_four_from_the_alphabet() -> None:
    assert len(set(ALPHABET)) == 32 and not set("IO01") & set(ALPHABET)
    char = f"[{ALPHABET}]"
    for groups in (1, 3, 4):
        assert re.fullmatch(f"{char}{{4}}(-{char}{{4}}){{{groups - 1}}}", random_code(groups))


def test_every_character_in_every_place_is_drawn_evenly() -> None:
    draws = [random_code(3).replace("-", "") for _ in range(6400)]
    assert len(set(draws)) == len(draws)
    for place in range(12):
        seen = Counter(d[place] for d in draws)
        # 200 expected of each character; a chi-square over 31 degrees of freedom above 80
        # happens by chance a few times in a million (a character never drawn gives 200).
        chi2 = sum((seen[c] - 200) ** 2 / 200 for c in ALPHABET)
        assert chi2 < 80, (place, seen)
