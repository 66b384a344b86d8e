"""Sinergi's vocabularies as shipped, with their Indonesian and English labels.

Statuses and time zones are fixed (they drive the analysis). Sectors, agreement types and obstacles are open
vocabularies kept in the database and managed by an admin (``geo.records.vocabularies``); the dicts here are
their defaults, in effect on a database with no terms. ``SECTORS`` stays as it was (the simulated sample draws
from it); ``MINISTRY_SECTORS`` adds the areas the ministry's visits name, and ``SECTOR_ALIASES`` the ways
government offices commonly write sectors.
"""

from __future__ import annotations

# Agreement types: kesepakatan bersama, perjanjian kerja sama, or other.
AGREEMENT_TYPES = {
    "KB": {"id": "Kesepakatan Bersama", "en": "Joint agreement (KB)"},
    "PKS": {"id": "Perjanjian Kerja Sama", "en": "Cooperation agreement (PKS)"},
    "lainnya": {"id": "Lainnya", "en": "Other"},
}
AGREEMENT_TYPE_ALIASES = {
    "kb": "KB", "kesepakatan bersama": "KB", "mou": "KB", "nota kesepahaman": "KB", "joint agreement": "KB",
    "pks": "PKS", "perjanjian kerja sama": "PKS", "perjanjian kerjasama": "PKS", "cooperation agreement": "PKS",
    "lainnya": "lainnya", "lain lain": "lainnya", "other": "lainnya",
}

STATUSES = {
    "usulan": {"id": "Usulan", "en": "Proposed"},
    "ditandatangani": {"id": "Ditandatangani", "en": "Signed"},
    "berjalan": {"id": "Berjalan", "en": "Running"},
    "selesai": {"id": "Selesai", "en": "Completed"},
    "terhambat": {"id": "Terhambat", "en": "Stalled"},
    "batal": {"id": "Batal", "en": "Cancelled"},
}
STATUS_ALIASES = {
    "usulan": "usulan", "diusulkan": "usulan", "proposed": "usulan", "draft": "usulan",
    "ditandatangani": "ditandatangani", "ttd": "ditandatangani", "signed": "ditandatangani",
    "berjalan": "berjalan", "aktif": "berjalan", "running": "berjalan", "active": "berjalan", "ongoing": "berjalan",
    "selesai": "selesai", "completed": "selesai", "done": "selesai", "berakhir": "selesai",
    "terhambat": "terhambat", "stalled": "terhambat", "blocked": "terhambat", "tertunda": "terhambat",
    "batal": "batal", "dibatalkan": "batal", "cancelled": "batal", "canceled": "batal",
}

# Moderation of the parties' feedback (geo.records.party_feedback): pending, approved, rejected.
FEEDBACK_STATUSES = {
    "menunggu": {"id": "Menunggu moderasi", "en": "Awaiting moderation"},
    "disetujui": {"id": "Disetujui", "en": "Approved"},
    "ditolak": {"id": "Ditolak", "en": "Rejected"},
}

OBSTACLES = {
    "anggaran": {"id": "Anggaran", "en": "Budget"},
    "perbedaan_persepsi": {"id": "Perbedaan persepsi", "en": "Differing perceptions"},
    "regulasi": {"id": "Regulasi", "en": "Regulation"},
    "komitmen": {"id": "Komitmen", "en": "Commitment"},
    "lainnya": {"id": "Lainnya", "en": "Other"},
}
OBSTACLE_ALIASES = {
    "anggaran": "anggaran", "budget": "anggaran", "dana": "anggaran", "pendanaan": "anggaran",
    "perbedaan persepsi": "perbedaan_persepsi", "persepsi": "perbedaan_persepsi",
    "differing perceptions": "perbedaan_persepsi", "perception": "perbedaan_persepsi",
    "regulasi": "regulasi", "regulation": "regulasi", "peraturan": "regulasi",
    "komitmen": "komitmen", "commitment": "komitmen",
    "lainnya": "lainnya", "lain lain": "lainnya", "other": "lainnya",
}

SECTORS = {
    "pendidikan": {"id": "Pendidikan", "en": "Education"},
    "kesehatan": {"id": "Kesehatan", "en": "Health"},
    "pariwisata": {"id": "Pariwisata", "en": "Tourism"},
    "perdagangan": {"id": "Perdagangan", "en": "Trade"},
    "pertanian": {"id": "Pertanian", "en": "Agriculture"},
    "perikanan": {"id": "Kelautan dan Perikanan", "en": "Marine affairs and fisheries"},
    "infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "transportasi": {"id": "Transportasi", "en": "Transport"},
    "lingkungan": {"id": "Lingkungan Hidup", "en": "Environment"},
    "energi": {"id": "Energi", "en": "Energy"},
    "industri": {"id": "Industri", "en": "Industry"},
    "umkm": {"id": "UMKM", "en": "Small businesses (UMKM)"},
    "investasi": {"id": "Investasi", "en": "Investment"},
    "pemerintahan": {"id": "Tata Kelola Pemerintahan", "en": "Governance"},
    "kependudukan": {"id": "Kependudukan dan Pencatatan Sipil", "en": "Civil registration"},
    "pangan": {"id": "Ketahanan Pangan", "en": "Food security"},
    "air_sanitasi": {"id": "Air Minum dan Sanitasi", "en": "Water and sanitation"},
    "kebencanaan": {"id": "Penanggulangan Bencana", "en": "Disaster management"},
    "sosial": {"id": "Sosial", "en": "Social affairs"},
    "ketenagakerjaan": {"id": "Ketenagakerjaan", "en": "Employment"},
}

# The areas the vice-ministers' working visits name, beyond SECTORS (Pariwisata, Infrastruktur and Investasi
# are there already): defaults of the open sector vocabulary, not drawn by the simulated sample.
MINISTRY_SECTORS = {
    "ekonomi_kreatif": {"id": "Ekonomi Kreatif", "en": "Creative economy"},
    "pengembangan_sdm": {"id": "Pengembangan SDM", "en": "Human resources development"},
    "regulasi_perizinan": {"id": "Regulasi dan Perizinan", "en": "Regulation and licensing"},
}

# Other ways offices write a sector (matched after normalising case, spacing and punctuation): nomenclature of
# ministries and regional offices (dinas) and their usual abbreviations.
SECTOR_ALIASES = {
    # short forms accepted before the vocabularies were open
    "kelautan": "perikanan", "perikanan": "perikanan", "lingkungan hidup": "lingkungan", "air minum": "air_sanitasi",
    "sanitasi": "air_sanitasi", "bencana": "kebencanaan", "tenaga kerja": "ketenagakerjaan",
    "tata kelola": "pemerintahan", "adminduk": "kependudukan", "dukcapil": "kependudukan",
    # the ministry's areas
    "sdm": "pengembangan_sdm", "sumber daya manusia": "pengembangan_sdm",
    "pengembangan sumber daya manusia": "pengembangan_sdm", "pengembangan kapasitas": "pengembangan_sdm",
    "ekraf": "ekonomi_kreatif", "ekonomi kreatif": "ekonomi_kreatif", "pariwisata dan ekonomi kreatif": "pariwisata",
    "parekraf": "pariwisata", "perizinan": "regulasi_perizinan", "regulasi perizinan": "regulasi_perizinan",
    "regulasi dan perizinan": "regulasi_perizinan", "ptsp": "regulasi_perizinan",
    "pelayanan perizinan": "regulasi_perizinan", "penanaman modal": "investasi", "investasi": "investasi",
    "pmdn": "investasi", "pma": "investasi",
    # nomenclature of ministries and dinas
    "perhubungan": "transportasi", "dishub": "transportasi", "pupr": "infrastruktur",
    "pekerjaan umum": "infrastruktur", "pekerjaan umum dan penataan ruang": "infrastruktur",
    "pu": "infrastruktur", "umkm": "umkm", "koperasi": "umkm", "koperasi dan umkm": "umkm", "ukm": "umkm",
    "kelautan dan perikanan": "perikanan", "kkp": "perikanan", "esdm": "energi",
    "energi dan sumber daya mineral": "energi", "kesehatan masyarakat": "kesehatan", "dinkes": "kesehatan",
    "disdik": "pendidikan", "pendidikan dan kebudayaan": "pendidikan", "perindustrian": "industri",
    "perdagangan dan perindustrian": "perdagangan", "ketahanan pangan": "pangan", "tanaman pangan": "pertanian",
    "lingkungan": "lingkungan", "kehutanan": "lingkungan", "lingkungan hidup dan kehutanan": "lingkungan",
    "penanggulangan bencana": "kebencanaan", "bpbd": "kebencanaan", "naker": "ketenagakerjaan",
    "disnaker": "ketenagakerjaan", "sosial": "sosial", "dinsos": "sosial", "pemerintahan": "pemerintahan",
    "pemerintahan umum": "pemerintahan", "pangan": "pangan", "pendidikan": "pendidikan",
}

# What a working visit sets out to advance, by area (a visit's ``goals``), and the sectors whose agreements count as
# what followed in that area (``geo.analysis.goals``). Fixed, like statuses: a sector an admin adds to the open
# vocabulary counts for no area until it is listed here.
GOAL_AREAS = {
    "infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "ekonomi_kreatif": {"id": "Ekonomi kreatif", "en": "Creative economy"},
    "sdm": {"id": "Sumber daya manusia", "en": "Human resources"},
    "regulasi": {"id": "Regulasi", "en": "Regulation"},
    "pangan_lingkungan": {"id": "Pangan dan lingkungan", "en": "Food and environment"},
}
GOAL_SECTORS = {
    "infrastruktur": ("infrastruktur", "transportasi", "energi", "air_sanitasi"),
    "ekonomi_kreatif": ("ekonomi_kreatif", "pariwisata", "umkm", "industri", "perdagangan", "investasi"),
    "sdm": ("pengembangan_sdm", "pendidikan", "kesehatan", "ketenagakerjaan", "sosial"),
    "regulasi": ("regulasi_perizinan", "pemerintahan", "kependudukan", "kebencanaan"),
    "pangan_lingkungan": ("pangan", "pertanian", "perikanan", "lingkungan"),
}
GOAL_ALIASES = {"sumber daya manusia": "sdm", "pengembangan sdm": "sdm", "human resources": "sdm",
                "ekraf": "ekonomi_kreatif", "creative economy": "ekonomi_kreatif", "infrastructure": "infrastruktur",
                "regulation": "regulasi", "perizinan": "regulasi", "pangan": "pangan_lingkungan",
                "lingkungan": "pangan_lingkungan"}


def goal_key(text: str) -> str | None:
    """The goal area a key, label (either language) or alias names, case and spacing ignored; else None.

    >>> goal_key("Sumber Daya Manusia"), goal_key("ekonomi kreatif"), goal_key("pariwisata")
    ('sdm', 'ekonomi_kreatif', None)
    """
    from geo.regions.names import normalize_name

    wanted = normalize_name(text)
    for key, labels in GOAL_AREAS.items():
        if wanted in (normalize_name(key), normalize_name(labels["id"]), normalize_name(labels["en"])):
            return key
    return GOAL_ALIASES.get(wanted)


# Indonesian time zones and their UTC offsets in hours.
TIME_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

# Mitigation for each obstacle (shown in drill-downs and planner).
MITIGATIONS = {
    "anggaran": {"id": "Perencanaan anggaran dan sumber pendanaan alternatif",
                 "en": "Budget planning and alternative funding sources"},
    "perbedaan_persepsi": {"id": "Forum komunikasi dan koordinasi", "en": "Communication and coordination forum"},
    "regulasi": {"id": "Advokasi penyesuaian regulasi", "en": "Advocacy for regulatory adjustment"},
    "komitmen": {"id": "Tim koordinasi, insentif, pemantauan berkala",
                 "en": "Coordination team, incentives, regular monitoring"},
    "lainnya": {"id": "Kajian bersama para pihak", "en": "Joint review with the parties"},
}


def sector_key(text: str) -> str | None:
    """The default sector key for a label, key or common alias in either language (case and spacing ignored);
    the database's terms are ``geo.records.vocabularies.current(engine).key_for("sector", text)``'s."""
    from geo.regions.names import normalize_name

    wanted = normalize_name(text)
    for key, labels in {**SECTORS, **MINISTRY_SECTORS}.items():
        if wanted in (normalize_name(key), normalize_name(labels["id"]), normalize_name(labels["en"])):
            return key
    return SECTOR_ALIASES.get(wanted)
