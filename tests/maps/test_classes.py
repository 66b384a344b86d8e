import numpy as np
import pandas as pd
import pytest

from geo.maps import classes
from geo.text import numbers


@pytest.mark.parametrize("value,lang,text", [
    (1_200_000_000, "id", "Rp 1,2 miliar"), (1_500_000, "id", "Rp 1,5 juta"), (750_000, "id", "Rp 750.000"),
    (2_000_000_000_000, "id", "Rp 2 triliun"), (345_000_000, "id", "Rp 345 juta"),
    (1_200_000_000, "en", "Rp 1.2 billion"), (None, "id", "–"),
    # the scale is chosen after rounding: never "1.000 juta" or "1.000 miliar"
    (999_999_999, "id", "Rp 1 miliar"), (999_999_999, "en", "Rp 1 billion"),
    (999_999_999_999, "id", "Rp 1 triliun"), (999_999_999_999, "en", "Rp 1 trillion"),
    (999_999.6, "id", "Rp 1 juta"), (-999_999_999, "id", "−Rp 1 miliar"),
    (999_400_000, "id", "Rp 999 juta"), (960_000_000, "en", "Rp 960 million"),
    (99_960_000, "id", "Rp 100 juta"), (1_960_000_000, "en", "Rp 2 billion"),
])
def test_rupiah(value, lang, text):
    assert numbers.rupiah(value, lang) == text


def test_numbers_and_percent():
    assert numbers.number(12345) == "12.345"
    assert numbers.number(12345, lang="en") == "12,345"
    assert numbers.number(1234.5, 1) == "1.234,5"
    assert numbers.percent(0.125, 1) == "12,5%"


def test_no_data_is_not_zero():
    values = pd.Series({"a": 0.0, "b": 1.0, "c": 5.0, "d": np.nan, "e": 10.0, "f": 3.0})
    c = classes.classify(values, scheme="quantiles", k=3)
    assert c.color_of("d") == classes.NO_DATA_COLOR
    assert c.color_of("a") != classes.NO_DATA_COLOR and c.color_of("a") == c.colors[0]
    assert c.color_of("e") == c.colors[-1]
    legend = c.legend(lambda v: numbers.number(v, 1))
    assert len(legend) == len(c.bins) and legend[0][1].startswith("0,0 –")


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "natural_breaks"])
def test_schemes_give_ordered_classes(scheme):
    values = pd.Series(np.random.default_rng(1).gamma(2.0, 3.0, size=200))
    c = classes.classify(values, scheme=scheme, k=5)
    assert len(c.bins) == 5 and c.bins == sorted(c.bins)
    order = values.sort_values().index
    assert c.classes[order].is_monotonic_increasing


def test_user_breaks_and_ranks():
    values = pd.Series({"a": 1.0, "b": 15.0, "c": 30.0})
    c = classes.classify(values, scheme="user", user_breaks=[10, 20])
    assert c.bins == [10, 20, 30] and list(c.classes) == [0, 1, 2]
    assert list(classes.ranks(values)) == [3, 2, 1]
