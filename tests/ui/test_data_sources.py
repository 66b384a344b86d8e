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


def test_build_checks_are_a_readable_table_with_indonesian_numbers_not_json_keys():
    checks = {"province": {"dropped_islands": 16904, "regions_per_tier": [33, 3, 2], "bytes": 173552,
                           "budget_bytes": 250000, "spec": {"tiers_px": [1.4, 0.6], "max_dropped_share": 0.005,
                                                            "unknown_thing": 1}}}
    frame = data_sources.display_checks_frame(checks, "id")
    assert list(frame.columns) == ["Pemeriksaan", "Provinsi"]
    cells = dict(zip(frame["Pemeriksaan"], frame["Provinsi"]))
    assert cells["Pulau sangat kecil yang tidak digambar"] == "16.904"
    assert cells["Wilayah per tingkat penyederhanaan (kasar → halus)"] == "33 · 3 · 2"
    assert cells["Ukuran berkas peta (batas)"] == "174 kB (250 kB)"
    assert cells["Toleransi tiap tingkat (piksel)"] == "1,4 · 0,6"
    assert cells["Bagian luas yang boleh tidak digambar"] == "0,5%"
    assert len(cells) == 5  # a check without words is left out, never shown under its key


def test_the_committed_build_checks_fill_a_row_for_every_level():
    frame = data_sources.display_checks_frame(lang="id")
    assert list(frame.columns)[1:] == ["Provinsi", "Kabupaten/Kota", "Kecamatan"]
    assert not frame.isin(["–"]).any().any()
