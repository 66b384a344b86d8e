"""Interface text in Bahasa Indonesia (default) and English."""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT = {
    "nav.map": {"id": "Peta Nasional", "en": "National map"},
    "nav.data_credits": {"id": "Data & Sumber", "en": "Data & credits"},
    "language": {"id": "Bahasa", "en": "Language"},
    "map.title": {"id": "Peta Kerja Sama Antar Daerah", "en": "Inter-regional cooperation map"},
    "map.caption": {"id": "{n} provinsi · arahkan kursor ke wilayah untuk melihat namanya",
                    "en": "{n} provinces · hover over a region to see its name"},
    "map.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "level.province": {"id": "Provinsi", "en": "Province"},
    "level.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "level.district": {"id": "Kecamatan", "en": "District"},
    "tooltip.region": {"id": "Wilayah", "en": "Region"},
    "tooltip.code": {"id": "Kode", "en": "Code"},
    "credit": {"id": "Data wilayah © cahya dsn (lisensi MIT), Kepmendagri No 300.2.2-2138 Tahun 2025.",
               "en": "Region data © cahya dsn (MIT licence), Kepmendagri No 300.2.2-2138 of 2025."},
    "data.title": {"id": "Data wilayah dan sumbernya", "en": "Region data and its sources"},
    "data.counts": {"id": "Jumlah wilayah", "en": "Number of regions"},
    "data.licence": {"id": "Lisensi data", "en": "Data licence"},
}


def current_language() -> str:
    lang = st.session_state.get("lang") or st.query_params.get("lang", "id")
    return lang if lang in LANGUAGES else "id"


def t(key: str, **kwargs) -> str:
    entry = TEXT[key]
    text = entry.get(current_language(), entry["id"])
    return text.format(**kwargs) if kwargs else text


def language_picker() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = current_language()
    st.sidebar.selectbox(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
    st.query_params["lang"] = st.session_state["lang"]
