"""Importing files whose sectors, types and obstacles the vocabularies do not all know (issue 14): every row comes
in; the ministry's areas and common government synonyms resolve to their terms; an unknown label is kept as
written, flagged "perlu ditinjau", and made a needs-review term at commit that an admin maps once for all rows."""

from sqlalchemy import select

from geo.db import storage
from geo.db.models import Agreement, VocabularyTerm
from geo.importer import changes, files
from geo.records import vocabularies, write
from tests.conftest import ADMIN, EDITOR

HEADER = "Nomor Dokumen;Judul;Jenis;Bidang;Pihak 1;Pihak 2;Tanggal Penandatanganan;Status;Hambatan\n"

# sector as the office wrote it -> the key it must be stored under (from the ministry's list and its synonyms)
MINISTRY_AREAS = [
    ("Infrastruktur", "infrastruktur"), ("Ekonomi Kreatif", "ekonomi_kreatif"), ("SDM", "pengembangan_sdm"),
    ("Regulasi dan Perizinan", "regulasi_perizinan"), ("Perhubungan", "transportasi"), ("Pariwisata", "pariwisata"),
    ("Investasi", "investasi"), ("Pengembangan SDM", "pengembangan_sdm"), ("PUPR", "infrastruktur"),
    ("Ekraf", "ekonomi_kreatif"),
]


def _csv(rows: list[str]) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def _agreement_row(i: int, sector: str, a_type: str = "PKS", obstacle: str = "") -> str:
    return (f"{i:03d}/PKS/2024;Kerja sama nomor {i};{a_type};{sector};Kota Bandung;Kab. Bandung;"
            f"01/03/2024;Berjalan;{obstacle}")


def test_a_file_using_the_ministrys_areas_as_sectors_imports_every_row(sqlite_engine):
    table = files.read_table(_csv([_agreement_row(i, s) for i, (s, _) in enumerate(MINISTRY_AREAS, start=1)]),
                             "kerja_sama.csv")
    plan = changes.plan_import(sqlite_engine, "agreements", table)
    assert plan.counts() == {"add": 10, "update": 0, "unchanged": 0, "reject": 0}
    assert all(not r.warnings for r in plan.rows)  # every one of them is a known term or synonym
    assert changes.commit_import(sqlite_engine, plan, EDITOR)["add"] == 10
    with storage.transaction(sqlite_engine) as s:
        stored = {a.doc_number: a.sectors for a in s.scalars(select(Agreement))}
    assert stored == {f"{i:03d}/PKS/2024": [key] for i, (_, key) in enumerate(MINISTRY_AREAS, start=1)}


def test_an_unknown_sector_comes_in_flagged_and_is_mapped_once_for_all_its_rows(sqlite_engine):
    rows = [_agreement_row(1, "Pertahanan Siber"), _agreement_row(2, "pertahanan  siber | Pariwisata"),
            _agreement_row(3, "Pariwisata")]
    plan = changes.plan_import(sqlite_engine, "agreements", files.read_table(_csv(rows), "k.csv"))
    assert plan.counts()["add"] == 3 and not plan.rejected
    assert [len(r.warnings) for r in plan.rows] == [1, 1, 0]
    assert "perlu ditinjau" in plan.rows[0].warnings[0].text("id")
    assert "Pertahanan Siber" in plan.rows[0].warnings[0].text("en")
    preview = changes.preview_frame(plan, "id")
    assert "perlu ditinjau" in preview.loc[0, "warnings"] and preview.loc[2, "warnings"] == ""
    changes.commit_import(sqlite_engine, plan, EDITOR)

    with storage.transaction(sqlite_engine) as s:
        term = s.scalar(select(VocabularyTerm).where(VocabularyTerm.key == "pertahanan_siber"))
        assert (term.kind, term.label_id, term.needs_review) == ("sector", "Pertahanan Siber", True)
    assert vocabularies.review_list(sqlite_engine) == [
        {"kind": "sector", "key": "pertahanan_siber", "label": "Pertahanan Siber", "records": 2}]
    known = vocabularies.current(sqlite_engine)
    assert known.label("sector", "pertahanan_siber", "en") == "Pertahanan Siber"  # no English label yet: as written

    assert vocabularies.map_review_label(sqlite_engine, ADMIN, "sector", "pertahanan_siber", "pemerintahan") == 2
    with storage.transaction(sqlite_engine) as s:
        assert write.load_agreement(s, "001/PKS/2024").sectors == ["pemerintahan"]
        assert write.load_agreement(s, "002/PKS/2024").sectors == ["pariwisata", "pemerintahan"]
    assert vocabularies.review_list(sqlite_engine) == []
    # the next file writing the same label finds the term it was mapped onto, with no warning
    again = changes.plan_import(sqlite_engine, "agreements",
                                files.read_table(_csv([_agreement_row(4, "PERTAHANAN SIBER")]), "k.csv"))
    assert not again.rows[0].warnings and again.rows[0].data.sectors == ["pemerintahan"]


def test_an_unknown_type_and_obstacle_come_in_flagged_under_keys_that_fit_their_columns(sqlite_engine):
    row = _agreement_row(1, "Pariwisata", a_type="Nota Kesepahaman Antar Daerah", obstacle="Cuaca ekstrem")
    plan = changes.plan_import(sqlite_engine, "agreements", files.read_table(_csv([row]), "k.csv"))
    assert plan.counts()["add"] == 1
    data = plan.rows[0].data
    assert len(data.type) <= 10 and data.type.startswith("nota")
    assert data.obstacles == [("cuaca_ekstrem", "")]
    assert {w.key for w in plan.rows[0].warnings} == {"vocabulary.review.agreement_type",
                                                       "vocabulary.review.obstacle"}
    changes.commit_import(sqlite_engine, plan, EDITOR)
    review = {(r["kind"], r["label"]): r["records"] for r in vocabularies.review_list(sqlite_engine)}
    assert review == {("agreement_type", "Nota Kesepahaman Antar Daerah"): 1, ("obstacle", "Cuaca ekstrem"): 1}


def test_a_visit_with_an_unknown_focus_sector_is_kept_and_flagged(sqlite_engine):
    csv = ("Kode Kunjungan;Pejabat;Wilayah;Tanggal;Waktu;Bidang Fokus\n"
           "KJ-1;Wakil Menteri Dalam Negeri;Kota Bandung;02/09/2024;09.00 - 12.00 WIB;Ekraf, Hilirisasi\n")
    plan = changes.plan_import(sqlite_engine, "visits", files.read_table(csv.encode(), "v.csv"))
    assert plan.counts()["add"] == 1, plan.rows[0].reasons()
    assert sorted(plan.rows[0].data["sectors"]) == ["ekonomi_kreatif", "hilirisasi"]
    assert [w.params["text"] for w in plan.rows[0].warnings] == ["Hilirisasi"]


def test_a_label_awaiting_review_is_flagged_again_by_the_next_file_but_not_made_twice(sqlite_engine):
    first = changes.plan_import(sqlite_engine, "agreements",
                                files.read_table(_csv([_agreement_row(1, "Hilirisasi")]), "k.csv"))
    changes.commit_import(sqlite_engine, first, EDITOR)
    second = changes.plan_import(sqlite_engine, "agreements",
                                 files.read_table(_csv([_agreement_row(2, "HILIRISASI")]), "k.csv"))
    assert [w.key for w in second.rows[0].warnings] == ["vocabulary.review.sector"]
    assert second.rows[0].data.sectors == ["hilirisasi"] and second.rows[0].new_terms == {}
    changes.commit_import(sqlite_engine, second, EDITOR)
    assert vocabularies.review_list(sqlite_engine) == [
        {"kind": "sector", "key": "hilirisasi", "label": "Hilirisasi", "records": 2}]


def test_a_sector_read_through_a_synonym_says_what_it_was_read_as_and_an_exact_label_does_not(sqlite_engine):
    table = files.read_table(_csv([_agreement_row(1, "SDM"), _agreement_row(2, "Perhubungan"),
                                   _agreement_row(3, "Pariwisata")]), "kerja_sama.csv")
    plan = changes.plan_import(sqlite_engine, "agreements", table)
    said = {r.number: [a.text("id") for a in r.read_as if a.field == "sector"] for r in plan.rows}
    rows = sorted(said)
    assert said[rows[0]] == ["Bidang: SDM → Pengembangan SDM"]
    assert said[rows[1]] == ["Bidang: Perhubungan → Transportasi"]
    assert said[rows[2]] == []  # written as the term's own label: nothing to say
    assert [a.text("en") for a in plan.rows[0].read_as if a.field == "sector"] == ["Sector: SDM → Human resources "
                                                                                   "development"]
