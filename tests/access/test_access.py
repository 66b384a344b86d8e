"""Access control: a viewer or an anonymous visitor cannot write by any path (engine, Data page, command line);
passwords are hashed; failed logins slow down; logins expire; users are managed by admins only."""

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import func, select, text
from streamlit.testing.v1 import AppTest

from geo.access import accounts, roles
from geo.access.roles import AccessDenied, Principal
from geo.db import storage
from geo.db.models import Agreement, AuditEntry, LoginThrottle, User
from geo.importer import changes, files
from geo.records import backup, sample, write
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR, ROOT, VIEWER, app_session

WIB = dt.timezone(dt.timedelta(hours=7))
CSV = "Nomor;Judul;Pihak 1;Pihak 2\n900/KB/2025;Baru;Kota Bandung;Kab. Bandung\n".encode()


def _agreement(doc="119/KB/2024") -> AgreementData:
    return AgreementData(doc_number=doc, title="Kerja sama", type="KB", status="berjalan",
                         parties=[Party("32.73"), Party("32.04")], signed_on=dt.date(2024, 3, 1))


def _visit() -> VisitData:
    start = dt.datetime(2024, 5, 2, 9, tzinfo=WIB)
    return VisitData(ref="KUNKER-1", official_role="Wakil Menteri Dalam Negeri", ministry="Kemendagri",
                     start_at=start, time_zone="WIB", stops=[StopData("32.73", start_at=start)])


def _counts(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                     for t in ("agreement", "visit", "audit_entry", "progress_reading", "dataset_info"))


NOBODY = [None, "ani", VIEWER, Principal("x", "superuser")]


@pytest.mark.parametrize("who", NOBODY, ids=["anonymous", "plain-name", "viewer", "unknown-role"])
def test_no_engine_write_path_accepts_a_viewer_or_anonymous(engine, tmp_path, who):
    with storage.transaction(engine) as s:  # something to change and delete
        write.save_agreement(s, _agreement(), EDITOR)
        write.save_visit(s, _visit(), EDITOR)
    backup.export_backup(engine, tmp_path / "b")
    before = _counts(engine)
    plan = changes.plan_import(engine, "agreements", files.read_table(CSV, "a.csv"))
    assert plan.counts()["add"] == 1  # the dry run is reading, open to all
    attempts = {
        "save_agreement": lambda s: write.save_agreement(s, _agreement("1/KB/2025"), who),
        "update_agreement": lambda s: write.save_agreement(s, AgreementData(**{**_agreement().__dict__,
                                                                                "title": "x"}), who),
        "delete_agreement": lambda s: write.delete_agreement(s, "119/KB/2024", who),
        "record_progress": lambda s: write.record_progress(s, "119/KB/2024", "Wisatawan", dt.date(2024, 9, 1),
                                                             5.0, who),
        "define_kpi": lambda s: write.define_kpi(s, "119/KB/2024", write.Indicator("Wisatawan", target=9.0), who),
        "save_visit": lambda s: write.save_visit(s, VisitData(**{**_visit().__dict__, "ref": "K-2"}), who),
        "delete_visit": lambda s: write.delete_visit(s, "KUNKER-1", who),
        "commit_import": lambda s: changes.commit_import(engine, plan, who),
        "import_file": lambda s: changes.import_file(engine, "agreements", _write(tmp_path, CSV), dry_run=False,
                                                      actor=who),
        "restore": lambda s: backup.restore_backup(engine, tmp_path / "b", who, replace=True),
        "seed": lambda s: sample.seed(engine, who, replace=True),
        "remove_sample": lambda s: sample.remove_simulated(engine, who),
        "add_user": lambda s: accounts.add_user(engine, who, "baru", "sandi-panjang-1", "admin"),
        "set_role": lambda s: accounts.set_role(engine, who, "ani", "admin"),
        "list_users": lambda s: accounts.list_users(engine, who),
    }
    for name, attempt in attempts.items():
        with pytest.raises(AccessDenied) as info:
            with storage.transaction(engine) as s:
                attempt(s)
        assert info.value.key in ("access.denied", "access.login_required"), name
        assert info.value.text("id") and info.value.text("en"), name
    assert _counts(engine) == before


def _write(tmp_path, data: bytes):
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    return path


def test_restore_needs_an_admin_not_an_editor(engine, tmp_path):
    backup.export_backup(engine, tmp_path / "b")
    with pytest.raises(AccessDenied) as info:
        backup.restore_backup(engine, tmp_path / "b", EDITOR, replace=True)
    assert "admin" in info.value.text("en")
    assert backup.restore_backup(engine, tmp_path / "b", ADMIN, replace=True)["agreement"] == 0


def test_passwords_are_argon2_hashes_and_logins_check_them(engine):
    accounts.bootstrap_admin(engine, "Kepala", "sandi-admin-panjang")
    with pytest.raises(UserError):
        accounts.bootstrap_admin(engine, "kedua", "sandi-admin-panjang")  # only while there is no admin
    root = accounts.authenticate(engine, "kepala", "sandi-admin-panjang")
    assert root == Principal("kepala", "admin")
    accounts.add_user(engine, root, "ani", "rahasia-ani-123", "editor")
    with storage.transaction(engine) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "ani"))
    assert stored.startswith("$argon2id$") and "rahasia-ani-123" not in stored
    assert accounts.authenticate(engine, "ani", "rahasia-ani-123").role == "editor"
    with pytest.raises(UserError, match="wrong user name or password"):
        accounts.authenticate(engine, "ani", "salah-sandi-999")
    with pytest.raises(UserError, match="wrong user name or password"):
        accounts.authenticate(engine, "tidak-ada", "salah-sandi-999")  # the same message for an unknown name
    with pytest.raises(UserError):
        accounts.add_user(engine, root, "budi", "pendek", "viewer")  # too short
    with pytest.raises(UserError):
        accounts.add_user(engine, root, "<script>", "sandi-panjang-1", "viewer")  # not a user name
    accounts.set_active(engine, root, "ani", False)
    with pytest.raises(UserError):
        accounts.authenticate(engine, "ani", "rahasia-ani-123")
    assert accounts.current_principal(engine, "ani") is None  # a disabled account's session ends


def test_last_admin_stays_and_users_change_their_own_password(engine):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    root = Principal("kepala", "admin")
    for change in (lambda: accounts.set_role(engine, root, "kepala", "editor"),
                   lambda: accounts.set_active(engine, root, "kepala", False),
                   lambda: accounts.remove_user(engine, root, "kepala")):
        with pytest.raises(UserError, match="last active admin"):
            change()
    accounts.add_user(engine, root, "vina", "sandi-vina-panjang", "viewer")
    vina = Principal("vina", "viewer")
    accounts.set_password(engine, vina, "vina", "sandi-vina-baru-1")
    assert accounts.authenticate(engine, "vina", "sandi-vina-baru-1") == vina
    with pytest.raises(AccessDenied):
        accounts.set_password(engine, vina, "kepala", "ambil-alih-admin")
    accounts.set_role(engine, root, "vina", "editor")
    assert accounts.current_principal(engine, "vina").role == "editor"  # takes effect at the next page run
    accounts.remove_user(engine, root, "vina")
    assert [u.username for u in accounts.list_users(engine, root)] == ["kepala"]


def test_failed_logins_back_off_per_user_and_per_client_and_survive_a_new_engine(engine):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    t0 = dt.datetime(2026, 1, 1, 8, tzinfo=dt.timezone.utc)
    for i in range(accounts.FREE_FAILURES):
        with pytest.raises(UserError, match="wrong"):
            accounts.authenticate(engine, "kepala", f"salah-{i}", client="10.0.0.9", now=t0)
    with pytest.raises(UserError, match="wrong"):  # the 4th failure starts the back-off
        accounts.authenticate(engine, "kepala", "salah-x", client="10.0.0.9", now=t0)
    # even the right password is not looked at while the back-off runs, and the block is in the database:
    other = storage.make_engine(engine.url.render_as_string(hide_password=False))
    with pytest.raises(UserError, match="try again in 2 seconds"):
        accounts.authenticate(other, "kepala", "sandi-admin-panjang", client="10.0.0.1", now=t0)
    # the client that failed is slowed down for other user names too
    with pytest.raises(UserError, match="try again"):
        accounts.authenticate(other, "siapa-saja", "apa-saja-123", client="10.0.0.9", now=t0)
    with pytest.raises(UserError, match="wrong"):  # after the wait, one more wrong try: the wait doubles
        accounts.authenticate(other, "kepala", "salah-y", client="10.0.0.1", now=t0 + dt.timedelta(seconds=2))
    assert accounts.wait_seconds(other, "kepala", now=t0 + dt.timedelta(seconds=2)) == 2.0
    assert accounts.authenticate(other, "kepala", "sandi-admin-panjang", client="10.0.0.1",
                                 now=t0 + dt.timedelta(seconds=5)).role == "admin"
    with storage.transaction(other) as s:  # success clears that user's and that client's counters
        keys = set(s.scalars(select(LoginThrottle.key)))
    assert "user:kepala" not in keys and "client:10.0.0.1" not in keys and "client:10.0.0.9" in keys
    with pytest.raises(UserError, match="wrong"):  # an hour later: old counters are gone, whoever they were
        accounts.authenticate(other, "lain", "salah-z", client="10.0.0.2", now=t0 + dt.timedelta(hours=2))
    with storage.transaction(other) as s:
        assert set(s.scalars(select(LoginThrottle.key))) == {"user:lain", "client:10.0.0.2"}
    other.dispose()


def test_failures_from_simultaneous_threads_are_all_counted(engine):
    import threading

    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    t0 = dt.datetime(2026, 1, 1, 8, tzinfo=dt.timezone.utc)
    errors = []

    def attempt(i):
        try:
            accounts.authenticate(engine, "kepala", f"salah-{i}", client=f"10.0.1.{i}", now=t0)
        except UserError as exc:
            errors.append(exc.key)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(errors) == 6 and set(errors) <= {"auth.failed", "auth.throttled"}
    with storage.transaction(engine) as s:
        failures = s.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == "user:kepala"))
    assert failures == errors.count("auth.failed")  # no failure lost to a race between server threads
    assert failures >= accounts.FREE_FAILURES + 1
    assert accounts.wait_seconds(engine, "kepala", now=t0) > 0


def test_sessions_expire_after_inactivity(monkeypatch):
    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "30")
    assert not roles.session_expired(now - dt.timedelta(minutes=29), now)
    assert roles.session_expired(now - dt.timedelta(minutes=31), now)
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "5")
    assert roles.session_expired(now - dt.timedelta(minutes=6), now)


def test_accounts_are_not_in_backups_and_survive_a_restore(engine, tmp_path):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), EDITOR)
    backup.export_backup(engine, tmp_path / "b")
    names = {p.name for p in (tmp_path / "b").iterdir()}
    assert "agreement.jsonl" in names and not any("user" in n or "throttle" in n for n in names)
    assert "argon2" not in "".join(p.read_text() for p in (tmp_path / "b").iterdir())
    backup.restore_backup(engine, tmp_path / "b", ADMIN, replace=True)
    assert accounts.authenticate(engine, "kepala", "sandi-admin-panjang").role == "admin"
    sample.seed(engine, ADMIN, replace=True, force=True)  # replacing the records keeps the accounts too
    assert accounts.has_admin(engine)


def test_replacing_everything_by_the_sample_needs_an_admin_and_spares_real_data(engine):
    from geo.db.models import AuditEntry
    from geo.text.messages import UserError

    sample.seed(engine, EDITOR)
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), EDITOR)  # one real record
        audit_before = s.query(AuditEntry).count()
    with pytest.raises(AccessDenied):
        sample.seed(engine, EDITOR, replace=True)
    with pytest.raises(UserError) as refused:
        sample.seed(engine, ADMIN, replace=True)
    assert refused.value.key == "sample.real_data" and "1 data nyata" in refused.value.text("id")
    assert sample.simulated_counts(engine)["real_agreements"] == 1  # nothing happened
    sample.seed(engine, ADMIN, replace=True, force=True)
    assert sample.simulated_counts(engine)["real_agreements"] == 0
    with storage.transaction(engine) as s:
        trail = s.query(AuditEntry).order_by(AuditEntry.id).all()
    # the audit trail survives the replacement, which is itself on it
    assert len(trail) > audit_before
    assert [(e.actor, e.action, e.record_type) for e in trail if e.action == "replace"] == [
        (ADMIN.username, "replace", "dataset")]
    assert any(e.actor == EDITOR.username and e.record_type == "agreement" for e in trail)


# ------------------------------------------------------------------ command line

def _cli(args, tmp_path, **env):
    full = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "SINERGI_DATA_DIR": str(tmp_path / "data"),
            "HOME": str(tmp_path), **env}
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, env=full, cwd=ROOT,
                          stdin=subprocess.DEVNULL)


def test_cli_write_commands_refuse_viewers_and_anonymous(tmp_path):
    good = tmp_path / "a.csv"
    good.write_bytes(CSV)
    first = _cli(["user", "add", "kepala", "--role", "admin"], tmp_path, SINERGI_NEW_PASSWORD="sandi-admin-panjang")
    assert first.returncode == 0, first.stderr
    again = _cli(["user", "add", "penyusup", "--role", "admin"], tmp_path, SINERGI_NEW_PASSWORD="sandi-penyusup-1")
    assert again.returncode == 3 and "admin" in again.stderr  # the first-admin door is closed now
    admin = {"SINERGI_PASSWORD": "sandi-admin-panjang"}
    made = _cli(["user", "add", "vina", "--role", "viewer", "--user", "kepala"], tmp_path, **admin,
                SINERGI_NEW_PASSWORD="sandi-vina-panjang")
    assert made.returncode == 0, made.stderr
    listed = _cli(["user", "list", "--user", "kepala"], tmp_path, **admin)
    assert "vina\tviewer\tactive" in listed.stdout and "sandi" not in listed.stdout
    viewer = {"SINERGI_USER": "vina", "SINERGI_PASSWORD": "sandi-vina-panjang"}
    backup_dir = tmp_path / "bk"
    assert _cli(["export", str(backup_dir)], tmp_path).returncode == 0  # reading needs no login
    for args, env in [
        (["import", "agreements", str(good)], {}),  # anonymous
        (["import", "agreements", str(good)], viewer),
        (["import", "agreements", str(good), "--user", "vina"], {"SINERGI_PASSWORD": "salah-sandi-1"}),
        (["sample", "--replace"], viewer),
        (["restore", str(backup_dir), "--replace"], viewer),
        (["user", "set-role", "vina", "admin"], viewer),
        (["user", "add", "budi", "--role", "editor"], {**viewer, "SINERGI_NEW_PASSWORD": "sandi-budi-panjang"}),
        (["user", "remove", "kepala"], viewer),
    ]:
        out = _cli(args, tmp_path, **env)
        assert out.returncode == 3, (args, out.stdout, out.stderr)
        assert out.stderr.strip(), args
        for secret in ("sandi-vina-panjang", "salah-sandi-1", "sandi-admin-panjang"):
            assert secret not in out.stdout + out.stderr
    eng = storage.make_engine(f"sqlite:///{tmp_path / 'data' / 'sinergi.db'}")
    with storage.transaction(eng) as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0
        # no record was touched (what is in the trail is about users: their creation and logins)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.record_type != "user")) == 0
        assert {u.username: u.role for u in s.scalars(select(User))} == {"kepala": "admin", "vina": "viewer"}
    eng.dispose()
    ok = _cli(["import", "agreements", str(good), "--user", "kepala"], tmp_path, **admin)
    assert ok.returncode == 0 and "1 ditambah" in ok.stdout, ok.stderr


# ------------------------------------------------------------------ the app (AppTest)

@pytest.fixture()
def app_db(app_database):
    return app_database


def _session(name):
    return app_session(name)


def _page(path, query=None, **state):
    at = AppTest.from_file(str(path), default_timeout=180)
    for k, v in state.items():
        at.session_state[k] = v
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def _writing_widgets(at) -> list[str]:
    labels = [b.label for b in at.button] + [getattr(f, "label", "") for f in at.get("form_submit_button")]
    keys = [w.key for w in list(at.selectbox) + list(at.text_input) + list(at.checkbox)]
    return [x for x in labels + keys if x and any(w in str(x) for w in (
        "Simpan", "Hapus", "Tambah", "Impor", "edit_doc", "visit_pick", "upload", "commit", "remove_sample"))]


@pytest.mark.parametrize("who", [None, "vina"], ids=["anonymous", "viewer"])
def test_data_page_shows_no_editing_to_viewers(app_db, who):
    state = _session(who) if who else {}
    at = _page(ROOT / "app_pages" / "records.py", **state)
    assert not at.exception
    assert len(at.dataframe[0].value) > 1800  # they can see the data
    assert any("hanya dapat melihat" in i.value for i in at.info)
    assert _writing_widgets(at) == []
    assert len(at.get("file_uploader")) == 0


def test_data_page_editor_sees_editing_and_expired_session_does_not(app_db):
    at = _page(ROOT / "app_pages" / "records.py", **_session("ani"))
    assert not at.exception and _writing_widgets(at)
    stale = {"_auth": {"username": "ani", "last_seen": dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2)}}
    at = _page(ROOT / "app_pages" / "records.py", **stale)
    assert not at.exception and _writing_widgets(at) == []
    accounts.set_role(app_db, Principal("kepala", "admin"), "ani", "viewer")  # demoted: no editing at once
    at = _page(ROOT / "app_pages" / "records.py", **_session("ani"))
    assert _writing_widgets(at) == []
    accounts.set_role(app_db, Principal("kepala", "admin"), "ani", "editor")


def _login_button(at):
    return [b for b in at.get("form_submit_button") if b.label == "Masuk"][0]


def _gated_page():
    import streamlit as st

    from ui import auth

    auth.gate()
    st.title("Isi halaman")


def _login_box_opened():
    """The gated page with the sidebar's "Masuk" box opened (it draws its form only then: ``ui.lazy_expander``)."""
    at = AppTest.from_function(_gated_page, default_timeout=120).run()
    assert not at.exception and len(at.text_input) == 0 and at.sidebar.expander[0].label == "Masuk"
    at.session_state["login_open"] = True
    return at.run()


def test_login_form_logs_in_and_wrong_password_is_refused(app_db):
    at = _login_box_opened()
    assert not at.exception and at.title[0].value == "Isi halaman"  # viewing is open by default
    at.text_input(key="login_name").set_value("ani")
    at.text_input(key="login_password").set_value("salah-sandi-1")
    _login_button(at).click().run()
    assert any("salah" in e.value for e in at.error), [b.label for b in at.get("form_submit_button")]
    assert "_auth" not in at.session_state
    at.text_input(key="login_name").set_value("ani")
    at.text_input(key="login_password").set_value("sandi-ani-panjang")
    _login_button(at).click().run()
    assert not at.exception
    assert at.session_state["_auth"]["username"] == "ani"
    assert any("ani" in m.value for m in at.sidebar.markdown)


def test_a_failed_login_keeps_the_typed_user_name_and_empties_the_password(app_db):
    at = _login_box_opened()
    at.text_input(key="login_name").set_value("ani")
    at.text_input(key="login_password").set_value("salah-sandi-2")
    _login_button(at).click().run()
    assert any("salah" in e.value for e in at.error)
    assert at.text_input(key="login_name").value == "ani"
    assert at.text_input(key="login_password").value == ""
    at.text_input(key="login_password").set_value("sandi-ani-panjang")  # only the password typed again
    _login_button(at).click().run()
    assert at.session_state["_auth"]["username"] == "ani" and at.session_state["_auth"]["token"]


def test_viewing_can_require_a_login(app_db, monkeypatch):
    monkeypatch.setenv("SINERGI_VIEW_REQUIRES_LOGIN", "1")
    at = _page(ROOT / "app.py")
    assert not at.exception
    assert any("masuk untuk melihat" in i.value for i in at.info)
    assert not any("Peta Kerja Sama" in t.value for t in at.title)  # no map before the login
    at = _page(ROOT / "app.py", **_session("vina"))
    assert at.title[0].value == "Peta Kerja Sama Antar Daerah"


def test_users_page_is_for_admins_only(app_db):
    for who in (None, "vina", "ani"):
        at = _page(ROOT / "app_pages" / "users.py", **(_session(who) if who else {}))
        assert any("hanya untuk admin" in w.value for w in at.warning) and len(at.dataframe) == 0
    at = _page(ROOT / "app_pages" / "users.py", **_session("kepala"))
    assert not at.exception and {"kepala", "vina", "ani"} <= set(at.dataframe[0].value["Nama pengguna"])
    # a user who never logged in has an empty "last login" (a missing time), never the word "None"
    assert at.dataframe[0].value["Terakhir masuk"].dtype.kind == "M"
    if accounts.current_principal(app_db, "budi"):
        accounts.remove_user(app_db, Principal("kepala", "admin"), "budi")
    at.text_input(key="new_user").set_value("budi")
    at.selectbox(key="new_role").set_value("editor")
    at.text_input(key="new_pw1").set_value("sandi-budi-panjang")
    at.text_input(key="new_pw2").set_value("sandi-budi-panjang")
    [b for b in at.get("form_submit_button") if b.label == "Tambah pengguna"][0].click().run()
    assert not at.exception and any("Tersimpan" in s.value for s in at.success)
    assert accounts.authenticate(app_db, "budi", "sandi-budi-panjang").role == "editor"


def test_failing_on_purpose_cannot_lock_an_account_for_long(engine):
    """A user name's back-off stops at a minute (the only admin cannot be locked out for long by strangers);
    the client that keeps failing waits longer and longer."""
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    t = dt.datetime(2026, 1, 1, 8, tzinfo=dt.timezone.utc)
    for i in range(15):  # a stranger fails 15 times, always as soon as allowed
        t += dt.timedelta(seconds=accounts.wait_seconds(engine, "kepala", "10.6.6.6", now=t))
        with pytest.raises(UserError, match="wrong"):
            accounts.authenticate(engine, "kepala", f"tebak-{i}", client="10.6.6.6", now=t)
    assert accounts.wait_seconds(engine, "kepala", "10.0.0.1", now=t) <= 60  # the admin, from elsewhere
    assert accounts.wait_seconds(engine, "siapa", "10.6.6.6", now=t) == 15 * 60  # the stranger, any name
    t += dt.timedelta(seconds=60)
    assert accounts.authenticate(engine, "kepala", "sandi-admin-panjang", client="10.0.0.1", now=t).role == "admin"


def _add_user_in_page(at, name, password="sandi-citra-panjang", role="viewer"):
    at.text_input(key="new_user").set_value(name)
    at.selectbox(key="new_role").set_value(role)
    at.text_input(key="new_pw1").set_value(password)
    at.text_input(key="new_pw2").set_value(password)
    return [b for b in at.get("form_submit_button") if b.label == "Tambah pengguna"][0].click().run()


def test_users_page_shows_a_change_at_once(app_db):
    admin = Principal("kepala", "admin")
    if accounts.current_principal(app_db, "citra"):
        accounts.remove_user(app_db, admin, "citra")
    at = _page(ROOT / "app_pages" / "users.py", **_session("kepala"))
    assert "citra" not in set(at.dataframe[0].value["Nama pengguna"])
    _add_user_in_page(at, "citra")
    assert not at.exception and any("Tersimpan" in s.value for s in at.success)
    table = at.dataframe[0].value.set_index("Nama pengguna")
    assert "citra" in table.index and bool(table.loc["citra", "Aktif"])  # in the table right after adding
    assert "citra" in at.selectbox(key="user_pick").options  # and in the pick list
    at.selectbox(key="user_pick").set_value("citra").run()
    at.button(key="btn_active").click().run()  # disable
    assert not at.exception and any("Tersimpan" in s.value for s in at.success)
    assert not bool(at.dataframe[0].value.set_index("Nama pengguna").loc["citra", "Aktif"])
    assert at.button(key="btn_active").label == "Aktifkan"  # the button now offers the opposite
    at.run()  # the success message is shown once, on the run right after the change
    assert not at.success
    at.checkbox(key="remove_confirm").check().run()
    at.button(key="btn_remove").click().run()
    assert not at.exception and any("Tersimpan" in s.value for s in at.success)
    assert "citra" not in set(at.dataframe[0].value["Nama pengguna"])  # gone from the table and the pick list
    assert "citra" not in at.selectbox(key="user_pick").options
    assert "citra" not in [u.username for u in accounts.list_users(app_db, admin)]


def test_users_page_shows_a_rejected_name_as_typed_not_as_markdown(app_db):
    from ui.safe_text import md

    hostile = "![x](http://evil.example/x.png)"
    at = _page(ROOT / "app_pages" / "users.py", **_session("kepala"))
    _add_user_in_page(at, hostile)
    assert not at.exception and not at.success
    with pytest.raises(UserError) as exc:
        accounts.add_user(app_db, Principal("kepala", "admin"), hostile, "sandi-citra-panjang", "viewer")
    shown = [e.value for e in at.error]
    assert shown == [md(exc.value.text("id"))]  # escaped: markdown fetches no image from outside
    assert "![x](http" not in shown[0] and r"\!\[x\]\(http" in shown[0]
    assert hostile not in set(at.dataframe[0].value["Nama pengguna"])
