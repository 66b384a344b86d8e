"""A verdict a leader can say out loud: did cooperation grow after the visit, decided by the 95% interval.

Rules (the interval decides, never the point estimate alone):

* ``"up"`` — the whole interval is above zero (``ci_low > 0``): "Naik, jelas" / "Up, clearly";
* ``"down"`` — the whole interval is below zero (``ci_high < 0``): "Turun, jelas" / "Down, clearly";
* ``"unclear"`` — the interval includes zero, touching it included (``ci_low <= 0 <= ci_high``): "Belum pasti" /
  "Not yet clear";
* ``"too_little_data"`` — no estimate (None or NaN), fewer than ``MIN_MONTHS`` months in the window before or
  after the visit, or fewer than ``MIN_COMPARISONS`` comparison regions: "Data belum cukup" / "Not enough
  data yet". This is checked first: a short or thinly compared estimate gets no up/down verdict.

The size is said in plain units: the effect per month (``geo.analysis.estimator.visit_effect``'s
difference-in-differences on the outcome, new agreements by default) × 12, "per year, compared with similar
regions not visited" (the comparison regions), with its 95% interval × 12. Amounts are rounded by ``amount``:
whole numbers from 1 up, one decimal below 1, and below 0.1 the first significant digit, so a clear rise is
never "0 more". Numbers follow the language (decimal comma in Indonesian, ``geo.text.numbers``); every word is
in the catalog (``geo/text/words/verdict.py``, keys ``verdict.*``).

    >>> from geo.analysis import verdict
    >>> v = verdict.decide(0.17, 0.08, 0.25, months=12, comparisons=300)
    >>> v.kind, v.label("id"), v.label("en")
    ('up', 'Naik, jelas', 'Up, clearly')
    >>> v.size("id")
    'sekitar 2 kerja sama baru lebih banyak per tahun daripada daerah serupa yang tidak dikunjungi (95%: 1 s.d. 3)'
    >>> verdict.decide(0.23, -0.07, 0.53, months=12, comparisons=300).label("id")
    'Belum pasti'
    >>> verdict.decide(-0.05, -0.08, -0.02, months=12, comparisons=300).size("en")
    'about 0.6 fewer new agreements a year than similar regions not visited (95%: 0.2 to 1.0)'
    >>> verdict.decide(0.2, 0.1, 0.3, months=3, comparisons=300).kind
    'too_little_data'
    >>> verdict.amount(0.04, "id"), verdict.amount(1234.4, "id"), verdict.amount(0.96, "en")
    ('0,04', '1.234', '1')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from geo.text import numbers
from geo.text.catalog import text

KINDS = ("up", "unclear", "down", "too_little_data")
MIN_MONTHS = 6  # months of data in each window (before and after the visit)
MIN_COMPARISONS = 10  # comparison regions not visited in the windows
MONTHS_PER_YEAR = 12


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def decimals_for(value: float) -> int:
    """Decimals to show ``value`` with: 0 from 1 up (rounded to one decimal), 1 below, and below 0.1 (rounded)
    as many as the first significant digit needs.

    >>> [decimals_for(v) for v in (2.4, 0.96, 0.6, 0.4, 0.096, 0.04, 0.004, 0.0)]
    [0, 0, 1, 1, 1, 2, 3, 0]
    """
    a = abs(float(value))
    if a == 0:
        return 0
    for d in range(1, 7):
        shown = float(f"{a:.{d}f}")
        if shown >= 10 ** -d:
            return 0 if shown >= 1 else d
    return 6


def amount(value: float, lang: str = "id", outcome: str = "new_agreements", decimals: int | None = None) -> str:
    """The magnitude of ``value`` as said in the verdict (no sign): rounded by ``decimals_for`` (or to
    ``decimals``); rupiah for ``value_idr``."""
    a = abs(float(value))
    if outcome == "value_idr":
        return numbers.rupiah(a, lang)
    return numbers.number(a, decimals_for(a) if decimals is None else decimals, lang)


def common_decimals(*values: float) -> int:
    """One number of decimals for an estimate and its interval, so "0,7 (95%: 0,3 s.d. 1,2)" never mixes "1" with
    "0,3": the most any of them needs, and more (up to 3) while the interval's two ends (the last two values) would
    read alike ("2 s.d. 2" for 1,5 to 2,5).

    >>> common_decimals(0.72, 0.3, 1.2), common_decimals(24.5, 11.2, 38.0), common_decimals(2.0, 1.5, 2.5)
    (1, 0, 1)
    """
    d = max(decimals_for(v) for v in values)
    low, high = (float(v) for v in values[-2:])
    while d < 3 and low != high and round(low, d) == round(high, d):  # the interval's ends must read apart
        d += 1
    return d


def signed_amount(value: float, lang: str = "id", outcome: str = "new_agreements", decimals: int | None = None) -> str:
    """The amount with its sign ("+2", "−0,4"; no sign when it reads as zero), as an unclear verdict writes it."""
    return _signed(value, lang, outcome, decimals)


def _signed(value: float, lang: str, outcome: str, decimals: int | None = None) -> str:
    shown = amount(value, lang, outcome, decimals)
    if float(value) == 0 or set(shown) <= set("0,.Rp "):
        return shown
    return ("+" if value > 0 else "−") + shown


def reads_as_one(shown: str, lang: str) -> bool:
    """Whether an amount as shown reads as one, sign aside: "1", "+1", "1,0" in Indonesian; never "1.000".

    >>> reads_as_one("+1", "en"), reads_as_one("1,0", "id"), reads_as_one("1.000", "id"), reads_as_one("1,000", "en")
    (True, True, False, False)
    """
    decimal, thousands = numbers.SEPARATORS.get(lang, numbers.SEPARATORS["en"])
    plain = shown.lstrip("+−").replace(thousands, "").replace(decimal, ".")
    return re.fullmatch(r"\d+(\.\d+)?", plain) is not None and float(plain) == 1


@dataclass(frozen=True)
class Verdict:
    """One visit's verdict and its size per year (``per_year``, ``low``/``high``: the 95% interval × 12)."""

    kind: str
    outcome: str = "new_agreements"
    per_year: float | None = None
    low: float | None = None
    high: float | None = None
    reason: str | None = None  # too_little_data: "no_estimate", "few_months" or "few_comparisons"
    reason_n: int | None = None
    reason_min: int | None = None

    @property
    def clear(self) -> bool:
        return self.kind in ("up", "down")

    def label(self, lang: str = "id") -> str:
        return text(f"verdict.{self.kind}", lang)

    def _unit(self, shown: str, lang: str) -> str:
        """The unit for an amount as shown: singular only when it reads as one (``reads_as_one``)."""
        return text(f"verdict.{'unit_one' if reads_as_one(shown, lang) else 'unit'}.{self.outcome}", lang)

    def size(self, lang: str = "id") -> str:
        """The size in plain units; for too little data, the reason."""
        if self.kind == "too_little_data":
            key = f"verdict.reason.{self.reason or 'no_estimate'}"
            if self.reason in ("few_months", "few_comparisons"):
                return text(key, lang, n=self.reason_n, min=self.reason_min)
            return text(key, lang)
        d = common_decimals(self.per_year, self.low, self.high)
        if self.kind == "unclear":
            n = _signed(self.per_year, lang, self.outcome, d)
            return text("verdict.size.unclear", lang, n=n, unit=self._unit(n, lang),
                        lo=_signed(self.low, lang, self.outcome, d), hi=_signed(self.high, lang, self.outcome, d))
        lo, hi = sorted((abs(self.low), abs(self.high)))
        n = amount(self.per_year, lang, self.outcome, d)
        return text(f"verdict.size.{self.kind}", lang, n=n, unit=self._unit(n, lang),
                    lo=amount(lo, lang, self.outcome, d), hi=amount(hi, lang, self.outcome, d))

    def sentence(self, lang: str = "id") -> str:
        """"Naik, jelas: sekitar 2 kerja sama baru lebih banyak per tahun …"."""
        return f"{self.label(lang)}: {self.size(lang)}"


def direction(ci_low: float, ci_high: float) -> str:
    """The rule every verdict shares: "up" only if the whole 95% interval is above zero, "down" only if it is
    wholly below, else "unclear" (touching zero included).

    >>> direction(0.1, 0.3), direction(0.0, 0.3), direction(-0.3, -0.1), direction(-0.2, 0.2)
    ('up', 'unclear', 'down', 'unclear')
    """
    return "up" if ci_low > 0 else "down" if ci_high < 0 else "unclear"


def decide(did: float | None, ci_low: float | None, ci_high: float | None, *, months: int | None = None,
           comparisons: int | None = None, outcome: str = "new_agreements") -> Verdict:
    """The verdict of an effect per month ``did`` with its 95% interval (``months``: the fewer of the months in
    the windows before and after; ``comparisons``: comparison regions; None: not checked)."""
    if any(_missing(v) for v in (did, ci_low, ci_high)):
        return Verdict("too_little_data", outcome, reason="no_estimate")
    if months is not None and months < MIN_MONTHS:
        return Verdict("too_little_data", outcome, reason="few_months", reason_n=int(months), reason_min=MIN_MONTHS)
    if comparisons is not None and comparisons < MIN_COMPARISONS:
        return Verdict("too_little_data", outcome, reason="few_comparisons", reason_n=int(comparisons),
                       reason_min=MIN_COMPARISONS)
    return Verdict(direction(ci_low, ci_high), outcome, did * MONTHS_PER_YEAR, ci_low * MONTHS_PER_YEAR,
                   ci_high * MONTHS_PER_YEAR)


def of_visit_effect(ve, *, months: int | None = None) -> Verdict:
    """The verdict of a ``geo.analysis.estimator.VisitEffect`` (None: no estimate); ``months`` as in ``decide``."""
    if ve is None:
        return decide(None, None, None)
    return decide(ve.did, ve.ci_low, ve.ci_high, months=months, comparisons=ve.n_comparison, outcome=ve.outcome)
