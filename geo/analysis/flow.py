"""The cooperation flow: how the agreements of a view move usulan → ditandatangani → berjalan → selesai /
terhambat / batal, with counts.

Which agreements: those of the view's filters (sectors, types, ministries, current statuses, as
``geo.analysis.metrics.filter_records``; with ``within``, those with a party inside that region) whose day falls in
the period: signed, else started (as the map counts them, ``metrics.agreement_day``), else — a proposal has
neither — the day of its first recorded status. So proposals count in the period they were recorded in, which the
map's measures (signed agreements) leave out.

What the records allow: each agreement stores its current status and the status changes recorded for it
(``status_change``: status and date; ``geo.records.read`` gives them as ``status_history``). From these:

* ``now`` — agreements per current status;
* ``reached`` — agreements that have been at a stage: in their recorded history, or now;
* ``moves`` — recorded changes from one status to the next (consecutive entries of the history that differ),
  all of them up to today, whenever they happened: the period chooses the agreements, not the moves;
* ``first`` — the stage each agreement's record starts at. Records often start past the proposal: an agreement
  entered when signed has no recorded "usulan", so no move usulan → ditandatangani is counted for it
  (the diagram says how many started where), and ``only_now`` counts agreements past the proposal whose history
  records no change at all (only their current status): nothing of their path is known but where they are.

Nothing is inferred: a step that was not recorded is not counted as a move.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from geo.analysis import metrics
from geo.regions import lookup
from geo.text.catalog import text
from geo.text.numbers import number
from geo.text.vocabulary import STATUSES

STAGES = ("usulan", "ditandatangani", "berjalan", "selesai", "terhambat", "batal")
# the diagram's places: the main path left to right on top, stalled and cancelled below it
POSITIONS = {"usulan": (0.0, 1.0), "ditandatangani": (1.0, 1.0), "berjalan": (2.0, 1.0), "selesai": (3.0, 1.0),
             "terhambat": (2.0, 0.0), "batal": (3.0, 0.0)}
COLOURS = {"usulan": "#deebf7", "ditandatangani": "#c6dbef", "berjalan": "#9ecae1", "selesai": "#a1d99b",
           "terhambat": "#fdae6b", "batal": "#d9d9d9"}  # the boxes', in the app and in files
MAIN_PATH = (("usulan", "ditandatangani"), ("ditandatangani", "berjalan"), ("berjalan", "selesai"))


@dataclass(frozen=True)
class Flow:
    total: int
    now: dict[str, int]
    reached: dict[str, int]
    first: dict[str, int]
    moves: dict[tuple[str, str], int]
    only_now: int  # agreements past the proposal whose history records no change (only the current status)

    def nodes(self, lang: str = "id") -> pd.DataFrame:
        """One row per stage: where it is drawn, its name and counts (numbers written for ``lang``)."""
        rows = []
        for stage in STAGES:
            x, y = POSITIONS[stage]
            rows.append({"stage": stage, "x": x, "y": y, "label": STATUSES[stage][lang if lang in ("id", "en")
                                                                                  else "id"],
                         "reached": self.reached[stage], "now": self.now[stage],
                         "reached_text": number(self.reached[stage], lang=lang),
                         "now_text": number(self.now[stage], lang=lang)})
        return pd.DataFrame(rows)

    def honest_note(self, lang: str = "id") -> str:
        """What the records cannot show: agreements recorded from after the proposal, and those with only their
        current status."""
        return text("flow.honest", lang, started=number(self.total - self.first["usulan"], lang=lang),
                    only_now=number(self.only_now, lang=lang))

    def edges(self, lang: str = "id") -> pd.DataFrame:
        """One row per move drawn: every recorded move, and the main path even where none was recorded
        (count 0); from and to points, the count written for ``lang``, whether the opposite move is drawn too
        (``back``) and where along the arrow its count goes (``at``, a fraction)."""
        pairs = list(dict.fromkeys([*MAIN_PATH, *sorted(self.moves, key=lambda p: (STAGES.index(p[0]),
                                                                                    STAGES.index(p[1])))]))
        rows = []
        for a, b in pairs:
            (x0, y0), (x1, y1) = POSITIONS[a], POSITIONS[b]
            n = self.moves.get((a, b), 0)
            at = 0.5 if math.hypot(x1 - x0, y1 - y0) <= 1.5 else 0.3  # a long arrow's count nearer its start
            rows.append({"source": a, "target": b, "x": x0, "y": y0, "x2": x1, "y2": y1, "count": n,
                         "count_text": number(n, lang=lang), "back": (b, a) in self.moves, "at": at})
        return pd.DataFrame(rows, columns=["source", "target", "x", "y", "x2", "y2", "count", "count_text", "back",
                                           "at"])


def _history(value) -> list[tuple[str, dt.date]]:
    return [(s, d) for s, d in value] if isinstance(value, (list, tuple)) else []


def flow_day(agreements: pd.DataFrame) -> pd.Series:
    """The day an agreement counts from: signed, else started, else its first recorded status."""
    first = agreements["status_history"].map(lambda h: min((d for _, d in _history(h)), default=None))
    day = metrics.agreement_day(agreements)
    return day.where(day.notna(), pd.to_datetime(first))


def agreements_in_flow(agreements: pd.DataFrame, visits: pd.DataFrame, *, start=None, end=None, sectors=(),
                       types=(), ministries=(), statuses=(), within: str = "") -> pd.DataFrame:
    """The agreements the flow counts (see the module's rules)."""
    a, _ = metrics.filter_records(agreements, visits, sectors=sectors, types=types, ministries=ministries,
                                  statuses=statuses)
    if within:
        a = a[a["region_codes"].map(lambda codes: any(lookup.is_within(c, within) for c in codes or ()))]
    return a[metrics.in_period_mask(flow_day(a), start, end).to_numpy()]


def count(agreements: pd.DataFrame) -> Flow:
    """The flow of these agreements (every one counted, whatever its dates)."""
    now, reached, first, moves = Counter(), Counter(), Counter(), Counter()
    only_now = 0
    for status, history in zip(agreements["status"], agreements["status_history"]):
        steps = [s for s, _ in sorted(_history(history), key=lambda sd: sd[1])]
        path = [s for i, s in enumerate(steps) if i == 0 or s != steps[i - 1]]
        if not path or path[-1] != status:
            path.append(status)  # the current status is always the last stage reached
        now[status] += 1
        reached.update(set(path))
        first[path[0]] += 1
        moves.update(zip(path, path[1:]))
        only_now += len(path) == 1 and len(steps) <= 1 and status != "usulan"
    return Flow(total=len(agreements), now={s: now[s] for s in STAGES}, reached={s: reached[s] for s in STAGES},
                first={s: first[s] for s in STAGES}, moves=dict(moves), only_now=only_now)


def of_view(spec, agreements: pd.DataFrame, visits: pd.DataFrame) -> Flow:
    """The flow of a map view's period and filters (``geo.maps.map_view.Spec``)."""
    return count(agreements_in_flow(agreements, visits, start=spec.start, end=spec.end, sectors=spec.sectors,
                                    types=spec.types, ministries=spec.ministries, statuses=spec.statuses,
                                    within=spec.within))
