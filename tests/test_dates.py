"""Date grammar: finding Vietnamese date expressions and resolving them against the article date."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# The package is not installed in the venv; make the project root importable.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder import vocabulary  # noqa: E402
from builder.dates import (  # noqa: E402
    DateExpression,
    article_date,
    bounds_from_text,
    find_date_expressions,
    parse_date,
    resolve,
)
from builder.records import UNKNOWN_DATE, DateValue  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "dev_articles"
D = dt.date


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue(D(y, m, d), D(y, m, d), "day", "stated")


def month(y: int, m: int) -> DateValue:
    end = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return DateValue(D(y, m, 1), end, "month", "stated")


def check(text: str, anchor: DateValue, start, end, precision: str, basis: str,
          expr_text: str | None = None, context: DateValue | None = None) -> DateValue:
    """`text` holds exactly one expression (the whole of `expr_text`); check its resolution."""
    found = find_date_expressions(text)
    assert len(found) == 1, found
    value = resolve(found[0], anchor, context)
    assert (value.start, value.end, value.precision, value.basis) == (start, end, precision, basis)
    assert value.text == (expr_text if expr_text is not None else text)
    assert text[value.char_start:value.char_end] == value.text
    return value


UNANCHORED = UNKNOWN_DATE


# --- days -------------------------------------------------------------------------------------

def test_ngay_d_m_takes_the_article_year():
    check("ngày 19-2", month(2021, 2), D(2021, 2, 19), D(2021, 2, 19), "day", "article_date")


def test_capitalised_ngay():
    check("Ngày 19-2", month(2021, 2), D(2021, 2, 19), D(2021, 2, 19), "day", "article_date")


def test_bare_slash_day():
    check("19/2", month(2021, 2), D(2021, 2, 19), D(2021, 2, 19), "day", "article_date")


def test_time_of_day_word_and_day():
    value = check("Chiều 1/12", month(2023, 12), D(2023, 12, 1), D(2023, 12, 1), "day", "article_date")
    assert value.iso() == "2023-12-01"


def test_lower_case_time_of_day_word():
    check("chiều 1/12", month(2023, 12), D(2023, 12, 1), D(2023, 12, 1), "day", "article_date")


def test_morning_with_full_date():
    check("Sáng 12/7/2032", UNANCHORED, D(2032, 7, 12), D(2032, 7, 12), "day", "stated")


def test_dotted_full_date():
    check("10.1.2024", UNANCHORED, D(2024, 1, 10), D(2024, 1, 10), "day", "stated")


def test_afternoon_dotted_full_date():
    check("Chiều 10.1.2024", UNANCHORED, D(2024, 1, 10), D(2024, 1, 10), "day", "stated")


def test_full_date_with_time():
    value = check("10/01/2024 21:00", UNANCHORED, D(2024, 1, 10), D(2024, 1, 10), "day", "stated")
    assert find_date_expressions("10/01/2024 21:00")[0].time == "21:00"
    assert value.iso() == "2024-01-10"


def test_zero_padded_dotted_date():
    check("05.03.2031", UNANCHORED, D(2031, 3, 5), D(2031, 3, 5), "day", "stated")


def test_day_month_year_in_words():
    check("21 tháng 09 năm 2025", UNANCHORED, D(2025, 9, 21), D(2025, 9, 21), "day", "stated")


def test_ngay_day_month_year_in_words():
    check("ngày 5 tháng 3 năm 2024", UNANCHORED, D(2024, 3, 5), D(2024, 3, 5), "day", "stated")


def test_ngay_day_month_in_words_without_year():
    check("ngày 5 tháng 3", month(2024, 3), D(2024, 3, 5), D(2024, 3, 5), "day", "article_date")


@pytest.mark.parametrize("text, expected", [
    ("Ngày mùng 5 tháng Ba", D(2024, 3, 5)), ("mồng 9 tháng Ba", D(2024, 3, 9)),
    ("ngày 12 tháng Mười Một năm 2023", D(2023, 11, 12)), ("ngày 1 tháng Một năm 2024", D(2024, 1, 1))])
def test_day_with_the_months_name(text, expected):
    """"mùng 5 tháng Ba", "ngày 12 tháng Mười Một": the month by its name (capitalised)."""
    check(text, month(2024, 3), expected, expected, "day", "stated" if "năm" in text else "article_date")


@pytest.mark.parametrize("text", ["trong 5 tháng năm 2024", "mồng 2 tháng Chạp", "5 tháng Ba"])
def test_what_is_not_a_day_with_the_months_name(text):
    """"5 tháng năm 2024" counts months of a year; "tháng Chạp" is a lunar month; "5 tháng Ba"
    with nothing before it may be a duration."""
    assert [e for e in find_date_expressions(text) if e.kind == "day"] == []


def test_unyeared_day_without_anchor_is_unknown():
    value = check("Ngày 19-2", UNANCHORED, None, None, "unknown", "inferred")
    assert not value.known


# --- ranges -----------------------------------------------------------------------------------

def test_range_day_to_full_date():
    check("từ ngày 11 đến 15-4-2023", UNANCHORED, D(2023, 4, 11), D(2023, 4, 15), "day", "stated")


def test_range_capitalised():
    check("Từ ngày 3 đến 6-11-2031", month(2031, 11), D(2031, 11, 3), D(2031, 11, 6), "day", "stated")


def test_range_of_two_full_dates():
    check("từ ngày 30/10/2022 - 01/11/2022", UNANCHORED, D(2022, 10, 30), D(2022, 11, 1), "day", "stated")


def test_range_crossing_a_year():
    check("từ ngày 28/12/2031 - 02/01/2032", month(2032, 1), D(2031, 12, 28), D(2032, 1, 2), "day", "stated")


def test_range_without_year_crossing_a_year():
    check("từ 28/12 đến 2/1", month(2032, 1), D(2031, 12, 28), D(2032, 1, 2), "day", "article_date")


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_range_dash_characters(dash):
    text = f"từ ngày 30/10/2022 {dash} 01/11/2022"
    check(text, UNANCHORED, D(2022, 10, 30), D(2022, 11, 1), "day", "stated")
    tight = f"từ ngày 30/10/2022{dash}01/11/2022"
    check(tight, UNANCHORED, D(2022, 10, 30), D(2022, 11, 1), "day", "stated")


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_day_dash_characters(dash):
    check(f"ngày 19{dash}2", month(2021, 2), D(2021, 2, 19), D(2021, 2, 19), "day", "article_date")


def test_range_start_day_borrows_the_previous_month():
    check("từ ngày 30 đến 2-5-2023", UNANCHORED, D(2023, 4, 30), D(2023, 5, 2), "day", "stated")


def test_short_range_with_slash():
    check("ngày 3-6/11", month(2031, 11), D(2031, 11, 3), D(2031, 11, 6), "day", "article_date")


# ranges with the month written in words, as wire reports and older newspapers write them
@pytest.mark.parametrize("text,start,end,basis", [
    ("từ ngày 16 đến ngày 19 tháng 5 năm 2093", D(2093, 5, 16), D(2093, 5, 19), "stated"),
    ("từ 16 đến 19 tháng 5 năm 2093", D(2093, 5, 16), D(2093, 5, 19), "stated"),
    ("Từ ngày 16 - 19 tháng 5, năm 2093", D(2093, 5, 16), D(2093, 5, 19), "stated"),
    ("ngày 16 và 17 tháng 5 năm 2093", D(2093, 5, 16), D(2093, 5, 17), "stated"),
    ("từ ngày 3 đến ngày 6 tháng Mười Một", D(2093, 11, 3), D(2093, 11, 6), "article_date"),
    ("từ ngày 30 tháng 4 đến ngày 2 tháng 5 năm 2093", D(2093, 4, 30), D(2093, 5, 2), "stated"),
    ("từ ngày 28 tháng 12 năm 2092 đến ngày 2 tháng 1 năm 2093", D(2092, 12, 28), D(2093, 1, 2), "stated"),
])
def test_range_with_the_month_in_words(text, start, end, basis):
    check(text, month(2093, 11), start, end, "day", basis)


@pytest.mark.parametrize("text, start, end", [
    ("trong các ngày 3, 4 và 5/7/2087", D(2087, 7, 3), D(2087, 7, 5)),
    ("Trong ba ngày 3, 4, 5-7-2087", D(2087, 7, 3), D(2087, 7, 5)),
    ("các ngày 3, 4, 5 và 6 tháng 7 năm 2087", D(2087, 7, 3), D(2087, 7, 6)),
])
def test_a_list_of_three_or_more_days_spans_them(text, start, end):
    """Days listed ("các ngày 3, 4 và 5/7") span from the first to the last, as two days do."""
    check(text, UNANCHORED, start, end, "day", "stated", expr_text=text[text.index("ngày"):])


def test_a_month_in_lower_case_words_ends_no_range():
    """"từ 16 đến 19 tháng năm 2093" may be a count of months: no range is read from it."""
    assert all(x.kind != "day_range" for x in find_date_expressions("từ 16 đến 19 tháng năm 2093"))


# --- months -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,y,m", [
    ("tháng 9/2023", 2023, 9),
    ("tháng 10-2018", 2018, 10),
    ("tháng 12.2023", 2023, 12),
    ("tháng 4.2032", 2032, 4),
    ("tháng 10 năm 2031", 2031, 10),
])
def test_month_with_year(text, y, m):
    expected = month(y, m)
    check(text, UNANCHORED, expected.start, expected.end, "month", "stated")


def test_month_in_parentheses_before_den_nay():
    text = "(tháng 10-2018) đến nay"
    check(text, UNANCHORED, D(2018, 10, 1), D(2018, 10, 31), "month", "stated", "tháng 10-2018")


def test_recent_month_with_hoi():
    check("hồi tháng 9 vừa qua", month(2023, 12), D(2023, 9, 1), D(2023, 9, 30), "month", "article_date")
    check("hồi tháng 10 vừa qua", month(2031, 11), D(2031, 10, 1), D(2031, 10, 31), "month", "article_date")


def test_recent_month():
    check("tháng 6 vừa qua", month(2032, 8), D(2032, 6, 1), D(2032, 6, 30), "month", "article_date")


def test_recent_month_goes_to_last_year_when_needed():
    check("tháng 11 vừa qua", month(2032, 1), D(2031, 11, 1), D(2031, 11, 30), "month", "article_date")


def test_late_month_last_year():
    check("cuối tháng 11 năm ngoái", month(2032, 3), D(2031, 11, 1), D(2031, 11, 30), "month", "article_date")
    assert find_date_expressions("cuối tháng 11 năm ngoái")[0].part == "cuối"


def test_early_month():
    check("đầu tháng 3", month(2032, 3), D(2032, 3, 1), D(2032, 3, 31), "month", "article_date")


def test_coming_month():
    check("tháng 6 tới", month(2032, 8), D(2033, 6, 1), D(2033, 6, 30), "month", "article_date")


def test_last_month():
    check("tháng trước", month(2032, 1), D(2031, 12, 1), D(2031, 12, 31), "month", "article_date")


# --- years ------------------------------------------------------------------------------------

def test_year():
    check("năm 2022", UNANCHORED, D(2022, 1, 1), D(2022, 12, 31), "year", "stated")


def test_year_with_vao():
    value = check("vào năm 2033", UNANCHORED, D(2033, 1, 1), D(2033, 12, 31), "year", "stated")
    assert value.iso() == "2033"


def test_year_at_sentence_start():
    text = "Năm 2030, công an hai bên đã phối hợp xác minh 64 lượt thông tin"
    check(text, UNANCHORED, D(2030, 1, 1), D(2030, 12, 31), "year", "stated", "Năm 2030")


@pytest.mark.parametrize("text,year", [("năm ngoái", 2031), ("năm nay", 2032), ("năm tới", 2033)])
def test_relative_years(text, year):
    check(text, month(2032, 3), D(year, 1, 1), D(year, 12, 31), "year", "article_date")


def test_relative_year_without_anchor_is_unknown():
    check("năm ngoái", UNANCHORED, None, None, "unknown", "inferred")


def test_year_range():
    check("giai đoạn 2021 – 2025", UNANCHORED, D(2021, 1, 1), D(2025, 12, 31), "year", "stated")


# --- relative days ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Chiều nay", "chiều nay", "Sáng nay", "hôm nay"])
def test_today_words(text):
    check(text, month(2032, 8), D(2032, 8, 1), D(2032, 8, 31), "month", "article_date")
    check(text, day(2032, 8, 14), D(2032, 8, 14), D(2032, 8, 14), "day", "article_date")
    check(text, UNANCHORED, None, None, "unknown", "inferred")


@pytest.mark.parametrize("text", ["Sáng qua", "hôm qua", "tối hôm qua"])
def test_yesterday_words(text):
    check(text, day(2032, 8, 1), D(2032, 7, 31), D(2032, 7, 31), "day", "article_date")
    check(text, month(2032, 8), D(2032, 8, 1), D(2032, 8, 31), "month", "article_date")
    check(text, UNANCHORED, None, None, "unknown", "inferred")


def test_relative_day_inherits_bounds_of_an_undated_article():
    bounds = DateValue(D(2014, 1, 1), D(2018, 12, 31), "unknown", "inferred")
    check("Chiều nay", bounds, D(2014, 1, 1), D(2018, 12, 31), "unknown", "inferred")


# --- periods ending now -----------------------------------------------------------------------

def test_years_ago_period():
    value = check("Ba năm qua", month(2023, 4), D(2020, 1, 1), D(2023, 12, 31), "year", "article_date")
    assert find_date_expressions("Ba năm qua")[0].kind == "years_ago"
    assert find_date_expressions("Ba năm qua")[0].count == 3
    assert (value.iso(), value.iso_end()) == ("2020", "2023")


def test_years_ago_lower_case_and_without_anchor():
    check("hai năm qua", month(2021, 2), D(2019, 1, 1), D(2021, 12, 31), "year", "article_date")
    check("hai năm qua", UNANCHORED, None, None, "unknown", "inferred")


def test_since_year():
    check("từ 2014 đến nay", month(2016, 5), D(2014, 1, 1), D(2016, 12, 31), "year", "article_date")
    check("từ 2014 đến nay", UNANCHORED, D(2014, 1, 1), None, "unknown", "inferred")
    assert find_date_expressions("từ 2014 đến nay")[0].kind == "since_year"


def test_until_year():
    check("từ nay đến 2018", month(2016, 5), D(2016, 1, 1), D(2018, 12, 31), "year", "article_date")
    check("từ nay đến 2018", UNANCHORED, None, D(2018, 12, 31), "unknown", "inferred")
    assert find_date_expressions("từ nay đến 2018")[0].kind == "until_year"


def test_since_year_with_nam():
    check("Từ năm 2018 đến nay", month(2021, 2), D(2018, 1, 1), D(2021, 12, 31), "year", "article_date")


# --- year choice and context ------------------------------------------------------------------

def test_day_without_year_is_not_put_after_the_article():
    check("ngày 29/12", month(2023, 1), D(2022, 12, 29), D(2022, 12, 29), "day", "article_date")


def test_day_without_year_takes_the_year_of_the_context_range():
    visit = DateValue(D(2031, 12, 28), D(2032, 1, 2), "day", "stated")
    check("Ngày 29/12", month(2032, 1), D(2031, 12, 29), D(2031, 12, 29), "day", "stated", context=visit)
    # A day outside the range falls back to the article date.
    check("Ngày 5/1", month(2032, 1), D(2032, 1, 5), D(2032, 1, 5), "day", "article_date", context=visit)


def test_coming_day_within_a_month_of_the_article_keeps_its_year():
    check("ngày 20/12", day(2023, 12, 5), D(2023, 12, 20), D(2023, 12, 20), "day", "article_date")


def test_feb_29_finds_a_leap_year():
    check("ngày 29/2", month(2023, 6), D(2020, 2, 29), D(2020, 2, 29), "day", "article_date")


def test_parse_date_resolves_the_first_expression():
    value = parse_date("Ngày 29/12, hai bên đã ký Thoả thuận", month(2032, 1))
    assert (value.start, value.precision, value.text) == (D(2031, 12, 29), "day", "Ngày 29/12")
    assert parse_date("Không có ngày tháng ở đây.", month(2032, 1)) is None


# --- non-dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "64 lượt", "1.347", "Lượt xem: 1.347", "2 Bộ", "lần thứ 8", "(SN 1989)", "số 00/GP-TTĐT",
    "265 km", "K1.jpg", "anh1.jpg", "cb_hntt_01.jpg", "0912.345.678", "024.3826.1234",
    "phiên bản 2.1", "v1.2.3", "version 10.1.2", "tỷ số 2-1", "3-4 người", "trực 24/7",
    "Nghị định số 13/2023/NĐ-CP", "số 15/3/2023/QĐ-BCA", "tỷ lệ 1/3", "1,5/2", "20.000 người",
    "31/2", "ngày 31/4", "ngày 32-1", "tháng 13/2023", "ngày 29/2/2023", "những năm qua",
    "hai năm trước", "3 tháng sau", "ngày nay", "ánh sáng qua cửa sổ", "chiều qua lại",
    "6 tháng 3 ngày", "thời gian qua", "12h30", "19-2", "5.3",
])
def test_not_dates(text):
    assert find_date_expressions(text) == []


def test_nine_months_of_a_year_is_only_the_year():
    found = find_date_expressions("9 tháng năm 2031, kim ngạch")
    assert [(e.kind, e.text) for e in found] == [("year", "năm 2031")]


# --- offsets ----------------------------------------------------------------------------------

def test_offsets_point_into_the_text():
    text = ("Hội nghị lần thứ 6 tại Bắc Kinh (tháng 10-2018) đến nay. Chiều 1/12, tại Hà Nội; "
            "từ ngày 11 đến 15-4-2023 và hồi tháng 9 vừa qua, Ba năm qua.")
    found = find_date_expressions(text)
    assert [e.text for e in found] == ["tháng 10-2018", "Chiều 1/12", "từ ngày 11 đến 15-4-2023",
                                       "hồi tháng 9 vừa qua", "Ba năm qua"]
    for e in found:
        assert text[e.char_start:e.char_end] == e.text
        value = resolve(e, month(2023, 12))
        assert (value.text, value.char_start, value.char_end) == (e.text, e.char_start, e.char_end)
    starts = [e.char_start for e in found]
    assert starts == sorted(starts)


def test_longest_match_wins():
    found = find_date_expressions("từ ngày 11 đến 15-4-2023")
    assert [(e.kind, e.text) for e in found] == [("day_range", "từ ngày 11 đến 15-4-2023")]
    found = find_date_expressions("cuối tháng 11 năm ngoái")
    assert [(e.kind, e.text) for e in found] == [("relative_month", "cuối tháng 11 năm ngoái")]


# --- the article's own date -------------------------------------------------------------------

def test_article_date_from_header():
    text = " date 2023-04 (PLO)- Chuyến thăm của Thứ trưởng"
    value = article_date(text)
    assert (value.start, value.end, value.precision, value.basis) == (D(2023, 4, 1), D(2023, 4, 30), "month", "stated")
    assert text[value.char_start:value.char_end] == value.text == "2023-04"


@pytest.mark.parametrize("line,expected", [
    ("Bộ Công an 10/01/2024 21:00", D(2024, 1, 10)),
    ("Cập nhật: 05.03.2031 | Lượt xem: 1.347 | Cỡ chữ: A A A", D(2031, 3, 5)),
    ("Thứ Hai, 14:20, 12/07/2032", D(2032, 7, 12)),
])
def test_article_date_from_dated_line(line, expected):
    text = f"Tiêu đề bài viết\n{line}\n\nChiều 10.1.2020, tại Hà Nội, hai bên đã hội đàm về nhiều nội dung quan trọng khác nhau.\n"
    value = article_date(text)
    assert (value.start, value.end, value.precision, value.basis) == (expected, expected, "day", "stated")
    assert text[value.char_start:value.char_end] == value.text


def test_article_date_prefers_a_consistent_dated_line_over_the_header():
    text = " date 2024-01 Tin\nBộ Công an 10/01/2024 21:00\n"
    assert (article_date(text).start, article_date(text).precision) == (D(2024, 1, 10), "day")
    text = " date 2023-12 Tin\nBộ Công an 10/01/2024 21:00\n"
    assert (article_date(text).start, article_date(text).precision) == (D(2023, 12, 1), "month")


def test_body_sentence_is_not_a_dated_line():
    text = "Chiều 10.1.2024, tại Hà Nội, Bộ Công an Việt Nam và Bộ Công an Trung Quốc phối hợp tổ chức Hội nghị."
    assert article_date(text) == UNKNOWN_DATE


def test_article_without_date_is_unknown():
    assert article_date("Sáng qua, tại Hà Nội, Thượng tướng đã hội đàm.") == UNKNOWN_DATE


def _gold_published(stem: str):
    return json.loads((DEV / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["published"]


@pytest.mark.parametrize("stem", [f"d{i:02d}" for i in range(1, 11)])
def test_article_date_matches_the_dev_gold(stem):
    text = (DEV / f"{stem}.txt").read_text(encoding="utf-8")
    value = article_date(text)
    assert value.iso() == _gold_published(stem)
    if value.known:
        assert text[value.char_start:value.char_end] == value.text


def test_dev_article_dates_resolve_as_in_gold():
    """The dates the dev gold expects, from each article's own expressions."""
    expected = {
        "d02": [("Từ ngày 3 đến 6-11-2031", "2031-11-03", "2031-11-06"),
                ("hồi tháng 10 vừa qua", "2031-10", "2031-10")],
        "d04": [("Chiều nay", "2032-08", "2032-08"), ("tháng 7/2032", "2032-07", "2032-07"),
                ("hồi tháng 6 vừa qua", "2032-06", "2032-06")],
        "d05": [("Ngày 5-3", "2031-03-05", "2031-03-05")],
        "d06": [("Chiều 5/3", "2032-03-05", "2032-03-05"),
                ("cuối tháng 11 năm ngoái", "2031-11", "2031-11")],
        "d07": [("Sáng qua", None, None), ("vào tháng 4.2032", "2032-04", "2032-04")],
    }
    for stem, rows in expected.items():
        text = (DEV / f"{stem}.txt").read_text(encoding="utf-8")
        anchor = article_date(text)
        got = {e.text: resolve(e, anchor) for e in find_date_expressions(text)}
        for expr_text, start, end in rows:
            assert (got[expr_text].iso(), got[expr_text].iso_end()) == (start, end), (stem, expr_text)


# --- bounds for undated articles --------------------------------------------------------------

def test_bounds_from_since_and_until():
    text = ("Bộ trưởng cho biết, từ 2014 đến nay, cơ chế hợp tác được hoàn thiện.\n\n"
            "Từ nay đến 2018, hai bên tiếp tục trao đổi ý kiến.")
    value = bounds_from_text(text)
    assert (value.start, value.end, value.precision, value.basis) == (D(2014, 1, 1), D(2018, 12, 31), "unknown", "inferred")
    assert text[value.char_start:value.char_end] == value.text == "từ 2014 đến nay"


def test_bounds_one_sided_and_none():
    value = bounds_from_text("Từ năm 2018 đến nay, hai bên phối hợp.")
    assert (value.start, value.end) == (D(2018, 1, 1), None)
    assert bounds_from_text("Tại trụ sở Công an tỉnh Lai Châu, hai bên hội kiến.") is None
    assert bounds_from_text("từ 2020 đến nay … từ nay đến 2018") is None   # contradictory


# --- vocabulary and properties ----------------------------------------------------------------

PRECISIONS = set(vocabulary.codes(vocabulary.DATE_PRECISIONS))
BASES = set(vocabulary.codes(vocabulary.DATE_BASES))

FRAGMENTS = ["ngày ", "Ngày ", "Chiều ", "sáng ", "hôm ", "tháng ", "năm ", "từ ", "đến ", "nay",
             "qua", "vừa qua", " tới", "ngoái", "đầu ", "cuối ", "hồi ", "vào ", "Ba ", "hai ",
             "những ", "/", ".", "-", "–", "—", ",", " ", "  ", ":", "\n", "0", "1", "2", "3", "9",
             "12", "19", "29", "31", "2014", "2018", "2023", "2031", "2032", "1.347", "SN ",
             "lần thứ ", "21:00", "jpg", "(", ")", "|", "Cập nhật: ", "Thứ Hai, ", " date "]

vietnamese_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), vietnamese_like)

anchors = st.one_of(
    st.just(UNKNOWN_DATE),
    st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)).map(lambda d: DateValue(d, d, "day", "stated")),
    st.builds(month, st.integers(1950, 2090), st.integers(1, 12)),
    st.integers(1950, 2090).map(lambda y: DateValue(D(y, 1, 1), D(y, 12, 31), "year", "stated")),
    st.builds(lambda a, b: DateValue(D(min(a, b), 1, 1), D(max(a, b), 12, 31), "unknown", "inferred"),
              st.integers(1950, 2090), st.integers(1950, 2090)),
)


def _assert_valid(value: DateValue, text: str | None = None) -> None:
    assert value.precision in PRECISIONS and value.basis in BASES
    if value.start is not None and value.end is not None:
        assert value.start <= value.end
    if value.precision != "unknown":
        assert value.start is not None and value.end is not None
    if text is not None:
        assert text[value.char_start:value.char_end] == value.text


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, anchor=anchors, context=st.one_of(st.none(), anchors))
def test_property_find_and_resolve_never_fail(text, anchor, context):
    found = find_date_expressions(text)
    previous_end = 0
    for e in found:
        assert 0 <= e.char_start < e.char_end <= len(text)
        assert text[e.char_start:e.char_end] == e.text
        assert e.char_start >= previous_end            # sorted and non-overlapping
        previous_end = e.char_end
        _assert_valid(resolve(e, anchor, context), text)
    _assert_valid(article_date(text), text if article_date(text).known else None)
    bounds = bounds_from_text(text)
    if bounds is not None:
        _assert_valid(bounds, text)
    parsed = parse_date(text, anchor)
    assert (parsed is None) == (not found)


@settings(max_examples=300)
@given(expr=st.builds(
    DateExpression,
    char_start=st.just(0), char_end=st.just(0), text=st.just(""),
    kind=st.sampled_from(["day", "day_range", "month", "relative_month", "year", "year_range",
                          "relative_year", "relative_day", "years_ago", "since_year", "until_year",
                          "nonsense"]),
    day=st.one_of(st.none(), st.integers(-5, 40)), month=st.one_of(st.none(), st.integers(-2, 14)),
    year=st.one_of(st.none(), st.integers(-10, 12000)),
    end_day=st.one_of(st.none(), st.integers(-5, 40)), end_month=st.one_of(st.none(), st.integers(-2, 14)),
    end_year=st.one_of(st.none(), st.integers(-10, 12000)),
    offset=st.one_of(st.none(), st.integers(-10**7, 10**7)),
    year_offset=st.one_of(st.none(), st.integers(-10**5, 10**5)),
    count=st.one_of(st.none(), st.integers(-5, 10**5)),
    direction=st.sampled_from([-1, 0, 1]),
), anchor=anchors, context=st.one_of(st.none(), anchors))
def test_property_resolve_never_raises_on_odd_expressions(expr, anchor, context):
    _assert_valid(resolve(expr, anchor, context))


@pytest.mark.parametrize("text", ["Mới đây, tại trụ sở Tỉnh ủy", "(Chinhphu.vn) - Vừa qua, tại thành phố Đà Nẵng"])
def test_lately_is_the_articles_month(text):
    """"Mới đây, …" / "Vừa qua, …" with no day: the article's month, no finer; "thời gian vừa qua"
    is a period, and "tháng 3 vừa qua" keeps its month."""
    (expr,) = find_date_expressions(text)
    value = resolve(expr, D2082)
    assert (value.iso(), value.precision, value.basis) == ("2082-04", "month", "article_date")


def test_what_lately_is_not():
    assert list(find_date_expressions("trong thời gian vừa qua, hai bên")) == []
    (expr,) = find_date_expressions("tháng 3 vừa qua, hai bên")
    assert expr.kind == "month"


D2082 = DateValue(dt.date(2082, 4, 10), dt.date(2082, 4, 10), "day", "stated")


@pytest.mark.parametrize("text, expected", [("Chiều ngày 6 (giờ địa phương), tại Bangkok", "2082-04-06"),
                                            ("ngày 30 (theo giờ địa phương)", "2082-03-30")])
def test_a_day_told_from_abroad_takes_the_articles_month(text, expected):
    """"ngày 6 (giờ địa phương)" in an article of 10/4: 6 April; a day later than the article's is
    of the month before."""
    (expr,) = find_date_expressions(text)
    value = resolve(expr, D2082)
    assert (value.iso(), value.precision) == (expected, "day")
