"""A deterministic, clearly labelled SIMULATED data set over the real regions.

About 150 working visits (2021–2026) by several vice ministers and about 2,000
agreements whose partners follow population and distance (neighbours more
likely), with sectors, values, status histories and obstacles that look like
the real thing. Every record has ``simulated=True``. A few running or completed agreements and visits carry drawn
pictures (``geo.evidence.sample_photos``), also marked simulated, so the gallery is not empty.

Planted effect (the ground truth the impact engine is checked against): for
``EFFECT_MONTHS`` months after a visit, the visited regency initiates new
agreements at ``DIRECT_RATE_RATIO`` times its usual rate, and its land
neighbours at ``NEIGHBOUR_RATE_RATIO`` times. Cooperation also grows
everywhere by ``TREND_PER_YEAR`` a year, which is what makes a plain
before/after comparison misleading. The ground truth is stored with the data
(``dataset_info`` key ``sample_ground_truth``).

Monitoring (``geo.monitoring.kpis``, ``geo.analysis.goals``), drawn with a random generator of its own so the
records above stay exactly as they were: every visit's goals are the areas of its focus sectors
(``GOAL_SECTORS``); about half of the agreements running at the end of the sample have a KPI (baseline, target by
the agreement's end, monthly or quarterly readings) whose readings run up to ``MONITORING_AS_OF``: about half up
to date, a quarter due and a quarter overdue on that day, and some behind their line (off track).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
from sqlalchemy import Engine, delete, func, select

from geo.access.roles import SAMPLE_SEEDER, Principal, require
from geo.db import storage
from geo.db.models import Agreement, AuditEntry, DatasetInfo, record_tables
from geo.evidence import sample_photos
from geo.records import write
from geo.records.write import AgreementData, Indicator, Party, StopData, VisitData
from geo.regions import lookup
from geo.regions.geodesy import haversine_km
from geo.text.messages import UserError
from geo.text.parsing import time_zone_for_province
from geo.text.vocabulary import GOAL_SECTORS, SECTORS, TIME_ZONES

SEED = 20240820
START = dt.date(2021, 1, 1)
END = dt.date(2026, 6, 30)
N_VISITS = 150
TARGET_AGREEMENTS = 2000
EFFECT_MONTHS = 12
DIRECT_RATE_RATIO = 2.0
NEIGHBOUR_RATE_RATIO = 1.3
TREND_PER_YEAR = 0.12
ACTOR = "sampel-simulasi"
MONITORING_AS_OF = dt.date(2026, 11, 30)  # the day the sample's KPI readings are drawn up to

MINISTRIES = {
    "Wakil Menteri Dalam Negeri": ("Kementerian Dalam Negeri", ["pemerintahan", "kependudukan", "kebencanaan"]),
    "Wakil Menteri Perencanaan Pembangunan Nasional": ("Kementerian PPN/Bappenas",
                                                       ["infrastruktur", "pangan", "air_sanitasi"]),
    "Wakil Menteri Perdagangan": ("Kementerian Perdagangan", ["perdagangan", "umkm", "investasi"]),
    "Wakil Menteri Pariwisata": ("Kementerian Pariwisata", ["pariwisata", "umkm", "lingkungan"]),
    "Wakil Menteri Pertanian": ("Kementerian Pertanian", ["pertanian", "pangan", "perikanan"]),
    "Wakil Menteri Perhubungan": ("Kementerian Perhubungan", ["transportasi", "infrastruktur"]),
    "Wakil Menteri Kesehatan": ("Kementerian Kesehatan", ["kesehatan", "air_sanitasi", "sosial"]),
}
TITLES = {
    "pendidikan": "Peningkatan mutu pendidikan", "kesehatan": "Layanan kesehatan rujukan bersama",
    "pariwisata": "Pengembangan destinasi wisata terpadu", "perdagangan": "Kerja sama perdagangan antardaerah",
    "pertanian": "Pengembangan kawasan agribisnis", "perikanan": "Pengelolaan perikanan dan kelautan",
    "infrastruktur": "Pembangunan infrastruktur penghubung", "transportasi": "Integrasi angkutan umum antarwilayah",
    "lingkungan": "Pengelolaan sampah dan lingkungan hidup", "energi": "Pengembangan energi terbarukan",
    "industri": "Pengembangan kawasan industri", "umkm": "Pemberdayaan UMKM bersama",
    "investasi": "Promosi investasi bersama", "pemerintahan": "Peningkatan kapasitas aparatur",
    "kependudukan": "Integrasi data kependudukan", "pangan": "Ketahanan pangan regional",
    "air_sanitasi": "Penyediaan air minum lintas batas", "kebencanaan": "Penanggulangan bencana terpadu",
    "sosial": "Perlindungan sosial terpadu", "ketenagakerjaan": "Penempatan dan pelatihan tenaga kerja",
}
OBSTACLE_NOTES = {
    "anggaran": ["APBD belum mengalokasikan dana", "Dana bagi hasil terlambat", "Pemotongan anggaran"],
    "perbedaan_persepsi": ["Beda tafsir pembagian kewenangan", "Belum sepakat lokasi kegiatan"],
    "regulasi": ["Menunggu peraturan daerah", "Perlu penyesuaian Permendagri"],
    "komitmen": ["Pergantian kepala daerah", "Rapat koordinasi tidak berlanjut"],
}


def _months() -> list[dt.date]:
    out, d = [], START
    while d <= END:
        out.append(d)
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def generate(seed: int = SEED) -> tuple[list[VisitData], list[AgreementData], dict]:
    """The sample: visits, agreements and the ground truth. Same seed, same data."""
    rng = np.random.default_rng(seed)
    regs = lookup.all_regions("regency")
    codes = [r.code for r in regs]
    index = {c: i for i, c in enumerate(codes)}
    pop = np.array([r.population or 100_000 for r in regs], dtype=float)
    lon = np.array([r.label_lon for r in regs])
    lat = np.array([r.label_lat for r in regs])
    weight = np.sqrt(pop / pop.mean())
    neighbours = [[index[n.code] for n in lookup.neighbors(c)] for c in codes]
    months = _months()

    # Visits: regencies weighted by population, 1-3 stops in one province.
    visits: list[VisitData] = []
    visit_months: dict[int, list[tuple[int, str]]] = {}
    visit_sectors: dict[str, list[str]] = {}
    roles = list(MINISTRIES)
    for k in range(N_VISITS):
        role = roles[int(rng.integers(len(roles)))]
        first = int(rng.choice(len(codes), p=weight / weight.sum()))
        same_prov = [i for i in range(len(codes)) if codes[i][:2] == codes[first][:2] and i != first]
        n_stops = int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))
        stops_idx = [first] + list(rng.choice(same_prov, size=min(n_stops - 1, len(same_prov)), replace=False)) \
            if same_prov else [first]
        day = START + dt.timedelta(days=int(rng.integers(60, (END - START).days - 30)))
        tz = time_zone_for_province(codes[first])
        offset = dt.timezone(dt.timedelta(hours=TIME_ZONES[tz]))
        stops = []
        for j, i in enumerate(stops_idx):
            start = dt.datetime.combine(day + dt.timedelta(days=j), dt.time(9 if j % 2 == 0 else 13), tzinfo=offset)
            stops.append(StopData(region_code=codes[i], place_name=f"Kantor {regs[i].name}", start_at=start,
                                  end_at=start + dt.timedelta(hours=3),
                                  agenda=f"Rapat koordinasi kerja sama daerah di {regs[i].name}",
                                  people_met=f"Kepala daerah {regs[i].name}; Sekretaris Daerah"))
            visit_months.setdefault(int(i), []).append(((day.year - START.year) * 12 + day.month - 1,
                                                        f"KUNKER-SIM-{k + 1:03d}"))
        ministry, sectors = MINISTRIES[role]
        visit_sectors[f"KUNKER-SIM-{k + 1:03d}"] = sectors
        visits.append(VisitData(ref=f"KUNKER-SIM-{k + 1:03d}", official_role=role, ministry=ministry,
                                start_at=stops[0].start_at, end_at=stops[-1].end_at, time_zone=tz,
                                agenda="; ".join(s.agenda for s in stops), focus_sectors=list(sectors[:2]),
                                people_met="; ".join(s.people_met for s in stops), stops=stops, simulated=True))

    # Monthly rate of new agreements initiated by each regency.
    t = np.arange(len(months))
    trend = (1 + TREND_PER_YEAR) ** (t / 12.0)
    multiplier = np.ones((len(codes), len(months)))
    for i, events in visit_months.items():
        for m0, _ in events:
            window = slice(m0 + 1, m0 + 1 + EFFECT_MONTHS)
            multiplier[i, window] = np.maximum(multiplier[i, window], DIRECT_RATE_RATIO)
            for n in neighbours[i]:
                multiplier[n, window] = np.maximum(multiplier[n, window], NEIGHBOUR_RATE_RATIO)
    shape = weight[:, None] * trend[None, :] * multiplier
    base = TARGET_AGREEMENTS / shape.sum()
    counts = rng.poisson(base * shape)

    sector_keys = list(SECTORS)
    agreements: list[AgreementData] = []
    seq_per_year: dict[int, int] = {}
    for i in range(len(codes)):
        for m in np.flatnonzero(counts[i]):
            for _ in range(int(counts[i, m])):
                agreements.append(_agreement(rng, i, int(m), codes, regs, lon, lat, pop, neighbours, months,
                                             visit_months, visit_sectors, sector_keys, seq_per_year))
    agreements.sort(key=lambda a: (a.signed_on or a.start_on or END, a.doc_number))
    _monitoring(visits, agreements, seed)
    truth = {
        "seed": seed, "unit": "regency", "outcome": "new agreements initiated per regency-month",
        "effect_months": EFFECT_MONTHS, "direct_rate_ratio": DIRECT_RATE_RATIO,
        "neighbour_rate_ratio": NEIGHBOUR_RATE_RATIO, "trend_per_year": TREND_PER_YEAR,
        "baseline_rate_per_month_at_mean_population": round(float(base), 5),
        "period": [START.isoformat(), END.isoformat()],
        "visited_regencies": sorted({codes[i] for i in visit_months}),
    }
    return visits, agreements, truth


def _agreement(rng, i, m, codes, regs, lon, lat, pop, neighbours, months, visit_months, visit_sectors,
               sector_keys, seq_per_year) -> AgreementData:
    month = months[m]
    signed = month + dt.timedelta(days=int(rng.integers(0, 28)))
    # Partners: nearby and populous regencies, neighbours much more likely.
    dist = haversine_km(lon[i], lat[i], lon, lat)
    p = np.sqrt(pop) * np.exp(-dist / 250.0)
    p[neighbours[i]] *= 6
    p[i] = 0
    p /= p.sum()
    n_partners = int(rng.choice([1, 2, 3], p=[0.7, 0.22, 0.08]))
    partners = list(rng.choice(len(codes), size=n_partners, replace=False, p=p))
    parties = [Party(codes[i])] + [Party(codes[int(j)]) for j in partners]
    if rng.random() < 0.1:
        parties.append(Party(codes[i][:2]))  # the province joins
    if rng.random() < 0.08:
        parties.append(Party(partner_name=str(rng.choice(["Universitas Negeri setempat", "PT Bank Pembangunan Daerah",
                                                          "Badan Usaha Milik Daerah", "Kamar Dagang dan Industri"]))))
    # A visit in the last months makes a linked agreement in its sectors likely.
    visit_ref, sector = None, str(rng.choice(sector_keys))
    recent = [ref for m0, ref in visit_months.get(i, []) if 0 <= m - m0 <= EFFECT_MONTHS]
    if recent and rng.random() < 0.6:
        visit_ref = recent[-1]
        sector = str(rng.choice(visit_sectors[visit_ref])) if rng.random() < 0.6 else sector
    sectors = sorted({sector} | ({str(rng.choice(sector_keys))} if rng.random() < 0.2 else set()))
    a_type = str(rng.choice(["KB", "PKS", "lainnya"], p=[0.45, 0.5, 0.05]))
    year = signed.year
    seq_per_year[year] = seq_per_year.get(year, 0) + 1
    doc = f"{seq_per_year[year]:04d}/{a_type.upper()}/SIM/{year}"
    value = None if rng.random() < 0.2 else int(round(math.exp(rng.normal(math.log(5e8), 1.0)), -6))
    start = signed + dt.timedelta(days=int(rng.integers(0, 45)))
    end = _add_months(start, int(rng.choice([12, 24, 36, 60])))
    history, status, obstacles = _history(rng, signed, start, end)
    indicators = []
    if status in ("berjalan", "selesai", "terhambat") and rng.random() < 0.3:
        target = float(rng.integers(5, 50)) * 10
        readings, q = [], _add_months(start, 3)
        share = 0.0
        while q <= min(END, end) and len(readings) < 12:
            share = min(1.0, share + float(rng.uniform(0.05, 0.3)) * (0.3 if status == "terhambat" else 1))
            readings.append((q, round(target * share, 1)))
            q = _add_months(q, 3)
        indicators.append(Indicator(name=f"Capaian {TITLES[sector].lower()}", unit="kegiatan", target=target,
                                    readings=tuple(readings)))
    if history[0][0] == "usulan":
        signed = None
    return AgreementData(
        doc_number=doc, title=f"{TITLES[sector]} {regs[i].name}", type=a_type, status=status, parties=parties,
        sectors=sectors, signed_on=signed, start_on=start if signed else None, end_on=end if signed else None,
        value_idr=value, obstacles=obstacles, visit_ref=visit_ref, status_history=history, simulated=True,
        indicators=indicators, notes="Data simulasi")


def _monitoring(visits: list[VisitData], agreements: list[AgreementData], seed: int) -> None:
    """Goals on the visits and KPIs on running agreements (see the module's docstring), in place."""
    from geo.monitoring.kpis import FREQUENCY_MONTHS, add_months, expected_share

    for v in visits:
        v.goals = [g for g, sectors in GOAL_SECTORS.items() if set(sectors) & set(v.focus_sectors)]
    rng = np.random.default_rng(seed + 18)
    for a in agreements:
        a.indicators = [dataclasses.replace(i, baseline=0.0, target_on=a.end_on) for i in a.indicators]
        if a.status != "berjalan" or not a.start_on or not a.end_on or rng.random() >= 0.5:
            continue
        frequency = "monthly" if rng.random() < 0.3 else "quarterly"
        months = FREQUENCY_MONTHS[frequency]
        state = rng.choice(["ok", "due", "overdue"], p=[0.5, 0.25, 0.25])
        if state == "ok":
            last = MONITORING_AS_OF - dt.timedelta(days=int(rng.integers(3, months * 28)))
        elif state == "due":
            last = add_months(MONITORING_AS_OF - dt.timedelta(days=int(rng.integers(0, 26))), -months)
        else:
            last = add_months(MONITORING_AS_OF - dt.timedelta(days=int(rng.integers(35, 150))), -months)
        dates = []
        while last > a.start_on and len(dates) < 24:
            dates.append(last)
            last = add_months(last, -months)
        sector = a.sectors[0]
        baseline = float(rng.integers(0, 5)) * 10
        target = baseline + float(rng.integers(5, 50)) * 10
        pace = float(rng.uniform(0.6, 1.15))
        readings = []
        for d in sorted(dates):
            share = min(1.0, expected_share(a.start_on, a.end_on, d) * pace + float(rng.normal(0, 0.03)))
            readings.append((d, round(baseline + (target - baseline) * max(0.0, share), 1),
                             "Laporan berkala" if frequency == "quarterly" else "Laporan bulanan", ACTOR))
        a.indicators = [Indicator(name=f"Capaian {TITLES.get(sector, sector).lower()}", unit="kegiatan",
                                  target=target, readings=tuple(readings), baseline=baseline, target_on=a.end_on,
                                  frequency=frequency)]


def _history(rng, signed, start, end):
    history = [("ditandatangani", signed)]
    obstacles = []
    if signed > END - dt.timedelta(days=60) and rng.random() < 0.5:
        return [("usulan", signed)], "usulan", []
    running = start + dt.timedelta(days=int(rng.integers(15, 120)))
    if running <= END:
        history.append(("berjalan", running))
    roll = rng.random()
    if len(history) == 2 and roll < 0.22:
        stalled = running + dt.timedelta(days=int(rng.integers(60, 400)))
        if stalled <= END:
            history.append(("terhambat", stalled))
            kind = str(rng.choice(list(OBSTACLE_NOTES), p=[0.4, 0.15, 0.2, 0.25]))
            obstacles.append((kind, str(rng.choice(OBSTACLE_NOTES[kind]))))
            if rng.random() < 0.25:
                history.append(("batal", stalled + dt.timedelta(days=int(rng.integers(60, 300)))))
    elif len(history) == 2 and end <= END and roll < 0.9:
        history.append(("selesai", end))
    elif roll > 0.985:
        history.append(("batal", signed + dt.timedelta(days=int(rng.integers(30, 200)))))
    history = [(s, d) for s, d in history if d <= END]
    return history, history[-1][0], obstacles


def is_empty(engine: Engine) -> bool:
    """No record and no audit entry about records (entries about users, e.g. the first admin's creation and
    logins, do not count: the sample still goes into a database whose admin was made first)."""
    with storage.transaction(engine) as s:
        return all(s.scalar(select(func.count()).select_from(t).where(
            *([AuditEntry.record_type != "user"] if t.name == AuditEntry.__tablename__ else []))) == 0
                   for t in record_tables() if t.name != "dataset_info")


def seed(engine: Engine, actor: Principal, *, replace: bool = False, force: bool = False,
         progress=None) -> dict[str, int]:
    """Store the sample in an empty database (editors and admins).

    ``progress(done, total)``, when given, is called as records are written (about every 2% of them; ``done``
    counts visits and agreements written, ``total`` all of them), the first time with ``done == 0`` before the
    sample is generated.

    ``replace`` puts a fresh sample in place of every record: admins only, and only while no real (imported or
    typed-in) record exists unless ``force``. The audit trail is kept, with an entry for the replacement. The
    records are audited as written by ``ACTOR`` (the sample's author), whoever seeds them.
    """
    require(actor, "admin" if replace else "editor")
    sample_author = Principal(ACTOR, actor.role)
    if not replace and not is_empty(engine):
        return {"visits": 0, "agreements": 0}
    if replace and not force:
        counts = simulated_counts(engine)
        real = counts["real_agreements"] + counts["real_visits"]
        if real:
            raise UserError("sample.real_data", n=real)
    if progress:
        progress(0, 0)
    visits, agreements, truth = generate()
    total = len(visits) + len(agreements)
    step = max(1, total // 50)
    with storage.transaction(engine) as s:
        if replace:
            for table in reversed(record_tables()):
                if table.name != AuditEntry.__tablename__:
                    s.execute(delete(table))
            s.add(AuditEntry(actor=actor.username, action="replace", record_type="dataset", record_key="sample",
                             changes={}))
        for i, v in enumerate(visits, start=1):
            write.save_visit(s, v, sample_author, assume_new=True)
            if progress and i % step == 0:
                progress(i, total)
        s.flush()
        for i, a in enumerate(agreements, start=len(visits) + 1):
            write.save_agreement(s, a, sample_author, assume_new=True)
            if progress and i % step == 0:
                progress(i, total)
        s.flush()
        sample_photos.seed_pictures(s, agreements, visits, sample_author, truth["seed"])  # so the gallery shows some
        s.merge(DatasetInfo(key="sample_ground_truth", value=truth))
        s.merge(DatasetInfo(key="simulated", value={"simulated": True, "seed": truth["seed"]}))
    return {"visits": len(visits), "agreements": len(agreements)}


def seed_sqlite(path) -> tuple:
    """Seed the sample into a new SQLite file at ``path`` (migrated first) and return its (agreements, visits)
    frames, as ``geo.records.read`` gives them: the benchmarks' and the tests' data set."""
    from geo.records import read

    eng = storage.make_engine(f"sqlite:///{path}")
    try:
        storage.migrate(eng)
        seed(eng, SAMPLE_SEEDER)
        return read.agreements_frame(eng), read.visits_frame(eng)
    finally:
        eng.dispose()  # the last connection closed: the write-ahead log is folded into the file


def simulated_counts(engine: Engine) -> dict[str, int]:
    """How many simulated and real records are stored."""
    from geo.db.models import Visit

    with storage.transaction(engine) as s:
        out = {}
        for name, model in (("agreements", Agreement), ("visits", Visit)):
            out[f"simulated_{name}"] = s.scalar(select(func.count()).select_from(model)
                                                .where(model.simulated.is_(True)))
            real = select(func.count()).select_from(model).where(model.simulated.is_(False))
            if model is Visit:
                real = real.where(Visit.planned.is_(False))  # a planned visit is not data
            out[f"real_{name}"] = s.scalar(real)
        return out


def is_simulated(engine: Engine) -> bool:
    """True while simulated records are stored and no real data has been imported."""
    counts = simulated_counts(engine)
    return (counts["simulated_agreements"] + counts["simulated_visits"]) > 0 and \
        (counts["real_agreements"] + counts["real_visits"]) == 0


def remove_simulated(engine: Engine, actor: Principal) -> int:
    """Delete every simulated record (the sample), with audit entries; returns how many (editors and admins)."""
    require(actor, "editor")
    from geo.db.models import Visit

    with storage.transaction(engine) as s:
        docs = list(s.scalars(select(Agreement.doc_number).where(Agreement.simulated.is_(True))))
        refs = list(s.scalars(select(Visit.ref).where(Visit.simulated.is_(True))))
        for doc in docs:
            write.delete_agreement(s, doc, actor)
        for ref in refs:
            write.delete_visit(s, ref, actor)
        s.execute(delete(DatasetInfo).where(DatasetInfo.key.in_(["simulated", "sample_ground_truth"])))
    return len(docs) + len(refs)
