"""geo.build.wilayah_sql: the value tuples of MySQL INSERT dumps, read without a database."""

import pytest

from geo.build.wilayah_sql import iter_insert_rows

DUMP = r"""-- a line comment with 'a quote'
/* a block comment; INSERT INTO nothing VALUES ('x'); */
CREATE TABLE `wilayah` (`kode` varchar(13), `nama` varchar(100));
INSERT INTO `wilayah` (`kode`, `nama`, `luas`) VALUES
('11', 'ACEH', 57956.0),
('11.01', 'Kab. Aceh Selatan', NULL), ('32.73', 'Kota Bandung -- not a comment', 167),
('73.71', 'Ujung ''Pandang'' /* not a comment */', 1e2);
DELETE FROM `wilayah` WHERE 0;
INSERT INTO "other" ("kode", "nama") VALUES ('91', 'Jalan \'Irian\'\n\\ Jaya'),('92','');
"""


def _rows(tmp_path, text):
    path = tmp_path / "dump.sql"
    path.write_text(text, encoding="utf-8")
    return list(iter_insert_rows(path))


def test_every_row_of_every_insert_with_its_columns(tmp_path):
    rows = _rows(tmp_path, DUMP)
    assert rows == [
        (["kode", "nama", "luas"], ["11", "ACEH", 57956.0]),
        (["kode", "nama", "luas"], ["11.01", "Kab. Aceh Selatan", None]),
        (["kode", "nama", "luas"], ["32.73", "Kota Bandung -- not a comment", 167]),
        (["kode", "nama", "luas"], ["73.71", "Ujung 'Pandang' /* not a comment */", 100.0]),
        (["kode", "nama"], ["91", "Jalan 'Irian'\n\\ Jaya"]),
        (["kode", "nama"], ["92", ""]),
    ]


def test_numbers_keep_their_type(tmp_path):
    [(_, values)] = _rows(tmp_path, "INSERT INTO t (a, b, c) VALUES (7, 7.5, -3);")
    assert values == [7, 7.5, -3] and isinstance(values[0], int) and isinstance(values[1], float)


@pytest.mark.parametrize("text,message", [
    ("INSERT INTO t (a) VALUES ('open", "unterminated"),
    ("INSERT INTO t (a) VALUES (1, 2", "unterminated"),
    ("INSERT INTO t (a) VALUES (twelve);", "bad SQL literal"),
])
def test_a_broken_dump_is_an_error_not_a_short_read(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        _rows(tmp_path, text)


def test_double_quoted_strings_as_the_2016_archive_writes_them(tmp_path):
    text = ('INSERT INTO wilayah(kode,nama) VALUES\n("11","ACEH"),\n'
            '("91.01","KAB. ""MERAUKE"" -- it\'s"),("92","a\\"b");')
    assert [values for _, values in _rows(tmp_path, text)] == [
        ["11", "ACEH"], ["91.01", 'KAB. "MERAUKE" -- it\'s'], ["92", 'a"b']]


def test_a_gzip_compressed_dump_is_read_like_the_plain_one(tmp_path):
    import gzip

    (tmp_path / "dump.sql.gz").write_bytes(gzip.compress(DUMP.encode("utf-8")))
    assert list(iter_insert_rows(tmp_path / "dump.sql.gz")) == _rows(tmp_path, DUMP)
