"""The agreement rule "at least two parties, one of them a region" holds for imported files, not only for the form."""


from geo.importer import changes, files

CSV = (
    "Nomor Dokumen;Judul;Pihak 1;Pihak 2;Tanggal Penandatanganan\n"
    "001/KB/2024;Satu pihak saja;Kota Bandung;;12/03/2024\n"
    "002/KB/2024;Dua daerah;Kota Bandung;Kab. Bandung;12/03/2024\n"
    "003/PKS/2024;Daerah dan universitas;Kota Bandung;Universitas Padjadjaran;12/03/2024\n"
    "004/PKS/2024;Tanpa daerah;Universitas Padjadjaran;PT Kereta Api Indonesia;12/03/2024\n"
)


def _plan(engine):
    plan = changes.plan_import(engine, "agreements", files.read_table(CSV.encode("utf-8"), "rules.csv"))
    return {r.key: r for r in plan.rows}


def test_a_row_with_a_single_region_party_is_rejected_as_too_few_parties(sqlite_engine):
    row = _plan(sqlite_engine)["001/KB/2024"]
    assert row.action == "reject" and row.data is None
    assert [e.key for e in row.errors] == ["parties.few"]
    assert "dua pihak" in row.reasons("id")


def test_two_parties_with_a_region_among_them_are_accepted_in_the_same_file(sqlite_engine):
    rows = _plan(sqlite_engine)
    for key in ("002/KB/2024", "003/PKS/2024"):
        assert rows[key].action == "add" and not rows[key].errors
    assert [p.region_code for p in rows["002/KB/2024"].data.parties] == ["32.73", "32.04"]


def test_two_parties_none_of_them_a_region_are_rejected(sqlite_engine):
    row = _plan(sqlite_engine)["004/PKS/2024"]
    assert row.action == "reject" and [e.key for e in row.errors] == ["parties.few"]
