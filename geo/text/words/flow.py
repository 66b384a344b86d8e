"""The words of the cooperation flow (``geo.analysis.flow``): the diagram of agreements moving usulan →
ditandatangani → berjalan → selesai / terhambat / batal, on the impact page and in the deck. Stage names are the
status vocabulary's (``geo.text.vocabulary.STATUSES``); numbers arrive formatted (``geo.text.numbers``). Keys start
with ``flow.``.
"""

from __future__ import annotations

WORDS = {
    "flow.title": {"id": "Alur kerja sama", "en": "Cooperation flow"},
    "flow.node": {"id": "{reached} pernah · {now} kini", "en": "{reached} ever · {now} now"},
    "flow.reached": {"id": "pernah di tahap ini", "en": "ever at this stage"},
    "flow.now": {"id": "kini di tahap ini", "en": "at this stage now"},
    "flow.first": {"id": "tercatat mulai di tahap ini", "en": "record starts at this stage"},
    "flow.stage": {"id": "Tahap", "en": "Stage"},
    "flow.moves": {"id": "perpindahan", "en": "moves"},
    "flow.from": {"id": "dari", "en": "from"},
    "flow.to": {"id": "ke", "en": "to"},
    "flow.total": {
        "id": "{n} kerja sama pada periode {period} ({filters})",
        "en": "{n} agreements in {period} ({filters})"},
    "flow.rule": {
        "id": "Kotak: berapa kerja sama pernah di tahap itu dan berapa kini di sana. Panah: perubahan status yang "
              "tercatat (hingga hari ini). Kerja sama dihitung pada periode tanggal tanda tangannya, atau tanggal "
              "mulai, atau — untuk usulan — tanggal status pertamanya.",
        "en": "Boxes: how many agreements have ever been at the stage and how many are there now. Arrows: the "
              "recorded status changes (up to today). An agreement counts in the period of its signing date, or "
              "its start, or — a proposal — its first recorded status."},
    "flow.honest": {
        "id": "{started} kerja sama tercatat mulai setelah tahap usulan, jadi langkah sebelumnya tidak dihitung "
              "sebagai panah; {only_now} hanya tercatat status terakhirnya.",
        "en": "{started} agreements were recorded from after the proposal stage, so their earlier steps are not "
              "counted as arrows; {only_now} have only their current status recorded."},
    "flow.empty": {"id": "Tidak ada kerja sama pada periode dan saringan ini.",
                   "en": "No agreements in this period and these filters."},
}
