"""The briefing's tables show every cell as written: escaped, never Markdown, line breaks kept."""

import pandas as pd

from ui import text_table


def test_an_agenda_with_markdown_and_markup_is_escaped_and_keeps_its_line_break_in_one_line_of_html():
    frame = pd.DataFrame([["1. Rapat\n2) Kunjungan *pasar*", '<img src=x onerror="alert(1)"> & [x](http://a)']],
                         columns=["Agenda", "Catatan <b>"])
    markup = text_table.markup(frame)
    assert "\n" not in markup  # one line: no blank line can end an HTML block, whatever the cell holds
    assert "<td>1. Rapat&#10;2) Kunjungan *pasar*</td>" in markup
    assert "<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; [x](http://a)</td>" in markup
    assert "<th>Catatan &lt;b&gt;</th>" in markup and "<img" not in markup and "<b>" not in markup


def test_missing_values_are_empty_cells_and_numbers_are_shown_as_they_are():
    frame = pd.DataFrame({"a": [None, float("nan"), 3], "b": [pd.NaT, "x", "1.393"]})
    assert text_table.markup(frame).count("<td></td>") == 3
    assert "<td>3.0</td>" in text_table.markup(frame) and "<td>1.393</td>" in text_table.markup(frame)
    assert text_table.cell_text(0) == "0" and text_table.cell_text("") == ""
