"""Signed documents: plain PDFs are kept byte for byte; active ones are refused (geo.evidence.pdfs)."""

import pytest

from geo.evidence import pdfs
from geo.text.messages import UserError
from tests.evidence import hostile_files as hf


def _refusal(data: bytes) -> UserError:
    with pytest.raises(UserError) as err:
        pdfs.check(data)
    return err.value


def test_a_plain_pdf_is_accepted_and_its_pages_counted():
    assert pdfs.check(hf.plain_pdf()) == 1


def test_a_pdf_with_javascript_is_refused_and_the_message_says_why():
    err = _refusal(hf.pdf_with_javascript())
    assert err.key == "evidence.pdf_active" and "JavaScript" in err.params["what"]
    assert "bagian aktif" in err.text("id")


def test_a_pdf_with_an_embedded_file_is_refused():
    assert "EmbeddedFile" in _refusal(hf.pdf_with_embedded_file()).params["what"]


def test_a_pdf_that_launches_a_program_on_opening_is_refused_even_behind_name_escapes():
    data = hf.pdf_opening_with_launch()
    assert b"/Launch" not in data
    what = _refusal(data).params["what"]
    assert "Launch" in what and "OpenAction" in what


def test_a_pdf_opening_at_a_page_is_not_refused_for_that():
    from pypdf.generic import ArrayObject, NameObject

    w = hf.one_page_writer()
    w._root_object[NameObject("/OpenAction")] = ArrayObject([w.pages[0].indirect_reference, NameObject("/Fit")])
    assert pdfs.check(hf.written(w)) == 1


def test_a_file_that_only_says_pdf_is_refused_as_unreadable():
    assert _refusal(b"%PDF-1.7\n" + hf.SCRIPT).key == "evidence.not_pdf"
    assert _refusal(b"hello").key == "evidence.not_pdf"
