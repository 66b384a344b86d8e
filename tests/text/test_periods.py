"""A period in words (geo.text.periods): whole calendar years as years, anything else by its first and last day."""

import datetime as dt

from geo.text.catalog import text
from geo.text.periods import period_text

D = dt.date


def test_no_period_at_all_is_the_catalogs_all_time_in_the_language_asked_for():
    assert period_text(None, None) == text("briefing.all_time", "id") == "seluruh periode"
    assert period_text(None, None, "en") == text("briefing.all_time", "en") == "all time"


def test_a_missing_start_or_end_is_an_ellipsis_and_the_other_day_is_written_in_full():
    assert period_text(None, D(2025, 6, 30)) == "…–30/06/2025"
    assert period_text(D(2021, 3, 1), None) == "01/03/2021–…"
    assert period_text(None, D(2025, 12, 31)) == "…–31/12/2025"  # a year's last day alone is not a whole year
    assert period_text(D(2021, 1, 1), None, "en") == "01/01/2021–…"


def test_whole_calendar_years_are_written_as_years_one_year_as_itself():
    assert period_text(D(2021, 1, 1), D(2025, 12, 31)) == "2021–2025"
    assert period_text(D(2024, 1, 1), D(2024, 12, 31)) == "2024"


def test_a_period_that_is_not_whole_years_at_either_end_is_written_by_its_days_with_four_digit_years():
    assert period_text(D(2021, 1, 1), D(2025, 6, 30)) == "01/01/2021–30/06/2025"  # starts a year, ends mid-year
    assert period_text(D(2021, 7, 1), D(2025, 12, 31)) == "01/07/2021–31/12/2025"  # starts mid-year, ends a year
    assert period_text(D(2021, 1, 2), D(2025, 12, 31)) == "02/01/2021–31/12/2025"
    assert period_text(D(2021, 2, 1), D(2025, 12, 31)) == "01/02/2021–31/12/2025"
    assert period_text(D(2021, 1, 1), D(2025, 12, 30)) == "01/01/2021–30/12/2025"
    assert period_text(D(2021, 1, 1), D(2025, 11, 30)) == "01/01/2021–30/11/2025"
