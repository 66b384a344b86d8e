"""Settings an admin changes inside the app and that every user then starts from, kept in the database
(``app_setting``); today: the default weights of the cooperation score.

Rules:

* Only an admin changes a setting (``geo.access.roles.require(actor, "admin")``, in the engine); every change
  leaves an audit entry (record type ``setting``, the setting's key, old → new), so it shows in the audit trail
  and changes the data version (``geo.db.storage.data_version``): every cached view is recomputed.
* Score weights: the keys of ``geo.analysis.score.DEFAULT_WEIGHTS``, each a number from 0 to 1, not all zero;
  anything else is a ``UserError`` in the user's language and nothing is stored.
* A database with no stored value gives the built-in default; a stored value with missing or unknown keys is
  read back as the default (never a half-read setting).
* A viewer may try other weights on a page (they travel in the URL, ``ui/url_state.py``); that changes nothing
  here, and pages say the weights shown are temporary (``is_default``).

    >>> from geo.records import app_settings
    >>> app_settings.checked_weights({"effect": 0.6, "breadth": 0.2, "progress": 0.2})
    {'effect': 0.6, 'breadth': 0.2, 'progress': 0.2}
"""

from __future__ import annotations

import math

from sqlalchemy import Engine

from geo.access.roles import Principal, require
from geo.analysis.score import DEFAULT_WEIGHTS
from geo.db import storage
from geo.db.models import AppSetting, AuditEntry, utcnow
from geo.text.messages import UserError

WEIGHTS_KEY = "score_weights"


def checked_weights(weights: dict) -> dict[str, float]:
    """``weights`` as floats in ``DEFAULT_WEIGHTS``'s order, or a ``UserError`` naming what is wrong."""
    if set(weights) != set(DEFAULT_WEIGHTS):
        raise UserError("settings.weights_keys", keys=", ".join(DEFAULT_WEIGHTS))
    out = {}
    for key in DEFAULT_WEIGHTS:
        try:
            value = float(weights[key])
        except (TypeError, ValueError):
            raise UserError("settings.weight_range", text=str(weights[key])) from None
        if math.isnan(value) or not 0 <= value <= 1:
            raise UserError("settings.weight_range", text=str(weights[key]))
        out[key] = value
    if not sum(out.values()) > 0:
        raise UserError("settings.weights_zero")
    return out


def score_weights(engine: Engine) -> dict[str, float]:
    """The default score weights every user starts from: the admin's, else the built-in ones."""
    with storage.transaction(engine) as session:
        row = session.get(AppSetting, WEIGHTS_KEY)
        stored = None if row is None else row.value
    try:
        return checked_weights(stored) if isinstance(stored, dict) else dict(DEFAULT_WEIGHTS)
    except UserError:
        return dict(DEFAULT_WEIGHTS)


def set_score_weights(engine: Engine, weights: dict, actor: Principal) -> dict[str, float]:
    """Store new default weights (admin only), with an audit entry; returns what was stored."""
    who = require(actor, "admin")
    new = checked_weights(weights)
    old = score_weights(engine)
    with storage.transaction(engine) as session:
        row = session.get(AppSetting, WEIGHTS_KEY)
        if row is None:
            session.add(AppSetting(key=WEIGHTS_KEY, value=new, updated_at=utcnow(), updated_by=who.username))
        else:
            row.value, row.updated_at, row.updated_by = new, utcnow(), who.username
        session.add(AuditEntry(actor=who.username, action="update", record_type="setting", record_key=WEIGHTS_KEY,
                               changes={k: [old[k], new[k]] for k in new if old[k] != new[k]}))
    return new


def is_default(weights: dict, defaults: dict) -> bool:
    """Whether ``weights`` are the stored defaults (to a thousandth)."""
    return all(abs(float(weights.get(k, -1)) - float(v)) < 5e-4 for k, v in defaults.items())
