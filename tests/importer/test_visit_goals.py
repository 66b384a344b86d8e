"""A visit file may carry the visit's goals by area (``Tujuan``): labels or aliases in either language are read as
goal areas, an unknown one rejects its visit with a reason, and a file without the column leaves the goals set in
the app alone."""

from geo.db import storage
from geo.importer import changes, files
from geo.records import write
from tests.conftest import EDITOR

HEAD = "Kode Kunjungan,Pejabat,Tanggal,Wilayah"


def _import(eng, text: str):
    plan = changes.plan_import(eng, "visits", files.read_table(text.encode(), "v.csv"))
    changes.commit_import(eng, plan, EDITOR)
    return plan


def _goals(eng, ref: str) -> list[str]:
    with storage.transaction(eng) as s:
        return write.visit_data(write.load_visit(s, ref)).goals


def test_goals_in_a_visit_file_are_read_as_goal_areas_and_an_unknown_one_rejects_the_visit(sqlite_engine):
    plan = _import(sqlite_engine, f"{HEAD},Tujuan\n"
                                  "K1,Wakil Menteri Perhubungan,2024-08-01,Kota Bandung,Infrastruktur; Sumber Daya Manusia\n"
                                  "K1,Wakil Menteri Perhubungan,2024-08-02,Kab. Bandung,ekraf\n"
                                  "K2,Wakil Menteri Perhubungan,2024-08-01,Kota Bandung,Pariwisata raya\n")
    assert _goals(sqlite_engine, "K1") == ["infrastruktur", "sdm", "ekonomi_kreatif"]
    [rejected] = plan.rejected
    assert rejected.key == "K2" and "Pariwisata raya" in rejected.reasons("id")


def test_a_visit_file_without_goals_leaves_the_goals_set_in_the_app(sqlite_engine):
    _import(sqlite_engine, f"{HEAD},Tujuan\nK1,Wakil Menteri Perhubungan,2024-08-01,Kota Bandung,Regulasi\n")
    plan = _import(sqlite_engine, f"{HEAD}\nK1,Wakil Menteri Perhubungan,2024-08-01,Kota Bandung\n")
    assert [r.action for r in plan.rows] == ["unchanged"]
    assert _goals(sqlite_engine, "K1") == ["regulasi"]
