"""Records as the Data and region pages list them: vocabulary keys shown as labels in the page's language
(statuses from ``geo.text.vocabulary``; sectors, types and obstacles from the open vocabularies,
``geo.records.vocabularies``, passed as ``known``, else their defaults; a key no term has shows as written), lists
joined into one cell (parties with "; ", sectors and obstacles with ", "), from the frames of ``geo.records.read``.
Pages pick the columns and localise the headers with ``localized_columns``, except for the planner's list of planned
visits, which has its own headers."""

from __future__ import annotations

import pandas as pd

from geo.records import vocabularies
from geo.text.vocabulary import STATUSES
from ui.i18n import label, t


def _labels(vocabulary: dict):
    return lambda keys: ", ".join(label(vocabulary, k) for k in keys)


def with_as_written(names, written) -> str:
    """Today's names, each followed by what the source wrote when it differed: "Kabupaten Merauke (ditulis:
    Kab. Merauke, Papua)"."""
    written = list(written) if isinstance(written, list | tuple) else [""] * len(names)
    written += [""] * (len(names) - len(written))
    return "; ".join(f"{n} ({t('rec.as_written', text=w)})" if w else n for n, w in zip(names, written))


def agreements_table(frame: pd.DataFrame, known: vocabularies.Vocabularies | None = None) -> pd.DataFrame:
    """``read.agreements_frame`` (or a part of it) with type, status, sectors, parties and obstacles readable;
    a party the source wrote otherwise (an old name or code, BPS code …) shows what was written beside it."""
    known = known or vocabularies.defaults()
    written = frame["parties_as_written"] if "parties_as_written" in frame else pd.Series([[]] * len(frame),
                                                                                          index=frame.index)
    return frame.assign(type=frame["type"].map(lambda k: label(known.labels("agreement_type"), k)),
                        status=frame["status"].map(lambda k: label(STATUSES, k)),
                        sectors=frame["sectors"].map(_labels(known.labels("sector"))),
                        parties=[with_as_written(n, w) for n, w in zip(frame["parties"], written)],
                        obstacles=frame["obstacles"].map(_labels(known.labels("obstacle"))))


def visits_table(frame: pd.DataFrame, known: vocabularies.Vocabularies | None = None) -> pd.DataFrame:
    """``read.visits_frame`` with the local start time (as written in the "Zona" column), places and sectors."""
    known = known or vocabularies.defaults()
    return frame.assign(start_at=frame["local_start"], places=frame["places"].map("; ".join),
                        focus_sectors=frame["focus_sectors"].map(_labels(known.labels("sector"))))


def planned_visits_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Planned visits (``read.visits_frame(planned=True)``) as the planner lists them: code, official, local
    start and places, headers in the page's language."""
    return pd.DataFrame({t("plan.ref"): frame["ref"], t("plan.official"): frame["official_role"],
                         t("plan.date"): frame["local_start"], t("plan.places"): frame["places"].map("; ".join)})
