"""Open vocabularies (geo.records.vocabularies): defaults on an empty database, admin changes (add, rename, alias,
merge) checked in the engine and audited, records rewritten by a merge, the data version moving, and backups."""

import datetime as dt

import pytest
from sqlalchemy import select

from geo.access.roles import AccessDenied
from geo.db import storage
from geo.db.models import AuditEntry, VocabularyAlias, VocabularyTerm
from geo.records import backup, vocabularies, write
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR, VIEWER


def _agreement(doc: str, sectors=(), a_type="PKS", obstacles=()) -> AgreementData:
    return AgreementData(doc_number=doc, title=f"Kerja sama {doc}", type=a_type, status="berjalan",
                         parties=[Party("32.73"), Party("32.04")], sectors=list(sectors),
                         signed_on=dt.date(2024, 3, 1), obstacles=list(obstacles))


def _visit(ref: str, sectors) -> VisitData:
    start = dt.datetime(2024, 9, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    return VisitData(ref=ref, official_role="Wakil Menteri Dalam Negeri", ministry="Kementerian Dalam Negeri",
                     start_at=start, time_zone="WIB", stops=[StopData("32.73", start_at=start)],
                     focus_sectors=list(sectors))


def _save(engine, *records) -> None:
    with storage.transaction(engine) as s:
        for r in records:
            (write.save_agreement if isinstance(r, AgreementData) else write.save_visit)(s, r, EDITOR)


def _vocabulary_audit(engine) -> list[tuple[str, str]]:
    with storage.transaction(engine) as s:
        return [(e.action, e.record_key) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.record_type == "vocabulary").order_by(AuditEntry.id))]


def test_an_empty_database_uses_the_defaults_with_the_ministrys_areas_and_synonyms(sqlite_engine):
    known = vocabularies.current(sqlite_engine)
    offered = known.options("sector")
    assert offered[:3] == ["pendidikan", "kesehatan", "pariwisata"]  # today's sectors first, in their order
    for key in ("ekonomi_kreatif", "pengembangan_sdm", "regulasi_perizinan", "investasi", "infrastruktur"):
        assert key in offered
    written = {"SDM": "pengembangan_sdm", " ekraf ": "ekonomi_kreatif", "Perhubungan": "transportasi",
               "PUPR": "infrastruktur", "Pekerjaan Umum": "infrastruktur", "Penanaman Modal": "investasi", "Perizinan": "regulasi_perizinan",
               "Kelautan": "perikanan", "Koperasi": "umkm", "Creative economy": "ekonomi_kreatif"}
    assert {text: known.key_for("sector", text) for text in written} == written
    assert known.key_for("agreement_type", "MoU") == "KB" and known.key_for("obstacle", "dana") == "anggaran"
    assert known.key_for("sector", "Pertahanan Siber") is None
    assert known.label("sector", "pengembangan_sdm", "en") == "Human resources development"
    assert known.label("sector", "tidak_ada", "id") == "tidak_ada"  # no term: the key as written


def test_rename_shows_in_both_languages_and_the_old_label_still_resolves(sqlite_engine):
    vocabularies.rename(sqlite_engine, ADMIN, "sector", "transportasi", "Perhubungan dan Transportasi",
                        "Transport and communications")
    known = vocabularies.current(sqlite_engine)
    assert known.label("sector", "transportasi", "id") == "Perhubungan dan Transportasi"
    assert known.label("sector", "transportasi", "en") == "Transport and communications"
    assert known.labels("sector")["transportasi"] == {"id": "Perhubungan dan Transportasi",
                                                      "en": "Transport and communications"}
    assert known.key_for("sector", "Transportasi") == "transportasi"  # the old Indonesian label, now an alias
    assert known.key_for("sector", "transport") == "transportasi"
    assert _vocabulary_audit(sqlite_engine) == [("update", "sector:transportasi")]


def test_an_added_term_is_offered_accepted_by_the_forms_and_found_by_its_labels(sqlite_engine):
    key = vocabularies.add_term(sqlite_engine, ADMIN, "sector", "Pertahanan Siber", "Cyber defence")
    assert key == "pertahanan_siber"
    known = vocabularies.current(sqlite_engine)
    assert known.options("sector")[-1] == "pertahanan_siber"
    assert known.key_for("sector", "cyber-defence") == "pertahanan_siber"
    data = _agreement("1/PKS/2024", sectors=["pertahanan_siber"])
    assert write.validated_agreement(data, known) is data
    with pytest.raises(UserError) as refused:  # the defaults alone do not know it
        write.validated_agreement(data)
    assert refused.value.key == "sector.bad"
    with pytest.raises(UserError) as twice:
        vocabularies.add_term(sqlite_engine, ADMIN, "sector", "Perhubungan")  # an alias of transportasi
    assert twice.value.key == "vocabulary.exists" and "transportasi" in twice.value.text("id")
    assert _vocabulary_audit(sqlite_engine) == [("create", "sector:pertahanan_siber")]


def test_merge_rewrites_every_record_and_keeps_the_old_key_and_label_as_aliases(sqlite_engine):
    vocabularies.add_term(sqlite_engine, ADMIN, "sector", "Hilirisasi", "Downstreaming")
    _save(sqlite_engine, _agreement("1/PKS/2024", ["hilirisasi", "industri"]), _agreement("2/PKS/2024", ["industri"]),
          _agreement("3/PKS/2024", ["pariwisata"]), _visit("KJ-1", ["hilirisasi"]))
    assert vocabularies.merge(sqlite_engine, ADMIN, "sector", "hilirisasi", "industri") == 2
    with storage.transaction(sqlite_engine) as s:
        assert write.load_agreement(s, "1/PKS/2024").sectors == ["industri"]
        assert write.load_agreement(s, "3/PKS/2024").sectors == ["pariwisata"]
        assert write.load_visit(s, "KJ-1").focus_sectors == ["industri"]
        aliases = {a.alias: a.key for a in s.scalars(select(VocabularyAlias))}
        term = s.scalar(select(VocabularyTerm).where(VocabularyTerm.key == "hilirisasi"))
        trail = [(e.action, e.changes) for e in write.audit_trail(s, "agreement", "1/PKS/2024")]
    assert aliases == {"hilirisasi": "industri", "downstreaming": "industri"}
    assert term.merged_into == "industri" and not term.active
    assert trail[-1] == ("update", {"sectors": [["hilirisasi", "industri"], ["industri"]]})
    known = vocabularies.current(sqlite_engine)
    assert known.key_for("sector", "Hilirisasi") == "industri" and "hilirisasi" not in known.options("sector")
    assert known.label("sector", "hilirisasi", "id") == "Industri"  # a stale key shows the surviving term
    assert _vocabulary_audit(sqlite_engine) == [("create", "sector:hilirisasi"), ("merge", "sector:hilirisasi")]


def test_merging_types_and_obstacles_rewrites_agreements_without_doubling_an_obstacle(sqlite_engine):
    _save(sqlite_engine, _agreement("1/PKS/2024", ["pariwisata"], a_type="lainnya",
                                    obstacles=[("lainnya", "cuaca"), ("anggaran", "APBD")]),
          _agreement("2/PKS/2024", ["pariwisata"], obstacles=[("lainnya", "")]))
    assert vocabularies.merge(sqlite_engine, ADMIN, "agreement_type", "lainnya", "PKS") == 1
    assert vocabularies.merge(sqlite_engine, ADMIN, "obstacle", "lainnya", "anggaran") == 2
    with storage.transaction(sqlite_engine) as s:
        first, second = write.load_agreement(s, "1/PKS/2024"), write.load_agreement(s, "2/PKS/2024")
        assert first.type == "PKS"
        assert [(o.kind, o.note) for o in first.obstacles] == [("anggaran", "APBD; cuaca")]
        assert [(o.kind, o.note) for o in second.obstacles] == [("anggaran", "")]
    assert vocabularies.current(sqlite_engine).key_for("agreement_type", "Lain-lain") == "PKS"


@pytest.mark.parametrize("who", [VIEWER, EDITOR, None])
def test_only_an_admin_may_change_a_vocabulary_and_a_refusal_changes_nothing(sqlite_engine, who):
    attempts = [lambda: vocabularies.add_term(sqlite_engine, who, "sector", "Pertahanan"),
                lambda: vocabularies.rename(sqlite_engine, who, "sector", "umkm", "UMKM dan Koperasi", "SMEs"),
                lambda: vocabularies.add_alias(sqlite_engine, who, "sector", "Wisata", "pariwisata"),
                lambda: vocabularies.merge(sqlite_engine, who, "sector", "pangan", "pertanian"),
                lambda: vocabularies.map_review_label(sqlite_engine, who, "sector", "pangan", "pertanian")]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()
    with storage.transaction(sqlite_engine) as s:
        assert s.scalars(select(VocabularyTerm)).all() == [] and s.scalars(select(VocabularyAlias)).all() == []
    assert _vocabulary_audit(sqlite_engine) == []


def test_every_change_leaves_an_audit_entry_and_moves_the_data_version(sqlite_engine):
    versions = [storage.data_version(sqlite_engine)]
    vocabularies.add_term(sqlite_engine, ADMIN, "sector", "Pertahanan", "Defence")
    versions.append(storage.data_version(sqlite_engine))
    vocabularies.add_alias(sqlite_engine, ADMIN, "sector", "Hankam", "pertahanan")
    versions.append(storage.data_version(sqlite_engine))
    vocabularies.rename(sqlite_engine, ADMIN, "sector", "pertahanan", "Pertahanan dan Keamanan", "Defence")
    versions.append(storage.data_version(sqlite_engine))
    vocabularies.merge(sqlite_engine, ADMIN, "sector", "pertahanan", "pemerintahan")
    versions.append(storage.data_version(sqlite_engine))
    assert len(set(versions)) == 5
    assert _vocabulary_audit(sqlite_engine) == [("create", "sector:pertahanan"), ("update", "sector:pertahanan"),
                                                ("update", "sector:pertahanan"), ("merge", "sector:pertahanan")]
    with storage.transaction(sqlite_engine) as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.record_type == "vocabulary")).all()
    assert {e.actor for e in entries} == {ADMIN.username}
    assert entries[1].changes == {"alias": [None, "hankam"]}


def test_an_alias_cannot_take_another_terms_own_label(sqlite_engine):
    with pytest.raises(UserError) as taken:
        vocabularies.add_alias(sqlite_engine, ADMIN, "sector", "Kesehatan", "pendidikan")
    assert taken.value.key == "vocabulary.alias_taken"
    with pytest.raises(UserError) as unknown:
        vocabularies.add_alias(sqlite_engine, ADMIN, "sector", "Wisata bahari", "tidak_ada")
    assert unknown.value.key == "vocabulary.unknown_key"
    with pytest.raises(UserError) as itself:
        vocabularies.merge(sqlite_engine, ADMIN, "sector", "pangan", "pangan")
    assert itself.value.key == "vocabulary.same"
    with pytest.raises(UserError) as not_review:  # mapping is for labels an import kept as written
        vocabularies.map_review_label(sqlite_engine, ADMIN, "sector", "pangan", "pertanian")
    assert not_review.value.key == "vocabulary.not_review"
    assert _vocabulary_audit(sqlite_engine) == []


def test_a_backup_and_restore_keep_a_renamed_term_and_an_alias(sqlite_engine, tmp_path):
    vocabularies.rename(sqlite_engine, ADMIN, "sector", "umkm", "UMKM dan Koperasi", "Cooperatives and SMEs")
    vocabularies.add_alias(sqlite_engine, ADMIN, "sector", "Usaha Kecil", "umkm")
    backup.export_backup(sqlite_engine, tmp_path / "b")
    vocabularies.rename(sqlite_engine, ADMIN, "sector", "umkm", "Lain", "Other")  # changed after the backup ...
    backup.restore_backup(sqlite_engine, tmp_path / "b", ADMIN, replace=True)  # ... and undone by the restore
    known = vocabularies.current(sqlite_engine)
    assert known.labels("sector")["umkm"] == {"id": "UMKM dan Koperasi", "en": "Cooperatives and SMEs"}
    assert known.key_for("sector", "usaha kecil") == "umkm"


def test_the_import_template_lists_the_databases_terms_and_the_ministrys_areas(sqlite_engine):
    import io

    from openpyxl import load_workbook

    from geo.importer import templates

    vocabularies.add_term(sqlite_engine, ADMIN, "sector", "Pertahanan", "Defence")
    data = templates.template_xlsx("agreements", "en", vocabularies.current(sqlite_engine))
    lists = load_workbook(io.BytesIO(data)).worksheets[1]
    sectors = [row[3] for row in lists.iter_rows(min_row=2, values_only=True) if row[3]]
    assert {"Creative economy", "Human resources development", "Regulation and licensing", "Defence"} <= set(sectors)
    assert len(sectors) == len(vocabularies.current(sqlite_engine).options("sector"))


def test_a_regions_profile_lists_an_obstacle_only_the_database_knows(sqlite_engine):
    from geo.analysis import region_profile
    from geo.records import read
    from geo.text.vocabulary import MITIGATIONS

    _save(sqlite_engine, _agreement("1/PKS/2024", ["pariwisata"], obstacles=[("cuaca_ekstrem", "banjir")]))
    found = region_profile.profile("32.73", read.agreements_frame(sqlite_engine), read.visits_frame(sqlite_engine),
                                   lang="en").obstacles
    assert found[["kind", "label", "agreements"]].values.tolist() == [["cuaca_ekstrem", "cuaca_ekstrem", 1]]
    assert found["mitigation"].tolist() == [MITIGATIONS["lainnya"]["en"]]
