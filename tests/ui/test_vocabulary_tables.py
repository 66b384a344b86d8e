"""Tables on the Data and region pages show the labels of the database's terms (ui.record_tables with the current
vocabularies): a renamed term in the page's language, a label an import kept as written, a stale key as written."""

import pandas as pd

from geo.records import vocabularies
from tests.conftest import ADMIN
from ui import record_tables


def test_tables_show_the_databases_labels_and_a_key_no_term_has_as_written(sqlite_engine):
    vocabularies.rename(sqlite_engine, ADMIN, "sector", "umkm", "UMKM dan Koperasi", "Cooperatives and SMEs")
    vocabularies.add_term(sqlite_engine, ADMIN, "obstacle", "Cuaca", "Weather")
    known = vocabularies.current(sqlite_engine)
    frame = pd.DataFrame({"doc_number": ["1/KB"], "type": ["KB"], "status": ["berjalan"],
                          "sectors": [["umkm", "sektor_lama"]], "parties": [["Kota Bandung", "Kab. Bandung"]],
                          "obstacles": [["cuaca"]]})
    row = record_tables.agreements_table(frame, known).iloc[0]
    assert row["sectors"] == "UMKM dan Koperasi, sektor_lama" and row["obstacles"] == "Cuaca"
    visits = pd.DataFrame({"ref": ["K-1"], "local_start": ["02/09/2024"], "places": [["Bandung"]],
                           "focus_sectors": [["umkm"]]})
    assert record_tables.visits_table(visits, known).iloc[0]["focus_sectors"] == "UMKM dan Koperasi"
