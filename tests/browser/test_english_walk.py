"""Headless Chromium walks every page in Indonesian as an admin and reads what a user sees: no raw catalog keys
and no English interface words, Streamlit's own included (its file uploader, multiselect lists, the "running"
indicator), which only the browser shows.

What is read: the text a user can see, in the page and in the frames of our components (text nodes that take
space on the screen; where ``ui.theme``'s CSS shrank Streamlit's own word to nothing, the word it shows instead), the placeholders and aria-labels of inputs (a screen reader reads them), while each page runs and
after it finished; then the page's expanders opened, each tab shown, and the first multiselect's list opened and
searched for something that is not there ("No results").
"""

import re
import time

import pytest

from geo.text.catalog import CATALOG
from tests.browser.test_browser import page, wait_until_idle  # noqa: F401 (the page fixture)
from tests.browser.test_login_browser import (  # noqa: F401 (users_app: the app with its users)
    ADMIN_NAME,
    ADMIN_PASSWORD,
    log_in,
    users_app,
    wait_for_cookie,
)

# English words of an interface, as Streamlit writes them or as a developer might leave them. Matched as whole
# words, case-sensitive (a capital: interface words; "none" or "page" inside Indonesian prose is left alone).
# Not listed because Indonesian uses them too: "Filter", "Data", "Status", "Total", "Admin", "Editor", "Sektor".
ENGLISH = ["Upload", "Browse files", "Drag and drop", "per file", "Choose an option", "Choose options",
           "Select all", "No results", "No options", "Download", "Running", "Loading", "Search", "Clear", "Submit",
           "Cancel", "Delete", "Settings", "Page", "Sort", "None", "Press Enter", "Stop", "Rerun", "Close",
           "Show more", "Show less", "View more", "View less", "Add row", "Fullscreen", "Edit", "Save", "Remove",
           "Loading...", "Running...", "NaN", "nan", "True", "False", "Please", "Error", "Warning"]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")

# every page of the admin's navigation (app.py), by address
PAGES = ["", "region?region=32.73", "impact", "planner", "records", "briefing", "method", "about_data", "users",
         "vocabularies"]

VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || !el.getClientRects().length) continue;
    if (parseFloat(style.fontSize) === 0) {  // replaced by ui.theme: what is on screen is the ::after text
      const after = getComputedStyle(el, "::after").content;
      if (after && after !== "none") out.push(after.replace(/^"|"$/g, ""));
      continue;
    }
    out.push(node.textContent.trim());
  }
  for (const el of document.querySelectorAll("input, textarea")) {
    for (const name of ["placeholder", "aria-label"]) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  return out.join("\\n");
}"""


def seen_text(pg) -> str:
    """What a user sees now: the page and our components' frames."""
    parts = []
    for frame in pg.frames:
        try:
            parts.append(frame.evaluate(VISIBLE_TEXT))
        except Exception:  # a frame replaced meanwhile, or a frame of another origin
            pass
    return "\n".join(parts)


def watch_until_idle(pg, seen: list[str], timeout_s: float = 120) -> None:
    """Read the page every 0.3 s while it runs (the "running" indicator is seen only then), until the script has
    stopped running and the page stayed unchanged for 2 s."""
    deadline = time.time() + timeout_s
    quiet, last = 0, None
    while time.time() < deadline and quiet < 7:
        now = seen_text(pg)
        seen.append(now)
        running = pg.locator("[data-testid='stApp'][data-test-script-state='running'], "
                             "[data-testid='stStatusWidget']").count() > 0
        quiet = 0 if running or now != last else quiet + 1
        last = now
        pg.wait_for_timeout(300)


def open_everything(pg, seen: list[str], shots) -> None:
    """The page's closed expanders opened, the first multiselect's list opened and searched, each tab shown."""
    main = pg.locator("[data-testid='stMain']")
    for summary in main.locator("[data-testid='stExpander'] details:not([open]) > summary").all():
        try:
            summary.click(timeout=5_000)
        except Exception:
            pass
    watch_until_idle(pg, seen)
    pick = next((p for p in main.locator("[data-testid='stMultiSelect'] input").all() if p.is_visible()), None)
    if pick is not None:
        options = pg.locator("[role='listbox'] [role='option']").first
        for attempt in range(3):  # a click that lands while the page is still being laid out can be lost
            pick.scroll_into_view_if_needed()
            pick.click()
            try:
                options.wait_for(timeout=5_000)
                break
            except Exception:
                if attempt == 2:
                    raise
        seen.append(seen_text(pg))  # the list, with its "select all"
        pick.type("zzqx")
        pg.wait_for_timeout(1_000)
        seen.append(seen_text(pg))  # nothing found
        pg.screenshot(path=shots / "multiselect-search.png")
        assert "zzqx" in (pick.input_value() or ""), "the multiselect's search was not typed"
        pg.keyboard.press("Escape")
    for tab in main.get_by_role("tab").all():
        try:
            tab.click(timeout=5_000)
            watch_until_idle(pg, seen)
        except Exception:
            pass


def problems(seen: str) -> list[str]:
    """Raw catalog keys and English interface words in what was seen, each once."""
    found = {f"English word {m.group(1)!r} in: {line.strip()[:120]!r}"
             for line in seen.splitlines() for m in ENGLISH_RE.finditer(line)}
    found |= {f"raw catalog key {key!r}" for key in CATALOG if key in seen or (
        key.startswith("ui.") and re.search(r"(?<![\w.])" + re.escape(key[3:]) + r"(?![\w.])", seen)
        and key[3:].count(".") >= 1)}
    return sorted(found)


def test_the_word_lists_catch_what_they_must():
    assert problems("Drag and drop file here\nLimit 200MB per file") == [
        "English word 'Drag and drop' in: 'Drag and drop file here'",
        "English word 'per file' in: 'Limit 200MB per file'"]
    assert problems("Tombol ui.auth.login di sini") and problems("Tombol auth.login di sini")
    assert problems("Pilih berkas, tidak ada hasil, Data & Sumber, Filter wilayah, 1.500.000 (none)") == []


@pytest.mark.parametrize("path", PAGES, ids=[p.split("?")[0] or "map" for p in PAGES])
def test_every_page_in_indonesian_shows_no_raw_key_and_no_english_interface_word(users_app, page, path,  # noqa: F811
                                                                                    tmp_path):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{users_app}/?lang=id")
    log_in(page, ADMIN_NAME, ADMIN_PASSWORD)
    page.locator("[data-testid='stSidebar']").get_by_text(f"Masuk sebagai {ADMIN_NAME}").wait_for(timeout=60_000)
    assert wait_for_cookie(page, True) is not None
    seen: list[str] = []
    sep = "&" if "?" in path else "?"
    page.goto(f"{users_app}/{path}{sep}lang=id")  # a new session: the login comes back from its cookie
    page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=120_000)
    watch_until_idle(page, seen)
    assert re.search(rf"Masuk sebagai\s+{ADMIN_NAME}", seen[-1])  # walked as the admin
    open_everything(page, seen, tmp_path)
    name = path.split("?")[0] or "map"
    page.screenshot(path=tmp_path / f"{name}.png", full_page=True)  # kept with the test's folder, to look at
    (tmp_path / f"{name}.txt").write_text("\n".join(seen), encoding="utf-8")
    assert problems("\n".join(seen)) == [], path
