"""The words of region name resolution (``geo.regions.resolver``): the note a resolution carries when it matched
an earlier code or name (``data/region_history.csv``) or an alternate the user wrote beside the name.

Keys start with ``regions.``. ``{editions}`` is a year or a span of code-list editions ("2016–2022").
"""

from __future__ import annotations

WORDS = {
    "regions.note.old_code": {
        "id": "kode lama {old_code} ({old_name}, daftar wilayah {editions}); kini {code_now} {name_now}",
        "en": "former code {old_code} ({old_name}, region list {editions}); now {code_now} {name_now}",
    },
    "regions.note.old_name": {
        "id": "nama lama {old_name} (daftar wilayah {editions}); kini {name_now}",
        "en": "former name {old_name} (region list {editions}); now {name_now}",
    },
    "regions.note.former_name": {
        "id": "nama lama {old_name}, sudah diganti sebelum daftar wilayah 2016; kini {name_now}",
        "en": "former name {old_name}, changed before the 2016 region list; now {name_now}",
    },
    "regions.note.old_province": {
        "id": "dahulu di provinsi {old_province} (daftar wilayah {editions}); kini {name_now}, provinsi {province_now}",
        "en": "formerly in the province {old_province} (region list {editions}); now {name_now}, province "
              "{province_now}",
    },
    "regions.note.alternate": {
        "id": "dibaca dari bagian “{part}” dari nama yang ditulis",
        "en": "read from the part “{part}” of the name as written",
    },
}
