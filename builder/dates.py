"""Date grammar for Vietnamese news: find date expressions, then resolve them to `DateValue`s.

Two steps, kept apart on purpose:

* `find_date_expressions(text)` scans the text with a small table of regular expressions and
  returns what is *written* (`DateExpression`: day/month/year as stated, relative offsets, …).
  It never guesses a missing year.
* `resolve(expr, anchor, context_range)` completes an expression with the article's own date
  (`anchor`, see `article_date`) and, for a day or month written without a year, with a stated
  range around it (`context_range`, e.g. the primary event's dates).

Conventions of the returned `DateValue` (see records.py and vocabulary.py):

* day / month / year precision: `start`/`end` span the day, the month, the year(s).
* basis "stated": the year is written (or comes from a stated range); "article_date": completed
  with the article's date; unknown results use basis "inferred".
* Periods anchored on "now" ("Ba năm qua", "từ 2014 đến nay", "từ nay đến 2018") get year
  precision and whole years: "Ba năm qua" in a 2023 article is 2020-01-01..2023-12-31. Without an
  article date they keep only the stated bound, with precision "unknown" and basis "inferred"
  (the bounds convention of the vocabulary); "Ba năm qua" then has no dates at all.
* Every value carries the expression's `text`, `char_start`, `char_end` (offsets into the text
  that was searched), so that `text[char_start:char_end] == value.text`.

Pure functions, standard library only.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .records import UNKNOWN_DATE, DateValue
from .fastscan import Scan

# An unyeared day or month may lie this far after the article and still take the article's year
# (news announces next weeks' events: "dự kiến ngày 20/12" in an early-December article).
# Anything later is taken from the year before ("ngày 29/12" in a January article → last year).
FORWARD_DAYS = 31


@dataclass(frozen=True)
class DateExpression:
    """A date expression as written; nothing is guessed yet.

    kind: day | day_range | month | relative_month | year | year_range | relative_year |
          relative_day | relative_week | relative_recent | day_of_month | years_ago | since_year |
          until_year
    offset: relative_day → days from the article day ("hôm qua" −1);
            relative_month without a month number → months from the article month ("tháng trước" −1).
    year_offset: relative_year, or relative_month with a month number ("tháng 11 năm ngoái" −1).
    count: years_ago → number of years ("Ba năm qua" 3).
    part: đầu | giữa | cuối (early/mid/late) as written; informational, the span stays whole.
    direction: −1 "vừa qua" (past), +1 "tới"/"sắp tới" (coming), 0 unspecified.
    """
    char_start: int
    char_end: int
    text: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    offset: int | None = None
    year_offset: int | None = None
    count: int | None = None
    part: str | None = None
    direction: int = 0
    time: str | None = None


# ---------------------------------------------------------------------------------------------
# Regex fragments
# ---------------------------------------------------------------------------------------------

_DASHES = r"\-–—‐‑−"                      # hyphen, en/em dash, Unicode hyphens, minus
_SEP = rf"[/.{_DASHES}]"                  # separators inside a numeric date


def _d(name: str = "day") -> str:
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])"


def _m(name: str = "month") -> str:
    return rf"(?P<{name}>1[0-2]|0?[1-9])"


def _y(name: str = "year") -> str:
    return rf"(?P<{name}>(?:19|20)[0-9]{{2}})"


# A number must not be glued to a preceding word, number or separator ("K1.jpg", "1.347", "SN1989").
_B = rf"(?<![\w./{_DASHES}])(?<![0-9],)"
# …nor run on into more digits or separators ("1.347", "12/2023/NĐ-CP", "0912.345.678").
_E = rf"(?![\w]|{_SEP}[0-9]|/\w)"
# Time-of-day words that introduce a day ("Chiều 1/12", "Sáng qua").
_TOD = r"(?:rạng\s+sáng|sáng\s+sớm|sáng|trưa|chiều|tối|đêm|khuya)"
_PREP = r"(?:(?P<prep>hồi|vào|trong)\s+)?"
_PART = r"(?:(?P<part>đầu|giữa|cuối)\s+)?"
_DIR = r"(?:\s+(?P<dir>vừa\s+qua|sắp\s+tới|tới|này))?"
_NUM_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
              "bẩy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNT = r"(?P<count>[0-9]{1,2}|" + "|".join(_NUM_WORDS) + ")"
# Words before "năm qua", "tháng sau", … that turn them into durations or vague plurals.
_QUANTIFIERS = {"những", "các", "nhiều", "mấy", "vài", "bao", "mỗi", "hàng"}

# (kind, pattern, check). `check(match, text)` rejects look-alikes the regex alone cannot.
_Check = Callable[[re.Match, str], bool]


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _not_counted(m: re.Match, text: str) -> bool:
    """"tháng sau", "năm trước", "năm qua" are relative only when no number or plural precedes
    them: "hai năm trước", "những năm qua" are something else."""
    w = _prev_word(text, m.start())
    return not (w.isdigit() or w in _NUM_WORDS or w in _QUANTIFIERS)


def _numeric_day_ok(m: re.Match, text: str) -> bool:
    """A bare D-M or D.M is a score, a count range or a decimal; only D/M is a date on its own."""
    if m.group("year") or m.group("cue") or m.group("ngay"):
        return True
    if m.group("sep") != "/":
        return False
    if _prev_word(text, m.start()) in ("số", "tỷ", "tỉ", "lệ"):   # "số 12/3", "tỷ lệ 1/3"
        return False
    return (int(m.group("day")), int(m.group("month"))) != (24, 7)  # "trực 24/7"


def _word_day_ok(m: re.Match, text: str) -> bool:
    # "5 tháng 3" alone may be a duration; need "ngày", "mùng", a time-of-day word, or the year.
    # A month in words is a name, written with its capital ("tháng Ba"): "5 tháng năm 2066" is
    # "5 months of 2066".
    word = m.group("month_word")
    if word and not word[0].isupper():
        return False
    return bool(m.group("year") or m.group("cue") or m.group("ngay") or m.group("mung"))


def _month_word_ok(m: re.Match, text: str) -> bool:
    # a month in words is a name, with its capital ("tháng Mười Một"): "19 tháng năm" is a count
    word = m.group("end_month_word")
    return not word or word[0].isupper()


def _range_ok(m: re.Match, text: str) -> bool:
    if m.group("tu") or m.group("ngay"):
        return True
    if m.group("year") and m.group("end_year"):
        return True
    return m.group("sep") == "/" and m.group("end_sep") == "/"


def _relative_day_ok(m: re.Match, text: str) -> bool:
    # "ánh sáng qua cửa sổ" (light through), "bóng tối qua" are not days.
    return _prev_word(text, m.start()) not in ("ánh", "bóng", "buổi")


def _recent_ok(m: re.Match, text: str) -> bool:
    # "thời gian vừa qua", "dịp vừa qua" are periods, not when a meeting was held
    return _prev_word(text, m.start()) not in ("gian", "dịp", "lần", "đợt", "kỳ")


def _year_range_ok(m: re.Match, text: str) -> bool:
    return int(m.group("year")) < int(m.group("end_year"))


def _always(m: re.Match, text: str) -> bool:
    return True


# month names ("tháng Ba", "tháng Mười Một"); "Giêng" and "Chạp" name months of the lunar
# calendar and are left alone
_MONTH_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                  "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
_MONTH_WORDS = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))

_TIME = r"(?:\s+(?:lúc\s+)?(?P<time>(?:[01]?[0-9]|2[0-3])[:h][0-5][0-9])(?![0-9]))?"

# the days between the first and the last of a list ("các ngày 3, 4 và 5/7", "ba ngày 3, 4, 5-7")
_MIDDLE_DAYS = r"(?:\s*,\s*(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])(?=\s*(?:,|và)))*"

_PATTERNS: list[tuple[str, str, _Check]] = [
    # "từ ngày 30/10/2022 - 01/11/2022", "từ 28/12 đến 2/1", "30/10/2022 – 01/11/2022"
    ("day_range",
     rf"(?:(?P<tu>từ)\s+)?(?:(?P<ngay>ngày)\s+)?{_B}{_d()}(?P<sep>{_SEP}){_m()}"
     rf"(?:(?P=sep){_y()})?(?![0-9])\s*(?:[{_DASHES}]|đến|tới)\s*(?:ngày\s+)?"
     rf"{_d('end_day')}(?P<end_sep>{_SEP}){_m('end_month')}(?:(?P=end_sep){_y('end_year')})?{_E}",
     _range_ok),
    # "từ ngày 11 đến 15-4-2023", "Từ ngày 3 đến 6-11-2031", "ngày 3-6/11", "Trong 2 ngày (14 và 15/8)",
    # "Trong các ngày 5, 6/4"
    ("day_range",
     rf"(?:(?P<tu>từ)\s+(?:(?P<ngay>ngày)\s+)?|(?P<ngay2>ngày)\s+(?:\(\s*)?){_B}{_d()}(?![0-9]){_MIDDLE_DAYS}\s*"
     rf"(?:[{_DASHES}]|đến|tới|và|,)\s*(?:ngày\s+)?{_d('end_day')}(?P<end_sep>{_SEP})"
     rf"{_m('end_month')}(?:(?P=end_sep){_y('end_year')})?{_E}",
     _always),
    # the month in words, as wire reports and older papers write ranges: "từ ngày 16 đến ngày 19
    # tháng 5 năm 2093", "ngày 16 và 17 tháng 5", "từ ngày 3 đến ngày 6 tháng Mười Một"
    ("day_range",
     rf"(?:(?P<tu>từ)\s+(?:(?P<ngay>ngày)\s+)?|(?P<ngay2>ngày)\s+){_B}{_d()}(?![0-9]){_MIDDLE_DAYS}\s*"
     rf"(?:[{_DASHES}]|đến|tới|và|,)\s*(?:ngày\s+)?{_d('end_day')}\s+tháng\s+"
     rf"(?:{_m('end_month')}(?![0-9])|(?P<end_month_word>{_MONTH_WORDS})(?!\w))"
     rf"(?:\s*,?\s*năm\s+{_y('end_year')})?{_E}",
     _month_word_ok),
    # "từ ngày 30 tháng 4 đến ngày 2 tháng 5 năm 2093", "từ ngày 28 tháng 12 năm 2092 đến ngày 2 tháng 1 năm 2093"
    ("day_range",
     rf"(?:(?P<tu>từ)\s+)?(?P<ngay>ngày)\s+{_B}{_d()}\s+tháng\s+{_m()}(?![0-9])(?:\s*,?\s*năm\s+{_y()})?{_E}\s*"
     rf"(?:[{_DASHES}]|đến|tới)\s*(?:ngày\s+)?{_d('end_day')}\s+tháng\s+{_m('end_month')}(?![0-9])"
     rf"(?:\s*,?\s*năm\s+{_y('end_year')})?{_E}",
     _always),
    # "ngày 19-2", "19/2", "Chiều 1/12", "Sáng 12/7/2032", "10.1.2024", "10/01/2024 21:00"
    ("day",
     rf"(?:(?P<cue>{_TOD}|hôm)\s+)?(?:(?P<ngay>ngày)\s+)?{_B}{_d()}(?P<sep>{_SEP}){_m()}"
     rf"(?:(?P=sep){_y()})?{_E}{_TIME}{_DIR}(?!\w)",
     _numeric_day_ok),
    # "21 tháng 09 năm 2025", "ngày 5 tháng 3 năm 2024", "ngày 5 tháng 3", "mùng 5 tháng Ba"
    ("day",
     rf"(?:(?P<cue>{_TOD}|hôm)\s+)?(?:(?P<ngay>ngày)\s+)?(?:(?P<mung>mùng|mồng)\s+)?{_B}{_d()}\s+tháng\s+"
     rf"(?:{_m()}(?![0-9])|(?P<month_word>{_MONTH_WORDS})(?!\w))"
     rf"(?:\s*,?\s*năm\s+{_y()})?{_E}{_DIR}(?!\w)",
     _word_day_ok),
    # "tháng 9/2023", "tháng 10-2018", "tháng 12.2023", "tháng 10 năm 2031", "hồi tháng 9 vừa
    # qua", "đầu tháng 3", "cuối tháng 11 năm ngoái" (→ relative_month, see _make_expression)
    ("month",
     rf"{_PREP}{_PART}(?<![0-9]\s)tháng\s+{_m()}"
     rf"(?:(?:{_SEP}|\s+năm\s+){_y()}(?![0-9])"
     rf"|\s+năm\s+(?P<rel>ngoái|nay|trước|tới|sau|vừa\s+qua|qua)(?!\w))?{_E}{_DIR}(?!\w)",
     _always),
    # "tháng trước", "tháng này", "tháng tới"
    ("relative_month",
     rf"{_PREP}{_PART}tháng\s+(?P<rel>trước|này|tới|sau|vừa\s+qua)(?!\w)",
     _not_counted),
    # "tuần trước", "tuần qua", "tuần này": a week around the article's date
    ("relative_week",
     rf"{_PREP}(?:(?:cuối|đầu|giữa)\s+)?tuần\s+(?P<rel>trước|qua|này|tới|sau|vừa\s+qua)(?!\w)",
     _not_counted),
    # "năm 2022", "vào năm 2033", "đầu năm 2032"
    ("year", rf"{_PREP}{_PART}năm\s+{_y()}{_E}", _always),
    # "giai đoạn 2021-2025", "từ năm 2018 đến năm 2020"
    ("year_range",
     rf"(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|từ\s+năm|từ|năm)\s+){_y()}(?![0-9])\s*"
     rf"(?:[{_DASHES}]|đến|tới)\s*(?:năm\s+)?{_y('end_year')}{_E}",
     _year_range_ok),
    # "năm ngoái", "năm nay", "năm tới", "năm vừa qua"
    ("relative_year",
     rf"{_PREP}{_PART}năm\s+(?P<rel>ngoái|nay|tới|sau|trước|kia|vừa\s+qua)(?!\w)",
     _not_counted),
    # "Ba năm qua", "hai năm qua", "20 năm qua" — a period ending now
    ("years_ago",
     rf"{_B}{_COUNT}\s+năm\s+(?:vừa\s+qua|qua|gần\s+đây|trở\s+lại\s+đây)(?!\w)", _always),
    # "năm qua" alone: the past year (but not "những năm qua")
    ("years_ago", r"(?<!\w)năm\s+qua(?!\w)", _not_counted),
    # "Chiều nay", "Sáng qua", "hôm nay", "tối hôm qua", "ngày mai"; not "ngày nay" (nowadays)
    ("relative_day",
     rf"(?<!\w)(?:(?P<cue>{_TOD})\s+(?:(?P<hom>hôm)\s+)?|(?:ngày\s+)?(?P<hom2>hôm)\s+"
     rf"|(?P<ngay>ngày)\s+(?=mai|kia))(?P<rel>nay|qua|kia|mai)(?!\w)(?!\s+lại)",
     _relative_day_ok),
    # "từ 2014 đến nay", "Từ năm 2018 đến nay", "kể từ đầu năm 2020 tới nay"
    ("since_year",
     rf"(?:kể\s+)?từ\s+{_PART}(?:năm\s+)?{_y()}(?![0-9]),?\s+(?:cho\s+)?(?:đến|tới)\s+"
     rf"(?:hiện\s+)?nay(?!\w)",
     _always),
    # "từ nay đến 2018", "từ nay đến năm 2025"
    ("until_year",
     rf"từ\s+(?:nay|bây\s+giờ)\s+(?:cho\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?{_y()}{_E}",
     _always),
    # "ngày 6 (giờ địa phương)": a day of the article's month, told from abroad
    ("day_of_month", rf"(?:(?P<cue>{_TOD})\s+)?(?:ngày|hôm)\s+{_B}{_d()}\s*\((?:theo\s+)?giờ\s+địa\s+phương\)", _always),
    # "Mới đây, tại …", "Vừa qua, …": lately, no day given (the article's month)
    ("relative_recent", r"(?<!\w)(?:mới\s+đây|vừa\s+qua|vừa\s+rồi)(?=\s*,)", _recent_ok),
]

# each sought only where a date can begin (a digit, "ngày", "tháng" …): see fastscan
_COMPILED = [(kind, Scan(re.compile(rx, re.IGNORECASE)), check) for kind, rx, check in _PATTERNS]

# What every match of each pattern contains (a digit, or one of some words): a text without it is
# not searched with that pattern. Only a shortcut: the outcome is the same, most sentences hold no
# date, and the scan of sixteen patterns over every sentence was the costliest step of extraction.
_DIGIT = "0-9"
_NEEDS: list[tuple[tuple[str, ...], ...]] = [
    ((_DIGIT,),),                                   # day_range
    ((_DIGIT,),),                                   # day_range
    ((_DIGIT,), ("tháng",)),                        # day_range, the month in words
    ((_DIGIT,), ("tháng",)),                        # day_range of two months in words
    ((_DIGIT,),),                                   # day
    ((_DIGIT,), ("tháng",)),                        # day in words
    (("tháng",),),                                  # month
    (("tháng",),),                                  # relative_month
    (("tuần",),),                                   # relative_week
    ((_DIGIT,), ("năm",)),                          # year
    ((_DIGIT,),),                                   # year_range
    (("năm",),),                                    # relative_year
    (("năm",),),                                    # years_ago
    (("năm",),),                                    # years_ago
    (("nay", "qua", "kia", "mai"),),                # relative_day
    ((_DIGIT,), ("từ",), ("nay",)),                 # since_year
    ((_DIGIT,), ("từ",)),                           # until_year
    ((_DIGIT,), ("địa phương",)),                   # day_of_month
    (("mới", "vừa"),),                              # relative_recent
]
assert len(_NEEDS) == len(_COMPILED)
_HAS_DIGIT = re.compile("[0-9]")


# every word some pattern needs: each is sought once per text, and the patterns that may match
# follow from which of them the text holds (a few combinations, so they are kept)
_NEED_WORDS = tuple(sorted({w for needs in _NEEDS for words in needs for w in words if w != _DIGIT}))


def _patterns_for(low: str, has_digit: bool) -> tuple[tuple[int, str, Scan, _Check], ...]:
    """(rank, kind, pattern, check) of the patterns whose needs `low` meets, in rank order."""
    held = [w for w in _NEED_WORDS if w in low]
    if has_digit:
        held.append(_DIGIT)
    return _patterns_holding(frozenset(held))


@lru_cache(maxsize=None)   # keyed by a subset of a dozen words
def _patterns_holding(held: frozenset) -> tuple[tuple[int, str, Scan, _Check], ...]:
    return tuple((rank, kind, rx, check) for rank, (kind, rx, check) in enumerate(_COMPILED)
                 if all(not held.isdisjoint(words) for words in _NEEDS[rank]))

# Relative words → offsets.
_DAY_OFFSETS = {"nay": 0, "qua": -1, "mai": 1}
_MONTH_OFFSETS = {"trước": -1, "vừa qua": -1, "này": 0, "tới": 1, "sau": 1}
_YEAR_OFFSETS = {"ngoái": -1, "trước": -1, "vừa qua": -1, "qua": -1, "nay": 0, "tới": 1,
                 "sau": 1, "kia": -2}
_DIRECTIONS = {"vừa qua": -1, "tới": 1, "sắp tới": 1, "này": 0}


@lru_cache(maxsize=256)    # a handful of short words ("vừa  qua", "Ba"), read again for every date
def _norm(word: str | None) -> str | None:
    return re.sub(r"\s+", " ", word).lower() if word else None


def _valid_day(day: int | None, month: int | None, year: int | None) -> bool:
    """Day fits its month (29/2 allowed when the year is not written)."""
    if day is None or month is None:
        return True
    return day <= calendar.monthrange(year or 2000, month)[1]


def _make_expression(kind: str, m: re.Match) -> DateExpression | None:
    groups = m.groupdict()   # (read once: each pattern has its own set of group names)
    get = groups.get

    def number(name: str) -> int | None:
        value = get(name)
        return int(value) if value else None

    word, end_word = get("month_word"), get("end_month_word")
    fields = dict(
        day=number("day"), month=_MONTH_NUMBERS[_norm(word)] if word else number("month"), year=number("year"),
        end_day=number("end_day"), end_month=_MONTH_NUMBERS[_norm(end_word)] if end_word else number("end_month"),
        end_year=number("end_year"),
        part=_norm(get("part")), time=get("time"),
    )
    rel = _norm(get("rel"))
    direction = _norm(get("dir"))
    if kind == "relative_day":
        if rel == "kia":       # "hôm kia" day before yesterday, "ngày kia" day after tomorrow
            if get("hom") or get("hom2"):
                fields["offset"] = -2
            elif get("ngay"):
                fields["offset"] = 2
            else:
                return None
        else:
            fields["offset"] = _DAY_OFFSETS[rel]
    elif kind == "month" and rel is not None:
        kind, fields["year_offset"] = "relative_month", _YEAR_OFFSETS[rel]
    elif kind == "month" and direction == "này":        # "tháng 6 này": this year's June
        kind, fields["year_offset"] = "relative_month", 0
    elif kind == "relative_month":
        fields["offset"] = _MONTH_OFFSETS[rel]
    elif kind == "relative_week":
        fields["offset"] = {"trước": -1, "qua": -1, "vừa qua": -1, "này": 0, "tới": 1, "sau": 1}[rel]
    elif kind == "relative_year":
        fields["year_offset"] = _YEAR_OFFSETS[rel]
    elif kind == "years_ago":
        count = get("count")
        fields["count"] = 1 if count is None else (
            int(count) if count.isdigit() else _NUM_WORDS[count.lower()])
        if fields["count"] < 1:
            return None
    if direction:
        fields["direction"] = _DIRECTIONS.get(direction, 0)
    if not (_valid_day(fields["day"], fields["month"] or fields["end_month"], fields["year"])
            and _valid_day(fields["end_day"], fields["end_month"], fields["end_year"])):
        return None
    return DateExpression(m.start(), m.end(), m.group(0), kind, **fields)


def find_date_expressions(text: str) -> list[DateExpression]:
    """All date expressions in `text`, sorted by position, non-overlapping, longest first."""
    return list(_find_date_expressions(text))


@lru_cache(maxsize=16384)   # the same sentence is searched by several stages of one article
def _find_date_expressions(text: str) -> tuple[DateExpression, ...]:
    candidates: list[tuple[int, int, int, DateExpression]] = []
    low, has_digit = text.lower(), _HAS_DIGIT.search(text) is not None
    for rank, kind, rx, check in _patterns_for(low, has_digit):
        # every match start, so that overlapping matches of one pattern all compete
        for m in rx.every_match(text):
            if m.end() > m.start() and check(m, text):
                expr = _make_expression(kind, m)
                if expr is not None:
                    candidates.append((-(m.end() - m.start()), m.start(), rank, expr))
    chosen: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for _, _, _, expr in sorted(candidates, key=lambda c: c[:3]):
        if all(expr.char_end <= s or expr.char_start >= e for s, e in taken):
            chosen.append(expr)
            taken.append((expr.char_start, expr.char_end))
    return tuple(sorted(chosen, key=lambda e: e.char_start))


# ---------------------------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------------------------

Span = tuple[dt.date, dt.date]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> Span | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_span(first: int, last: int | None = None) -> Span | None:
    last = first if last is None else last
    if not (1 <= first <= last <= 9999):
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _value(span: Span | None, precision: str, basis: str) -> DateValue:
    if span is None:
        return UNKNOWN_DATE
    return DateValue(span[0], span[1], precision, basis)


def _anchored(anchor: DateValue | None) -> bool:
    """An article date usable for completing partial dates (bounds-only values are not)."""
    return anchor is not None and anchor.start is not None and anchor.precision != "unknown"


def _anchor_end(anchor: DateValue) -> dt.date:
    return anchor.end or anchor.start


def _choose_year(span_of: Callable[[int], Span | None], anchor: DateValue, direction: int) -> int | None:
    """Year for an unyeared day/month: the latest one not after the article (plus FORWARD_DAYS
    unless the text says "vừa qua"); with "tới", the first one not before the article."""
    lo, hi = anchor.start, _anchor_end(anchor)
    spans = [(y, s) for y in range(hi.year + 1, hi.year - 6, -1) if (s := span_of(y))]
    if direction > 0:
        later = [y for y, (_, end) in spans if end >= lo]
        return min(later) if later else None
    limit = hi if direction < 0 else hi + dt.timedelta(days=FORWARD_DAYS)
    return next((y for y, (start, _) in spans if start <= limit), None)


def _year_from_context(span_of: Callable[[int], Span | None], context: DateValue | None) -> int | None:
    """The year that puts a day/month inside a stated range, when exactly one does."""
    if context is None or context.start is None or context.end is None:
        return None
    if context.end.year - context.start.year > 5:
        return None
    fits = [y for y in range(context.start.year, context.end.year + 1)
            if (s := span_of(y)) and s[0] <= context.end and s[1] >= context.start]
    return fits[0] if len(fits) == 1 else None


def _complete_year(span_of: Callable[[int], Span | None], anchor: DateValue | None,
                   context: DateValue | None, direction: int) -> tuple[int | None, str]:
    """(year, basis) for a date written without its year."""
    year = _year_from_context(span_of, context)
    if year is not None:
        return year, ("stated" if context.basis == "stated" else context.basis)
    if _anchored(anchor):
        return _choose_year(span_of, anchor, direction), "article_date"
    return None, "inferred"


def _day_span(month: int, day: int) -> Callable[[int], Span | None]:
    def span_of(year: int) -> Span | None:
        d = _date(year, month, day)
        return (d, d) if d else None
    return span_of


def _resolve_day(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    if e.year is not None:
        return _value(_day_span(e.month, e.day)(e.year), "day", "stated")
    year, basis = _complete_year(_day_span(e.month, e.day), anchor, ctx, e.direction)
    if year is None:
        return UNKNOWN_DATE
    return _value(_day_span(e.month, e.day)(year), "day", basis)


def _resolve_day_range(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # The end carries the month and usually the year; the start borrows what it lacks and steps
    # back a month or a year when that would otherwise put it after the end.
    if e.end_year is not None:
        end_year, basis = e.end_year, "stated"
    elif e.year is not None:                          # "từ 28/12/2031 đến 2/1"
        end_year, basis = e.year, "stated"
        if (e.end_month, e.end_day) < (e.month or e.end_month, e.day):
            end_year += 1
    else:
        end_year, basis = _complete_year(_day_span(e.end_month, e.end_day), anchor, ctx, e.direction)
        if end_year is None:
            return UNKNOWN_DATE
    end = _date(end_year, e.end_month, e.end_day)
    if end is None:
        return UNKNOWN_DATE
    if e.month is None:                               # "từ ngày 11 đến 15-4-2023"
        start = _date(end.year, end.month, e.day)
        if start is None or start > end:
            prev = end.replace(day=1) - dt.timedelta(days=1)
            start = _date(prev.year, prev.month, e.day)
    else:
        start = _date(e.year if e.year is not None else end.year, e.month, e.day)
        if e.year is None and start is not None and start > end:   # "từ 28/12 đến 2/1"
            start = _date(end.year - 1, e.month, e.day)
    if start is None or start > end:
        return UNKNOWN_DATE
    return DateValue(start, end, "day", basis)


def _resolve_month(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    span_of = lambda y: _month_span(y, e.month)  # noqa: E731
    if e.year is not None:
        return _value(span_of(e.year), "month", "stated")
    year, basis = _complete_year(span_of, anchor, ctx, e.direction)
    return UNKNOWN_DATE if year is None else _value(span_of(year), "month", basis)


def _resolve_relative_month(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    if not _anchored(anchor):
        return UNKNOWN_DATE
    a = anchor.start
    if e.month is not None:                           # "tháng 11 năm ngoái"
        return _value(_month_span(a.year + (e.year_offset or 0), e.month), "month", "article_date")
    index = a.year * 12 + (a.month - 1) + (e.offset or 0)   # "tháng trước"
    return _value(_month_span(index // 12, index % 12 + 1), "month", "article_date")


def _resolve_year(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    return _value(_year_span(e.year), "year", "stated")


def _resolve_year_range(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    return _value(_year_span(e.year, e.end_year), "year", "stated")


def _resolve_relative_year(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    if not _anchored(anchor):
        return UNKNOWN_DATE
    return _value(_year_span(anchor.start.year + (e.year_offset or 0)), "year", "article_date")


def _resolve_relative_day(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # As precise as the article date: a day → that day; only a month header → the month.
    if anchor is None or anchor.start is None:
        return UNKNOWN_DATE
    shift = dt.timedelta(days=e.offset or 0)
    if anchor.precision == "day":
        return DateValue(anchor.start + shift, anchor.start + shift, "day", "article_date")
    if anchor.precision in ("month", "year"):
        return DateValue(anchor.start, _anchor_end(anchor), anchor.precision, "article_date")
    # Only bounds are known ("từ 2014 đến nay" … "từ nay đến 2018"): the day lies within them.
    try:
        end = anchor.end + shift if anchor.end else None
        return DateValue(anchor.start + shift, end, "unknown", "inferred")
    except OverflowError:
        return UNKNOWN_DATE


def _resolve_day_of_month(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "ngày 6 (giờ địa phương)" in an article of 7/4: 6 April; a day after the article's is the month before
    if anchor is None or anchor.start is None or anchor.precision not in ("day", "month"):
        return UNKNOWN_DATE
    year, month = anchor.start.year, anchor.start.month
    if anchor.precision == "day" and e.day > anchor.start.day + 1:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    day = _date(year, month, e.day)
    return DateValue(day, day, "day", "article_date") if day else UNKNOWN_DATE


def _resolve_recent(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "Mới đây" in an article of 10/4: the article's month, no finer (the day is not told)
    if anchor is None or anchor.start is None or anchor.precision not in ("day", "month", "year"):
        return UNKNOWN_DATE
    if anchor.precision == "year":
        return DateValue(anchor.start, _anchor_end(anchor), "year", "article_date")
    span = _month_span(anchor.start.year, anchor.start.month)
    return DateValue(span[0], span[1], "month", "article_date")


def _resolve_relative_week(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "tuần trước" in an article of Wednesday 12/3: the week Monday 3/3 .. Sunday 9/3, so March
    # (no week precision exists); a week across two months is given as bounds, precision unknown.
    # With only the article's month known: that month, as "Chiều nay".
    if anchor is None or anchor.start is None:
        return UNKNOWN_DATE
    if anchor.precision != "day":
        return DateValue(anchor.start, _anchor_end(anchor), anchor.precision, "article_date") \
            if anchor.precision in ("month", "year") else UNKNOWN_DATE
    monday = anchor.start - dt.timedelta(days=anchor.start.weekday()) + dt.timedelta(weeks=e.offset or 0)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        # a week inside one month: that month (there is no week precision), as for "tháng 3"
        span = _month_span(monday.year, monday.month)
        return DateValue(span[0], span[1], "month", "article_date")
    return DateValue(monday, sunday, "unknown", "article_date")


def _resolve_years_ago(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "Ba năm qua" in a 2023 article: the years 2020..2023.
    if not _anchored(anchor):
        return UNKNOWN_DATE
    now = _anchor_end(anchor).year
    return _value(_year_span(now - (e.count or 1), now), "year", "article_date")


def _resolve_since_year(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "từ 2014 đến nay": 2014 up to the article's year; without one, only the lower bound.
    if not _anchored(anchor):
        return DateValue(dt.date(e.year, 1, 1), None, "unknown", "inferred")
    now = max(_anchor_end(anchor).year, e.year)
    return _value(_year_span(e.year, now), "year", "article_date")


def _resolve_until_year(e: DateExpression, anchor: DateValue | None, ctx: DateValue | None) -> DateValue:
    # "từ nay đến 2018": the article's year up to 2018; without one, only the upper bound.
    if not _anchored(anchor):
        return DateValue(None, dt.date(e.year, 12, 31), "unknown", "inferred")
    now = min(anchor.start.year, e.year)
    return _value(_year_span(now, e.year), "year", "article_date")


_RESOLVERS: dict[str, Callable[[DateExpression, DateValue | None, DateValue | None], DateValue]] = {
    "day": _resolve_day,
    "day_range": _resolve_day_range,
    "month": _resolve_month,
    "relative_month": _resolve_relative_month,
    "year": _resolve_year,
    "year_range": _resolve_year_range,
    "relative_year": _resolve_relative_year,
    "relative_day": _resolve_relative_day,
    "relative_week": _resolve_relative_week,
    "relative_recent": _resolve_recent,
    "day_of_month": _resolve_day_of_month,
    "years_ago": _resolve_years_ago,
    "since_year": _resolve_since_year,
    "until_year": _resolve_until_year,
}


def written_at(value: DateValue, text: str, char_start: int, char_end: int) -> DateValue:
    """`value` as read from `text` at [char_start, char_end): dataclasses.replace spelled out, at
    half its cost (every date read goes through here)."""
    return DateValue(value.start, value.end, value.precision, value.basis, text, char_start, char_end)


def shifted(expr: DateExpression, by: int) -> DateExpression:
    """`expr` found `by` characters further on. What dataclasses.replace gives, a copy of the
    fields with the span moved, without the frozen class's checked __init__ (five times the cost,
    and the dates of every sentence are moved so)."""
    moved = object.__new__(DateExpression)
    fields = moved.__dict__
    fields.update(expr.__dict__)
    fields["char_start"] += by
    fields["char_end"] += by
    return moved


def resolve(expr: DateExpression, anchor: DateValue | None,
            context_range: DateValue | None = None) -> DateValue:
    """Complete `expr` with the article date `anchor` (and `context_range`, a stated range the
    expression may fall in). Never raises; an unresolvable expression gives an unknown value."""
    resolver = _RESOLVERS.get(expr.kind)
    try:
        value = resolver(expr, anchor, context_range) if resolver else UNKNOWN_DATE
    except (ValueError, OverflowError, TypeError):   # malformed hand-made expressions
        value = UNKNOWN_DATE
    return written_at(value, expr.text, expr.char_start, expr.char_end)


def parse_date(text: str, anchor: DateValue | None) -> DateValue | None:
    """The first date expression of `text`, resolved; None when there is none."""
    found = find_date_expressions(text)
    return resolve(found[0], anchor) if found else None


# ---------------------------------------------------------------------------------------------
# The article's own date
# ---------------------------------------------------------------------------------------------

# " date 2023-04" header line (as the seed files have it), optionally with a day.
_HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]+(?P<year>[0-9]{4})-(?P<month>[0-9]{2})"
                     r"(?:-(?P<day>[0-9]{2}))?(?![0-9\-])", re.MULTILINE)
# What makes a short line with a full date a publication line rather than body text.
_DATELINE_MARK = Scan(re.compile(
    r"(?<![0-9])(?:[01]?[0-9]|2[0-3])[:h][0-5][0-9](?![0-9])"        # a time: "21:00", "14:20"
    r"|\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b"            # a weekday
    r"|cập\s+nhật|đăng\s+(?:ngày|lúc)|ngày\s+đăng|xuất\s+bản|thời\s+gian|published|updated",
    re.IGNORECASE))   # (sought where a digit or a mark word begins: a caseless pattern with no
                      # literal start is otherwise tried at every character of every short line)
_DATELINE_MAX = 100
_WRITTEN_YEAR = re.compile(_y())


def _header_date(text: str) -> DateValue | None:
    for m in _HEADER.finditer(text):
        year, month = int(m.group("year")), int(m.group("month"))
        span = _month_span(year, month)
        if span is None:
            continue
        if m.group("day"):
            day = _date(year, month, int(m.group("day")))
            if day is None:
                continue
            value, start = DateValue(day, day, "day", "stated"), m.start("year")
        else:
            value, start = DateValue(span[0], span[1], "month", "stated"), m.start("year")
        return replace(value, text=text[start:m.end()], char_start=start, char_end=m.end())
    return None


def _dateline_dates(text: str):
    """Full dates on publication lines: "Bộ Công an 10/01/2024 21:00", "Cập nhật: 05.03.2031 | …",
    "Thứ Hai, 14:20, 12/07/2032". Body sentences ("Chiều 10.1.2024, tại Hà Nội, …") are longer
    or start with a time-of-day word, and are skipped."""
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        # (a line with no written year gives no full date: most lines are skipped on that alone)
        if body and len(body) <= _DATELINE_MAX and _WRITTEN_YEAR.search(body):
            marked = _DATELINE_MARK.search(body) or len(body) <= 40
            for e in (find_date_expressions(line) if marked else ()):   # an unmarked line gives none
                if e.kind == "day" and e.year is not None and marked and not re.match(
                        _TOD, e.text, re.IGNORECASE):
                    value = resolve(e, None)
                    if value.known:
                        yield written_at(value, value.text, offset + e.char_start, offset + e.char_end)
        offset += len(line)


# a news-agency dateline opening the lead: "Quảng Châu, 10/6/2067 (TTXVN) - Chiều hôm qua, …",
# "Hà Nội, ngày 3/5/2030 (VNA) –": the article's date, not the date of what the lead tells
_WIRE_DATELINE = re.compile(
    r"^[ \t]*[^\W\d_][^\n,;.()]{1,40},\s*(?:ngày\s+)?(?P<date>[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})\s*"
    r"\((?:TTXVN|VNA|Vietnam\+|TTXVN/Vietnam\+|Vietnam\+/TTXVN|[A-ZĐ][\w+/ .]{1,24})\)\s*[-–—:]", re.MULTILINE)


def _wire_datelines(text: str):
    for m in _WIRE_DATELINE.finditer(text):
        for e in find_date_expressions(m.group("date")):
            if e.kind == "day" and e.year is not None:
                value = resolve(e, None)
                if value.known:
                    yield written_at(value, value.text, m.start("date") + e.char_start,
                                     m.start("date") + e.char_end)
                break


_EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
# "Tuesday, March 4, 2036" / "4 March 2036" on an English date line (blog reposts, foreign portals)
_EN_DATELINE = re.compile(
    r"^[ \t]*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    r"(?:(?P<month>[a-z]+)\s+(?P<day>[0-9]{1,2}),?\s+(?P<year>(?:19|20)[0-9]{2})"
    r"|(?P<day2>[0-9]{1,2})\s+(?P<month2>[a-z]+),?\s+(?P<year2>(?:19|20)[0-9]{2}))\b[^\n]{0,30}$",
    re.IGNORECASE | re.MULTILINE)


def _english_dateline(text: str) -> DateValue | None:
    for m in _EN_DATELINE.finditer(text[:2000]):
        month = _EN_MONTHS.get((m.group("month") or m.group("month2") or "").lower())
        day = int(m.group("day") or m.group("day2"))
        year = int(m.group("year") or m.group("year2"))
        d = _date(year, month, day) if month else None
        if d is not None:
            start = m.start("year") if m.group("year") else m.start("day2")
            start = m.start("month") if m.group("month") else start
            return DateValue(d, d, "day", "stated", text[start:m.end("year") if m.group("year") else m.end("year2")],
                             start, m.end("year") if m.group("year") else m.end("year2"))
    return None


def header_contradicted(header: DateValue, text: str) -> bool:
    """A ` date` header the body contradicts is not the publication date: "từ nay đến năm 2037"
    cannot be written in 2039, nor "từ năm 2040 đến nay"."""
    for e in find_date_expressions(text):
        if e.kind == "until_year" and e.year < header.start.year:
            return True
        if e.kind == "since_year" and e.year > header.end.year:
            return True
    return False


def article_date(text: str) -> DateValue:
    """The article's own date: a dated publication line (day) when it agrees with the
    " date YYYY-MM" header, else the header (month), else the dated line (Vietnamese or English),
    else UNKNOWN_DATE. A header the body contradicts is dropped."""
    header = _header_date(text)
    if header is not None and header_contradicted(header, text):
        header = None
    for line_date in sorted([*_dateline_dates(text), *_wire_datelines(text)], key=lambda v: v.char_start):
        if header is None or header.start <= line_date.start <= header.end:
            return line_date
    if header is not None:
        return header
    english = _english_dateline(text)
    return english if english is not None else UNKNOWN_DATE


def bounds_from_text(text: str) -> DateValue | None:
    """For an undated article: "từ 2014 đến nay" (now ≥ 2014) and "từ nay đến 2018" (now ≤ 2018)
    bound the article's date: 2014-01-01..2018-12-31, precision unknown, basis inferred.
    One-sided bounds leave the other end None; contradictory bounds give None. The value's
    text/offsets are those of the first bounding expression in the text."""
    found = [e for e in find_date_expressions(text) if e.kind in ("since_year", "until_year")]
    if not found:
        return None
    lows = [e.year for e in found if e.kind == "since_year"]
    highs = [e.year for e in found if e.kind == "until_year"]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return None
    first = found[0]
    return DateValue(dt.date(low, 1, 1) if low else None, dt.date(high, 12, 31) if high else None,
                     "unknown", "inferred", first.text, first.char_start, first.char_end)
