"""Default score weights an admin sets in the app (``geo.records.app_settings``): admin only, audited, checked,
read back by everyone; a bad value changes nothing."""

import pytest
from sqlalchemy import select

from geo.access.roles import AccessDenied, Principal
from geo.analysis.score import DEFAULT_WEIGHTS
from geo.db import storage
from geo.db.models import AuditEntry
from geo.records import app_settings
from geo.text.messages import UserError

ADMIN, EDITOR, VIEWER = Principal("sari", "admin"), Principal("budi", "editor"), Principal("ani", "viewer")


def test_a_fresh_database_gives_the_built_in_weights(engine):
    assert app_settings.score_weights(engine) == DEFAULT_WEIGHTS


def test_an_admins_weights_are_everyones_default_and_leave_an_audit_entry(engine):
    before = storage.data_version(engine)
    stored = app_settings.set_score_weights(engine, {"effect": 0.6, "breadth": 0.3, "progress": 0.1}, ADMIN)
    assert stored == {"effect": 0.6, "breadth": 0.3, "progress": 0.1}
    assert app_settings.score_weights(engine) == stored
    assert storage.data_version(engine) != before  # every cached view is recomputed
    with storage.transaction(engine) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.record_type == "setting")).one()
        assert entry.actor == "sari" and entry.record_key == "score_weights"
        assert entry.changes == {"effect": [0.5, 0.6], "breadth": [0.25, 0.3], "progress": [0.25, 0.1]}


@pytest.mark.parametrize("who", [EDITOR, VIEWER, None])
def test_only_an_admin_changes_the_default_weights(engine, who):
    with pytest.raises(AccessDenied):
        app_settings.set_score_weights(engine, {"effect": 1, "breadth": 0, "progress": 0}, who)
    assert app_settings.score_weights(engine) == DEFAULT_WEIGHTS


@pytest.mark.parametrize("weights,key", [
    ({"effect": 0.5, "breadth": 0.5}, "settings.weights_keys"),
    ({"effect": 0.5, "breadth": 0.5, "progress": 0.2, "extra": 1}, "settings.weights_keys"),
    ({"effect": 1.5, "breadth": 0, "progress": 0}, "settings.weight_range"),
    ({"effect": -0.1, "breadth": 0.5, "progress": 0.5}, "settings.weight_range"),
    ({"effect": "banyak", "breadth": 0.5, "progress": 0.5}, "settings.weight_range"),
    ({"effect": float("nan"), "breadth": 0.5, "progress": 0.5}, "settings.weight_range"),
    ({"effect": 0, "breadth": 0, "progress": 0}, "settings.weights_zero"),
])
def test_bad_weights_are_refused_in_words_and_nothing_is_stored(sqlite_engine, weights, key):
    with pytest.raises(UserError) as err:
        app_settings.set_score_weights(sqlite_engine, weights, ADMIN)
    assert err.value.key == key and err.value.text("id") and err.value.text("en") != err.value.text("id")
    assert app_settings.score_weights(sqlite_engine) == DEFAULT_WEIGHTS


def test_temporary_weights_are_told_apart_from_the_defaults():
    assert app_settings.is_default({"effect": 0.5, "breadth": 0.25, "progress": 0.25}, DEFAULT_WEIGHTS)
    assert not app_settings.is_default({"effect": 0.55, "breadth": 0.25, "progress": 0.2}, DEFAULT_WEIGHTS)
