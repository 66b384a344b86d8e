"""Signed documents: a PDF is accepted only when nothing in it can run or carry another file.

A signed agreement is kept byte for byte as uploaded (rewriting it would break a digital signature and change what
was signed), so a PDF that holds active content is **refused**, not rewritten; the message asks for a plain PDF
(print it to PDF again, or scan it). Checked by content, whatever the file is called:

* it starts with ``%PDF-`` (within the first 1024 bytes, as readers allow), at most ``MAX_BYTES``;
* pypdf reads it, it is not encrypted (what cannot be read cannot be checked) and it has at least one page;
* no object pypdf reaches (every object of the cross-reference table, compressed object streams included) and no
  name written anywhere in the raw bytes (``#xx`` escapes decoded, which also catches objects a reader would only
  find by rebuilding a broken table) is one of ``ACTIVE_NAMES``: JavaScript, actions that launch programs, submit
  or import data, embedded files, rich media, XFA forms, and additional actions (``/AA``);
* ``/OpenAction`` is allowed only as what scanners and office programs write — a destination (open at a page) or a
  ``/GoTo`` action; any other open action (JavaScript, Launch, URI …) is refused.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from geo.text.messages import UserError

MAX_BYTES = 20 * 1024 * 1024
ACTIVE_NAMES = frozenset({"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia",
                          "RichMediaExecute", "XFA", "SubmitForm", "ImportData", "GoToE", "AA", "Sound", "Movie"})
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _raw_names(data: bytes) -> set[str]:
    """Every name written in the file's bytes, ``#xx`` escapes decoded (``/J#61vaScript`` is ``JavaScript``)."""
    return {_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name).decode("latin-1")
            for name in _NAME.findall(data)}


def _bad_open_action(action) -> bool:
    if isinstance(action, IndirectObject):
        action = action.get_object()
    if isinstance(action, ArrayObject):  # a destination: open at a page
        return False
    return not (isinstance(action, DictionaryObject) and action.get("/S") == NameObject("/GoTo"))


def _objects(reader: PdfReader):
    """Every object the cross-reference table names, those in compressed object streams too."""
    seen = set()
    for generation, table in reader.xref.items():
        for number in table:
            seen.add((number, generation))
    for number in reader.xref_objStm:
        seen.add((number, 0))
    for number, generation in sorted(seen):
        try:
            yield reader.get_object(IndirectObject(number, generation, reader))
        except (PdfReadError, ValueError, KeyError, OSError):
            continue


def _active_names_in(obj) -> set[str]:
    found = set()
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            found |= {str(key)[1:]} & ACTIVE_NAMES
            if isinstance(value, NameObject):
                found |= {str(value)[1:]} & ACTIVE_NAMES
            if key == "/OpenAction" and _bad_open_action(value):
                found.add("OpenAction")
    return found


def check(data: bytes) -> int:
    """The number of pages of a PDF that may be stored as it is; ``UserError`` with the reason otherwise."""
    if len(data) > MAX_BYTES:
        raise UserError("evidence.too_big", mb=MAX_BYTES // (1024 * 1024))
    if b"%PDF-" not in data[:1024]:
        raise UserError("evidence.not_pdf")
    active = _raw_names(data) & ACTIVE_NAMES
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UserError("evidence.pdf_encrypted")
        pages = len(reader.pages)
        for obj in _objects(reader):
            active |= _active_names_in(obj)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files: all mean "unreadable"
        raise UserError("evidence.not_pdf") from exc
    if active:
        raise UserError("evidence.pdf_active", what=", ".join(sorted(active)))
    if pages < 1:
        raise UserError("evidence.not_pdf")
    return pages
