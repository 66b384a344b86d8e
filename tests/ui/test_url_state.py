"""The view in the URL (``ui/url_state.py``): a link or Back/Forward sets the view, the user's own change is not
undone by the URL it has not reached yet, and one change of view is one history step (one update)."""

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from ui import url_state

    url_state.init({"y0": 2021, "sector": [], "level": "province"},
                   {"y0": (2015, 2026), "sector": ("pendidikan", "kesehatan"), "level": ("province", "regency")})
    st.slider("y0", 2015, 2026, key="y0")
    st.selectbox("level", ["province", "regency"], key="level")
    url_state.sync(["y0", "sector", "level"])
    st.write(f"view={st.session_state['_view']}")


def _view(at) -> dict:
    return eval([m.value for m in at.markdown if m.value.startswith("view=")][0][5:])


def test_a_link_sets_the_view_and_every_key_is_written_back_even_empty_ones():
    at = AppTest.from_function(_page)
    at.query_params.update({"y0": "2023", "sector": "kesehatan,bogus", "level": "regency"})
    at.run()
    assert not at.exception
    assert _view(at) == {"y0": 2023, "sector": ["kesehatan"], "level": "regency"}
    assert at.query_params["sector"] == "kesehatan"  # the unknown item dropped, also from the URL
    fresh = AppTest.from_function(_page)
    fresh.run()
    assert fresh.query_params["sector"] == "" and fresh.query_params["y0"] == "2021"  # "said", even when empty


def test_the_users_change_is_not_undone_by_the_url_written_before_it():
    at = AppTest.from_function(_page)
    at.query_params.update({"y0": "2023"})
    at.run()
    at.slider(key="y0").set_value(2019).run()
    assert _view(at)["y0"] == 2019 and at.query_params["y0"] == "2019"
    at.run()  # a rerun with the URL as the page wrote it keeps the value
    assert _view(at)["y0"] == 2019


def test_back_or_forward_brings_the_urls_view_back():
    at = AppTest.from_function(_page)
    at.run()
    at.selectbox(key="level").set_value("regency").run()
    assert _view(at)["level"] == "regency"
    at.query_params["level"] = "province"  # what Back does: the previous history entry's query string
    at.query_params["y0"] = "2018"
    at.run()
    assert _view(at)["level"] == "province" and _view(at)["y0"] == 2018
    assert at.selectbox(key="level").value == "province"


def test_a_value_a_widget_would_refuse_falls_back_to_the_default():
    at = AppTest.from_function(_page)
    at.query_params.update({"y0": "1900", "level": "<script>"})
    at.run()
    assert not at.exception
    assert _view(at)["y0"] == 2021 and _view(at)["level"] == "province"
