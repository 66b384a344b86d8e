"""Open vocabularies: sectors, agreement types and obstacles, kept in the database and managed by an admin.

Sources: the defaults are ``geo.text.vocabulary``'s dicts (``SECTORS`` + ``MINISTRY_SECTORS``, ``AGREEMENT_TYPES``,
``OBSTACLES``) with their aliases (``SECTOR_ALIASES``, ``AGREEMENT_TYPE_ALIASES``, ``OBSTACLE_ALIASES``); the
database's ``VocabularyTerm`` and ``VocabularyAlias`` rows (``geo.db.models``) are laid over them. Statuses stay
fixed (they drive the analysis) and are not here.

Rules:

* The effective vocabulary (``current(engine)``) = the defaults overlaid by the database's rows: a database with no
  terms uses the defaults, so nothing needs seeding. A term's row replaces its default labels.
* A label finds its key after normalising case, spacing, accents and punctuation (``normalize_name``): the key
  itself, either language's label, or an alias; a key merged into another is followed to the surviving one.
* A label nothing knows is not an error: the importer keeps it as written, stored under ``slug(label)``, warns
  "perlu ditinjau" (needs review) on the row, and at commit a ``VocabularyTerm(needs_review=True)`` is created
  with the label as written (``ensure_review_terms``). An admin later maps it onto a term once for all its records
  (``map_review_label``).
* ``merge`` rewrites every record's key (agreement sectors and type, obstacles, visit focus sectors) and keeps the
  old key and its labels as aliases of the surviving term, so old files still resolve.
* Every change checks the admin role here, in the engine (``geo.access.roles.require``), and leaves an
  ``AuditEntry`` (``record_type="vocabulary"``, key ``<kind>:<key>``), like ``geo.records.write``; a record whose
  key a merge rewrites gets its own audit entry too. Every change thus moves ``geo.db.storage.data_version``
  (it counts audit entries), which is what the app's caches are keyed on.
* Keys fit the columns that hold them (``KEY_LIMITS``: an agreement's type holds 10 characters, an obstacle 30); a
  longer slug is cut and given a short hash, so two long labels never share a key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Engine, String, cast, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from geo.access.roles import Principal, require
from geo.db import storage
from geo.db.models import Agreement, AuditEntry, Obstacle, Visit, VocabularyAlias, VocabularyTerm
from geo.regions.names import normalize_name
from geo.text import vocabulary as fixed
from geo.text.messages import UserError

KINDS = ("sector", "agreement_type", "obstacle")
DEFAULTS = {"sector": {**fixed.SECTORS, **fixed.MINISTRY_SECTORS}, "agreement_type": fixed.AGREEMENT_TYPES,
            "obstacle": fixed.OBSTACLES}
DEFAULT_ALIASES = {"sector": fixed.SECTOR_ALIASES, "agreement_type": fixed.AGREEMENT_TYPE_ALIASES,
                   "obstacle": fixed.OBSTACLE_ALIASES}
KEY_LIMITS = {"sector": 100, "agreement_type": 10, "obstacle": 30}
LABEL_LIMIT = 200


def slug(kind: str, text: str) -> str:
    """The key a label is stored under: normalised, words joined by ``_``, cut to the kind's column.

    >>> slug("sector", "Ekonomi Kreatif"), slug("agreement_type", "MoU")
    ('ekonomi_kreatif', 'mou')
    >>> len(slug("agreement_type", "Nota Kesepahaman Daerah")) <= 10
    True
    """
    base = normalize_name(text).replace(" ", "_") or "x"
    limit = KEY_LIMITS[kind]
    if len(base) <= limit:
        return base
    digest = hashlib.sha1(base.encode("utf-8")).hexdigest()[:4]
    return f"{base[:limit - 5].rstrip('_')}_{digest}"


@dataclass(frozen=True)
class Vocabularies:
    """The effective vocabularies: labels per kind and language, and key look-up from any label or alias."""

    terms: dict[str, dict[str, dict[str, str]]]  # kind -> key -> {"id", "en"}: live terms (not merged)
    offered: dict[str, list[str]] = field(default_factory=dict)  # kind -> keys forms offer (live and active)
    review: dict[str, set[str]] = field(default_factory=dict)  # kind -> keys needing review
    merged: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> merged key -> key merged into
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> normalised label/alias/key -> key

    def follow(self, kind: str, key: str) -> str:
        """``key``, or the term it was merged into (through any chain of merges)."""
        seen = set()
        while key in self.merged.get(kind, {}) and key not in seen:
            seen.add(key)
            key = self.merged[kind][key]
        return key

    def key_for(self, kind: str, text: str) -> str | None:
        """The key a label, key or alias stands for (case, spacing and punctuation ignored); None if unknown."""
        key = self.names[kind].get(normalize_name(text))
        return self.follow(kind, key) if key is not None else None

    def knows(self, kind: str, key: str) -> bool:
        return self.follow(kind, key) in self.terms[kind]

    def labels(self, kind: str) -> dict[str, dict[str, str]]:
        """key -> {"id", "en"} for every live term, merged keys showing the surviving term's labels."""
        out = dict(self.terms[kind])
        for old in self.merged.get(kind, {}):
            target = self.follow(kind, old)
            if target in self.terms[kind]:
                out[old] = self.terms[kind][target]
        return out

    def options(self, kind: str) -> list[str]:
        """The keys a form offers, in order: the defaults first, then the database's terms by label."""
        return list(self.offered[kind])

    def label(self, kind: str, key: str, lang: str = "id") -> str:
        """The label of ``key`` in ``lang`` (Indonesian when the English one is empty); the key as written if
        no term has it."""
        entry = self.terms[kind].get(self.follow(kind, key))
        if not entry:
            return key
        return entry.get(lang) or entry["id"]


def _names(kind: str, terms: dict, aliases: dict[str, str]) -> dict[str, str]:
    out = {normalize_name(a): k for a, k in aliases.items()}
    for key, labels in terms.items():  # a term's own key and labels win over an alias
        for text in (labels.get("en"), labels.get("id"), key):
            if text and normalize_name(text):
                out[normalize_name(text)] = key
    return out


def defaults() -> Vocabularies:
    """The vocabularies as shipped (a database with no terms)."""
    return _build([], [])


def _build(rows: list[VocabularyTerm], alias_rows: list[VocabularyAlias]) -> Vocabularies:
    terms = {kind: {k: dict(v) for k, v in DEFAULTS[kind].items()} for kind in KINDS}
    offered = {kind: list(DEFAULTS[kind]) for kind in KINDS}
    review = {kind: set() for kind in KINDS}
    merged = {kind: {} for kind in KINDS}
    aliases = {kind: dict(DEFAULT_ALIASES[kind]) for kind in KINDS}
    extra = {kind: [] for kind in KINDS}
    for row in rows:
        if row.kind not in KINDS:
            continue
        if row.merged_into:
            merged[row.kind][row.key] = row.merged_into
            terms[row.kind].pop(row.key, None)
            if row.key in offered[row.kind]:
                offered[row.kind].remove(row.key)
            aliases[row.kind].setdefault(row.key, row.merged_into)
            for text in (row.label_id, row.label_en):
                if text:
                    aliases[row.kind].setdefault(text, row.merged_into)
            continue
        terms[row.kind][row.key] = {"id": row.label_id, "en": row.label_en or row.label_id}
        if row.needs_review:
            review[row.kind].add(row.key)
        if not row.active and row.key in offered[row.kind]:
            offered[row.kind].remove(row.key)
        elif row.active and row.key not in offered[row.kind]:
            extra[row.kind].append(row)
    for kind in KINDS:
        offered[kind] += [r.key for r in sorted(extra[kind], key=lambda r: normalize_name(r.label_id))]
    for a in alias_rows:
        if a.kind in KINDS:
            aliases[a.kind][a.alias] = a.key
    names = {kind: _names(kind, terms[kind], aliases[kind]) for kind in KINDS}
    return Vocabularies(terms=terms, offered=offered, review=review, merged=merged, names=names)


def current(engine: Engine) -> Vocabularies:
    """The effective vocabularies of this database: the defaults overlaid by its terms and aliases."""
    with storage.transaction(engine) as s:
        return _load(s)


def _load(session: Session) -> Vocabularies:
    return _build(list(session.scalars(select(VocabularyTerm).order_by(VocabularyTerm.id))),
                  list(session.scalars(select(VocabularyAlias).order_by(VocabularyAlias.id))))


# ------------------------------------------------------------------ changes (admins)

def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UserError("vocabulary.kind", kind=str(kind))


def _label_text(text: str, field_name: str) -> str:
    text = (text or "").strip()
    if field_name == "label_id" and not text:
        raise UserError("field.required", field="label")
    if len(text) > LABEL_LIMIT:
        raise UserError("field.too_long", field="label", n=LABEL_LIMIT)
    if "\x00" in text:
        raise UserError("field.bad_char", field="label")
    return text


def _term(session: Session, kind: str, key: str) -> VocabularyTerm | None:
    return session.scalar(select(VocabularyTerm).where(VocabularyTerm.kind == kind, VocabularyTerm.key == key))


def _materialise(session: Session, vocab: Vocabularies, kind: str, key: str) -> VocabularyTerm:
    """The database row of a live term, created from its default labels when it has none yet."""
    row = _term(session, kind, key)
    if row is None:
        labels = vocab.terms[kind][key]
        row = VocabularyTerm(kind=kind, key=key, label_id=labels["id"], label_en=labels.get("en", ""))
        session.add(row)
        session.flush()
    return row


def _audit(session: Session, who: str, action: str, kind: str, key: str, changes: dict) -> None:
    session.add(AuditEntry(actor=who, action=action, record_type="vocabulary", record_key=f"{kind}:{key}"[:200],
                           changes=changes))


def _live_key(vocab: Vocabularies, kind: str, key: str) -> str:
    target = vocab.follow(kind, key)
    if target not in vocab.terms[kind]:
        raise UserError("vocabulary.unknown_key", term=str(key))
    return target


def _own_names(vocab: Vocabularies, kind: str, key: str) -> set[str]:
    labels = vocab.terms[kind].get(key, {})
    return {normalize_name(t) for t in (key, labels.get("id"), labels.get("en")) if t}


def _upsert_alias(session: Session, kind: str, norm: str, key: str) -> None:
    row = session.scalar(select(VocabularyAlias).where(VocabularyAlias.kind == kind, VocabularyAlias.alias == norm))
    if row is None:
        session.add(VocabularyAlias(kind=kind, alias=norm, key=key))
    else:
        row.key = key
    session.flush()


def _put_alias(session: Session, vocab: Vocabularies, kind: str, text: str, key: str) -> bool:
    """Make ``text`` (normalised) an alias of ``key``; False when it already stands for ``key``. Refuses an alias
    that is another live term's own key or label (an alias of the defaults may be pointed elsewhere)."""
    norm = normalize_name(text)
    if not norm:
        raise UserError("field.required", field="alias")
    known = vocab.names[kind].get(norm)
    if known is not None and vocab.follow(kind, known) == key:
        return False
    if known is not None and known in vocab.terms[kind] and norm in _own_names(vocab, kind, known):
        raise UserError("vocabulary.alias_taken", alias=text.strip(), term=known)
    _upsert_alias(session, kind, norm, key)
    return True


def add_term(engine: Engine, actor: Principal, kind: str, label_id: str, label_en: str = "",
             key: str | None = None) -> str:
    """A new term (admins); returns its key (``slug`` of the Indonesian label unless given). Refuses a label or key
    that already names a term."""
    who = require(actor, "admin").username
    _check_kind(kind)
    label_id, label_en = _label_text(label_id, "label_id"), _label_text(label_en, "label_en")
    key = slug(kind, key or label_id)
    with storage.transaction(engine) as s:
        vocab = _load(s)
        for text in (label_id, label_en, key):  # what the admin typed first, in the message
            known = vocab.key_for(kind, text) if text else None
            if known is not None:
                raise UserError("vocabulary.exists", text=text, term=known)
        if _term(s, kind, key) is not None:
            raise UserError("vocabulary.exists", text=key, term=key)
        s.add(VocabularyTerm(kind=kind, key=key, label_id=label_id, label_en=label_en))
        _audit(s, who, "create", kind, key, {"label_id": [None, label_id], "label_en": [None, label_en]})
    return key


def rename(engine: Engine, actor: Principal, kind: str, key: str, label_id: str, label_en: str) -> None:
    """New labels for a term in both languages (admins); the old labels stay as aliases, so files written with them
    still resolve. Clears the term's needs-review mark: an admin has looked at it."""
    who = require(actor, "admin").username
    _check_kind(kind)
    label_id, label_en = _label_text(label_id, "label_id"), _label_text(label_en, "label_en")
    with storage.transaction(engine) as s:
        vocab = _load(s)
        key = _live_key(vocab, kind, key)
        for text in (label_id, label_en):
            known = vocab.key_for(kind, text) if text else None
            if known is not None and known != key:
                raise UserError("vocabulary.exists", text=text, term=known)
        row = _materialise(s, vocab, kind, key)
        before = {"label_id": row.label_id, "label_en": row.label_en, "needs_review": row.needs_review}
        old_labels = [t for t in (row.label_id, row.label_en) if t]
        row.label_id, row.label_en, row.needs_review = label_id, label_en, False
        s.flush()
        for old in old_labels:  # the old labels keep resolving, unless another term now owns them
            norm = normalize_name(old)
            if norm and norm not in _own_names(_load(s), kind, key):
                known = _load(s).names[kind].get(norm)
                if known is None or known == key or norm not in _own_names(_load(s), kind, known):
                    _upsert_alias(s, kind, norm, key)
        after = {"label_id": label_id, "label_en": label_en, "needs_review": False}
        _audit(s, who, "update", kind, key, {k: [before[k], after[k]] for k in after if before[k] != after[k]})


def add_alias(engine: Engine, actor: Principal, kind: str, alias: str, key: str) -> None:
    """Another way sources write a term ("Perhubungan" → transportasi), admins only."""
    who = require(actor, "admin").username
    _check_kind(kind)
    alias = _label_text(alias, "label_id")
    with storage.transaction(engine) as s:
        vocab = _load(s)
        key = _live_key(vocab, kind, key)
        if _put_alias(s, vocab, kind, alias, key):
            _audit(s, who, "update", kind, key, {"alias": [None, normalize_name(alias)]})


def merge(engine: Engine, actor: Principal, kind: str, source: str, target: str) -> int:
    """Merge the term ``source`` into ``target`` (admins): every record's key rewritten, ``source`` and its labels
    kept as aliases of ``target``. Returns how many records changed."""
    who = require(actor, "admin").username
    _check_kind(kind)
    with storage.transaction(engine) as s:
        vocab = _load(s)
        if source not in vocab.terms[kind]:
            raise UserError("vocabulary.unknown_key", term=str(source))
        target = _live_key(vocab, kind, target)
        if source == target:
            raise UserError("vocabulary.same", term=source)
        changed = _rewrite_records(s, who, kind, source, target)
        row = _materialise(s, vocab, kind, source)
        was_review = row.needs_review
        row.merged_into, row.active, row.needs_review = target, False, False
        for other in s.scalars(select(VocabularyTerm).where(VocabularyTerm.kind == kind,
                                                            VocabularyTerm.merged_into == source)):
            other.merged_into = target
        for alias in s.scalars(select(VocabularyAlias).where(VocabularyAlias.kind == kind,
                                                             VocabularyAlias.key == source)):
            alias.key = target
        s.flush()
        target_names = _own_names(vocab, kind, target)
        for norm in {normalize_name(t) for t in (source, row.label_id, row.label_en) if t} - target_names - {""}:
            _upsert_alias(s, kind, norm, target)  # the old key and labels keep resolving, to the target
        _audit(s, who, "merge", kind, source, {"merged_into": [None, target], "records": [None, changed],
                                               **({"needs_review": [True, False]} if was_review else {})})
    return changed


def map_review_label(engine: Engine, actor: Principal, kind: str, key: str, target: str) -> int:
    """Map a label an import kept as written (a needs-review term) onto an existing term, once for all its records
    (admins): a ``merge`` that only takes needs-review terms. Returns how many records changed."""
    require(actor, "admin")
    _check_kind(kind)
    with storage.transaction(engine) as s:
        row = _term(s, kind, key)
        if row is None or not row.needs_review or row.merged_into:
            raise UserError("vocabulary.not_review", term=str(key))
    return merge(engine, actor, kind, key, target)


def _rewrite_records(session: Session, who: str, kind: str, source: str, target: str) -> int:
    """Replace ``source`` by ``target`` in every record holding it; one audit entry per record changed."""
    changed = 0
    pattern = f'%"{source}"%'
    if kind == "sector":
        for a in session.scalars(select(Agreement).where(cast(Agreement.sectors, String).like(pattern))):
            if source in (a.sectors or []):
                new = sorted(set(a.sectors) - {source} | {target})
                session.add(AuditEntry(actor=who, action="update", record_type="agreement", record_key=a.doc_number,
                                       changes={"sectors": [sorted(a.sectors), new]}))
                a.sectors = new
                flag_modified(a, "sectors")
                changed += 1
        for v in session.scalars(select(Visit).where(cast(Visit.focus_sectors, String).like(pattern))):
            if source in (v.focus_sectors or []):
                new = sorted(set(v.focus_sectors) - {source} | {target})
                session.add(AuditEntry(actor=who, action="update", record_type="visit", record_key=v.ref,
                                       changes={"focus_sectors": [list(v.focus_sectors), new]}))
                v.focus_sectors = new
                flag_modified(v, "focus_sectors")
                changed += 1
    elif kind == "agreement_type":
        for a in session.scalars(select(Agreement).where(Agreement.type == source)):
            session.add(AuditEntry(actor=who, action="update", record_type="agreement", record_key=a.doc_number,
                                   changes={"type": [source, target]}))
            a.type = target
            changed += 1
    else:
        for a in session.scalars(select(Agreement).where(Agreement.id.in_(
                select(Obstacle.agreement_id).where(Obstacle.kind == source)))):
            before = sorted(o.kind for o in a.obstacles)
            notes = {}
            for o in list(a.obstacles):
                if o.kind == source:
                    if any(p.kind == target for p in a.obstacles):  # already has the target: keep one, its notes
                        notes.setdefault(target, []).append(o.note or "")
                        a.obstacles.remove(o)
                    else:
                        o.kind = target
            for o in a.obstacles:
                extra = [n for n in notes.get(o.kind, []) if n and n not in (o.note or "")]
                if extra:
                    o.note = "; ".join([o.note, *extra] if o.note else extra)
            flag_modified(a, "notes")  # the agreement's version moves: other editors holding it must reload
            session.add(AuditEntry(actor=who, action="update", record_type="agreement", record_key=a.doc_number,
                                   changes={"obstacles": [before, sorted(o.kind for o in a.obstacles)]}))
            changed += 1
    session.flush()
    return changed


# ------------------------------------------------------------------ labels needing review

def ensure_review_terms(session: Session, actor: Principal, labels: dict[tuple[str, str], str]) -> list[str]:
    """Create a needs-review term for each (kind, key) → label as written that no term has yet (the importer's
    commit, inside its transaction; editors and admins). Returns the keys created."""
    who = require(actor, "editor").username
    vocab = _load(session)
    created = []
    for (kind, key), text in sorted(labels.items()):
        if vocab.knows(kind, key) or _term(session, kind, key) is not None:
            continue
        # as written, less what no database stores (NUL, broken surrogates: the row's own text was checked already)
        text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8").strip()[:LABEL_LIMIT] or key
        session.add(VocabularyTerm(kind=kind, key=key, label_id=text, label_en="", needs_review=True))
        _audit(session, who, "create", kind, key, {"label_id": [None, text], "needs_review": [None, True]})
        created.append(f"{kind}:{key}")
    return created


def review_list(engine: Engine) -> list[dict]:
    """The labels needing review: kind, key, label as written and how many records use it."""
    with storage.transaction(engine) as s:
        rows = list(s.scalars(select(VocabularyTerm).where(VocabularyTerm.needs_review.is_(True),
                                                           VocabularyTerm.merged_into.is_(None))
                              .order_by(VocabularyTerm.kind, VocabularyTerm.key)))
        return [{"kind": r.kind, "key": r.key, "label": r.label_id, "records": usage(s, r.kind, r.key)}
                for r in rows]


def usage(session: Session, kind: str, key: str) -> int:
    """How many records (agreements and visits) use ``key``."""
    if kind == "agreement_type":
        return len(list(session.scalars(select(Agreement.id).where(Agreement.type == key))))
    if kind == "obstacle":
        return len(set(session.scalars(select(Obstacle.agreement_id).where(Obstacle.kind == key))))
    pattern = f'%"{key}"%'
    n = sum(1 for sectors in session.scalars(select(Agreement.sectors).where(
        cast(Agreement.sectors, String).like(pattern))) if key in (sectors or []))
    return n + sum(1 for sectors in session.scalars(select(Visit.focus_sectors).where(
        cast(Visit.focus_sectors, String).like(pattern))) if key in (sectors or []))


def terms_table(engine: Engine, lang: str = "id") -> list[dict]:
    """Every term for the admin page: kind, key, both labels, aliases, state (default, database, review, merged)."""
    with storage.transaction(engine) as s:
        vocab = _load(s)
        rows = {(r.kind, r.key): r for r in s.scalars(select(VocabularyTerm))}
        alias_rows = list(s.scalars(select(VocabularyAlias)))
    out = []
    for kind in KINDS:
        aliases: dict[str, list[str]] = {}
        for text, key in {**{normalize_name(a): k for a, k in DEFAULT_ALIASES[kind].items()},
                          **{a.alias: a.key for a in alias_rows if a.kind == kind}}.items():
            aliases.setdefault(vocab.follow(kind, key), []).append(text)
        for key, labels in vocab.terms[kind].items():
            row = rows.get((kind, key))
            state = "review" if key in vocab.review[kind] else ("default" if row is None else "custom")
            own = {normalize_name(t) for t in (key, labels["id"], labels["en"])}
            out.append({"kind": kind, "key": key, "label_id": labels["id"], "label_en": labels["en"],
                        "aliases": ", ".join(sorted(a for a in aliases.get(key, []) if a not in own)),
                        "state": state})
        for key, into in vocab.merged[kind].items():
            out.append({"kind": kind, "key": key, "label_id": (rows[(kind, key)].label_id if (kind, key) in rows
                                                               else key),
                        "label_en": "", "aliases": "", "state": f"merged:{vocab.follow(kind, into)}"})
    return out
