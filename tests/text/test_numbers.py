"""Numbers as readers expect them (geo.text.numbers): a missing value is a dash, never 0; signs and scales of rupiah."""

import math

import pytest

from geo.text import numbers


@pytest.mark.parametrize("missing", [None, math.nan])
def test_a_missing_value_is_an_en_dash_in_every_format(missing):
    for lang in ("id", "en"):
        assert numbers.number(missing, lang=lang) == "–"
        assert numbers.signed(missing, lang=lang) == "–"
        assert numbers.rupiah(missing, lang) == "–"
        assert numbers.percent(missing, lang=lang) == "–"


def test_only_a_negative_amount_of_rupiah_has_a_minus_sign():
    assert numbers.rupiah(0) == "Rp 0"
    assert numbers.rupiah(0.6) == "Rp 1"  # rounded to whole rupiah, still positive
    assert numbers.rupiah(-750_000) == "−Rp 750.000"


def test_an_amount_below_a_million_is_written_in_full_with_the_languages_thousands_separator():
    assert numbers.rupiah(750_000, "en") == "Rp 750,000"
    assert numbers.rupiah(999_499, "id") == "Rp 999.499"


def test_a_hundred_or_more_of_a_scale_is_written_without_decimals():
    assert numbers.rupiah(100_400_000) == "Rp 100 juta"
    assert numbers.rupiah(150_600_000, "en") == "Rp 151 million"
    assert numbers.rupiah(99_400_000) == "Rp 99,4 juta"  # below a hundred: one decimal


def test_a_language_without_its_own_separators_is_written_the_english_way():
    assert numbers.number(12345.5, 1, "fr") == numbers.number(12345.5, 1, "en") == "12,345.5"
