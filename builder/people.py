"""Find people the way Vietnamese news introduces them.

A person is a run of capitalised syllables that starts with a known surname and is introduced by
a rank (Đại tướng…), an honorific (ông, bà, đồng chí) or an office title, possibly followed by the
office's organisation ("Phó Tổng Thư ký Ủy ban Chính pháp … Trung Quốc <Tên>"). Titles
written after the name (", Thứ trưởng Bộ Công an") are read as appositions. Nothing here knows
any particular person: the lexicons list surnames, ranks, titles, places and organisations.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace

from .cleaning import name_key
from .lexicon import Lexicon, index_of

UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isalpha() and c.isupper())
HONORIFICS = ("đồng chí", "đ/c", "ông", "bà", "ngài")
# Lower-case words that may sit inside an organisation name between a title and a name.
ORG_WORDS = frozenset(
    "ban an sản ương nước tỉnh thành phố châu khu tự trị dân tộc quốc gia nhân phủ ủy vụ chính pháp "
    "xuất nhập cảnh lý quản đội biên phòng sát điều tra tội phạm về ma túy mạng công nghệ cao đối "
    "ngoại hợp tác tế đảng trực thường bí thư ký tổng cục sở trưởng giám đốc và huyện xã viện hội đồng "
    "trung ương lãnh đạo ninh gia hình sự kinh tế tại".split())
APPOSITION_STOPS = re.compile(
    r"\s+(?:dẫn đầu|làm [Tt]rưởng đoàn|đồng chủ trì|chủ trì|đã|đang|sẽ|cho biết|cho rằng|phát biểu|"
    r"tiếp|đón|hội đàm|hội kiến|chào|nhấn mạnh|khẳng định|đề nghị|thông tin|đánh giá|cảm ơn|"
    r"hoan nghênh|bày tỏ|và|cùng|cũng|vừa|với|tại|trao|chứng kiến|"
    # "…, Bộ trưởng Bộ Công an Trung Quốc nhân dịp ông sang thăm …": the occasion, not the office
    r"nhân dịp|nhân chuyến|trong chuyến|trong khuôn khổ|sang thăm|thăm|"
    # "Thứ trưởng Bộ Công an Trung Quốc về hợp tác …": a body ends with its country; the topic follows
    r"(?<=Trung Quốc )về|(?<=Việt Nam )về)\b|"
    r"(?<![Tt]hư)\s+ký\b|\s*\(|[;.:]")          # "ký" signs, but "Tổng Thư ký" is an office


def _next_comma(text: str, start: int, limit: int) -> int:
    """The first comma in text[start:limit] that is not inside a body's name: the one of "phòng,
    chống" ("Cục Cảnh sát phòng, chống tội phạm sử dụng công nghệ cao") or the one between the
    peoples of an autonomous area ("Châu tự trị dân tộc Choang, Miêu Văn Sơn"); -1: none."""
    comma = text.find(",", start, limit)
    while comma >= 0 and (text[comma - 5:comma].lower() == "phòng" and text[comma + 1:comma + 8].lower().startswith(" chống")
                          or PEOPLES_COMMA.match(text, comma) and PEOPLES_BEFORE.search(text, max(0, comma - 30), comma)):
        comma = text.find(",", comma + 1, limit)
    return comma


# "tự trị dân tộc Choang, Miêu …", "Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà": a people's name
# (one or two capitalised words) after "dân tộc", a comma, then the next people's. The fragments
# serve here and in the pattern of a side's body (sides.SIDE_ORG).
A_PEOPLE = r"[A-ZĐÀ-Ỹ]\w*(?: [A-ZĐÀ-Ỹ]\w*)?"
NEXT_PEOPLE = r", (?:dân tộc )?[A-ZĐÀ-Ỹ]"
PEOPLES_BEFORE = re.compile(r"[Dd]ân tộc " + A_PEOPLE + "$")
PEOPLES_COMMA = re.compile(NEXT_PEOPLE)


def is_leader(title: str | None, lex: Lexicon) -> bool:
    """The title holds a leader's office (lexicon kind "leader"), not its deputy's ("Phó Thủ tướng")."""
    low = (title or "").lower()
    return any(re.search(r"(?<!phó )(?<!nguyên )\b" + re.escape(t.lower()) + r"\b", low) for t in lex.leader_titles
               if t.lower() in low)


def split_commas(text: str) -> list[str]:
    """`text` split at its commas, but for the one of "phòng, chống" (see _next_comma)."""
    parts, start = [], 0
    while (comma := _next_comma(text, start, len(text))) >= 0:
        parts.append(text[start:comma])
        start = comma + 1
    return parts + [text[start:]]


ORG_HEAD = re.compile(r"(?:Bộ|Sở|Cục|Tổng cục|Công an|Ủy ban|Uỷ ban|Ban|Văn phòng|Đại sứ quán|Tổng lãnh sự quán)\s+[A-ZĐÀ-Ỹa-zđ]")


@dataclass
class FoundPerson:
    name: str
    key: str
    start: int              # the name's span
    end: int
    phrase_start: int       # the whole introduction: rank/title … name … apposition
    phrase_end: int
    rank: str | None
    title: str | None
    organization: str | None
    country: str | None
    sentence: tuple[int, int]
    canonical: str = ""     # the article's first spelling when this one is a misspelling of it
    pre_title: str | None = None   # the office written before the name, alone


_UPPER_SET = frozenset(UPPER)


def _is_cap(word: str) -> bool:
    return word[:1] in _UPPER_SET and (len(word) == 1 or word[1:].islower())


def _starts_with_any(text_low: str, options: tuple[str, ...]) -> str | None:
    head, by_head = _grouped(options, at_end=False)
    for o, ol in by_head.get(text_low[:head], ()) if head else _lowered(options):
        if text_low.startswith(ol) and (len(text_low) == len(o) or not text_low[len(o)].isalpha()):
            return o
    return None


def _ends_with_any(text_low: str, options) -> str | None:
    tail, by_tail = _grouped(options, at_end=True)
    # only the options that end with the text's last `tail` letters can match; they keep their order
    for o, ol in by_tail.get(text_low[-tail:], ()) if tail else _lowered(options):
        if text_low.endswith(ol) and (len(text_low) == len(ol) or not text_low[-len(ol) - 1].isalpha()):
            return o
    return None


_LOWERED: dict[int, tuple[object, tuple[tuple[str, str], ...]]] = {}


def _lowered(options) -> tuple[tuple[str, str], ...]:
    """The lexicon's few option lists, lower-cased once rather than at every call (kept by the
    list's identity: hashing a long tuple at each call would cost what it saves)."""
    entry = _LOWERED.get(id(options))
    if entry is None or entry[0] is not options:
        entry = _LOWERED[id(options)] = (options, tuple((o, o.lower()) for o in options))
    return entry[1]


_GROUPED: dict[tuple[int, bool], tuple[object, int, dict[str, list[tuple[str, str]]]]] = {}


def _grouped(options, at_end: bool) -> tuple[int, dict[str, list[tuple[str, str]]]]:
    """The lower-cased options grouped by their first (or last) few letters, as many as the
    shortest option has (at most 3), in list order: a text can only start (end) with the options
    of its own group."""
    entry = _GROUPED.get((id(options), at_end))
    if entry is None or entry[0] is not options:
        lowered = _lowered(options)
        n = min([3] + [len(ol) for _, ol in lowered])
        groups: dict[str, list[tuple[str, str]]] = {}
        for o, ol in lowered:
            groups.setdefault(ol[-n:] if at_end else ol[:n], []).append((o, ol))
        entry = _GROUPED[(id(options), at_end)] = (options, n, groups)
    return entry[1], entry[2]


def _office_before_rank(pre: str, rank_start: int, lex: Lexicon) -> str | None:
    """"(Ủy viên Bộ Chính trị,) Thứ trưởng Bộ Công an(,) Trung tướng X": the office written before
    the rank, with or without a comma between, when it opens its clause: after a date or a place
    ("Chiều 18/5, tại Bắc Kinh, …"), not after another person ("Thiếu tướng A, Cục trưởng Cục Y,
    Trung tướng X", where it is A's)."""
    whole = pre[:rank_start].rstrip()
    comma = whole.endswith(",")
    if comma:
        whole = whole[:-1].rstrip()
    if not whole[-1:].isalpha():
        return None   # "Chiều 12/5, Trung tướng X": a date, not an office, before the comma
    head = whole[-160:]   # an office is shorter than this; walking back further costs for nothing
    intro = _introduction(head, lex)
    if intro is None or intro[1] is not None or not intro[2]:
        return None
    if _ends_with_a_name(whole, lex):
        return None   # "Bộ trưởng … Trung Quốc Y, Đại tướng X": the office is Y's
    opening = whole[:len(whole) - len(head) + intro[0]].rstrip()
    return intro[2] if not (opening.endswith(",") and _ends_with_a_person(opening[:-1], lex)) else None


def _capitalised_tail(words: list[str]) -> int:
    """How many of the words, counted from the end, begin with a capital."""
    n = 0
    while n < len(words) and words[-1 - n][:1].isupper():
        n += 1
    return n


def _ends_with_a_name(text: str, lex: Lexicon) -> bool:
    """The text ends with a personal name: two to four capitalised words, the first a listed surname,
    that do not spell a place ("… Trung Quốc Vương Tiểu Bình", not "… Công an tỉnh Vân Nam")."""
    words = text.split()
    for k in range(2, min(_capitalised_tail(words), 4) + 1):
        tail = " ".join(words[-k:])
        administrative = len(words) > k and words[-k - 1].lower() in ("phố", "tỉnh", "tp", "tp.", "châu", "huyện")
        if words[-k] in lex.surnames and not administrative and not places_at(tail.lower(), 0, lex):
            return True   # ("thành phố Hồ Chí Minh": a place after its administrative noun)
    return False


def _ends_with_a_person(text: str, lex: Lexicon) -> bool:
    """The clause before a comma ends with a person introduced by rank, title or honorific
    ("Tham dự có Thiếu tướng A"), not with a place or a date ("tại Bắc Kinh", "Chiều 18/5")."""
    words = re.split(r"[,;:.]", text)[-1].split()
    n = _capitalised_tail(words)   # a name, and maybe what introduces it ("Ông A")
    return any(_introduction(" ".join(words[:-k]) + " ", lex) is not None for k in range(1, min(n, 4) + 1)
               if len(words) > k)


def _introduction(pre: str, lex: Lexicon) -> tuple[int, str | None, str | None] | None:
    """Walk back from a name through an organisation phrase to a title, rank or honorific.

    Returns (offset in `pre` where the introduction starts, rank, title) or None.
    """
    low = pre.lower()
    pos = len(low)
    title = None
    chain_start = None
    while True:
        stripped = low[:pos].rstrip()
        degree = DEGREE_BEFORE.search(stripped, max(0, len(stripped) - 12)) if stripped[-1:] in ("s", "h", ".") else None
        if degree:   # "Trung tướng, GS.TS Trần Minh Khoa": the degree sits between the rank and the name
            pos = degree.start()
            stripped = low[:pos].rstrip().rstrip(",").rstrip()
        if not stripped:
            break
        hit = (_ends_with_any(stripped, lex.ranks) or _ends_with_any(stripped, lex.titles)
               or _ends_with_any(stripped, HONORIFICS))
        if hit:
            start = len(stripped) - len(hit)
            if any(hit == r for r, _ in _lowered(lex.ranks)):
                if title is None:   # "Thứ trưởng Bộ Công an, Trung tướng X": the office before the rank
                    title = _office_before_rank(pre, start, lex)
                return start, pre[start:len(stripped)], title
            if hit.lower() in HONORIFICS:
                return start, None, title
            if low[:start].endswith("quyền "):
                start -= len("quyền ")   # "Quyền Giám đốc": the acting holder of the office
            elif pre[:start].endswith("nguyên ") or pre[:start].endswith("Nguyên ") and \
                    not pre[:start - len("Nguyên ")].rstrip()[-1:].isalpha():
                start -= len("nguyên ")   # "nguyên Thứ trưởng": a former one (not a name's "Nguyên")
            # the title runs from the first title word of the chain to the name
            title = pre[start:].strip(" ,")
            if _JOINED_END.search(title):
                return None   # "A, Phó Cục trưởng và B": the office is A's, B is introduced by a list
            chain_start = start
            pos = start
            # a title may follow a rank or another title: "Thượng tướng, Bộ trưởng Công an"
            before = low[:pos].rstrip()
            if before.endswith(","):
                prev = before[:-1].rstrip()
                office = _ends_with_any(prev, lex.titles)
                # ("tại Phủ Chủ tịch, Thủ tướng X": "Phủ Chủ tịch" is the palace, no title of X's)
                if _ends_with_any(prev, lex.ranks) or office and not _names_a_building(prev, len(prev) - len(office)):
                    pos = len(prev)
                    continue
            rank = _ends_with_any(low[:pos].rstrip(), lex.ranks)
            if rank:
                s = len(low[:pos].rstrip()) - len(rank)
                return s, pre[s:s + len(rank)], title
            return start, None, title
        m = _last_word(stripped)
        if not m:
            break
        word = pre[m.start():m.end()]
        # (an abbreviation in capitals is a body's: "Bộ CA", "CATP", "UBND")
        if not (_is_cap(word) or word.lower() in ORG_WORDS or 2 <= len(word) <= 5 and word.isupper()):
            break
        pos = m.start()
    if title is not None and chain_start is not None:
        return chain_start, None, title
    return None


# an academic degree written before a name, as news writes it ("GS.TS", "PGS. TS", "TS.", "ThS"),
# matched on the lower-cased text
DEGREE_BEFORE = re.compile(r"(?:^|(?<=[\s,]))(?:gs\.\s?tskh|gs\.\s?ts|pgs\.\s?ts|pgs\.\s?tskh|gs|pgs|tskh|ts|ths)\.?$")


def _names_a_building(low: str, start: int) -> bool:
    """The office at `start` of the lower-cased `low` is the name of a building: "Phủ Chủ tịch"
    (the Presidential Palace), "Phủ Thủ tướng"."""
    words = low[:start].split()[-2:]
    return bool(words) and words[-1] in ("phủ", "dinh") and words[:1] != ["chính"]   # not "Chính phủ"


_LAST_WORD = re.compile(r"([^\W\d_]+)$")


def _last_word(text: str) -> re.Match | None:
    """_LAST_WORD.search(text), which would try every position of the text: the search starts
    near the end, and looks further back only when the word may begin before that."""
    near = max(0, len(text) - 40)
    m = _LAST_WORD.search(text, near)
    return _LAST_WORD.search(text) if near and m is not None and m.start() == near else m


_DASH_APART = re.compile(r"\s+[-–—]\s+")


def _apposition(text: str, end: int, limit: int, lex: Lexicon) -> tuple[str | None, int]:
    """Titles written after the name: ", Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an"."""
    pos = end
    parts: list[str] = []
    aside = re.match(r"\s*\([^()]{1,40}\)", text[pos:limit])   # "Tạ Chí Minh (Xie Zhiming), Giám đốc …"
    if aside and text.startswith(",", pos + aside.end()):
        pos += aside.end()
    dash = _DASH_APART.match(text, pos, limit)   # "X - Thứ trưởng Bộ Công an": a dash as the first comma
    dashed = bool(dash)
    while pos < limit and (text.startswith(",", pos) or dash):
        seg_start, dash = (dash.end() if dash else pos + 1), None
        while seg_start < limit and text[seg_start] == " ":
            seg_start += 1
        seg_low = text[seg_start:limit].lower()
        # after a title, the body it belongs to may follow its own comma: ", Bộ Công an Trung Quốc"
        org = parts and ORG_HEAD.match(text, seg_start)
        # ("nguyên Thứ trưởng …": a former office, kept as written)
        former = seg_low.startswith("nguyên ") and _starts_with_any(seg_low[len("nguyên "):], lex.titles)
        # ("Quyền Giám đốc …": an acting office)
        if not (_starts_with_any(seg_low, lex.titles) or seg_low.startswith(("ủy viên", "phó ", "quyền "))
                or org or former):
            break
        stop = APPOSITION_STOPS.search(text, seg_start, limit)
        comma = _next_comma(text, seg_start, limit)
        # "X - Thứ trưởng Bộ Công an - cho biết": set off by dashes, it ends at the next one
        # (after a comma a dash may be a province's: "Công an tỉnh Bà Rịa - Vũng Tàu")
        closing = _DASH_APART.search(text, seg_start, limit) if dashed else None
        seg_end = min(x for x in (stop.start() if stop else limit, comma if comma >= 0 else limit,
                                  closing.start() if closing else limit, limit))
        parts.append(text[seg_start:seg_end].strip())
        pos = seg_end
        if not text.startswith(",", pos):
            break
    if not parts:
        return None, end
    return ", ".join(parts), pos


def country_of(text: str, lex: Lexicon) -> str | None:
    """The country an organisation/title phrase belongs to: a country named in it (the first one:
    "Đại sứ Việt Nam tại Trung Quốc" is Viet Nam's), else a Chinese place, else an organisation
    of the lexicon ("Bộ Công an" unqualified is Viet Nam's)."""
    if not text:
        return None
    memo = _COUNTRY_MEMO.setdefault(id(lex), {})
    if text not in memo:   # the same titles and phrases come back many times in an article
        if len(memo) > 50_000:
            memo.clear()
        memo[text] = _country_of(text, lex)
    return memo[text]


_COUNTRY_MEMO: dict[int, dict[str, str | None]] = {}


def _country_of(text: str, lex: Lexicon) -> str | None:
    index = index_of(lex)
    text = TAI_SPLIT.split(text, 1)[0]
    named = country_named_in(text, lex)
    if named:
        return named
    low = text.lower()
    # an office or rank only one country has: "Ủy viên Quốc vụ, Bộ trưởng Bộ Công an" is China's minister
    only = next((country for term, country in lex.one_country_terms if term in low), None)
    if only:
        return only
    best = None
    for pattern_low, country in index.organisations_low:
        i = low.find(pattern_low)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, country)
    return best[1] if best else None


def country_named_in(text: str, lex: Lexicon) -> str | None:
    """The country a phrase names outright: a country (the first one), else a Chinese place;
    never one read from an organisation of the lexicon."""
    index = index_of(lex)
    low = text.lower()
    named = []
    for name_low, pattern, country in index.countries:
        if name_low not in low:
            continue   # a quick test before the pattern; the pattern decides
        # "Lào" of "tỉnh Lào Cai" is not Laos: a country name must not run on into a longer name
        m = pattern.search(text)
        if m and not (country not in ("VN", "CN") and not m.group(0)[:1].isupper()):
            named.append((m.start(), country))
    if named:
        return min(named)[1]
    if any(name in low for name in index.cn_places_low):
        return "CN"
    return None


TAI_SPLIT = re.compile(r"\s+tại\s+")


# Capitalised words that begin organisations and places, never a person's name
STRUCTURAL = frozenset(
    "Bộ Cục Sở Ủy Uỷ Ban Đảng Nhà Nước Hội Chính Phủ Tỉnh Thành Phố Khu Đoàn Công An Trung Ương Quốc Việt "
    "Nam Cộng Hòa Hoà Nhân Dân Tổng Viện Đại Sứ Quán Trường Phòng Tòa Toà Sát Biên Quân Đội Vụ "
    "Cửa Khẩu Huyện Xã Trấn Châu Phía Về Tại Theo Đồng Chí Ông Bà Ngài Thứ Chủ Tịch Bí Thư Giám Đốc".split())
# words that are part of no name, wherever they stand in a run ("Phó Chủ", "Đoàn Công")
NEVER_IN_NAME = frozenset("Bộ Cục Sở Ủy Uỷ Ban Đảng Chủ Giám Đốc Tỉnh Huyện Xã Sát Khẩu Cửa Trưởng".split())


def _not_a_name_word(word: tuple[int, int, str], text_low: str) -> bool:
    """A word no name holds: an organisation word, or "Công" of "Công an" ("Đoàn Công an" is no
    "Đoàn Công"; "Phí Công Lực" is a name)."""
    return word[2] in NEVER_IN_NAME or word[2] == "Công" and text_low.startswith(" an", word[1])
# a name never follows an administrative noun: "châu Văn Sơn" is a prefecture
ADMIN_BEFORE = re.compile(r"(?:châu|tỉnh|huyện|quận|xã|thị xã|thị trấn|thành phố|khu|cửa khẩu|đồn|phường|dân tộc|TP\.?)\s+$", re.I)


_PLACE_INDEX: dict[int, dict[str, list[tuple[str, object]]]] = {}
_FIRST_WORD = re.compile(r"\w+")


def places_at(text_low: str, pos: int, lex: Lexicon) -> list:
    """The places of the lexicon whose name starts at `pos` of the lower-cased text, longest first."""
    index = _PLACE_INDEX.get(id(lex))
    if index is None:
        index = {}
        for p in lex.places:
            low = p.name_vi.lower()
            index.setdefault(low.split()[0], []).append((low, p))
        _PLACE_INDEX[id(lex)] = index
    m = _FIRST_WORD.match(text_low, pos, pos + 40)
    if not m:
        return []
    named = index.get(m.group())
    return [p for low, p in named if text_low.startswith(low, pos)] if named else []


_ADDRESSED: dict[int, re.Pattern] = {}


def _addressed_before(text_low: str, pos: int, lex: Lexicon) -> bool:
    """The person at `pos` is already addressed by "đồng chí", a rank or an office, so a
    capitalised "Ông" there is the surname ("Trung tướng Ông Thế Lộc"), not "Mr"."""
    rx = _ADDRESSED.get(id(lex))
    if rx is None:
        words = sorted({w.lower() for w in ("đồng chí",) + lex.ranks + lex.titles}, key=len, reverse=True)
        rx = _ADDRESSED[id(lex)] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s$")
    return pos > 0 and text_low[pos - 1] == " " and bool(rx.search(text_low, max(0, pos - 40), pos))


def _ends_in_place(words, lex: Lexicon, text_low: str) -> bool:
    """"Choang Quảng Tây" (of "Khu tự trị dân tộc Choang Quảng Tây") is a place, not a person."""
    return any(len(p.name_vi.split()) >= 2 for s, _, _ in words[1:] for p in places_at(text_low, s, lex))


def _names_in_run(words: list[tuple[int, int, str]], lex: Lexicon, text_low: str):
    """Candidate names inside a run of capitalised words, longest first. A name starts with a
    surname of the list, or, where none does, with the first word after the organisation and place
    words that open the run ("Trung Quốc Ngụy Hồng Ba", "Li Minghua"): the list helps, it does
    not decide. A name runs to the end of the run and has 2 to 4 syllables."""
    i = 0   # skip the organisation and place words that open the run
    while i < len(words):
        place = next(iter(places_at(text_low, words[i][0], lex)), None)
        if place is not None and words[i][2] in lex.surnames and len(words) - i - len(place.name_vi.split()) == 1:
            break   # "Hàn Quốc Phong": a surname and given names that spell a place, then one more
        if place is not None:
            i += len(place.name_vi.split())
        elif words[i][2] in STRUCTURAL:
            i += 1
        else:
            break
    if 0 < i < len(words) and words[i - 1][2] in lex.surnames and (
            words[i - 1][2] not in ("Ông", "Bà") or i == 1 and _addressed_before(text_low, words[0][0], lex)) \
            and len(words) - i + 1 <= 4:
        i -= 1   # "Đoàn Văn Tú": a surname that is also an organisation word
    whole = 2 <= len(words) - i <= 4 and (words[i][2] not in STRUCTURAL or words[i][2] in lex.surnames) and not any(
        _not_a_name_word(w, text_low) for w in words[i:]) and not _ends_in_place(words[i:], lex, text_low)
    if whole:   # "Giả Minh Sơn": the whole name, not "Minh Sơn" from an inner listed surname
        yield words[i:]
    for j, (s, _, w) in enumerate(words):
        if j <= i and whole or w not in lex.surnames:
            continue
        if places_at(text_low, s, lex):
            continue
        if 2 <= len(words) - j <= 4 and not any(_not_a_name_word(w, text_low) for w in words[j:]):
            yield words[j:]


# a chain of words that begin with a capital, joined by single spaces: every run of two or more
# capitalised words lies inside one (finding these first spares looking at every word)
# (the capital comes first, so that `re` can skip to capitals; the word must not start mid-word)
CAPITAL_CHAIN = re.compile("[" + re.escape(UPPER) + "](?<![^\\W\\d_].)[^\\W\\d_]*(?: [" + re.escape(UPPER) + "][^\\W\\d_]*)+")


def _capital_runs(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """The runs of two or more capitalised words (start, end, word) of the sentence: a run lies
    inside one capital chain and ends at a word that is not capitalised ("TTXVN", "McLean").
    A chain holds only letters and single spaces, so its words are what splitting at the spaces
    gives, and each begins with a capital."""
    runs: list[list[tuple[int, int, str]]] = []
    for chain in CAPITAL_CHAIN.finditer(text, start, end):
        pos = chain.start()
        run: list[tuple[int, int, str]] = []
        for word in chain.group().split(" "):
            if len(word) == 1 or word[1:].islower():   # (_is_cap: its first letter is a capital)
                run.append((pos, pos + len(word), word))
            else:
                if len(run) >= 2:
                    runs.append(run)
                run = []
            pos += len(word) + 1
        if len(run) >= 2:
            runs.append(run)
    return runs


# "… có các ông: A, Phó Cục trưởng và B, Trưởng phòng": a plural address opens a list of names
LIST_FIRST = re.compile(r"(?:các|những)\s+(?:đồng chí|ông|bà|vị)\s*:?\s*$|:\s*$", re.I)
LIST_OPENER = re.compile(r"(?:các|những)\s+(?:đồng chí|ông|bà|vị)\s*:?|\bgồm(?:\s+có)?\s*:|\bcó\s*:", re.I)
LIST_NEXT = re.compile(r"(?:;|,|\bvà)\s*$")
_JOINED_END = re.compile(r"\s(?:và|cùng|với)$")


def _listed(text: str, s_start: int, n_start: int, n_end: int, s_end: int, lex: Lexicon):
    """(offset, None, None) for a name that is an item of a list opened by a plural address,
    with its office written after it; else None. The first item follows the opener; a later one
    follows "và", ";" or "," after the office of the item before."""
    if _apposition(text, n_end, s_end, lex)[0] is None:
        return None   # a list item is a name and its office: capitalised words alone are not
    window = max(s_start, n_start - 40)
    # the introduction begins at the list's mark ("các ông:", "và"): the name is not a bare one
    marker = LIST_FIRST.search(text, window, n_start) or (
        LIST_NEXT.search(text, window, n_start) if LIST_OPENER.search(text, s_start, n_start) else None)
    return (marker.start() - s_start, None, None) if marker else None


def find_people(text: str, sentence_spans: list[tuple[int, int]], lex: Lexicon) -> list[FoundPerson]:
    """Every introduced person in the given sentences (offsets into `text`, a match form)."""
    found: list[FoundPerson] = []
    low = text.lower()
    for s_start, s_end in sentence_spans:
        # only stretches of two or more capitalised words joined by single spaces can hold a run
        # (see CAPITAL_CHAIN)
        for run in _capital_runs(text, s_start, s_end):
            for cand in _names_in_run(run, lex, low):
                n_start, n_end = cand[0][0], cand[-1][1]
                if ADMIN_BEFORE.search(text, max(s_start, n_start - 12), n_start):
                    continue
                intro = _introduction(text[s_start:n_start], lex) or _listed(text, s_start, n_start, n_end, s_end, lex)
                if intro is not None:
                    break
            else:
                continue
            intro_start, rank, title = intro
            found.append(_person(text, n_start, n_end, s_start + intro_start, rank, title, (s_start, s_end), s_end, lex))
    # "Đại sứ … Hà Đình Nghị, Cục trưởng Cục Đối ngoại Lãnh Thị Mơ": the office after a comma
    # introduces the next person, and is no apposition of the one before
    introduced = sorted(found, key=lambda f: f.start)
    for i, f in enumerate(introduced[:-1]):
        nxt = introduced[i + 1]
        if f.sentence == nxt.sentence and f.end < nxt.phrase_start < f.phrase_end:
            title = f.pre_title
            found[found.index(f)] = _person(text, f.start, f.end, f.phrase_start, f.rank, title, f.sentence,
                                            nxt.phrase_start, lex)
    # later bare mentions of a name introduced once ("Ông Tôn Vĩ Hoa cảm ơn…" is introduced; a
    # caption's bare name is not): same key, anywhere in the given sentences
    known = {f.key: f for f in found}
    seen_spans = {(f.start, f.end) for f in found}
    for s_start, s_end in sentence_spans:
        for key, f in list(known.items()):
            at = text.find(f.name, s_start, s_end)
            while at >= 0:
                span = (at, at + len(f.name))
                at = text.find(f.name, span[1], s_end)
                if span in seen_spans:
                    continue
                seen_spans.add(span)
                found.append(FoundPerson(f.name, key, span[0], span[1], span[0], span[1], None, None, None,
                                         None, (s_start, s_end)))
    found.sort(key=lambda f: f.start)
    return found


def _person(text: str, n_start: int, n_end: int, phrase_start: int, rank: str | None, title: str | None,
            sentence: tuple[int, int], limit: int, lex: Lexicon) -> FoundPerson:
    """A person introduced at [n_start, n_end) with the rank and title written before the name and
    the offices written after it (up to `limit`)."""
    appo, phrase_end = _apposition(text, n_end, limit, lex)
    titles = [t for t in (title, appo) if t]
    full_title = ", ".join(titles) if titles else None
    office = _office(full_title)
    return FoundPerson(
        name=text[n_start:n_end], key=name_key(text[n_start:n_end]), start=n_start, end=n_end,
        phrase_start=phrase_start, phrase_end=phrase_end,
        rank=rank.strip() if rank else None, title=office, organization=_organisation(office, lex),
        country=_country_of_rank(rank, full_title, lex) or country_of(full_title or "", lex)
        or (country_of(title, lex) if title else None),
        sentence=sentence, pre_title=title)


def side_overrides(country: str | None, title: str | None, side: str, lex: Lexicon | None) -> bool:
    """A side read from the meeting's words (a delegation's country) replaces a person's country when
    the person has none, or has one only from a bare body in the title ("Bộ trưởng Bộ Công an" reads
    as Viet Nam's) that names no country outright."""
    return not country or country != side and lex is not None and country_named_in(title or "", lex) is None


def _country_of_rank(rank: str | None, title: str | None, lex: Lexicon) -> str | None:
    """A rank only one country has ("Tổng Cảnh giám"), unless the title names a country outright."""
    low = (rank or "").strip().lower()
    only = next((country for term, country in lex.one_country_terms if low == term), None) if low else None
    return only if only and not country_named_in(title or "", lex) else None


def _office(title: str | None) -> str | None:
    """Drop party-membership appositions ("Ủy viên Trung ương Đảng") and keep the offices."""
    if not title:
        return None
    parts = [p.strip() for p in split_commas(title) if p.strip()]
    offices = [p for p in parts if not p.lower().startswith(("ủy viên", "uỷ viên"))]
    return ", ".join(offices or parts)


def _organisation(title: str | None, lex: Lexicon) -> str | None:
    """The organisation named inside a title ("Thứ trưởng Bộ Công an Trung Quốc" → "Bộ Công an Trung Quốc")."""
    if not title:
        return None
    parts = [part.strip() for part in split_commas(title)]
    own = _body_after_office(parts[-1], lex)
    if own is None and len(parts) > 1 and PARENT_BODY.match(parts[-1]):
        # "Cục trưởng Cục Hợp tác quốc tế, Bộ Công an Trung Quốc": the office's body, then the body it is part of
        inner = _body_after_office(parts[-2], lex)
        return f"{inner}, {parts[-1]}" if inner else None
    return own


# a body named after a comma, that another one belongs to
PARENT_BODY = re.compile(r"(?:Bộ|Sở|Tổng cục|Cục|Công an|Ủy ban|Uỷ ban)\s")


def _body_after_office(last: str, lex: Lexicon) -> str | None:
    """The body named after the office that begins `last` ("Thứ trưởng Bộ Công an" → "Bộ Công an")."""
    low = last.lower()
    head, by_head = _grouped(lex.titles, at_end=False)
    for t, tl in by_head.get(low[:head], ()) if head else _lowered(lex.titles):
        if low.startswith(tl):
            rest = last[len(t):].strip()
            # "Trưởng Ban Nội chính …", "Trưởng Công an huyện X": the office ends where the body's name begins
            body_noun = OFFICE_ENDS_WITH_BODY.search(last, 0, len(t)) if rest else None
            # (a body's name begins with a capital: "Trưởng phòng Quản lý …" is of "Phòng Quản lý …")
            return (last[body_noun.start()].upper() + last[body_noun.start() + 1:len(t)] + " " + rest) \
                if body_noun else (rest or None)
    return None


# the last words of an office that are the first of its body's name ("Chánh Văn phòng Bộ Công an"
# is of the ministry, as before)
OFFICE_ENDS_WITH_BODY = re.compile(r"(?<!\w)(?<!Văn )(?:Ban|[Pp]hòng|Công an (?:huyện|quận|thị xã|thành phố|xã|phường))$")


if __name__ == "__main__":  # a quick look: python -m builder.people FILE
    from .cleaning import match_form, segment, sentences
    from .lexicon import load
    raw = open(sys.argv[1], encoding="utf-8").read()
    mt = match_form(raw)
    spans = [s for p in segment(raw) if p.kind == "body" for s in sentences(mt, p.start, p.end)]
    for f in find_people(mt, spans, load()):
        print(f.name, "|", f.country, "|", f.rank, "|", f.title, "|", f.organization)


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter (or one tone mark) substituted, inserted or deleted."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def reconcile_spellings(found: list[FoundPerson]) -> list[FoundPerson]:
    """A name one letter or tone mark off another of the same article, with the same surname and
    as many syllables, is a misspelling of the one written first ("Hầu Quốc Thắnh" after "Hầu Quốc
    Thắng"): it takes that person's key, and keeps its own spelling as written."""
    first: dict[str, FoundPerson] = {}
    out = []
    for f in sorted(found, key=lambda f: f.start):
        words = f.key.split()
        canon = next((g for k, g in first.items() if k != f.key and k.split()[0] == words[0]
                      and len(k.split()) == len(words) and _one_edit_apart(k, f.key)), None)
        if canon is not None:
            f = replace(f, key=canon.key, canonical=canon.name)
        first.setdefault(f.key, f)
        out.append(f)
    return out
