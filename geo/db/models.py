"""Sinergi's records as SQLAlchemy 2 models: visits, agreements and the audit trail.

Regions are referred to by Kemendagri code (``32.73``); their data lives in
``data/`` (``geo.regions.lookup``), not in the database.

Every editable record carries a ``version`` column used for optimistic
locking: two editors saving the same record — the second one gets
``StaleDataError`` (turned into a clear message), nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class Visit(Base):
    """A working visit (kunjungan kerja) by an official; it may have several stops."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)  # natural key, e.g. "KUNKER-2024-017"
    official_role: Mapped[str] = mapped_column(String(200))  # "Wakil Menteri Dalam Negeri"
    ministry: Mapped[str] = mapped_column(String(200))  # "Kementerian Dalam Negeri"
    start_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    end_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    time_zone: Mapped[str] = mapped_column(String(4))  # WIB, WITA, WIT
    agenda: Mapped[str] = mapped_column(Text, default="")
    focus_sectors: Mapped[list] = mapped_column(JSON, default=list)
    people_met: Mapped[str] = mapped_column(Text, default="")
    simulated: Mapped[bool] = mapped_column(default=False)
    # A visit planned in the planner, not (yet) made: never counted as a visit by the impact engine,
    # the map or the metrics (``geo.records.read.visits_frame`` leaves it out unless asked).
    planned: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)
    # what the visit set out to do, by area (``geo.text.vocabulary.GOAL_AREAS`` keys; ``geo.analysis.goals``)
    goals: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    stops: Mapped[list["VisitStop"]] = relationship(back_populates="visit", cascade="all, delete-orphan",
                                                    order_by="VisitStop.seq")
    __mapper_args__ = {"version_id_col": version}


class VisitStop(Base):
    __tablename__ = "visit_stop"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    region_code: Mapped[str] = mapped_column(String(13), index=True)  # any level down to village
    place_name: Mapped[str] = mapped_column(String(300), default="")  # "Kawasan Industri ..."
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    start_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    end_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    agenda: Mapped[str] = mapped_column(Text, default="")
    people_met: Mapped[str] = mapped_column(Text, default="")
    as_written: Mapped[str | None] = mapped_column(String(300))  # the place as the source wrote it, if it differed
    visit: Mapped[Visit] = relationship(back_populates="stops")


class Agreement(Base):
    """A kesepakatan bersama (KB), perjanjian kerja sama (PKS) or other agreement between regions."""

    __tablename__ = "agreement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_number: Mapped[str] = mapped_column(String(200), unique=True)  # natural key
    title: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(10))  # KB, PKS, lainnya
    sectors: Mapped[list] = mapped_column(JSON, default=list)
    signed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    value_idr: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(20), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    simulated: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    parties: Mapped[list["AgreementParty"]] = relationship(back_populates="agreement", cascade="all, delete-orphan",
                                                           order_by="AgreementParty.seq")
    status_changes: Mapped[list["StatusChange"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="StatusChange.changed_on")
    obstacles: Mapped[list["Obstacle"]] = relationship(back_populates="agreement", cascade="all, delete-orphan")
    indicators: Mapped[list["ProgressIndicator"]] = relationship(back_populates="agreement",
                                                                 cascade="all, delete-orphan")
    visit: Mapped[Visit | None] = relationship()
    __mapper_args__ = {"version_id_col": version}

    @property
    def region_codes(self) -> list[str]:
        return [p.region_code for p in self.parties if p.region_code]


class AgreementParty(Base):
    """A party: a province or regency/city (``region_code``), or a non-region partner (``partner_name``)."""

    __tablename__ = "agreement_party"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    region_code: Mapped[str | None] = mapped_column(String(13), index=True)
    partner_name: Mapped[str | None] = mapped_column(String(300))
    as_written: Mapped[str | None] = mapped_column(String(300))  # the region as the source wrote it, if it differed
    agreement: Mapped[Agreement] = relationship(back_populates="parties")


class StatusChange(Base):
    __tablename__ = "status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    agreement: Mapped[Agreement] = relationship(back_populates="status_changes")


class Obstacle(Base):
    __tablename__ = "obstacle"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # anggaran, perbedaan_persepsi, regulasi, komitmen, lainnya
    note: Mapped[str] = mapped_column(Text, default="")
    agreement: Mapped[Agreement] = relationship(back_populates="obstacles")


class ProgressIndicator(Base):
    """A KPI of an agreement: what is measured, its unit, where it starts (``baseline``), where it should be
    (``target``) by when (``target_on``), and how often a reading is expected (``frequency``: monthly, quarterly).
    The monitoring rules (due, overdue, off track) are in ``geo.monitoring.kpis``."""

    __tablename__ = "progress_indicator"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(50), default="")
    target: Mapped[float | None] = mapped_column(Float)
    baseline: Mapped[float | None] = mapped_column(Float)
    target_on: Mapped[dt.date | None] = mapped_column(Date)
    frequency: Mapped[str] = mapped_column(String(10), default="quarterly", server_default="quarterly")
    agreement: Mapped[Agreement] = relationship(back_populates="indicators")
    readings: Mapped[list["ProgressReading"]] = relationship(back_populates="indicator", cascade="all, delete-orphan",
                                                            order_by="ProgressReading.on_date")


class ProgressReading(Base):
    __tablename__ = "progress_reading"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("progress_indicator.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    realisation: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="", server_default="")  # who entered it
    indicator: Mapped[ProgressIndicator] = relationship(back_populates="readings")
    __table_args__ = (UniqueConstraint("indicator_id", "on_date"),)


class Attachment(Base):
    """Evidence on an agreement or a visit (``geo.evidence``): a photo, re-encoded (JPEG or PNG) with its thumbnail,
    or the signed document, a PDF kept byte for byte as uploaded once checked. The bytes live here, in the database
    (why: ``geo.evidence.attachments``); ``sha256`` is the stored content's, checked again on restore. The bytes
    columns are deferred: lists and galleries never load them by accident."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # photo, document
    mime: Mapped[str] = mapped_column(String(40))  # image/jpeg, image/png, application/pdf
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    taken_on: Mapped[dt.date | None] = mapped_column(Date)
    credit: Mapped[str] = mapped_column(String(200), default="")
    original_name: Mapped[str] = mapped_column(String(300), default="")
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    simulated: Mapped[bool] = mapped_column(default=False)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    thumbnail: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    __table_args__ = (CheckConstraint("(agreement_id IS NULL) <> (visit_id IS NULL)", name="attachment_one_owner"),)


class AuditEntry(Base):
    """Who changed what, when: one entry per created, updated or deleted record."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete
    record_type: Mapped[str] = mapped_column(String(50))
    record_key: Mapped[str] = mapped_column(String(200), index=True)
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]


class DatasetInfo(Base):
    """Facts about the stored data set, e.g. whether it is the simulated sample and its planted effects."""

    __tablename__ = "dataset_info"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)


# ------------------------------------------------------------------- accounts (geo.access.accounts)

class User(Base):
    """A person who may log in: a role (viewer, editor, admin) and an Argon2id password hash, never the password."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginThrottle(Base):
    """Failed logins per user name and per client, kept in the database so that every server thread and
    every restart sees them."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)  # "user:ani", "client:10.0.0.7"
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    blocked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class PlanDraft(Base):
    """The plan a user is making in the planner (``geo.planner.drafts``): one per user, its whole state as JSON.

    Belongs to an account, not to the records: like accounts it is in no backup, and a restore or the sample
    leaves it alone."""

    __tablename__ = "plan_draft"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), unique=True)  # app_user.username
    state: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LoginSession(Base):
    """A login kept across reloads (``geo.access.login_sessions``): the browser holds a signed token naming it in a
    cookie; only the SHA-256 of the token's random id is stored. Logging out deletes the row, so the token is
    refused from then on."""

    __tablename__ = "login_session"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 (hex) of the token's random id
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SigningKey(Base):
    """A secret the server signs with (``name`` "login": the login tokens), generated once and kept in the database
    so that every worker on every host agrees. Never logged, never in a backup."""

    __tablename__ = "signing_key"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# accounts and what belongs to one account (its planner draft, its logins): never in backups, restores or the sample
ACCOUNT_TABLES = frozenset({"app_user", "login_throttle", "plan_draft", "login_session", "signing_key"})


def record_tables() -> list:
    """The tables holding records (what backups, restores and the sample touch): everything but accounts."""
    return [t for t in Base.metadata.sorted_tables if t.name not in ACCOUNT_TABLES]


# ------------------------------------------------------------------- open vocabularies and settings

class VocabularyTerm(Base):
    """A term of an open vocabulary (``kind``: sector, agreement_type, obstacle), managed by an admin.

    ``key`` is what records store. ``merged_into``: the key this term was merged into (its records were rewritten,
    the term stays so old files still resolve). ``needs_review``: a label an import met that no term or alias
    knew; its rows came in with the label as written, and an admin maps it once for all of them."""

    __tablename__ = "vocabulary_term"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    key: Mapped[str] = mapped_column(String(100))
    label_id: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200), default="")
    merged_into: Mapped[str | None] = mapped_column(String(100))
    needs_review: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __table_args__ = (UniqueConstraint("kind", "key"),)
    __mapper_args__ = {"version_id_col": version}


class VocabularyAlias(Base):
    """Another way a source writes a term ("Perhubungan" → transportasi), matched after normalising."""

    __tablename__ = "vocabulary_alias"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("kind", "alias"),)


class AppSetting(Base):
    """A setting an admin changes in the app (not the SINERGI_* environment), e.g. the default score weights."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")


# ------------------------------------------------------------------- parties' feedback (geo.records.party_feedback)

class FeedbackCode(Base):
    """An agreement's feedback code: whoever holds it may send the parties' feedback form without an account.

    Random and unguessable (``geo.records.party_feedback.new_code``); an editor creates, rotates (the old one is
    revoked) or revokes it. At most one active (``revoked_at`` empty) per agreement, kept by the engine."""

    __tablename__ = "feedback_code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(200))


class PartyFeedback(Base):
    """One feedback entry a regional party sent through its agreement's form; shown only once an editor approved it.

    ``status``: menunggu (pending), disetujui (approved), ditolak (rejected). ``client_key``: a hash of the sender's
    address (the rate limit's key), never the address itself."""

    __tablename__ = "party_feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("feedback_code.id", ondelete="SET NULL"), index=True)
    party_region: Mapped[str] = mapped_column(String(13))
    rating: Mapped[int] = mapped_column(Integer)
    obstacles: Mapped[list] = mapped_column(JSON, default=list)
    suggestion: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    client_key: Mapped[str] = mapped_column(String(80), index=True)
    status: Mapped[str] = mapped_column(String(10), default="menunggu", index=True)
    moderated_by: Mapped[str | None] = mapped_column(String(200))
    moderated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
