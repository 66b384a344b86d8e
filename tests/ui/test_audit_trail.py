"""The audit trail as the Data page lists it (``ui.audit_trail``): every piece escaped for markdown, at most a
given number of entries, file names safe whatever the record key."""

import datetime as dt

import pandas as pd

from geo.records import audit_text
from ui import audit_trail


def _trail(title: str, n: int = 1) -> pd.DataFrame:
    entries = pd.DataFrame([{"at": dt.datetime(2026, 11, 30, 3, i, tzinfo=dt.timezone.utc), "actor": "budi",
                             "action": "update", "record_type": "agreement", "record_key": f"KB/{i:03d}/2024",
                             "changes": {"title": ["Lama", title]}} for i in range(n)])
    return audit_text.trail_frame(entries, "id")


def test_html_and_markdown_in_a_title_reach_the_page_escaped():
    shown = audit_trail.trail_markdown(_trail('<script>alert("x")</script> ![i](http://evil/x.png)'))
    assert "<script>" not in shown and "![" not in shown
    assert "\\<script\\>" in shown and "\\!\\[i\\]\\(http\\:" in shown


def test_the_list_shows_the_time_in_wib_and_the_sentence_and_stops_at_the_limit():
    shown = audit_trail.trail_markdown(_trail("Baru", n=5), limit=3).split("\n")
    assert len(shown) == 3
    assert shown[0] == ("- **Senin, 30/11/2026 10\\.00 WIB** — budi mengubah judul kerja sama KB/000/2024 dari "
                        "“Lama” menjadi “Baru”")


def test_the_download_frame_carries_the_sentence_and_the_raw_fields():
    trail = _trail("Baru")
    assert trail.iloc[0].to_dict() == {
        "when": "Senin, 30/11/2026 10.00 WIB",
        "sentence": "budi mengubah judul kerja sama KB/000/2024 dari “Lama” menjadi “Baru”",
        "at_utc": "2026-11-30T03:00:00+00:00", "actor": "budi", "action": "update", "record_type": "agreement",
        "record_key": "KB/000/2024", "changes": '{"title": ["Lama", "Baru"]}'}


def test_a_record_key_becomes_a_safe_file_name():
    assert audit_trail.file_name("riwayat_agreement_KB/001/2024") == "riwayat_agreement_KB_001_2024"
    assert audit_trail.file_name("../..") == "riwayat"
