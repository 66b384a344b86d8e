"""ui.theme: the words Streamlit writes itself (uploader button and limit, a multiselect's "Select all") are the
catalog's in the page's language, and the uploader's caption states the importer's own limit."""

from ui import theme


def test_css_replaces_the_uploader_button_and_select_all_with_indonesian_words():
    css = theme.css()
    assert 'content: "Pilih berkas"' in css and 'content: "Pilih semua"' in css
    assert 'content: "Lepaskan berkas di sini"' in css  # over "Drag and drop a file here"
    assert 'content: "Tidak ada yang cocok"' in css  # over a list's "No results"
    assert '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }' in css  # "200MB per file"


def test_upload_caption_states_the_importers_limit_not_streamlits_200_mb(monkeypatch):
    monkeypatch.setenv("SINERGI_MAX_IMPORT_MB", "20")
    assert theme.upload_caption().endswith("Paling besar 20 MB.")
    monkeypatch.setenv("SINERGI_MAX_IMPORT_MB", "2.5")
    assert theme.upload_caption().endswith("Paling besar 2,5 MB.")  # a decimal comma
