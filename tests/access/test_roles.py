"""Who may do what (geo.access.roles): viewer < editor < admin, checked with a message naming who and what is missing;
a login ends once idle longer than the configured minutes."""

import datetime as dt

import pytest

from geo.access import roles
from geo.access.roles import AccessDenied, Principal

ORDER = ["viewer", "editor", "admin"]


def test_a_role_may_do_what_its_own_and_every_lower_role_may_and_nothing_higher():
    for i, has in enumerate(ORDER):
        for j, needed in enumerate(ORDER):
            assert Principal("u", has).can(needed) == (i >= j), (has, needed)


def test_require_gives_back_the_principal_when_its_role_is_enough():
    ani = Principal("ani", "editor")
    assert roles.require(ani, "editor") is ani
    assert roles.require(ani, "viewer") is ani


def test_a_lower_role_is_refused_with_a_message_naming_the_user_their_role_and_the_role_needed():
    with pytest.raises(AccessDenied) as refused:
        roles.require(Principal("vina", "viewer"), "admin")
    assert refused.value.key == "access.denied"
    assert refused.value.params == {"user": "vina", "role": "admin", "has": "viewer"}
    assert str(refused.value) == "vina (viewer) may not do this; it needs the admin role"


@pytest.mark.parametrize("actor", [None, "admin", ("root", "admin"), Principal("x", "superuser")])
def test_anything_but_a_principal_with_a_known_role_is_asked_to_log_in(actor):
    with pytest.raises(AccessDenied) as refused:
        roles.require(actor, "viewer")
    assert refused.value.key == "access.login_required"
    assert str(refused.value) == "please log in as viewer to do this"


def test_asking_for_a_role_that_does_not_exist_is_a_programming_error_naming_it_not_a_refusal():
    with pytest.raises(ValueError) as wrong:
        roles.require(Principal("root", "admin"), "owner")
    assert not isinstance(wrong.value, AccessDenied)
    assert str(wrong.value) == "owner"


def test_a_login_ends_only_once_idle_longer_than_the_configured_minutes(monkeypatch):
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "20")
    assert roles.idle_limit() == dt.timedelta(minutes=20)
    seen = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
    assert not roles.session_expired(seen, seen + dt.timedelta(minutes=20))  # exactly the limit: still in
    assert roles.session_expired(seen, seen + dt.timedelta(minutes=20, seconds=1))


def test_without_a_given_time_a_login_is_judged_against_now(monkeypatch):
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "30")
    now = dt.datetime.now(dt.timezone.utc)
    assert roles.session_expired(now - dt.timedelta(minutes=31))
    assert not roles.session_expired(now - dt.timedelta(minutes=29))


@pytest.mark.parametrize("value,expected", [("1", True), ("0", False)])
def test_viewing_needs_a_login_exactly_when_the_setting_says_so(monkeypatch, value, expected):
    monkeypatch.setenv("SINERGI_VIEW_REQUIRES_LOGIN", value)
    assert roles.view_requires_login() is expected
