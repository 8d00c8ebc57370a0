"""Clean an article: one spelling for matching, and the map of what is body and what is noise.

Nothing here changes `text`: offsets into the article stay valid. `match_text` has the same
length, so a match found in it is a span of the original.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

# --- one tone-mark placement -------------------------------------------------------------------
# Sources write "Uỷ"/"Ủy", "hoà"/"hòa", "Thoả"/"Thỏa". Both spellings are two characters in NFC,
# so swapping the mark keeps every offset.
_TONES = {"grave": "\u0300", "acute": "\u0301", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}


def _tone_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONES.values():
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = f + unicodedata.normalize("NFC", s + mark)
                    new = unicodedata.normalize("NFC", f + mark) + s
                    table[old] = new
    return table


_TONE_TABLE = _tone_table()
# only at the end of a syllable: "hoà" is a placement variant, "hoàng" is not; not after q ("quỷ").
# (Every variant is two characters, so the "not after q" test can come after them, "(?<![qQ]..)":
# the same matches, but a pattern that opens with its letters lets `re` skip to an o or a u.)
assert all(len(old) == 2 for old in _TONE_TABLE)
_TONE_RE = re.compile("(" + "|".join(map(re.escape, _TONE_TABLE)) + r")(?<![qQ]..)(?![^\W\d_])")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t"), " ")
_QUOTES = {ord("\u201c"): '"', ord("\u201d"): '"', ord("\u2018"): "'", ord("\u2019"): "'"}
_PLAIN = {**_DASHES, **_SPACES, **_QUOTES}
_UNUSUAL = re.compile("[" + "".join(map(chr, _PLAIN)) + "]")


def match_form(text: str) -> str:
    """Same-length normal form for matching: new-style tone marks, plain dashes, spaces, quotes."""
    out = _TONE_RE.sub(lambda m: _TONE_TABLE[m.group(1)], text)
    if _UNUSUAL.search(out):   # most texts have none of these characters: no pass over them
        out = out.translate(_PLAIN)
    assert len(out) == len(text)
    return out


@lru_cache(maxsize=1 << 16)     # the same names are keyed again and again while merging
def name_key(name: str) -> str:
    """Key under which spellings of one name are compared (case, tone placement, spaces)."""
    return " ".join(match_form(unicodedata.normalize("NFC", name)).lower().split())


_ASTRAL = re.compile("[^\u0000-\uffff]")


class _FoldTable(dict):
    """Character code → the character without marks, for str.translate, filled as characters are
    met (a full table of the first plane took a quarter of a second to make in every process).
    Folding one character at a time gives the same as folding the decomposed text: the marks a
    decomposition reorders are the ones dropped."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        folded = "d" if c == "đ" else "D" if c == "Đ" else "".join(
            x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Accent-free lower-case form (for slugs and loose comparisons)."""
    if _ASTRAL.search(text):   # beyond the first plane (rare): the plain way
        text = text.replace("đ", "d").replace("Đ", "D")
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    return text.translate(_FOLD_TABLE).lower()


def variant_key(name: str) -> str:
    """Key under which spelling variants of one name meet: no accents, and y written as i
    (Vỹ / Vĩ, Thanh / Thành)."""
    return " ".join(fold(unicodedata.normalize("NFC", name)).replace("y", "i").split())


# --- paragraphs and noise ----------------------------------------------------------------------
@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # body | header | caption | image | byline | related | footer | meta | teaser


HEADER_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*")
IMAGE_RE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp)$", re.I)
CAPTION_RE = re.compile(r"(?:\(Ảnh:[^)]*\)|(?:^|[.\s])Ảnh:\s*[^.]{1,60}$|\(Ảnh\s+[^)]*\)|Nguồn ảnh:|"
                        # a caption that names its photo first: "* Ảnh trên: …", "Trong ảnh: …"
                        r"^\W{0,3}(?:Ảnh(?: trên| dưới| bên)?|Trong ảnh)\s*:)")
CAPTION_WORDS = ("Ảnh", "ảnh:")   # one of which every CAPTION_RE match holds
FOOTER_START_RE = re.compile(
    r"^(?:Bài liên quan|Tin liên quan|Tin cùng chuyên mục|Cùng chuyên mục|Tin khác|Các tin khác|Tin đã đưa|"
    r"Tin mới nhất|Đừng bỏ lỡ|Mới nhất|Video liên quan|Bình luận\s*\(\d+\)|"
    r"\(\d+\)\s*Bình luận|\d+\s+bình luận$|Gửi bình luận|Từ khóa:|Từ khoá:|Thẻ:|Tags?:|Chia sẻ:|"
    r"Điều khoản|Ghi rõ nguồn|Liên hệ\s*\||POWERED BY|Chịu trách nhiệm|Giấy phép|Bản quyền|©)",
    re.I,
)
RELATED_START_RE = re.compile(r"^(?:Theo dòng (?:sự kiện|thời sự)|Xem thêm|Đọc thêm|Tin nổi bật)\s*:?$", re.I)
META_RE = re.compile(r"(?:\s\|\s|\s>\s|^Đăng bởi|^Cập nhật|^\(Bài đăng lại|^Trang chủ)")
META_MARKS, META_OPENINGS = ("|", ">"), ("Đăng bởi", "Cập nhật", "(Bài đăng lại", "Trang chủ")   # of every META_RE match
assert all(w in CAPTION_RE.pattern for w in CAPTION_WORDS) and all(w in META_RE.pattern for w in META_MARKS + META_OPENINGS)
SEE_ALSO_RE = re.compile(r"^(?:Xem thêm|Đọc thêm|Tin liên quan|Bài liên quan|Tin cùng chủ đề)\s*:\s*\S", re.I)
LINK_ITEM_RE = re.compile(r"^(?:[-•·»▸►▶]|>>)\s+\S")   # ">> Thủ tướng … tiếp …": a link to another story
# "(ANTĐ) - …", "VOV.VN - …": the lead of a story. A second one after a headline is a teaser.
LEAD_TAG_RE = re.compile(r"^\s*(?:\(([^()]{2,20})\)|([A-Z][A-Za-z]*\.VN))\s*[-–—]\s*")
# this project's fictional test articles open with a line "SYNTHETIC — <what it is>" (tests/fixtures)
SYNTHETIC_MARK = re.compile(r"^SYNTHETIC\s*[—–-]")
TERMINAL = (".", "!", "?", "…", '"', "”", ":", ";", "./.")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _reports(line: str) -> bool:
    """A gallery text that tells the news itself: a dated sentence of some length ("Chiều 14/5, tại
    Đại lễ đường Nhân dân, Thủ tướng … tiếp …")."""
    dated = re.search(r"\b(?:ngày|sáng|trưa|chiều|tối)\s+\d{1,2}[/.-]\d{1,2}\b", line, re.I)
    several = re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ]", line)   # a caption is one phrase; news runs on
    return len(line.split()) > 15 and line.endswith(TERMINAL) and bool(dated or several)


def _is_caption(line: str) -> bool:
    # (plain tests first: the pattern would walk every line of the body to find nothing)
    return any(w in line for w in CAPTION_WORDS) and bool(CAPTION_RE.search(line))


def _is_meta(line: str) -> bool:
    return (any(w in line for w in META_MARKS) or line.startswith(META_OPENINGS)) and bool(META_RE.search(line))


def _is_byline(line: str) -> bool:
    if len(line) > 30:
        return False   # (the cheapest of the tests below, first: most lines are longer)
    words = line.split()
    return 0 < len(words) <= 3 and not line.rstrip().endswith(TERMINAL) and all(
        w[:1].isupper() for w in words) and len(line) <= 30


def segment(text: str) -> list[Paragraph]:
    """Label every non-empty line as body or a kind of noise."""
    lines = [(s, e, ln) for s, e, ln in _lines(text) if ln.strip()]
    kinds: list[str] = []
    in_footer = in_related = False
    seen_lead_tag = False
    for i, (s, e, line) in enumerate(lines):
        stripped = line.strip()
        m_lead = LEAD_TAG_RE.match(stripped)
        if i == 0 and SYNTHETIC_MARK.match(stripped):
            kinds.append("meta")   # the first line of a fictional test article says so; it is no text
            continue
        if in_footer or FOOTER_START_RE.match(stripped):
            in_footer = True
            kinds.append("footer")
            continue
        if RELATED_START_RE.match(stripped):
            in_related = True
            kinds.append("related")
            continue
        if in_related:
            if stripped.endswith(TERMINAL) and len(stripped.split()) > 12:
                in_related = False
            else:
                kinds.append("related")
                continue
        if SEE_ALSO_RE.match(stripped):
            kinds.append("related")   # "Xem thêm: Thượng tướng X chủ trì …": a link to another story, inline
        elif LINK_ITEM_RE.match(stripped) and not stripped.endswith(TERMINAL) and len(stripped.split()) <= 25 \
                and not re.search(r"\d{1,2}/\d{1,2}", stripped[:20]):
            kinds.append("related")   # "- Đại tá X được bổ nhiệm …": a list of links to other stories
        elif IMAGE_RE.match(stripped):
            kinds.append("image")
        elif i > 0 and kinds[-1] == "image" and len(stripped.split()) <= 40 and not _reports(stripped):
            kinds.append("caption")   # the line under an image file name describes the photo
        elif _is_caption(stripped):
            kinds.append("caption")
        elif _is_meta(stripped):
            kinds.append("meta")
        elif m_lead and seen_lead_tag and i > 0 and not lines[i - 1][2].strip().endswith(TERMINAL):
            kinds.append("teaser")
            if kinds[-2] == "body":
                kinds[-2] = "teaser"  # its headline
        elif i == len(lines) - 1 and _is_byline(stripped) or (
                _is_byline(stripped) and i + 1 < len(lines) and FOOTER_START_RE.match(lines[i + 1][2].strip())):
            kinds.append("byline")
        elif stripped.isupper() and len(stripped.split()) <= 12:
            kinds.append("meta")      # site banner in capitals
        else:
            kinds.append("body")
        if m_lead and len(stripped[m_lead.end():].split()) > 8:
            seen_lead_tag = True   # a story's lead, not a date line under the tag ("VOV.VN - Thứ Sáu, 08:20, …")
    paragraphs: list[Paragraph] = []
    for (s, e, line), kind in zip(lines, kinds):
        header = HEADER_RE.match(line) if not paragraphs else None
        if header and header.end() > 0:
            paragraphs.append(Paragraph(s, s + header.end(), "header"))
            s = s + header.end()
            if s >= e:
                continue
            # a header glued to a caption or a lead: re-test what follows it
            if kind == "body" and CAPTION_RE.search(text[s:e]):
                kind = "caption"
        # leading/trailing blanks are not part of a paragraph
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        paragraphs.append(Paragraph(s, e, kind))
    return paragraphs


DATED_SUBHEADING = re.compile(r"^\W*(?:(?:sáng|trưa|chiều|tối|ngày)\s+)?\d{1,2}/\d{1,2}\b[^.]{0,80}$")
MEETING_WORDS = re.compile(r"\b(?:tiếp|hội kiến|hội đàm|chào xã giao|làm việc với|đón tiếp)\b(?! tục| nhận| theo)|"
                           r"\bcùng (?:tham )?dự\b|\btham dự có\b|\b(?:buổi|cuộc) làm việc\b|"   # "… cùng dự hai cuộc làm việc"
                           # two who chair together, or a ceremony of the sides ("… đồng chủ trì Lễ khai trương …")
                           r"\b(?:đồng|cùng) chủ trì\b|\blễ (?:khai trương|khánh thành|ra quân|ký kết|ký)\b|"
                           # a visit told ("… đã thăm cấp Nhà nước tới Trung Quốc theo lời mời của …")
                           r"\bthăm (?:cấp nhà nước|chính thức|hữu nghị chính thức)\b|\bsang thăm\b")
SECURITY_CUES = ("công an", "an ninh", "tội phạm", "chính pháp", "pháp luật", "cảnh sát", "biên phòng",
                 "hội nghị", "hội đàm", "hội kiến", "đoàn đại biểu", "đoàn công tác", "bản ghi nhớ",
                 "biên bản", "thỏa thuận", "xuất nhập cảnh", "xuất, nhập cảnh", "ma túy", "truy nã",
                 "quy chế", "hiệp định", "ký kết", "đối thoại")


def is_off_topic(paragraph_match_text: str) -> bool:
    """A paragraph with no security vocabulary at all: likely a pasted teaser of another story."""
    low = paragraph_match_text.lower()
    if DATED_SUBHEADING.match(low) or MEETING_WORDS.search(low):
        return False   # a dated subheading, or a paragraph that tells of a meeting ("… sẽ tiếp Bộ trưởng X")
    return not any(cue in low for cue in SECURITY_CUES)


BULLET = re.compile(r"[-•+*–]\s")


def join_bullet_lists(text: str, body: list[tuple[int, int]], mt: str) -> tuple[list[tuple[int, int]], str]:
    """"Đồng chủ trì buổi lễ có:" over bullet lines ("- Đại tá A, …;" "- Ông B, …."): one paragraph,
    as if written in one sentence; in the matching copy a bullet's closing ";" reads as "," so that
    the list is one clause (offsets and the evidence text are unchanged). Bullets that end in a full
    stop are items of their own ("- Ngày 16/9: …. - Ngày 17/9: …") and stay apart."""
    out: list[tuple[int, int]] = []
    chars = None
    i = 0
    while i < len(body):
        s, e = body[i]
        j = i + 1
        if text[e - 1] == ":":
            while j < len(body) and BULLET.match(text, body[j][0]) and (j == i + 1 or text[body[j - 1][1] - 1] in ";,"):
                j += 1
        if j - i > 2 or j - i == 2 and text[body[i + 1][1] - 1] in ";,.":
            chars = chars if chars is not None else list(mt)
            for bs, be in body[i + 1:j - 1]:
                if text[be - 1] == ";":
                    chars[be - 1] = ","
            out.append((s, body[j - 1][1]))
            i = j
            continue
        out.append((s, e))
        i += 1
    return out, ("".join(chars) if chars is not None else mt)


# --- sentences -----------------------------------------------------------------------------------
_SENT_END = re.compile(r"(?<=[.!?…])(?:\s+)(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:TP|Th\.S|TS|PGS|GS|Mr|St|[A-ZĐ]))\.$")


# "…; chiều cùng ngày, Thủ tướng C đã tiếp B": a semicolon before a new time of the day ends a
# sentence of its own (one meeting per clause)
_CLAUSE_END = re.compile(r";\s+(?=(?:(?:sáng|trưa|chiều|tối|đêm)\s+(?:cùng ngày|hôm sau|ngày hôm sau|hôm đó|\d)|"
                         r"(?:cùng ngày|ngày hôm sau|hôm sau|tiếp đó|sau đó|trước đó)\s*,))", re.I)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end)."""
    spans = []
    s = start
    ends = list(_SENT_END.finditer(text, start, end))
    if text.find(";", start, end) >= 0:
        ends = sorted(ends + list(_CLAUSE_END.finditer(text, start, end)), key=lambda m: m.start())
    for m in ends:
        if _ABBREV_END.search(text[max(s, m.start() - 6):m.start()]):
            continue
        spans.append((s, m.start()))
        s = m.end()
    if s < end:
        spans.append((s, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]
