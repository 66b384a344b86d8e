"""Region names on the printed maps (issue 17, ``geo.maps.map_labels``): as drawn (matplotlib's text extents after a
full draw), no two names meet and every name lies inside the map's axes; "Kabupaten" is printed "Kab."; names are
on by default where they fit and can be turned on or off."""

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from geo.analysis.context import Context
from geo.maps import map_labels, map_view, print_map
from geo.regions import lookup


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def drawn_labels(fig):
    """(the map axes' box, [(name, its box)]) as the figure draws them."""
    if not isinstance(fig.canvas, FigureCanvasAgg):  # a figure without names has no canvas yet
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    return ax.get_window_extent(renderer), [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]


@pytest.mark.parametrize("spec,labels,at_least", [
    (map_view.Spec(level="province"), None, 25),  # 38 provinces: most fit
    (map_view.Spec(level="regency", within="93"), None, 4),  # Papua Selatan: Merauke lies on the map's edge
    (map_view.Spec(level="regency", within="32"), None, 20),  # Jawa Barat's 27 regencies and cities
    (map_view.Spec(level="regency"), True, 60),  # asked for on the national regency map: the greedy rule thins it
])
def test_printed_region_names_never_overlap_and_never_cross_the_maps_edge(ctx, spec, labels, at_least):
    view = map_view.compute(spec, ctx)
    edge, boxes = drawn_labels(print_map.figure(view, labels=labels))
    assert len(boxes) >= at_least
    for i, (name, box) in enumerate(boxes):
        assert edge.x0 <= box.x0 and box.x1 <= edge.x1 and edge.y0 <= box.y0 and box.y1 <= edge.y1, name
        clashes = [other for other, b in boxes[i + 1:] if box.overlaps(b)]
        assert not clashes, f"{name} overlaps {clashes}"


def test_names_are_the_most_populous_regions_first_and_kabupaten_is_shortened(ctx):
    view = map_view.compute(map_view.Spec(level="regency", within="93"), ctx)
    _, boxes = drawn_labels(print_map.figure(view))
    names = [name for name, _ in boxes]
    assert "Kab. Merauke" in names and not any(n.startswith("Kabupaten") for n in names)
    populations = [next(r.population for r in lookup.children("93") if map_labels.short_name(r.name) == n)
                   for n in names]
    assert populations == sorted(populations, reverse=True)


def test_names_are_on_by_default_where_they_fit_and_can_be_turned_off_or_on(ctx):
    national_regencies = map_view.compute(map_view.Spec(level="regency"), ctx)
    provinces = map_view.compute(map_view.Spec(level="province"), ctx)
    assert not map_labels.shown_by_default(national_regencies) and map_labels.shown_by_default(provinces)
    assert drawn_labels(print_map.figure(national_regencies))[1] == []
    assert drawn_labels(print_map.figure(provinces, labels=False))[1] == []
    svg = print_map.render(map_view.compute(map_view.Spec(level="regency", within="93"), ctx), "svg").decode()
    assert "Kab. Merauke" in svg  # the exported file carries the names as text
