"""Which photos the gallery and a region show (geo.evidence.gallery), and the sample's drawn pictures."""

import datetime as dt
import shutil

from sqlalchemy import func, select

from geo.db import storage
from geo.db.models import Attachment
from geo.evidence import attachments, gallery, sample_photos
from geo.records import sample, write
from geo.records.write import AgreementData, Party, StopData, VisitData
from tests.conftest import EDITOR
from tests.evidence import hostile_files as hf


def _agreement(s, doc, status, sectors, codes, signed):
    write.save_agreement(s, AgreementData(doc_number=doc, title=f"Kerja sama {doc}", type="KB", status=status,
                                          sectors=sectors, parties=[Party(region_code=c) for c in codes],
                                          signed_on=signed), EDITOR)
    attachments.attach(s, "agreement", doc, hf.photo(), EDITOR, details=attachments.Details(caption=doc))


def _fill(engine):
    with storage.transaction(engine) as s:
        _agreement(s, "A", "berjalan", ["pendidikan"], ["32.73", "32.04"], dt.date(2023, 5, 1))
        _agreement(s, "B", "selesai", ["kesehatan"], ["33.74", "33.01"], dt.date(2024, 5, 1))
        _agreement(s, "C", "terhambat", ["pendidikan"], ["32.73", "32.01"], dt.date(2024, 6, 1))
        attachments.attach(s, "agreement", "A", hf.plain_pdf(), EDITOR)  # a document: never in a gallery
        write.save_visit(s, VisitData(ref="V", official_role="Wamen", ministry="K", time_zone="WIB",
                                      start_at=dt.datetime(2024, 1, 9, 2, tzinfo=dt.timezone.utc),
                                      stops=[StopData(region_code="32.73.01")]), EDITOR)
        attachments.attach(s, "visit", "V", hf.photo(), EDITOR, details=attachments.Details(caption="V"))


def _captions(photos):
    return sorted(p.caption for p in photos)


def test_the_gallery_shows_only_photos_of_running_or_completed_agreements(sqlite_engine):
    _fill(sqlite_engine)
    assert _captions(gallery.success_gallery(sqlite_engine)) == ["A", "B"]


def test_the_gallery_filters_by_sector_region_and_the_agreements_signing_period(sqlite_engine):
    _fill(sqlite_engine)
    assert _captions(gallery.success_gallery(sqlite_engine, sectors=["kesehatan"])) == ["B"]
    assert _captions(gallery.success_gallery(sqlite_engine, regions_in=["32"])) == ["A"]
    assert _captions(gallery.success_gallery(sqlite_engine, start=dt.date(2024, 1, 1),
                                             end=dt.date(2024, 12, 31))) == ["B"]
    assert gallery.success_gallery(sqlite_engine, sectors=["kesehatan"], regions_in=["32"]) == []


def test_a_regions_photos_are_its_agreements_and_visits_whatever_the_status(sqlite_engine):
    _fill(sqlite_engine)
    assert _captions(gallery.region_photos(sqlite_engine, "32.73")) == ["A", "C", "V"]
    assert _captions(gallery.region_photos(sqlite_engine, "33")) == ["B"]
    assert _captions(gallery.region_photos(sqlite_engine, "32", start=dt.date(2024, 1, 1))) == ["C", "V"]


def test_the_samples_pictures_are_simulated_on_successful_agreements_and_go_with_the_sample(sample_database,
                                                                                            tmp_path):
    eng = storage.make_engine(f"sqlite:///{sample_database}")
    photos = gallery.success_gallery(eng)
    assert len(photos) == sample_photos.N_AGREEMENTS
    assert len({p.region_codes[0][:2] for p in photos}) == sample_photos.N_AGREEMENTS - 1  # Jawa Barat twice
    assert sum(p.region_codes[0].startswith("32.") for p in photos) == 2
    with storage.transaction(eng) as s:
        assert s.scalar(select(func.count()).select_from(Attachment).where(Attachment.simulated.is_(False))) == 0
    eng.dispose()
    shutil.copyfile(sample_database, tmp_path / "copy.db")
    copy = storage.make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    sample.remove_simulated(copy, EDITOR)
    with storage.transaction(copy) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    copy.dispose()
