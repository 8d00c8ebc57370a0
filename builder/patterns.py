"""The Vietnamese cue phrases the rules read, in one place (matched on the match form of the text)."""
from __future__ import annotations

import re

from .fastscan import Scan   # Scan(rx): rx run only where one of its first words occurs; same matches

# --- delegations and roles -------------------------------------------------------------------------
# "Đoàn đại biểu … do [persons] dẫn đầu / làm Trưởng đoàn"
HEAD_SPAN = Scan(re.compile(r"\bdo\b(?P<who>[^.;]{3,260}?)\b(?:dẫn đầu|làm [Tt]rưởng [Đđ]oàn)"))
DELEGATION_BEFORE = re.compile(r"[Đđ]oàn(?: đại biểu| công tác)?(?:(?![Đđ]oàn)[^.;]){0,160}$")
# "Dẫn đầu đoàn bạn là ông X", "Trưởng đoàn là X" (not "Phó Trưởng đoàn là"): the head named after "là"
HEAD_IS = Scan(re.compile(r"(?i)(?<!phó )\b(?:dẫn đầu đoàn(?:\s+(?:bạn|công tác|đại biểu))?|trưởng đoàn(?:\s+bạn)?)\s+là\s+"))


def named_head(mt: str, start: int, end: int, pos: int) -> bool:
    """The person at `pos` is the one a "Dẫn đầu đoàn … là" of the sentence [start, end) names:
    the first name after "là", with nothing but a form of address or a rank between."""
    for m in HEAD_IS.finditer(mt, start, end):
        if m.end() <= pos <= m.end() + 40 and not re.search(r"[,;.]", mt[m.end():pos]):
            return True
    return False


HOST_DO_SPAN = Scan(re.compile(r"\bdo\b(?P<who>[^.;]{3,260}?)\b(?<!đồng )(?<!cùng )chủ trì\b"))
# "Nhận lời mời của Đại tướng X, Bộ trưởng Bộ Công an, …": the inviter, who hosts the visit (the
# inviter's apposition runs to the next comma that is followed by no office, or to "," + visitor)
INVITED_BY = re.compile(r"(?i)\b(?:nhận|theo|đáp lại|đáp lời)\s+lời mời\s+(?:của\s+)?(?P<who>[^.;]{3,200}?)(?=,|\.|;|$)")

# "Hội nghị diễn ra dưới sự (đồng) chủ trì của X, … và Y, …": the chairs named after the noun phrase,
# to the end of the clause or to who else attends ("với sự tham dự của …")
CHAIR_OF_SPAN = re.compile(r"\b(?:dưới|với) sự (?P<co>đồng )?chủ trì của\b(?P<who>[^.;]{3,320}?)"
                           r"(?=[.;]|$|\b(?:với sự|có sự|cùng sự|tham dự|cùng dự)\b)")


def chair_of_role(mt: str, s: int, e: int, pos: int) -> str | None:
    """"co_chair" or "host" when the person at `pos` is named in a "dưới sự (đồng) chủ trì của" span."""
    if mt.find("chủ trì của", s, e) < 0:   # (a plain search first: most sentences have none)
        return None
    for m in CHAIR_OF_SPAN.finditer(mt, s, e):
        if m.start("who") <= pos < m.end("who"):
            return "co_chair" if m.group("co") else "host"
    return None
CO_CHAIR = Scan(re.compile(r"\b(?:đồng|cùng) chủ trì\b"))   # "đã cùng chủ trì Hội nghị": co-chaired
# ("nhất trí sớm tổ chức Hội nghị …", "thống nhất luân phiên tổ chức …": agreed to be held)
PLAN_CUES = re.compile(r"\bsẽ\b|dự kiến|(?:nhất trí|thống nhất|đồng ý)\s+(?:(?:sớm|cùng|tiếp tục|luân phiên)\s+)*tổ chức|"
                       r"chuẩn bị|"
                       r"kế hoạch tổ chức|tiến tới|sắp tới|\bsắp\b")

# --- series and ordinals -----------------------------------------------------------------------------
_NUMBER_WORDS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "lăm": 5, "sáu": 6,
                 "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mốt": 1}
ORDINAL_WORDS = (r"(?:hai mươi|ba mươi|mười)(?: (?:một|mốt|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?|"
                 r"nhất|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín")
ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_N = r"(?P<n>\d{1,2}\b|(?:" + ORDINAL_WORDS + r")\b|(?=[IVX])" + ROMAN + r"\b)"
ORDINAL = re.compile(r"\b[Ll]ần thứ " + _N)
CONFERENCE_MENTION = Scan(re.compile(
    r"(?:[Hh]ội nghị|[Đđ]ối thoại|[Pp]hiên họp)(?P<name>(?:(?![Hh]ội nghị|[Đđ]ối thoại)[^.;]){0,160}?)\b[Ll]ần thứ "
    + _N))
SERIES_RULES = (
    ("political_security_dialogue", re.compile(r"đối thoại[^.;]{0,50}?an ninh chính trị", re.I)),
    ("crime_prevention_conference", re.compile(r"phòng,? chống tội phạm", re.I)),
)
NOT_A_MINISTRY_SERIES = re.compile(r"cấp tỉnh|cấp huyện|tỉnh\b|ma túy", re.I)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> int | None:
    if not text or not re.fullmatch(ROMAN, text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def ordinal_value(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"[IVX]+", text):
        return _roman(text)
    text = text.lower()
    if text.isdigit():
        return int(text)
    words = text.split()
    if not words:
        return None
    if words[0] == "mười":
        return 10 + (_NUMBER_WORDS.get(words[1], 0) if len(words) > 1 else 0)
    if len(words) >= 2 and words[1] == "mươi":
        tens = _NUMBER_WORDS.get(words[0], 0) * 10
        return tens + (_NUMBER_WORDS.get(words[2], 0) if len(words) > 2 else 0)
    return _NUMBER_WORDS.get(words[0])


_SERIES_STOP = frozenset(
    "hoi nghi doi thoai phien hop cap bo truong thu truong ve giua hai nuoc bo cong an viet nam trung quoc "
    "lan thu va hop tac cua tai nam lanh dao quoc gia".split())


def series_key(phrase: str) -> str | None:
    """A key for a numbered series from its name, so that the same ordinal of two series never
    merges: the series code when known, else the name's distinctive words ("an-ninh-chien-luoc"),
    None for a bare "Hội nghị lần thứ 14" (which then joins whichever series has that ordinal)."""
    code = series_of(phrase)
    if code:
        return code
    import unicodedata
    head = re.split(r"\b[Ll]ần thứ\b", phrase)[0]
    folded = "".join(c for c in unicodedata.normalize("NFD", head.replace("đ", "d").replace("Đ", "D"))
                     if not unicodedata.combining(c)).lower()
    words = [w for w in re.findall(r"[a-z]+", folded) if w not in _SERIES_STOP]
    return "-".join(words[:6]) or None


def series_of(phrase: str) -> str | None:
    for code, rule in SERIES_RULES:
        if rule.search(phrase):
            if code == "crime_prevention_conference" and NOT_A_MINISTRY_SERIES.search(phrase):
                return None
            return code
    return None


# --- leaders' and reference visits --------------------------------------------------------------------
# a conference phrase that names the meeting being held, not one recalled or planned
PRIMARY_CONFERENCE_BEFORE = re.compile(r"(?:tổ chức|đồng chủ trì|khai mạc|chủ trì)\s*$")
VISIT_OF = re.compile(r"[Cc]huyến thăm(?P<kind>[^.;]{0,80}?)\s+của\s+(?:đồng chí\s+)?$")

# --- documents -----------------------------------------------------------------------------------------
DOC_TYPES = (
    ("memorandum_of_understanding", r"(?:Biên bản|Bản) ghi nhớ"),
    ("minutes", r"Biên bản"),
    ("agreement", r"Thỏa thuận|Hiệp định|Nghị định thư"),
    ("joint_statement", r"Tuyên bố chung"),
    ("other", r"Kế hoạch|Chương trình hợp tác|Quy chế (?:phối hợp|hoạt động|làm việc)"),
)
DOC_RE = re.compile("|".join(f"(?P<{code}>{pat})" for code, pat in DOC_TYPES))
DOC_RE_ANYCASE = re.compile("|".join(f"(?P<{code}>{pat})" for code, pat in DOC_TYPES), re.I)
COUNTED_DOCS = re.compile(r"\b(?P<n>\d{1,3}) (?:văn bản|thỏa thuận|bản ghi nhớ|biên bản)(?: hợp tác)?\b")
COUNTED_WORDS = ("bản", "thỏa thuận")   # one of which every COUNTED_DOCS match holds
assert all(w in COUNTED_DOCS.pattern for w in COUNTED_WORDS)
SIGN_VERB = re.compile(r"\b(?:ký kết|ký|trao|công bố|thông qua)\b")
# ("Hai bên trao đổi Biên bản thỏa thuận …": a document exchanged)
SIGN_BEFORE = re.compile(r"\b(?:ký kết|ký|trao(?: đổi)?|công bố|thông qua)(?: và trao| thêm)?\s*$")
SIGNED_ANY = Scan(re.compile(r"\b(?:đã ký|ký kết|được ký|ký tháng|ký ngày|ký tại|đã trao|ký)\b"))
WITNESS = re.compile(r"chứng kiến")
DOC_TITLE_STOP = re.compile(
    # ("hợp tác trong lĩnh vực …", "đấu tranh với tội phạm …" are inside a title)
    r"[.;:(]|,(?! chống)|\svà (?:chứng kiến|nhất trí|thống nhất|đồng ý)\b|\s(?:được ký|đã được|(?:đã|vừa) ký\b|do\b|"
    r"trong\b(?!\s+lĩnh vực)|ký\b|nhằm\b|tại\b|vào\b|với\b(?!\s+(?:các loại\s+)?tội phạm))"
    # "Biên bản hội đàm và Kế hoạch phối hợp …": the next document's name ends this one's title
    r"|\svà\s+(?=(?:Biên bản|Bản ghi nhớ|Thỏa thuận|Hiệp định|Nghị định thư|Kế hoạch|Chương trình hợp tác|Quy chế|Tuyên bố chung)\b)")
BOTH_SIDES = re.compile(r"\b(?:[Hh]ai|2)\s+(?:đồng chí\s+|ông\s+)?(?P<title>Bộ trưởng|Thứ trưởng|Cục trưởng|Giám đốc|[Tt]rưởng đoàn|"
                        r"đồng chủ trì|bên|Bộ)\b|"
                        r"\b(?P<title2>Bộ trưởng|Thứ trưởng)(?: Công an)? (?:hai|2) nước\b")
