"""A visit's region written as a BPS or Kemendagri code is read in the system its column names, never guessed."""

import pytest

from geo.importer import changes, columns, files
from geo.text.messages import UserError


def _rows(engine, text):
    plan = changes.plan_import(engine, "visits", files.read_table(text.encode("utf-8"), "kunjungan.csv"))
    return {r.key: r for r in plan.rows}


def _stop(row):
    assert row.data is not None, row.reasons("en")
    return row.data["stop"].region_code


BPS_FILE = ("Kode Kunjungan;Pejabat;Tanggal;Kode BPS\n"
            "KK-1;Wakil Menteri Dalam Negeri;20/08/2024;1101\n"
            "KK-2;Wakil Menteri Dalam Negeri;21/08/2024;94\n"
            "KK-3;Wakil Menteri Dalam Negeri;22/08/2024;3273010\n"
            "KK-4;Wakil Menteri Dalam Negeri;23/08/2024;32.73\n"
            "KK-5;Wakil Menteri Dalam Negeri;24/08/2024;327301\n"
            "KK-6;Wakil Menteri Dalam Negeri;25/08/2024;\n")


def test_a_kode_bps_column_is_read_as_bps_codes(sqlite_engine):
    rows = _rows(sqlite_engine, BPS_FILE)
    assert _stop(rows["KK-1"]) == "11.09"  # BPS 1101: Kabupaten Simeulue
    assert _stop(rows["KK-2"]) == "91"  # BPS 94: Papua
    assert _stop(rows["KK-3"]) == "32.73.15"  # BPS 3273010: Bandung Kulon, Kota Bandung


def test_a_code_with_dots_in_a_bps_column_is_still_kemendagri(sqlite_engine):
    assert _stop(_rows(sqlite_engine, BPS_FILE)["KK-4"]) == "32.73"


def test_a_number_bps_does_not_use_is_rejected_in_a_bps_column(sqlite_engine):
    row = _rows(sqlite_engine, BPS_FILE)["KK-5"]  # six digits: a Kemendagri district without dots, not BPS
    assert row.action == "reject" and [e.key for e in row.errors] == ["region.unknown"]


def test_a_bps_column_alone_is_the_required_region_and_an_empty_cell_is_missing(sqlite_engine):
    row = _rows(sqlite_engine, BPS_FILE)["KK-6"]
    assert [e.key for e in row.errors] == ["field.required"]


def test_a_kode_wilayah_or_kode_kemendagri_column_is_read_as_kemendagri_codes(sqlite_engine):
    for header in ("Kode Wilayah", "Kode Kemendagri"):
        rows = _rows(sqlite_engine, f"Kode Kunjungan,Pejabat,Tanggal,{header}\n"
                                    "KK-1,Wakil Menteri Dalam Negeri,20/08/2024,1101\n"
                                    "KK-2,Wakil Menteri Dalam Negeri,21/08/2024,94\n")
        assert _stop(rows["KK-1"]) == "11.01"  # Kemendagri 11.01: Kabupaten Aceh Selatan
        assert _stop(rows["KK-2"]) == "94"  # Papua Tengah


@pytest.mark.parametrize("header, field", [
    ("Kode BPS", "region_bps"), ("kode_bps", "region_bps"), ("BPS", "region_bps"), ("KODE BPS", "region_bps"),
    ("Kode Wilayah", "region_kemendagri"), ("Kode Kemendagri", "region_kemendagri"), ("Wilayah", "region"),
])
def test_region_code_headers_offices_use_map_to_their_system(header, field):
    table = columns.map_headers(files.read_table(f"Pejabat,Tanggal,{header}\nWamen,1/1/2024,x\n".encode(), "v.csv"),
                                "visits")
    assert table.fields[header] == field


def test_a_file_without_any_region_column_still_misses_the_region():
    with pytest.raises(UserError) as exc:
        columns.map_headers(files.read_table(b"Pejabat,Tanggal,Lokasi\nWamen,1/1/2024,x\n", "v.csv"), "visits")
    assert exc.value.key == "column.missing" and "wilayah" in exc.value.text("id")


def test_a_bare_number_meaning_two_regions_in_a_plain_region_column_is_rejected_naming_both(sqlite_engine):
    row = _rows(sqlite_engine, "Kode Kunjungan,Pejabat,Tanggal,Wilayah\n"
                               "KK-1,Wakil Menteri Dalam Negeri,20/08/2024,1101\n")["KK-1"]
    assert row.action == "reject" and [e.key for e in row.errors] == ["region.code_ambiguous"]
    reason = row.reasons("id")
    assert "Kabupaten Simeulue (11.09)" in reason and "Kabupaten Aceh Selatan (11.01)" in reason
    assert "Kode BPS" in reason


def test_a_bare_number_meaning_one_region_in_both_systems_is_accepted_in_a_plain_region_column(sqlite_engine):
    row = _rows(sqlite_engine, "Kode Kunjungan,Pejabat,Tanggal,Wilayah\n"
                               "KK-1,Wakil Menteri Dalam Negeri,20/08/2024,3273\n")["KK-1"]
    assert _stop(row) == "32.73"


def test_a_name_and_a_bps_code_that_agree_are_accepted_and_that_disagree_are_rejected(sqlite_engine):
    rows = _rows(sqlite_engine, "Kode Kunjungan,Pejabat,Tanggal,Wilayah,Kode BPS\n"
                                "KK-1,Wakil Menteri Dalam Negeri,20/08/2024,Kab. Simeulue,1101\n"
                                "KK-2,Wakil Menteri Dalam Negeri,21/08/2024,Kab. Aceh Selatan,1101\n")
    assert _stop(rows["KK-1"]) == "11.09"
    assert [e.key for e in rows["KK-2"].errors] == ["region.columns_disagree"]
    assert "Kabupaten Simeulue" in rows["KK-2"].reasons("en") and "Aceh Selatan" in rows["KK-2"].reasons("en")
