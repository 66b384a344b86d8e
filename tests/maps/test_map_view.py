"""geo.maps.map_view on the seeded sample: the impact score map shows never-visited regions as such, count
measures get whole-number classes, and a level where every region has the same count gets one class said as such."""

import pytest

from geo.analysis.context import Context
from geo.maps import classes, map_view
from geo.records import sample


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def test_the_score_map_draws_never_visited_regions_in_their_own_grey_with_their_own_legend_entry(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="score"), ctx)
    visited = set(sample.generate()[2]["visited_regencies"])
    never = set(view.values.index) - visited
    assert never and view.values[list(never)].isna().all()  # no never-visited region has a score
    assert all(view.classification.color_of(c) == classes.NOT_VISITED_COLOR for c in never)
    assert view.classification.color_of("35.26") == classes.NOT_VISITED_COLOR  # Bangkalan: 0 visits
    legend = view.legend()
    assert legend[-2:] == [(classes.NOT_VISITED_COLOR, "Belum dikunjungi"), (classes.NO_DATA_COLOR, "tidak ada data")]
    assert map_view.compute(map_view.Spec(level="regency", metric="score"), ctx, lang="en").legend()[-2][1] \
        == "Not visited"
    # regions without a score that were visited (too few agreements) are "no data", not "not visited"
    thin = [c for c in visited & set(view.values.index) if view.values.isna()[c]]
    assert all(view.classification.color_of(c) == classes.NO_DATA_COLOR for c in thin)


def test_a_count_map_has_whole_number_classes_whose_labels_share_no_value(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="signed"), ctx)
    labels = [label for _, label in view.legend()[:-1]]
    ranges = []
    for label in labels:
        low, _, high = label.partition("–")
        ranges.append((int(low), int(high or low)))
    assert all(b[0] == a[1] + 1 for a, b in zip(ranges, ranges[1:]))
    assert ranges[0][0] == int(view.values.min()) and ranges[-1][1] == int(view.values.max())
    assert "tidak ada data" not in labels and all(" – " not in label for label in labels)


def test_a_level_where_every_region_has_the_same_count_has_one_class_and_says_so(ctx):
    # the sample records agreements between regencies: every district of Jawa Barat has 0 of its own
    view = map_view.compute(map_view.Spec(level="district", metric="signed", within="32"), ctx)
    assert view.values.dropna().eq(0).all() and len(view.values) > 100
    assert view.legend() == [(view.classification.colors[0], "semua daerah: 0"),
                             (classes.NO_DATA_COLOR, "tidak ada data")]
