"""Headless Chromium: a login survives F5, logging out ends it for good, a failed login keeps the typed name."""

import pytest

from geo.access import accounts, login_sessions
from geo.db import storage
from tests.browser.test_browser import page, running_app, wait_until_idle  # noqa: F401 (the page fixture)
from tests.conftest import APP_USERS

ADMIN_NAME = "kepala"
ADMIN_PASSWORD = APP_USERS[ADMIN_NAME][1]


def add_app_users(data_dir) -> None:
    """The users of ``APP_USERS`` in the app's database in ``data_dir`` (created and migrated if need be)."""
    eng = storage.make_engine(f"sqlite:///{data_dir / 'sinergi.db'}")
    storage.migrate(eng)
    for name, (role, password) in APP_USERS.items():
        if accounts.current_principal(eng, name) is None:
            accounts._add(eng, name, password, role)
    eng.dispose()


@pytest.fixture(scope="module")
def users_app(require_browser, sample_data_dir):
    add_app_users(sample_data_dir)
    with running_app(sample_data_dir) as url:
        yield url


def _sidebar(pg):
    return pg.locator("[data-testid='stSidebar']")


def log_in(pg, name: str, password: str) -> None:
    """Open the sidebar's login box (if closed), type the name and password, press Masuk."""
    sidebar = _sidebar(pg)
    sidebar.get_by_text("Masuk", exact=True).first.wait_for(timeout=90_000)
    field = sidebar.get_by_label("Nama pengguna")
    if not field.is_visible():
        sidebar.locator("[data-testid='stExpander'] summary").first.click()
    field.fill(name)
    sidebar.get_by_label("Kata sandi").fill(password)
    sidebar.get_by_role("button", name="Masuk").click()


def _logged_in_text(pg):
    return _sidebar(pg).get_by_text(f"Masuk sebagai {ADMIN_NAME}")


def _login_cookie(pg):
    return next((c for c in pg.context.cookies() if c["name"] == login_sessions.COOKIE), None)


def wait_for_cookie(pg, present: bool, timeout_ms: int = 20_000):
    waited = 0
    while (_login_cookie(pg) is not None) != present and waited < timeout_ms:
        pg.wait_for_timeout(200)
        waited += 200
    return _login_cookie(pg)


def test_a_login_survives_a_reload_and_a_logout_ends_it_for_good(users_app, page):  # noqa: F811
    page.goto(users_app)
    log_in(page, ADMIN_NAME, ADMIN_PASSWORD)
    _logged_in_text(page).wait_for(timeout=60_000)
    cookie = wait_for_cookie(page, True)
    assert cookie is not None and cookie["path"] == "/" and cookie["sameSite"] == "Strict"
    assert not cookie["secure"]  # plain http here; over https the browser adds Secure
    assert cookie["expires"] > 0  # not a session cookie: it lasts SINERGI_SESSION_MAX_HOURS

    page.reload()  # F5: a new Streamlit session
    _logged_in_text(page).wait_for(timeout=60_000)
    _sidebar(page).get_by_role("button", name="Keluar").wait_for(timeout=30_000)

    wait_until_idle(page)
    _sidebar(page).get_by_role("button", name="Keluar").click()
    _sidebar(page).get_by_text("Masuk", exact=True).first.wait_for(timeout=60_000)
    assert wait_for_cookie(page, False) is None

    page.reload()
    _sidebar(page).get_by_text("Masuk", exact=True).first.wait_for(timeout=90_000)
    wait_until_idle(page)
    assert _logged_in_text(page).count() == 0

    page.context.add_cookies([cookie])  # the old token, kept by someone: refused after the logout
    page.reload()
    _sidebar(page).get_by_text("Masuk", exact=True).first.wait_for(timeout=90_000)
    wait_until_idle(page)
    assert _logged_in_text(page).count() == 0
    assert wait_for_cookie(page, False) is None  # and cleared from the browser
    assert page.console_errors == [] and page.outside_requests == []


def test_a_failed_login_keeps_the_typed_user_name(users_app, page):  # noqa: F811
    page.goto(users_app)
    log_in(page, ADMIN_NAME, "bukan-sandinya")
    _sidebar(page).locator("[data-testid='stAlertContentError']").wait_for(timeout=60_000)
    wait_until_idle(page)
    assert _sidebar(page).get_by_label("Nama pengguna").input_value() == ADMIN_NAME
    assert _sidebar(page).get_by_label("Kata sandi").input_value() == ""
    assert _logged_in_text(page).count() == 0 and _login_cookie(page) is None
