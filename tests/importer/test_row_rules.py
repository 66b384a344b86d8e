"""geo.importer.rows, rule by rule on small files parsed without a database: each row becomes a record or is rejected
with its reasons, the warnings it carries, and how the rows of one visit stand or fall together. Fast (no database,
no pages), so the mutation run can use it; ``test_importer.py`` checks the whole import against a database.
"""

import datetime as dt

import pytest

from geo.importer import rows
from geo.importer.columns import map_headers
from geo.importer.files import read_table
from geo.records import vocabularies
from geo.regions import resolver

AGREEMENT_HEADER = "Nomor Dokumen;Judul;Pihak;Tanggal Penandatanganan"


def parse(kind: str, text: str) -> list[rows.RowResult]:
    return rows.parse_rows(map_headers(read_table(text.encode("utf-8"), f"{kind}.csv"), kind), kind)


def agreements(*lines: str, header: str = AGREEMENT_HEADER) -> list[rows.RowResult]:
    return parse("agreements", "\n".join([header, *lines]) + "\n")


def keys(r: rows.RowResult) -> list[str]:
    return [e.key for e in r.errors]


# ---------------------------------------------------------------------- agreements

def test_an_agreement_row_becomes_a_record_with_every_column_read():
    [r] = agreements('7/PKS/2024;Kerja sama air;"Kota Bandung; Universitas Padjadjaran";Jawa Barat;12/03/2024;'
                     '01/04/2024;31/03/2026;Rp 1,5 miliar;berjalan;20/04/2024;Pariwisata;catatan;K-1;Air bersih',
                     header="Nomor Dokumen;Judul;Pihak;Provinsi;Tanggal Penandatanganan;Tanggal Mulai;"
                            "Tanggal Berakhir;Nilai;Status;Tanggal Status;Bidang;Keterangan;Kode Kunjungan;Jenis")
    assert r.errors == [] and r.number == 2 and r.key == "7/PKS/2024"
    d = r.data
    assert (d.doc_number, d.title, d.status, d.notes, d.visit_ref) == ("7/PKS/2024", "Kerja sama air", "berjalan",
                                                                       "catatan", "K-1")
    assert [p.region_code for p in d.parties] == ["32.73", None]
    assert d.parties[1].partner_name == "Universitas Padjadjaran" and d.parties[0].as_written is None
    assert (d.signed_on, d.start_on, d.end_on, d.status_on) == (dt.date(2024, 3, 12), dt.date(2024, 4, 1),
                                                                dt.date(2026, 3, 31), dt.date(2024, 4, 20))
    assert d.value_idr == 1_500_000_000 and d.sectors == ["pariwisata"]
    assert d.type == vocabularies.slug("agreement_type", "Air bersih")  # an unknown type comes in flagged
    assert [w.key for w in r.warnings] == ["vocabulary.review.agreement_type"]
    assert r.new_terms == {("agreement_type", d.type): "Air bersih"}
    assert r.raw["Judul"] == "Kerja sama air"


@pytest.mark.parametrize("doc, kind", [("1/PKS/2024", "PKS"), ("1/pks/2024", "PKS"), ("1/KB/2024", "KB"),
                                       ("KB 1 2024", "KB"), ("1/KBX/2024", "lainnya"), ("1/2024", "lainnya")])
def test_without_a_type_column_the_document_number_says_the_type(doc, kind):
    [r] = agreements(f"{doc};Judul;Kota Bandung, Kab. Bandung;12/03/2024")
    assert r.data.type == kind


def test_a_list_of_parties_is_split_on_semicolons_bars_and_new_lines_before_commas():
    [r] = agreements('1/KB/2024;Judul;"Kota Bandung | Kab. Bandung";12/03/2024',
                     '2/KB/2024;Judul;"Kota Bandung, Kab. Bandung";12/03/2024',
                     '3/KB/2024;Judul;"PT Satu, Tbk; Kota Bandung";12/03/2024')[0:1]
    assert [p.region_code for p in r.data.parties] == ["32.73", "32.04"]
    third = agreements('3/KB/2024;Judul;"PT Satu, Tbk; Kota Bandung";12/03/2024')[0]
    assert [p.partner_name for p in third.data.parties] == ["PT Satu, Tbk", None]


def test_a_party_that_reads_as_a_region_but_is_none_is_an_error_not_a_partner():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung;12/03/2024", header=AGREEMENT_HEADER)[0:1]
    assert keys(r) == ["parties.few"]
    [bad] = agreements("2/KB/2024;Judul;Kota Bandung, Kabupaten Tidakada;12/03/2024")
    assert keys(bad)[0].startswith("region.unknown") and "parties.few" not in keys(bad)


def test_a_village_as_a_party_is_refused_as_no_government():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, 32.73.01.1001;12/03/2024")
    assert "region.level" in keys(r) and r.data is None


def test_missing_required_cells_are_named():
    [r] = agreements(";;Kota Bandung, Kab. Bandung;12/03/2024")
    assert keys(r) == ["field.required", "field.required"]
    assert [e.params["field"] for e in r.errors] == ["nomor dokumen", "judul"]
    assert r.key is None and r.action == "reject"


def test_an_unknown_status_and_end_before_start_are_refused():
    header = AGREEMENT_HEADER + ";Status;Tanggal Mulai;Tanggal Berakhir"
    [bad_status, bad_order, same_day] = agreements(
        "1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;setengah jadi;;",
        "2/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;;02/03/2024;01/03/2024",
        "3/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;;02/03/2024;02/03/2024", header=header)
    assert keys(bad_status) == ["status.bad"] and bad_status.errors[0].params["text"] == "setengah jadi"
    assert keys(bad_order) == ["dates.order"] and bad_order.key == "2/KB/2024"
    assert same_day.errors == [] and same_day.data.status == "ditandatangani"


def test_a_bad_date_or_amount_rejects_the_row_with_its_reason():
    [bad_date, bad_value] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;32/13/2024;",
                                       "2/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;sejuta lebih",
                                       header=AGREEMENT_HEADER + ";Nilai")
    assert bad_date.data is None and keys(bad_date) and keys(bad_date)[0].startswith("date")
    assert bad_value.data is None and len(bad_value.errors) == 1
    assert "sejuta lebih" in bad_value.reasons("id")


def test_a_weekday_that_contradicts_the_date_is_a_warning_and_the_row_comes_in():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;Senin, 12 Maret 2024")
    assert r.data is not None and [w.key for w in r.warnings] == ["date.weekday"]
    assert r.warnings[0].params == {"written": "Senin", "date": "12/03/2024", "actual": "Selasa"}
    assert "Senin" in r.warning_text("id")
    assert any(a.field == "signed_on" for a in r.read_as) and "12" in r.read_as_text("id")


def test_a_document_number_twice_in_one_file_rejects_the_second_row():
    first, second = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024",
                               "1/KB/2024;Judul lain;Kota Bandung, Kab. Bandung;12/03/2024")
    assert first.errors == [] and first.data is not None
    assert keys(second) == ["row.duplicate"] and second.data is None
    assert second.errors[0].params == {"record": "1/KB/2024", "first": 2} and second.key == "1/KB/2024"


def test_extra_cells_reject_the_row_and_keep_its_key():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;lebih;lagi")
    assert keys(r) == ["row.extra_cells"] and r.key == "1/KB/2024" and r.data is None
    assert r.errors[0].params["cells"] == "lebih; lagi"
    assert all(not k.startswith("_") for k in r.raw) and len(r.raw) == 4


def test_a_known_sector_by_another_name_says_what_it_was_read_as_and_an_unknown_one_is_flagged_once():
    [r] = agreements('1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;"SDM; Ekonomi Bulan; ekonomi bulan"',
                     header=AGREEMENT_HEADER + ";Bidang")
    assert r.data is not None and len(r.data.sectors) == 2
    assert [w.key for w in r.warnings] == ["vocabulary.review.sector"]
    assert list(r.new_terms.values()) == ["Ekonomi Bulan"]
    assert [a.field for a in r.read_as if a.kind == "term"] == ["sector"]


def test_a_term_waiting_for_review_warns_each_row_that_uses_it():
    known = vocabularies.defaults()
    key = vocabularies.slug("sector", "Ekonomi Bulan")
    known.review["sector"] = {*known.review["sector"], key}
    vocab = rows._Vocab(known)
    assert vocab.key("sector", "Ekonomi Bulan") == key
    assert [w.key for w in vocab.warnings] == ["vocabulary.review.sector"] and vocab.new_terms
    assert vocab.key("sector", "Ekonomi Bulan") == key and len(vocab.warnings) == 1


def test_the_plan_counts_each_action():
    parsed = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024", "2/KB/2024;Judul;Kota Bandung;",
                        "3/KB/2024;Judul;Kota Bandung;")
    parsed[0].action = "add"
    plan = rows.ImportPlan("agreements", None, parsed)
    assert plan.counts() == {"add": 1, "update": 0, "unchanged": 0, "reject": 2}
    assert plan.rejected == parsed[1:]


def test_a_rows_reasons_warnings_and_readings_are_joined_in_the_language_asked_for():
    [r] = agreements(";;Kota Bandung, Kab. Bandung;Senin, 12 Maret 2024")
    for lang in ("id", "en"):
        assert r.reasons(lang) == "; ".join(e.text(lang) for e in r.errors)
    assert r.reasons("en") != r.reasons("id") and r.reasons() == r.reasons("id")
    [w] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;Senin, 12 Maret 2024")
    w.warnings.append(w.warnings[0])
    w.read_as.append(w.read_as[0])
    for lang in ("id", "en"):
        assert w.warning_text(lang) == "; ".join(x.text(lang) for x in w.warnings) and "; " in w.warning_text(lang)
        assert w.read_as_text(lang) == "; ".join(x.text(lang) for x in w.read_as) and "; " in w.read_as_text(lang)
    assert w.warning_text("en") != w.warning_text("id") and w.read_as_text("en") != w.read_as_text("id")


def test_a_region_that_cannot_be_told_apart_names_its_first_five_candidates():
    from types import SimpleNamespace

    res = SimpleNamespace(candidates=[SimpleNamespace(name=f"Kab. {i}", code=f"11.0{i}") for i in range(1, 8)])
    assert rows._candidates_text(res) == "Kab. 1 (11.01), Kab. 2 (11.02), Kab. 3 (11.03), Kab. 4 (11.04), Kab. 5 (11.05)"


# ---------------------------------------------------------------------- visits

VISIT_HEADER = "Kode Kunjungan;Pejabat;Tanggal;Waktu;Wilayah;Lokasi;Agenda;Bidang;Narasumber"


def visits(*lines: str, header: str = VISIT_HEADER) -> list[rows.RowResult]:
    return parse("visits", "\n".join([header, *lines]) + "\n")


def test_a_visit_row_becomes_a_stop_with_its_time_zone_and_times():
    [r] = visits("V-1;Wakil Menteri Desa;20/08/2024;09.00-11.30;Kota Jayapura;;Rapat;Pariwisata;Bupati")
    assert r.errors == [] and r.key == "V-1"
    d = r.data
    assert d["tz"] == "WIT" and d["role"] == "Wakil Menteri Desa" and d["agenda"] == "Rapat" and d["people_met"] == "Bupati"
    assert d["sectors"] == ["pariwisata"] and d["ministry"] == "Kementerian Desa"
    wit = dt.timezone(dt.timedelta(hours=9))
    assert d["stop"].start_at == dt.datetime(2024, 8, 20, 9, 0, tzinfo=wit)
    assert d["stop"].end_at == dt.datetime(2024, 8, 20, 11, 30, tzinfo=wit)
    assert d["stop"].region_code == "91.71" and d["stop"].lat is None


def test_a_visit_without_an_end_time_or_a_reference_gets_them_from_its_row():
    [r] = visits(";Wamen Desa;20/08/2024;09.00 WIB;Kota Jayapura;;;;")
    assert r.data["tz"] == "WIB" and r.data["stop"].end_at is None
    assert r.key == r.data["ref"] == "Wamen Desa 2024-08-20"
    assert r.data["stop"].start_at.utcoffset() == dt.timedelta(hours=7)


def test_a_visit_without_official_date_or_region_names_them():
    [r] = visits("V-1;;;;;;;;")
    assert [e.params.get("field") for e in r.errors if e.key == "field.required"] == ["pejabat", "tanggal",
                                                                                        "wilayah"]
    assert r.data is None and r.key == "V-1"


def test_region_columns_that_disagree_reject_the_row_and_agreeing_ones_do_not():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Kode Wilayah"
    agree, differ = visits("V-1;Wamen;20/08/2024;Kota Bandung;32.73", "V-2;Wamen;20/08/2024;Kota Bandung;32.04",
                           header=header)
    assert agree.errors == [] and agree.data["stop"].region_code == "32.73"
    assert keys(differ) == ["region.columns_disagree"]
    assert "Kota Bandung → " in differ.errors[0].params["regions"] and "(32.04)" in differ.errors[0].params["regions"]


def test_coordinates_are_read_swapped_back_or_refused():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Lintang;Bujur"
    ok, swapped, bad, outside = visits("V-1;Wamen;20/08/2024;Kota Bandung;-6,9175;107,6191",
                                       "V-2;Wamen;20/08/2024;Kota Bandung;107,6191;-6,9175",
                                       "V-3;Wamen;20/08/2024;Kota Bandung;60;10",
                                       "V-4;Wamen;20/08/2024;Kota Bandung;-2,5;140,7", header=header)
    assert (ok.data["stop"].lat, ok.data["stop"].lon) == (-6.9175, 107.6191) and ok.warnings == []
    assert (swapped.data["stop"].lat, swapped.data["stop"].lon) == (-6.9175, 107.6191)
    assert [w.key for w in swapped.warnings] == ["coords.swapped"]
    assert keys(bad) == ["coords.bad"] and bad.data is None
    assert outside.data is not None and [w.key for w in outside.warnings] == ["coords.outside"]
    assert "(32.73)" in outside.warnings[0].params["region"]


def test_a_coordinate_that_is_no_number_is_refused():
    [r] = visits("V-1;Wamen;20/08/2024;Kota Bandung;utara;107", header="Kode Kunjungan;Pejabat;Tanggal;Wilayah;"
                                                                       "Lintang;Bujur")
    assert keys(r) == ["coords.bad"] and r.errors[0].params["text"] == "utara, 107"


def test_a_place_found_in_the_regency_becomes_the_stop_and_one_not_found_is_kept_as_a_name():
    found, kept = visits("V-1;Wamen;20/08/2024;;Kota Bandung;Kec. Sukajadi;;;",
                         "V-2;Wamen;20/08/2024;;Kota Bandung;Gedung Sate;;;")
    assert found.data["stop"].region_code.startswith("32.73.") and found.data["stop"].place_name == "Kec. Sukajadi"
    assert kept.data["stop"].region_code == "32.73" and kept.data["stop"].place_name == "Gedung Sate"
    assert kept.warnings == []


def test_the_rows_of_one_visit_stand_or_fall_together():
    ok, broken, other = visits("V-1;Wamen;20/08/2024;09.00;Kota Bandung;;;;",
                               "V-1;Wamen;21/08/2024;jam berapa;Kota Bandung;;;;",
                               "V-2;Wamen;20/08/2024;09.00;Kota Bandung;;;;")
    assert broken.data is None and broken.errors
    assert ok.data is None and keys(ok) == ["visit.row_rejected"] and ok.errors[0].params == {"ref": "V-1"}
    assert other.data is not None and other.errors == []


def test_the_rows_of_one_visit_must_agree_on_the_official_and_ministry():
    first, second, third = visits("V-1;Wamen A;20/08/2024;09.00;Kota Bandung;;;;",
                                  "V-1;Wamen B;21/08/2024;09.00;Kota Bandung;;;;",
                                  "V-1;Wamen A;22/08/2024;09.00;Kota Bandung;;;;")
    assert all(r.data is None for r in (first, second, third))
    assert keys(second) == ["visit.conflict"] and second.errors[0].params == {"ref": "V-1", "field": "pejabat"}
    assert keys(first) == ["visit.conflict"] and first.errors[0].params["field"] == "pejabat/kementerian"


def test_rows_of_one_visit_are_grouped_into_its_stops_in_file_order():
    parsed = visits("V-0;Wamen;20/08/2024;jam berapa;Kota Bandung;;;;",
                    "V-1;Wamen;20/08/2024;13.00-15.00;Kota Bandung;;Rapat;Pariwisata;Bupati",
                    "V-1;Wamen;20/08/2024;09.00;Kab. Bandung;;Kunjungan;UMKM;Camat",
                    "V-1;Wamen;20/08/2024;16.00-17.00;Kota Cimahi;;Rapat;Pariwisata;Bupati",
                    "V-2;Wamen;21/08/2024;09.00;Kota Cimahi;;;;")
    grouped = rows._group_visits(parsed)
    assert list(grouped) == ["V-1", "V-2"]  # V-0 is rejected: no visit, and the rows after it still count
    v = grouped["V-1"]
    assert [s.region_code for s in v.stops] == ["32.73", "32.04", "32.77"]
    assert v.start_at.hour == 9 and v.end_at.hour == 17
    assert v.focus_sectors == sorted(set(v.focus_sectors)) and len(v.focus_sectors) == 2
    assert v.agenda == "Rapat\nKunjungan" and v.people_met == "Bupati\nCamat"
    assert v.official_role == "Wamen" and v.time_zone == "WIB"
    assert grouped["V-2"].end_at is None
    alone = rows._group_visits(visits("V-3;Wakil Menteri Desa;22/08/2024;09.00-10.00;Kota Cimahi;;Rapat;;Lurah"))
    v3 = alone["V-3"]
    assert (v3.ref, v3.ministry, v3.agenda, v3.people_met) == ("V-3", "Kementerian Desa", "Rapat", "Lurah")
    assert v3.end_at == v3.stops[0].end_at and v3.end_at.hour == 10


def test_a_place_found_says_what_it_was_read_as_and_whether_it_is_a_village_or_a_district():
    from geo.regions import lookup, places

    district = lookup.get(visits("V-1;Wamen;20/08/2024;;Kota Bandung;Kec. Sukajadi;;;")[0].data["stop"].region_code)
    village = next(v for v in lookup.children(district.code) if places.find_place(v.name, "32.73").status == "exact")
    found_district, found_village = visits(f"V-1;Wamen;20/08/2024;;Kota Bandung;Kec. {district.name};;;",
                                           f"V-1;Wamen;20/08/2024;;Kota Bandung;{village.name};;;")
    for row, code, key in ((found_district, district.code, "importer.how.place_district"),
                           (found_village, village.code, "importer.how.place_village")):
        [reading] = [a for a in row.read_as if a.field == "place_name"]
        assert (reading.kind, reading.value, row.data["stop"].region_code) == ("region", code, code)
        assert reading.written == row.data["stop"].place_name
        assert [(n.key, dict(n.params)) for n in reading.how] == [(key, {"region": "Kota Bandung (32.73)"})]
    # inside a district, its villages are looked for too
    [in_district] = visits(f"V-1;Wamen;20/08/2024;;{district.code};{village.name};;;",
                           header="Kode Kunjungan;Pejabat;Tanggal;Waktu;Kode Wilayah;Lokasi;Agenda;Bidang;Narasumber")
    assert in_district.data["stop"].region_code == village.code


def test_a_place_in_a_province_wide_stop_is_kept_as_a_name_only():
    [r] = visits("V-1;Wamen;20/08/2024;;Jawa Barat;Gedung Sate;;;")
    assert r.data["stop"].region_code == "32" and r.data["stop"].place_name == "Gedung Sate"
    assert not any(a.field == "place_name" for a in r.read_as)


def test_coordinates_outside_the_region_name_the_point_the_distance_and_the_region():
    from geo.regions import coordinates

    [r] = visits("V-1;Wamen;20/08/2024;Kota Bandung;-2,51234567;140,71234567",
                 header="Kode Kunjungan;Pejabat;Tanggal;Wilayah;Lintang;Bujur")
    check = coordinates.check_point("32.73", -2.51234567, 140.71234567)
    assert r.warnings[0].params == {"lat": "-2.512346", "lon": "140.712346", "km": f"{round(check.distance_km)}",
                                    "region": "Kota Bandung (32.73)"}


def test_a_visit_whose_stops_have_no_end_time_has_no_end():
    grouped = rows._group_visits(visits("V-1;Wamen;20/08/2024;09.00;Kota Bandung;;;;",
                                        "V-1;Wamen;20/08/2024;13.00;Kab. Bandung;;;;"))
    assert grouped["V-1"].end_at is None and len(grouped["V-1"].stops) == 2


def test_a_place_named_by_several_villages_or_by_none_warns_and_the_stop_keeps_its_regency():
    several, none = visits("V-1;Wamen;20/08/2024;;Kabupaten Bogor;Desa Nagrak;;;",
                           "V-2;Wamen;20/08/2024;;Kabupaten Bandung;Desa Cigadung;;;")
    assert several.data["stop"].region_code == "32.01" and [w.key for w in several.warnings] == ["place.ambiguous"]
    params = several.warnings[0].params
    assert params["place"] == "Desa Nagrak" and params["region"] == "Kabupaten Bogor (32.01)"
    assert params["candidates"].count("(32.01.") >= 2 and "Nagrak (32.01." in params["candidates"]
    assert none.data["stop"].region_code == "32.04" and [w.key for w in none.warnings] == ["place.not_found"]
    assert none.warnings[0].params == {"place": "Desa Cigadung", "region": "Kabupaten Bandung (32.04)"}
    for row, code in ((several, "32.01"), (none, "32.04")):
        [reading] = [a for a in row.read_as if a.field == "place_name"]
        assert (reading.kind, reading.value, [n.key for n in reading.how]) == ("region", code,
                                                                               ["importer.how.place_kept"])


def test_coordinates_say_what_they_were_read_as_and_a_swapped_pair_names_both_readings():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Lintang;Bujur"
    ok, swapped, half = visits("V-1;Wamen;20/08/2024;Kota Bandung;-6,9175;107,6191",
                               "V-2;Wamen;20/08/2024;Kota Bandung;107,61912345;-6,91751234",
                               "V-3;Wamen;20/08/2024;Kota Bandung;-6,9175;", header=header)
    [plain] = [a for a in ok.read_as if a.field == "coordinates"]
    assert (plain.written, plain.kind, plain.value, plain.how) == ("-6,9175, 107,6191", "coordinates",
                                                                    (-6.9175, 107.6191), ())
    [turned] = [a for a in swapped.read_as if a.field == "coordinates"]
    assert (turned.written, turned.kind, turned.value) == ("107,61912345, -6,91751234", "coordinates",
                                                           (-6.91751234, 107.61912345))
    assert [n.key for n in turned.how] == ["importer.how.swapped"]
    assert swapped.warnings[0].params == {"text": "107,61912345, -6,91751234", "lat": "-6.917512", "lon": "107.619123"}
    assert keys(half) == ["coords.bad"] and half.errors[0].params == {"text": "-6,9175, "}
    [none] = visits("V-4;Wamen;20/08/2024;Kota Bandung;;", header=header)
    assert none.errors == [] and (none.data["stop"].lat, none.data["stop"].lon) == (None, None)
    assert not any(a.field == "coordinates" for a in none.read_as)


# ---------------------------------------------------------------------- rules the mutation run found unchecked


def test_a_row_with_an_empty_parties_cell_is_rejected_naming_the_column():
    [r] = agreements("1/KB/2024;Judul;;12/03/2024")
    assert keys(r) == ["field.required"] and r.errors[0].params == {"field": "pihak"} and r.data is None


def test_a_party_found_through_the_province_it_was_in_keeps_the_cell_as_written_and_says_how_it_was_read():
    header = "Nomor Dokumen;Judul;Pihak;Provinsi;Tanggal Penandatanganan"
    [r] = agreements("1/KB/2024;Judul;Kab. Merauke, Kota Bandung;Papua;12/03/2024", header=header)
    assert [(p.region_code, p.as_written) for p in r.data.parties] == [("93.01", "Kab. Merauke, Papua"),
                                                                       ("32.73", None)]
    parties = [a for a in r.read_as if a.field == "parties"]
    assert [(a.written, a.value) for a in parties] == [("Kab. Merauke, Papua", "93.01"), ("Kota Bandung", "32.73")]
    assert [n.key for n in parties[0].how] == ["regions.note.old_province"] and parties[1].how == ()
    [plain] = agreements("1/KB/2024;Judul;Kab. Merauke, Kota Bandung;12/03/2024")  # no province: today's name
    assert [(p.region_code, p.as_written) for p in plain.data.parties] == [("93.01", None), ("32.73", None)]


def test_a_village_as_a_party_is_refused_naming_it():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, 32.73.01.1001;12/03/2024")
    [err] = [e for e in r.errors if e.key == "region.level"]
    assert err.params == {"text": "32.73.01.1001"}


def test_an_unknown_term_is_flagged_with_the_label_as_written():
    vocab = rows._Vocab(vocabularies.defaults())
    key = vocab.key("sector", "Ekonomi Bulan")
    assert key == vocabularies.slug("sector", "Ekonomi Bulan") and vocab.read_as == []
    assert [(w.key, w.params) for w in vocab.warnings] == [("vocabulary.review.sector", {"text": "Ekonomi Bulan"})]
    assert vocab.new_terms == {("sector", key): "Ekonomi Bulan"}


def test_a_term_written_as_its_label_in_either_language_or_as_its_key_is_not_read_as_anything_else():
    known = vocabularies.defaults()
    [(key, labels)] = [(k, v) for k, v in known.labels("sector").items() if k == "pariwisata"]
    vocab = rows._Vocab(known)
    for written in (labels["id"], labels["en"].upper(), key):
        assert vocab.key("sector", written) == key
    assert vocab.read_as == [] and vocab.warnings == []


def test_a_term_known_by_an_alias_says_what_it_was_read_as_with_the_terms_labels():
    known = vocabularies.defaults()
    vocab = rows._Vocab(known)
    key = vocab.key("sector", "SDM")
    assert key is not None and key != vocabularies.slug("sector", "SDM")
    [reading] = vocab.read_as
    assert (reading.field, reading.written, reading.kind, reading.value) == ("sector", "SDM", "term",
                                                                             known.labels("sector")[key])


def test_an_alias_to_a_key_without_labels_reads_as_the_key_in_both_languages():
    known = vocabularies.defaults()
    known.names["sector"]["kopi"] = "kopi_lokal"  # an alias row naming a key no term has
    known.names["sector"]["kopi lokal"] = "kopi_lokal"
    vocab = rows._Vocab(known)
    assert vocab.key("sector", "Kopi") == "kopi_lokal"
    assert [(a.written, a.value) for a in vocab.read_as] == [("Kopi", {"id": "kopi_lokal", "en": "kopi_lokal"})]
    assert vocab.key("sector", "kopi_lokal") == "kopi_lokal" and len(vocab.read_as) == 1  # the key itself


def test_a_known_term_waiting_for_review_warns_once_per_way_it_is_written():
    known = vocabularies.defaults()
    known.terms["sector"]["ekonomi_bulan"] = {"id": "Ekonomi Bulan", "en": "Moon Economy"}
    known.names["sector"].update({"ekonomi bulan": "ekonomi_bulan", "moon economy": "ekonomi_bulan"})
    known.review["sector"] = {*known.review["sector"], "ekonomi_bulan"}
    vocab = rows._Vocab(known)
    for written in ("Ekonomi Bulan", "Ekonomi Bulan", "Moon Economy"):
        assert vocab.key("sector", written) == "ekonomi_bulan"
    assert [(w.key, w.params) for w in vocab.warnings] == [("vocabulary.review.sector", {"text": "Ekonomi Bulan"}),
                                                           ("vocabulary.review.sector", {"text": "Moon Economy"})]
    assert vocab.new_terms == {}


def test_a_visit_region_needing_its_province_is_found_with_it_and_kept_as_written():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Provinsi"
    district, unknown, moved = visits("V-1;Wamen;20/08/2024;Coblong;Jawa Barat", "V-2;Wamen;20/08/2024;Coblong;",
                                      "V-3;Wamen;20/08/2024;Merauke;Papua", header=header)
    assert district.data["stop"].region_code == "32.73.02" and district.data["stop"].as_written is None
    assert keys(unknown) == ["region.unknown"]
    assert moved.data["stop"].region_code == "93.01" and moved.data["stop"].as_written == "Merauke, Papua"


def test_a_visits_region_columns_each_say_what_they_were_read_as_and_the_first_read_otherwise_is_kept():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Kode Wilayah;Kode BPS"
    [r] = visits("V-1;Wamen;20/08/2024;Kab. Bandug;32.04;3204", header=header)
    assert r.data["stop"].region_code == "32.04" and r.data["stop"].as_written == "Kab. Bandug"
    regions = [(a.field, a.written, a.value) for a in r.read_as if a.kind == "region"]
    assert regions == [("region", "Kab. Bandug", "32.04"), ("region_kemendagri", "32.04", "32.04"),
                       ("region_bps", "3204", "32.04")]
    [exact] = visits("V-1;Wamen;20/08/2024;Kabupaten Bandung;32.04;", header=header)
    assert exact.data["stop"].as_written is None


def test_region_columns_that_disagree_name_each_cell_and_the_region_it_means():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Kode Wilayah;Kode BPS"
    [r] = visits("V-1;Wamen;20/08/2024;Kota Bandung;32.04;3273", header=header)
    assert r.errors[0].params == {"regions": "Kota Bandung → Kota Bandung (32.73); 32.04 → Kabupaten Bandung (32.04); "
                                             "3273 → Kota Bandung (32.73)"}


def test_a_place_named_by_many_villages_lists_the_first_six_with_their_districts():
    from geo.regions import lookup, places

    [r] = visits("V-1;Wamen;20/08/2024;;Kabupaten Garut;Desa Mekarsari;;;")
    found = places.find_place("Desa Mekarsari", "32.05")
    assert len(found.candidates) > 6
    assert r.warnings[0].params["candidates"] == ", ".join(
        f"{name} ({c}, {lookup.parent(c).name})" for c, name in found.candidates[:6])
    [kept] = [a for a in r.read_as if a.field == "place_name"]
    assert kept.written == "Desa Mekarsari"


def test_a_latitude_missing_beside_a_longitude_is_refused_naming_both_cells():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Lintang;Bujur"
    lon_only, lat_only, far = visits("V-1;Wamen;20/08/2024;Kota Bandung;;107,6191",
                                     "V-2;Wamen;20/08/2024;Kota Bandung;-6,9175;",
                                     "V-3;Wamen;20/08/2024;Kota Bandung;60;10", header=header)
    assert keys(lon_only) == ["coords.bad"] and lon_only.errors[0].params == {"text": ", 107,6191"}
    assert keys(lat_only) == ["coords.bad"] and lat_only.errors[0].params == {"text": "-6,9175, "}
    assert far.errors[0].params == {"text": "60, 10"}


def test_a_visit_row_is_rejected_with_each_of_its_reasons():
    header = "Kode Kunjungan;Pejabat;Tanggal;Waktu;Wilayah;Tujuan"
    bad_time, bad_date, bad_goal = visits("V-1;Wamen;20/08/2024;25.00;Kota Bandung;",
                                          "V-2;Wamen;32/08/2024;09.00;Kota Bandung;",
                                          "V-3;Wamen;20/08/2024;09.00;Kota Bandung;bukan tujuan", header=header)
    assert keys(bad_time) == ["time.bad"] and bad_time.errors[0].params == {"text": "25.00"}
    assert keys(bad_date) and keys(bad_date)[0].startswith("date") and bad_date.data is None
    assert [(e.key, e.params) for e in bad_goal.errors] == [("goal.bad", {"text": "bukan tujuan"})]


def test_a_visits_goals_are_read_by_label_or_alias_and_kept_in_order_without_repeats():
    header = "Kode Kunjungan;Pejabat;Tanggal;Waktu;Wilayah;Tujuan;Bidang"
    parsed = visits('V-1;Wamen;20/08/2024;09.00;Kota Bandung;"Sumber Daya Manusia; ekonomi kreatif";Pariwisata',
                    'V-1;Wamen;20/08/2024;13.00;Kab. Bandung;"SDM; Ekonomi Kreatif";UMKM', header=header)
    assert parsed[0].data["goals"] == ["sdm", "ekonomi_kreatif"] and parsed[1].data["goals"] == ["sdm",
                                                                                                 "ekonomi_kreatif"]
    grouped = rows._group_visits(parsed)["V-1"]
    assert grouped.goals == ["sdm", "ekonomi_kreatif"]
    alone = rows._group_visits(parsed[:1])["V-1"]
    assert alone.goals == ["sdm", "ekonomi_kreatif"] and alone.focus_sectors == ["pariwisata"]
    other = rows._group_visits(visits('V-2;Wamen;20/08/2024;09.00;Kota Bandung;Ekonomi Kreatif;', header=header) +
                               visits('V-2;Wamen;20/08/2024;13.00;Kab. Bandung;"SDM";', header=header))["V-2"]
    assert other.goals == ["ekonomi_kreatif", "sdm"]


def test_a_visit_without_a_time_starts_at_midnight_and_its_ministry_column_wins_over_the_officials_title():
    header = "Kode Kunjungan;Pejabat;Tanggal;Wilayah;Kementerian"
    timeless, named = visits("V-1;Wakil Menteri Desa;20/08/2024;Kota Bandung;",
                             "V-2;Wakil Menteri Desa;20/08/2024;Kota Bandung;Kementerian Lain", header=header)
    assert timeless.data["stop"].start_at == dt.datetime(2024, 8, 20, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert timeless.data["ministry"] == "Kementerian Desa" and named.data["ministry"] == "Kementerian Lain"


def test_a_weekday_that_contradicts_a_visits_date_is_a_warning_and_the_row_comes_in():
    [r] = visits("V-1;Wamen;Senin, 20 Agustus 2024;09.00;Kota Bandung;;;;")
    assert r.data is not None and [w.key for w in r.warnings] == ["date.weekday"]


def _region_rows(*lines: str) -> list[rows.RowResult]:
    return visits(*lines, header="Kode Kunjungan;Pejabat;Tanggal;Wilayah;Provinsi")


def _outcome(r: rows.RowResult):
    return r.data["stop"].region_code if r.data else [(e.key, e.params) for e in r.errors]


def test_a_region_name_several_provinces_share_is_narrowed_by_the_province_column():
    here, fuzzy, several, none = _region_rows("V-1;Wamen;20/08/2024;Kec. Karanganyar;Jawa Timur",
                                              "V-2;Wamen;20/08/2024;Kec. Karanganyarr;Jawa Timur",
                                              "V-3;Wamen;20/08/2024;Kec. Karanganyar;Jawa Tengah",
                                              "V-4;Wamen;20/08/2024;Kec. Karanganyar;Papua")
    assert _outcome(here) == "35.21.17" and _outcome(fuzzy) == "35.21.17"
    in_province = [e.params for e in several.errors if e.key == "region.ambiguous"]
    assert in_province == [{"text": "Kec. Karanganyar", "candidates": rows._candidates_text(
        resolver.resolve("Kec. Karanganyar", province="Jawa Tengah"))}]
    assert "(35.21.17)" not in in_province[0]["candidates"] and in_province[0]["candidates"].count("(33.") == 5
    assert _outcome(none) == [("region.ambiguous", {"text": "Kec. Karanganyar", "candidates": rows._candidates_text(
        resolver.resolve("Kec. Karanganyar"))})]  # no such district in Papua: the six the name means


def test_a_name_that_means_two_regions_is_refused_naming_its_candidates():
    [r] = _region_rows("V-1;Wamen;20/08/2024;Bandung;")
    assert _outcome(r) == [("region.ambiguous", {"text": "Bandung",
                                                 "candidates": "Kabupaten Bandung (32.04), Kota Bandung (32.73)"})]


def test_a_bare_number_meaning_two_regions_is_refused_naming_the_number():
    [r] = visits("V-1;Wamen;20/08/2024;1101", header="Kode Kunjungan;Pejabat;Tanggal;Wilayah")
    [err] = r.errors
    assert err.key == "region.code_ambiguous" and err.params["text"] == "1101" and len(err.params) == 3


def test_a_district_or_village_without_its_kind_word_is_found_inside_the_stated_province():
    district, village, fuzzy, namesake, elsewhere = _region_rows(
        "V-1;Wamen;20/08/2024;Coblong;Jawa Barat", "V-2;Wamen;20/08/2024;Lebak Siliwangi;Jawa Barat",
        "V-3;Wamen;20/08/2024;Bojongloa Kidull;Jawa Barat", "V-4;Wamen;20/08/2024;Kota Baru;Jawa Barat",
        "V-5;Wamen;20/08/2024;Lebak Siliwangi;Papua")
    assert (_outcome(district), _outcome(village), _outcome(fuzzy)) == ("32.73.02", "32.73.02.1006", "32.73.17")
    assert _outcome(namesake) == "32.15.25"  # three districts are called Kota Baru; one in Jawa Barat
    assert [k for k, _ in _outcome(elsewhere)] == ["region.unknown"]
    readings = [a for a in village.read_as if a.kind == "region"]
    assert [(a.field, a.written, a.value) for a in readings] == [("region", "Lebak Siliwangi", "32.73.02.1006")]


def test_a_region_written_with_a_district_or_village_word_is_looked_for_at_that_level_only():
    district_word, village_word, unknown_district, unknown_village = _region_rows(
        "V-1;Wamen;20/08/2024;Kec. Upak I;Sumatera Utara",  # not the village Kecupak I
        "V-2;Wamen;20/08/2024;Kel. Iling Danau;Jambi",  # not the district Keliling Danau
        "V-3;Wamen;20/08/2024;Kec. Tidakada;Jawa Barat", "V-4;Wamen;20/08/2024;Desa Tidakada;Jawa Barat")
    for row in (district_word, village_word, unknown_district, unknown_village):
        assert row.data is None and keys(row)[0].startswith("region.unknown")


def test_a_bps_code_says_it_was_read_as_one():
    [r] = visits("V-1;Wamen;20/08/2024;3204", header="Kode Kunjungan;Pejabat;Tanggal;Kode BPS")
    [reading] = [a for a in r.read_as if a.kind == "region"]
    assert (reading.field, reading.value) == ("region_bps", "32.04")
    assert [(n.key, dict(n.params)) for n in reading.how] == [("importer.how.bps", {"code": "3204"})]


def test_a_region_named_exactly_stays_itself_whatever_close_name_the_stated_province_holds():
    bandung, riau = _region_rows("V-1;Wamen;20/08/2024;Kabupaten Bandung;Bali",  # Bali holds Kabupaten Badung
                                 "V-2;Wamen;20/08/2024;Riau;Kepulauan Riau")
    assert (_outcome(bandung), _outcome(riau)) == ("32.04", "14")
    assert bandung.data["stop"].as_written is None


def test_a_date_and_a_coordinate_pair_are_kept_as_written_without_surrounding_spaces():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;  Senin, 12 Maret 2024 ")
    [reading] = [a for a in r.read_as if a.field == "signed_on"]
    assert reading.written == "Senin, 12 Maret 2024"
    [v] = visits("V-1;Wamen;20/08/2024;Kota Bandung; -6,9175 ;107,6191  ",
                 header="Kode Kunjungan;Pejabat;Tanggal;Wilayah;Lintang;Bujur")
    [coords] = [a for a in v.read_as if a.field == "coordinates"]
    assert coords.written == "-6,9175, 107,6191"


def test_a_cell_that_is_no_text_is_read_as_it_is():
    from geo.importer.files import Table

    table = Table(headers=["Nomor Dokumen", "Judul", "Pihak", "Tanggal Penandatanganan", "Nilai"],
                  rows=[{"Nomor Dokumen": "1/KB/2024", "Judul": "Judul", "Pihak": "Kota Bandung, Kab. Bandung",
                         "Tanggal Penandatanganan": dt.date(2024, 3, 12), "Nilai": 1500000}])
    [r] = rows.parse_rows(map_headers(table, "agreements"), "agreements")
    assert r.errors == [] and r.data.signed_on == dt.date(2024, 3, 12) and r.data.value_idr == 1_500_000


def test_a_district_or_village_namesakes_inside_the_province_are_refused_naming_them():
    from geo.regions import lookup

    [r] = _region_rows("V-1;Wamen;20/08/2024;Dago;Jawa Barat")
    [err] = r.errors
    assert err.key == "region.ambiguous" and err.params["text"] == "Dago"
    assert err.params["candidates"] == rows._candidates_text(lookup.resolve("Dago", province="Jawa Barat",
                                                                           level="village"))


def test_a_partner_close_to_a_regions_name_is_refused_as_a_possible_region_and_a_far_one_is_a_partner():
    from geo.regions import bps

    [r] = agreements("1/KB/2024;Judul;qqqn Komering Ulu Timur, Universitas Padjadjaran;12/03/2024")
    assert bps.resolve("qqqn Komering Ulu Timur").candidates[0].score == 85.0
    [err] = r.errors
    assert (err.key, err.params) == ("region.unknown_hint", {"text": "qqqn Komering Ulu Timur", "candidates":
                                                             "Kabupaten Ogan Komering Ulu Timur (16.08)"})
    [partner] = agreements("1/KB/2024;Judul;qqqq Komering Ulu Timur, Kota Bandung;12/03/2024")
    assert partner.errors == [] and partner.data.parties[0].partner_name == "qqqq Komering Ulu Timur"


def test_a_party_written_as_a_region_that_is_none_is_refused_naming_it():
    [r] = agreements("1/KB/2024;Judul;Kabupaten Tidakada, Kota Bandung;12/03/2024")
    assert [(e.key, e.params) for e in r.errors] == [("region.unknown", {"text": "Kabupaten Tidakada"})]


def test_a_visits_unknown_or_aliased_focus_sector_is_flagged_on_its_row():
    [r] = visits("V-1;Wamen;20/08/2024;09.00;Kota Bandung;;;\"Ekonomi Bulan; SDM\";")
    key = vocabularies.slug("sector", "Ekonomi Bulan")
    assert r.data["sectors"][0] == key and [w.key for w in r.warnings] == ["vocabulary.review.sector"]
    assert r.new_terms == {("sector", key): "Ekonomi Bulan"}
    assert [a.written for a in r.read_as if a.kind == "term"] == ["SDM"]


def test_a_row_with_text_no_database_column_holds_is_rejected():
    [long_number, fits] = agreements(f"{'1' * 201};Judul;Kota Bandung, Kab. Bandung;12/03/2024",
                                     f"{'2' * 200};Judul;Kota Bandung, Kab. Bandung;12/03/2024")
    assert keys(long_number) == ["field.too_long"] and long_number.data is None
    assert long_number.errors[0].params == {"field": "nomor dokumen", "n": 200}
    assert fits.errors == [] and fits.data is not None
    [v] = visits(f"{'V' * 101};Wamen;20/08/2024;09.00;Kota Bandung;;;;")
    assert v.data is None and keys(v) == ["field.too_long"]


def test_the_rows_of_one_visit_are_checked_for_agreement_past_a_rejected_row_and_apart_from_other_visits():
    header = "Kode Kunjungan;Pejabat;Kementerian;Tanggal;Wilayah"
    bad, first, second, other = visits("V-0;Wamen A;;32/08/2024;Kota Bandung",
                                       "V-1;Wamen A;Kementerian X;20/08/2024;Kota Bandung",
                                       "V-1;Wamen A;Kementerian Y;21/08/2024;Kota Bandung",
                                       "V-2;Wamen B;Kementerian Z;21/08/2024;Kota Bandung", header=header)
    assert bad.data is None and first.data is None and second.data is None
    assert second.errors[0].params == {"ref": "V-1", "field": "kementerian"}
    assert first.errors[0].params == {"ref": "V-1", "field": "pejabat/kementerian"}
    assert other.errors == [] and other.data is not None


def test_a_visit_row_with_extra_cells_keeps_its_reference_as_key():
    [r] = visits("V-9;Wamen;20/08/2024;09.00;Kota Bandung;;;;;lebih")
    assert keys(r) == ["row.extra_cells"] and r.key == "V-9"


def test_namesakes_inside_the_province_are_the_candidates_named_not_the_first_five_anywhere():
    [r] = _region_rows("V-1;Wamen;20/08/2024;Kec. Wonosari;Jawa Timur")  # five districts; two in Jawa Timur
    [err] = r.errors
    assert (err.key, err.params["candidates"]) == ("region.ambiguous", "Wonosari (35.07.32), Wonosari (35.11.09)")


def test_obstacles_come_with_their_notes_and_an_unknown_one_is_flagged():
    header = AGREEMENT_HEADER + ";Hambatan;Keterangan Hambatan"
    [r] = agreements('1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;"Anggaran; Banjir Rob";dana belum cair',
                     header=header)
    known = vocabularies.defaults().key_for("obstacle", "Anggaran")
    flood = vocabularies.slug("obstacle", "Banjir Rob")
    assert known is not None and r.data.obstacles == sorted({(known, "dana belum cair"), (flood, "dana belum cair")})
    assert [w.key for w in r.warnings] == ["vocabulary.review.obstacle"]
    assert r.new_terms == {("obstacle", flood): "Banjir Rob"}
    [plain] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024")
    assert plain.data.obstacles == []


def test_an_amount_says_what_it_was_read_as():
    [r] = agreements("1/KB/2024;Judul;Kota Bandung, Kab. Bandung;12/03/2024;Rp 1,5 miliar",
                     header=AGREEMENT_HEADER + ";Nilai")
    [amount] = [a for a in r.read_as if a.kind == "amount"]
    assert (amount.field, amount.written, amount.value) == ("value_idr", "Rp 1,5 miliar", 1_500_000_000)
    assert None not in r.read_as
