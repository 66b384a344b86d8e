"""ui.data_sources: the Data & credits page's counts, licence and build checks come from the committed data."""

from geo import config
from geo.regions import lookup
from ui import data_sources


def test_counts_per_level_are_the_lookups():
    frame = data_sources.counts_frame()
    assert list(frame.columns) == ["Tingkat wilayah", "Jumlah wilayah"]
    assert frame.iloc[:, 0].tolist() == ["Provinsi", "Kabupaten/Kota", "Kecamatan"]
    assert frame.iloc[:, 1].tolist() == [len(lookup.all_regions(lv)) for lv in lookup.MAP_LEVELS]
    assert frame.iloc[0, 1] == 38


def test_licence_and_display_checks_are_read_from_the_data_folder():
    assert data_sources.licence_text() == (config.REGION_DATA_DIR / "LICENSE-wilayah.txt").read_text(encoding="utf-8")
    assert isinstance(data_sources.display_checks(), dict) and data_sources.display_checks()
