"""A visit stop's place below its regency (a village or district found only inside it, or a place kept as written)
and its coordinates checked against its region: warnings keep the row, the map marks the stop's own point."""

import csv

from sqlalchemy import select

from geo.db import storage
from geo.db.models import VisitStop
from geo.importer import changes, files
from geo.maps import web_map
from geo.records import read
from geo.regions import coordinates, lookup
from tests.conftest import EDITOR, ROOT

HEAD = "kode kunjungan;pejabat;tanggal;wilayah;lokasi;lintang;bujur\n"
ALUN_ALUN = ("-6.9218", "107.6071")  # Kota Bandung's town square


def _gazetteer(name: str, within: str) -> list[str]:
    with (ROOT / "data" / "gazetteer.csv").open(encoding="utf-8") as fh:
        return sorted(r["code"] for r in csv.DictReader(fh)
                      if r["name"] == name and r["code"].startswith(within + ".") and r["code"].count(".") == 3)


def _plan(engine, *lines):
    return changes.plan_import(engine, "visits", files.read_table((HEAD + "".join(lines)).encode(), "kunjungan.csv"))


def test_a_stop_naming_a_village_inside_its_regency_gets_the_village_code(engine):
    [cigadung] = _gazetteer("Cigadung", "32.73")
    plan = _plan(engine, "KJ-1;Wamen PUPR;05/03/2025;Kota Bandung;Kel. Cigadung;;\n")
    [row] = plan.rows
    assert row.action == "add" and row.warnings == []
    assert row.data["stop"].region_code == cigadung and row.data["stop"].place_name == "Kel. Cigadung"
    assert f"Lokasi: Kel. Cigadung → Cigadung ({cigadung}), desa/kelurahan di Kota Bandung (32.73)" \
        in row.read_as_text("id")


def test_the_same_village_name_in_another_regency_is_not_picked_and_the_stop_keeps_its_regency(engine):
    assert _gazetteer("Cigadung", "32.73") and not _gazetteer("Cigadung", "32.04")
    [row] = _plan(engine, "KJ-2;Wamen PUPR;05/03/2025;Kabupaten Bandung;Desa Cigadung;;\n").rows
    assert row.action == "add"
    assert row.data["stop"].region_code == "32.04" and row.data["stop"].place_name == "Desa Cigadung"
    assert row.warning_text("id") == ("'Desa Cigadung' tidak ditemukan di Kabupaten Bandung (32.04); disimpan "
                                      "sebagai nama tempat di Kabupaten Bandung (32.04)")


def test_several_villages_of_the_name_in_the_regency_warn_with_the_candidates_and_keep_the_regency(engine):
    nagrak = _gazetteer("Nagrak", "32.01")
    assert len(nagrak) >= 2
    [row] = _plan(engine, "KJ-3;Wamen PUPR;05/03/2025;Kabupaten Bogor;Desa Nagrak;;\n").rows
    assert row.action == "add" and row.data["stop"].region_code == "32.01"
    assert all(code in row.warning_text("id") for code in nagrak)


def test_a_place_that_is_no_region_is_kept_with_the_stated_region_and_no_warning(engine):
    [row] = _plan(engine, "KJ-4;Wamen PUPR;05/03/2025;Kota Bandung;Balai Kota;;\n").rows
    assert row.action == "add" and row.warnings == []
    assert (row.data["stop"].region_code, row.data["stop"].place_name) == ("32.73", "Balai Kota")


def test_coordinates_inside_outside_and_swapped(engine):
    outside = ("-6.1754", "106.8272")  # Monas, Jakarta
    plan = _plan(engine, f"KJ-5;Wamen PUPR;05/03/2025;Kota Bandung;Alun-alun;{ALUN_ALUN[0]};{ALUN_ALUN[1]}\n",
                 f"KJ-6;Wamen PUPR;05/03/2025;Kota Bandung;Monas;{outside[0]};{outside[1]}\n",
                 f"KJ-7;Wamen PUPR;05/03/2025;Kota Bandung;Alun-alun;{ALUN_ALUN[1]};{ALUN_ALUN[0]}\n")
    inside, far, swapped = plan.rows
    assert [r.action for r in plan.rows] == ["add", "add", "add"]
    assert inside.warnings == []
    km = round(coordinates.check_point("32.73", float(outside[0]), float(outside[1])).distance_km)
    assert km > coordinates.TOLERANCE_KM
    assert far.warning_text("id") == (f"koordinat -6.1754, 106.8272 berada {km} km di luar Kota Bandung (32.73); "
                                      "periksa lokasinya")
    assert (swapped.data["stop"].lat, swapped.data["stop"].lon) == tuple(map(float, ALUN_ALUN))
    assert "tertukar" in swapped.warning_text("id") and "swapped" in swapped.warning_text("en")


def test_the_map_marks_a_stop_at_its_own_coordinates_and_others_at_their_region(engine):
    plan = _plan(engine, f"KJ-8;Wamen PUPR;05/03/2025;Kota Bandung;Alun-alun;{ALUN_ALUN[0]};{ALUN_ALUN[1]}\n",
                 "KJ-9;Wamen PUPR;06/03/2025;Kota Semarang;;;\n")
    changes.commit_import(engine, plan, actor=EDITOR)
    with storage.transaction(engine) as s:
        assert sorted((st.lat, st.lon) for st in s.scalars(select(VisitStop)) if st.lat is not None) \
            == [tuple(map(float, ALUN_ALUN))]
    points = web_map.visit_points(read.visits_frame(engine), level="regency").set_index("name")
    assert (points.loc["Alun-alun", "lat"], points.loc["Alun-alun", "lon"]) == tuple(map(float, ALUN_ALUN))
    semarang = lookup.get("33.74")
    assert (points.loc["Kota Semarang", "lat"], points.loc["Kota Semarang", "lon"]) \
        == (semarang.label_lat, semarang.label_lon)
