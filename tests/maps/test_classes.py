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
    assert len(legend) == len(c.bins) and legend[0][1] == "≤ " + numbers.number(c.bins[0], 1)  # 0 is in it


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


# --------------------------------------------------------------------------- counts, ties, one value, not visited

def _count_of(label: str) -> tuple[int, int]:
    """"6–68" → (6, 68); "0" → (0, 0): read back from the legend as a reader would."""
    low, _, high = label.partition("–")
    return int(low.replace(".", "")), int((high or low).replace(".", ""))


def test_count_classes_have_whole_number_bounds_and_labels_that_share_no_value():
    values = pd.Series({"a": 0, "b": 0, "c": 1, "d": 2, "e": 3, "f": 5, "g": 6, "h": 68}, dtype=float)
    c = classes.classify(values, scheme="user", user_breaks=[0, 2, 5], integer=True)
    assert [label for _, label in c.legend(lambda v: numbers.number(v, 0))] == ["0", "1–2", "3–5", "6–68"]
    assert c.classes.tolist() == [0, 0, 1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "natural_breaks"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_count_sits_in_exactly_one_legend_class_and_in_the_one_it_is_drawn_in(scheme, seed):
    rng = np.random.default_rng(seed)
    # many zeros and ties, as at regency and district level
    values = pd.Series(np.where(rng.random(300) < 0.4, 0, rng.negative_binomial(1, 0.05, 300)), dtype=float)
    c = classes.classify(values, scheme=scheme, k=5, integer=True)
    ranges = [_count_of(label) for _, label in c.legend(lambda v: numbers.number(v, 0))]
    assert all(float(b) == int(b) for b in c.bins)
    for low, high in ranges:
        assert low <= high
    for (_, high), (low, _) in zip(ranges, ranges[1:]):
        assert low == high + 1  # next class starts at the next whole number: no gap, no overlap
    for v, k in zip(values, c.classes):
        holding = [i for i, (low, high) in enumerate(ranges) if low <= v <= high]
        assert holding == [int(k)]


def test_equal_values_at_a_break_land_in_one_class():
    # issue 13: one 68 read "31 – 68" and another "68 – 74"
    values = pd.Series([0, 1, 2, 31, 40, 68, 68, 68, 70, 74] * 3, dtype=float)
    for scheme in ("quantiles", "equal_interval", "natural_breaks"):
        c = classes.classify(values, scheme=scheme, k=4, integer=True)
        assert c.classes[values == 68].nunique() == 1
        labels = [label for _, label in c.legend(lambda v: numbers.number(v, 0))]
        assert sum(low <= 68 <= high for low, high in map(_count_of, labels)) == 1
    c = classes.classify(values, scheme="user", user_breaks=[31, 68], integer=True)
    assert c.classes[values == 68].nunique() == 1 and int(c.classes[values == 68].iloc[0]) == 1  # at the bound: below


def test_continuous_ties_also_share_a_class_and_no_class_repeats():
    values = pd.Series([0.5] * 10 + [0.7, 0.9, 1.3], dtype=float)
    c = classes.classify(values, scheme="quantiles", k=5)
    assert len(set(c.bins)) == len(c.bins) and c.bins == sorted(c.bins)
    assert c.classes[values == 0.5].nunique() == 1
    labels = [label for _, label in c.legend(lambda v: numbers.number(v, 1))]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("integer", [True, False])
def test_all_values_equal_make_one_class_and_the_legend_says_so(integer):
    values = pd.Series({"a": 0.0, "b": 0.0, "c": 0.0, "d": np.nan})
    c = classes.classify(values, scheme="quantiles", k=5, integer=integer)
    assert len(c.bins) == 1 and c.classes.dropna().tolist() == [0, 0, 0]
    assert c.legend(lambda v: numbers.number(v, 0)) == [(c.colors[0], "semua daerah: 0")]
    assert c.legend(lambda v: numbers.number(v, 0, "en"), "en") == [(c.colors[0], "all regions: 0")]
    assert c.color_of("d") == classes.NO_DATA_COLOR


def test_not_visited_regions_have_their_own_grey_apart_from_no_data():
    values = pd.Series({"a": 40.0, "b": 70.0, "c": 90.0, "d": np.nan, "e": np.nan})
    c = classes.classify(values, k=3, not_visited=["e", "zz"])
    assert c.not_visited == {"e"}  # only regions of the map
    assert c.color_of("e") == classes.NOT_VISITED_COLOR and c.color_of("d") == classes.NO_DATA_COLOR
    palette_colours = {colour for colours in classes.PALETTES.values() for colour in colours}
    assert classes.NOT_VISITED_COLOR != classes.NO_DATA_COLOR and classes.NOT_VISITED_COLOR not in palette_colours


# --------------------------------------------------------------------------- continuous measures: half-open labels

def _holds(label: str, value: float, fmt) -> bool:
    """Whether a half-open legend label ("≤ 2", "> 2 s.d. 5", "> 5") holds ``value``, read as a reader would:
    the bounds as written, compared with the value as written."""
    def num(s):
        return float(s.replace(".", "").replace(",", "."))
    shown = num(fmt(value))
    if label.startswith("≤ "):
        return shown <= num(label[2:])
    low, _, high = label[2:].partition(" s.d. ")
    return shown > num(low) and (not high or shown <= num(high))


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "natural_breaks"])
@pytest.mark.parametrize("decimals", [0, 2])
def test_every_continuous_value_sits_in_exactly_one_legend_label_and_in_the_one_it_is_drawn_in(scheme, decimals):
    rng = np.random.default_rng(7)
    values = pd.Series(np.round(rng.gamma(1.5, 20.0, size=400), 3))

    def fmt(v):
        return numbers.number(v, decimals)
    c = classes.classify(values, scheme=scheme, k=6, snap=classes.written("rate" if decimals == 2 else "score"))
    labels = [label for _, label in c.legend(fmt)]
    for v, k in zip(values, c.classes):
        holding = [i for i, label in enumerate(labels) if _holds(label, v, fmt)]
        assert holding == [int(k)], (v, labels)


def test_a_score_map_never_reads_31_to_68_then_68_to_74():
    values = pd.Series([10.2, 31.0, 40.0, 67.6, 68.3, 70.0, 74.0, 80.0, 91.0], dtype=float)
    c = classes.classify(values, scheme="user", user_breaks=[31.0, 67.6, 74.0], snap=classes.written("score"))
    assert [label for _, label in c.legend(lambda v: numbers.number(v, 0))] == \
        ["≤ 31", "> 31 s.d. 68", "> 68 s.d. 74", "> 74"]
    assert [label for _, label in c.legend(lambda v: numbers.number(v, 0, "en"), "en")][1] == "> 31 to 68"


def test_bounds_written_alike_are_one_bound_so_no_two_classes_read_the_same():
    values = pd.Series([0.1, 0.451, 0.453, 0.454, 0.8, 0.9], dtype=float)

    def fmt(v):
        return numbers.number(v, 2)
    c = classes.classify(values, scheme="user", user_breaks=[0.451, 0.454], snap=classes.written("rate"))
    assert c.bins == [0.45, 0.9]  # 0,451 and 0,454 are both written 0,45: one bound
    assert [label for _, label in c.legend(fmt)] == ["≤ 0,45", "> 0,45"]
    assert c.classes.tolist() == [0, 0, 0, 0, 1, 1]


def test_values_that_differ_but_are_written_alike_read_as_one_value_never_a_to_a():
    values = pd.Series([0.001, 0.002, 0.004], dtype=float)

    def fmt(v):
        return numbers.number(v, 2)
    c = classes.classify(values, k=3, snap=classes.written("rate"))
    assert c.legend(fmt) == [(c.colors[0], "semua daerah: 0,00")]


@pytest.mark.parametrize("value", [745_321.4, 1_234_000_000, 999_999_999, 99_960_000, 12_345_678_901_234, -2_540_000])
def test_rupiah_as_written_is_written_the_same_and_is_the_number_read(value):
    shown = classes.written("rupiah")(value)
    assert numbers.rupiah(shown) == numbers.rupiah(value)
    assert classes.written("rupiah")(shown) == shown


def test_natural_breaks_are_the_same_on_every_load_of_one_view():
    # an outside review (01/12/2026): three loads of one map gave three legends (k-means from a random start)
    rng = np.random.default_rng(7)
    for n in (514, 7285):
        values = pd.Series(rng.gamma(2.0, 3.0, size=n).round(1), index=[f"r{i}" for i in range(n)])
        first = classes.classify(values, scheme="natural_breaks", k=5)
        again = [classes.classify(values, scheme="natural_breaks", k=5) for _ in range(3)]
        assert all(c.bins == first.bins for c in again) and len(first.bins) == 5
        assert first.classes.equals(again[0].classes) and first.classes.nunique() == 5
