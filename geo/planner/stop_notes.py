"""What to discuss and whom to meet at a stop, suggested from the region's agreements (in Indonesian,
the language of the ministries' schedules).

* people: the head of the region (Gubernur / Bupati / Wali Kota), the regional secretary and the head of
  the planning agency, the other parties of its stalled agreements and its non-government partners;
* agenda: each stalled agreement with its obstacle and the usual mitigation, the region's main sectors,
  and land neighbours it has no agreement with yet (partner gaps).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from geo.regions import lookup
from geo.text.vocabulary import MITIGATIONS, OBSTACLES, SECTORS

MAX_ITEMS = 3


def head_of(code: str) -> str:
    r = lookup.get(code)
    if r.level == "province":
        return f"Gubernur {r.name}"
    if r.kind == "kota":
        return "Wali Kota " + r.name.removeprefix("Kota ")
    return "Bupati " + r.name.removeprefix("Kabupaten ")


def brief(code: str, agreements: pd.DataFrame) -> tuple[str, str]:
    """(people to meet, agenda) for a stop in region ``code``."""
    own_name = lookup.get(code).name
    mine = agreements[agreements["region_codes"].map(lambda cs: any(lookup.is_within(c, code) for c in cs))]
    stalled = mine[mine["status"] == "terhambat"]
    people = [head_of(code), "Sekretaris Daerah", "Kepala Bappeda"]
    stalled_parties = sorted({p for ps in stalled["parties"] for p in ps if p != own_name})
    if stalled_parties:
        people.append("pihak kerja sama terhambat: " + ", ".join(stalled_parties[:MAX_ITEMS + 2]))
    region_names = {lookup.get(c).name for cs in mine["region_codes"] for c in cs if lookup.exists(c)}
    others = sorted({p for ps in mine["parties"] for p in ps if p not in region_names and p != own_name})
    if others:
        people.append("mitra non-pemerintah: " + ", ".join(others[:MAX_ITEMS]))

    agenda = []
    for row in stalled.head(MAX_ITEMS).itertuples(index=False):
        kinds = list(row.obstacles) or ["lainnya"]
        obstacle = ", ".join(OBSTACLES.get(k, {"id": k})["id"].lower() for k in kinds)
        mitigation = "; ".join(MITIGATIONS.get(k, MITIGATIONS["lainnya"])["id"].lower() for k in kinds)
        agenda.append(f"Mendorong kerja sama terhambat {row.doc_number} ({row.title}): hambatan {obstacle} — "
                      f"{mitigation}")
    if len(stalled) > MAX_ITEMS:
        agenda.append(f"… dan {len(stalled) - MAX_ITEMS} kerja sama terhambat lainnya")
    sectors = Counter(s for ss in mine["sectors"] for s in ss).most_common(MAX_ITEMS)
    if sectors:
        agenda.append("Bidang kerja sama utama: " + ", ".join(SECTORS.get(s, {"id": s})["id"] for s, _ in sectors))
    partners = {c[:len(code)] for cs in mine["region_codes"] for c in cs}
    gaps = [n.name for n in lookup.neighbors(code) if n.code not in partners] \
        if lookup.level_of(code) in lookup.GOVERNMENT_LEVELS else []
    if gaps:
        agenda.append("Menjajaki kerja sama dengan tetangga yang belum bermitra: " + ", ".join(gaps[:MAX_ITEMS]))
    if not agenda:
        agenda.append("Rapat koordinasi kerja sama daerah")
    return "; ".join(people), "; ".join(f"{i}) {a}" for i, a in enumerate(agenda, start=1))
