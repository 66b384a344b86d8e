"""Pictures for the simulated sample, drawn with Pillow (no external image), so the gallery is not empty.

Each is a simple drawn scene (sky, ground, a building or bridge or field by the agreement's first sector, people),
stamped "SIMULASI" in the corner, 960×640. They go in through ``geo.evidence.attachments.attach`` like any upload
(re-encoded, thumbnail), marked ``simulated``, on ``N_AGREEMENTS`` running or completed agreements in different
provinces (Jawa Barat's among them, the region page's default) and on ``N_VISITS`` visits. Same sample, same
pictures.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = (960, 640)
N_AGREEMENTS = 10
N_VISITS = 2
FIRST_PROVINCE = "32"  # Jawa Barat: the region page opens there
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
SKIES = [((120, 170, 220), (220, 235, 250)), ((240, 170, 110), (250, 225, 180)), ((110, 150, 200), (200, 220, 240))]
SCENES = {"infrastruktur": "bridge", "transportasi": "bridge", "pertanian": "field", "pangan": "field",
          "perikanan": "sea", "pariwisata": "sea", "lingkungan": "field"}


def _font(size: int):
    try:
        return ImageFont.truetype(str(FONT), size)
    except OSError:
        return ImageFont.load_default()


def picture(seed: int, sector: str) -> bytes:
    """A drawn scene for an agreement of ``sector`` (JPEG bytes)."""
    rng = np.random.default_rng(seed)
    w, h = SIZE
    top, bottom = SKIES[seed % len(SKIES)]
    im = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(im)
    horizon = int(h * 0.58)
    for y in range(horizon):
        f = y / horizon
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * f) for a, b in zip(top, bottom)))
    scene = SCENES.get(sector, "building")
    ground = (70, 120, 180) if scene == "sea" else (96, 150, 80)
    d.rectangle([0, horizon, w, h], fill=ground)
    d.ellipse([w - 190, 50, w - 110, 130], fill=(255, 236, 150))
    if scene == "bridge":
        d.rectangle([0, horizon + 40, w, horizon + 70], fill=(120, 120, 125))
        for x in range(60, w, 170):
            d.rectangle([x, horizon - 90, x + 16, horizon + 70], fill=(200, 60, 50))
            d.line([(x + 8, horizon - 90), (x + 178, horizon + 40)], fill=(90, 90, 90), width=3)
    elif scene == "field":
        for row in range(8):
            y = horizon + 15 + row * 30
            d.line([(0, y), (w, y - 40)], fill=(60, 110 + 10 * (row % 3), 50), width=8)
    elif scene == "sea":
        for x in range(80, w, 260):
            d.polygon([(x, horizon + 90), (x + 120, horizon + 90), (x + 100, horizon + 120), (x + 20, horizon + 120)],
                      fill=(150, 80, 40))
            d.line([(x + 60, horizon + 90), (x + 60, horizon + 10)], fill=(80, 60, 40), width=4)
    else:
        for x in range(120, w - 150, 230):
            height = int(rng.integers(120, 220))
            d.rectangle([x, horizon - height, x + 150, horizon], fill=(235, 230, 215), outline=(120, 110, 100))
            d.polygon([(x - 10, horizon - height), (x + 75, horizon - height - 50), (x + 160, horizon - height)],
                      fill=(170, 60, 45))
            for wy in range(horizon - height + 25, horizon - 30, 45):
                for wx in (x + 20, x + 90):
                    d.rectangle([wx, wy, wx + 35, wy + 25], fill=(110, 150, 190))
    for k in range(int(rng.integers(4, 8))):  # people
        x = int(80 + k * 110 + rng.integers(-20, 20))
        y = h - 150
        shirt = tuple(int(c) for c in rng.integers(40, 220, 3))
        d.ellipse([x, y, x + 40, y + 40], fill=(150, 105, 75))
        d.rounded_rectangle([x - 12, y + 42, x + 52, y + 140], radius=14, fill=shirt)
    d.rectangle([0, 0, 250, 52], fill=(178, 24, 43))
    d.text((14, 8), "SIMULASI", fill=(255, 255, 255), font=_font(30))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=88)
    return out.getvalue()


def choose(agreements, visits, seed: int) -> tuple[list, list]:
    """The agreements (running or completed, one per province, Jawa Barat's first) and the visits that get a
    picture, from the sample's ``AgreementData`` and ``VisitData`` lists."""
    from geo.evidence.gallery import SUCCESS_STATUSES

    rng = np.random.default_rng(seed)
    done = [a for a in agreements if a.status in SUCCESS_STATUSES and any(p.region_code for p in a.parties)]
    order = [done[i] for i in rng.permutation(len(done))]
    order.sort(key=lambda a: next(p.region_code for p in a.parties if p.region_code)[:2] != FIRST_PROVINCE)
    chosen, provinces = [], set()
    for a in order:
        province = next(p.region_code for p in a.parties if p.region_code)[:2]
        if province not in provinces or (province == FIRST_PROVINCE and len(chosen) < 2):
            chosen.append(a)
            provinces.add(province)
        if len(chosen) == N_AGREEMENTS:
            break
    in_first = [v for v in visits if any(s.region_code.startswith(FIRST_PROVINCE + ".") for s in v.stops)]
    return chosen, (in_first or visits)[:N_VISITS]


def seed_pictures(session, agreements, visits, actor, seed: int) -> int:
    """Attach the drawn pictures to the chosen records (as ``actor``, marked simulated); returns how many."""
    from geo.evidence import attachments

    chosen, chosen_visits = choose(agreements, visits, seed)
    n = 0
    for i, a in enumerate(chosen):
        sector = a.sectors[0] if a.sectors else ""
        place = next(p.region_code for p in a.parties if p.region_code)
        details = attachments.Details(
            caption=f"{a.title} — kegiatan bersama para pihak (gambar simulasi)", place=_region_name(place),
            taken_on=a.signed_on or a.start_on, credit="Sinergi (gambar simulasi)")
        attachments.attach(session, "agreement", a.doc_number, picture(seed + i, sector), actor, details=details,
                           original_name=f"simulasi-{i + 1}.jpg", simulated=True)
        n += 1
    for i, v in enumerate(chosen_visits):
        details = attachments.Details(
            caption=f"Kunjungan kerja {v.official_role} (gambar simulasi)",
            place=v.stops[0].place_name or _region_name(v.stops[0].region_code),
            taken_on=v.start_at.date(), credit="Sinergi (gambar simulasi)")
        attachments.attach(session, "visit", v.ref, picture(seed + 100 + i, "building"), actor, details=details,
                           original_name=f"simulasi-kunjungan-{i + 1}.jpg", simulated=True)
        n += 1
    return n


def _region_name(code: str) -> str:
    from geo.regions import lookup

    try:
        return lookup.get(code).name
    except KeyError:
        return code
