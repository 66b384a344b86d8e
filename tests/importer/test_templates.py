"""geo.importer.templates: the XLSX templates speak the importer's language — every header is read, and the lists
sheet names its lists by the Indonesian (or English) headers, never by internal keys."""

import io

import pytest
from openpyxl import load_workbook

from geo.importer import columns, templates
from geo.importer.files import Table


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind, headers", [("agreements", templates.AGREEMENT_TEMPLATE),
                                           ("visits", templates.VISIT_TEMPLATE)])
def test_every_template_header_is_one_the_importer_reads(kind, headers, lang):
    table = columns.map_headers(Table(headers=list(headers[lang]), rows=[]), kind)
    assert table.unknown_headers == []
    assert set(table.fields) == set(headers[lang])


def test_lists_sheet_headers_are_the_indonesian_column_headers_not_internal_keys():
    lists = load_workbook(io.BytesIO(templates.template_xlsx("agreements", "id"))).worksheets[1]
    header_row = [c.value for c in lists[1]]
    assert header_row == ["Jenis", "Status", "Hambatan", "Bidang"]
    assert not {"type", "status", "obstacle", "sector"} & set(header_row)


def test_lists_sheet_headers_are_english_in_the_english_template():
    lists = load_workbook(io.BytesIO(templates.template_xlsx("agreements", "en"))).worksheets[1]
    assert [c.value for c in lists[1]] == ["Type", "Status", "Obstacles", "Sectors"]
