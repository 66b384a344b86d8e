"""ui.record_tables: vocabulary keys become labels and lists become one readable cell."""

import pandas as pd

from ui import record_tables


def test_agreement_keys_become_labels_and_lists_one_cell():
    frame = pd.DataFrame({"doc_number": ["1/KB"], "type": ["KB"], "status": ["terhambat"],
                          "sectors": [["pariwisata", "perdagangan"]], "parties": [["Kota Bandung", "Kab. Bandung"]],
                          "obstacles": [["anggaran"]]})
    row = record_tables.agreements_table(frame).iloc[0]
    assert row["type"] == "Kesepakatan Bersama" and row["status"] == "Terhambat"
    assert row["sectors"] == "Pariwisata, Perdagangan" and row["parties"] == "Kota Bandung; Kab. Bandung"
    assert row["obstacles"] == "Anggaran" and row["doc_number"] == "1/KB"


def test_visits_show_their_local_start_places_and_sectors():
    frame = pd.DataFrame({"ref": ["K-1"], "local_start": ["02/09/2024 13.00"], "places": [["Makassar", "Gowa"]],
                          "focus_sectors": [["perdagangan"]]})
    row = record_tables.visits_table(frame).iloc[0]
    assert row["start_at"] == "02/09/2024 13.00" and row["places"] == "Makassar; Gowa"
    assert row["focus_sectors"] == "Perdagangan"


def test_planned_visits_list_code_official_start_and_places():
    frame = pd.DataFrame({"ref": ["RENCANA-1"], "official_role": ["Wakil Menteri"], "local_start": ["07/09/2026 09.00"],
                          "places": [["Kota Bandung", "Kota Makassar"]]})
    table = record_tables.planned_visits_table(frame)
    assert table.iloc[0].tolist() == ["RENCANA-1", "Wakil Menteri", "07/09/2026 09.00", "Kota Bandung; Kota Makassar"]
    assert len(table.columns) == 4


def test_a_party_written_the_old_way_shows_what_was_written_beside_todays_name():
    frame = pd.DataFrame({"type": ["KB"], "status": ["berjalan"], "sectors": [[]], "obstacles": [[]],
                          "parties": [["Kabupaten Merauke", "Kota Bandung"]],
                          "parties_as_written": [["Kab. Merauke, Papua", ""]]})
    shown = record_tables.agreements_table(frame)["parties"].iloc[0]
    assert shown == "Kabupaten Merauke (ditulis: Kab. Merauke, Papua); Kota Bandung"
