"""Every meeting an article reports as news: one event per meeting, not one per article.

A sentence whose main predicate is a meeting verb (tiếp, hội kiến, chào xã giao, hội đàm, làm việc
với, đồng chủ trì hội nghị, sang thăm …) is a *frame*: a mention of a meeting with its own date,
place and principals. Frames that name the same meeting join (same kind, a principal in common, no
conflicting day); a phrase that points back ("Tại buổi tiếp", "Kết thúc hội đàm") joins the last
meeting of its kind. Talks without a date of their own inside a dated visit are part of the visit;
a welcome ceremony and the talks of the two heads fold into their conference. Everything else is a
meeting of its own, so a reception by a party leader on the eve of a conference stays an event.

Every later sentence belongs to the meeting its frame or back-pointer names, else to the meeting
before it: people, documents and topics are attached through this ownership.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import patterns as P
from .dates import bounds_from_text
from .events import ONLINE, ROLE_RANK, _cities, _dates_in, _resolve, evidence, locate
from .lexicon import Lexicon
from .people import FoundPerson, country_of
from .records import UNKNOWN_DATE, Article, DateValue, EventMention

OTHER_SIDE = {"VN": "CN", "CN": "VN"}
DAY_KINDS = ("day", "day_range", "relative_day", "relative_week")


@dataclass
class Frame:
    kind: str                       # visit | reception | talks | conference | ceremony
    sentence: tuple[int, int]
    at: int                         # where the predicate is
    date: DateValue | None          # the frame's own date (None: not stated in its clause)
    same_day: bool = False          # "Chiều cùng ngày", "Buổi sáng": the day of the frame before
    next_day: bool = False          # "ngày hôm sau"
    principals: list[tuple[FoundPerson, str]] = field(default_factory=list)   # (person, role)
    by_delegation: bool = False     # "Đoàn làm việc với …": the delegation's head is a principal
    past: DateValue | None = None   # dated only by an earlier month or year: a recalled meeting
    planned: bool = False           # "sẽ tiếp", "theo chương trình … sẽ": announced, not held
    counterpart: str | None = None  # the body met, when a body is named ("làm việc với Bộ Tư lệnh …")


@dataclass
class Meeting:
    event: EventMention
    frames: list[Frame]
    people: dict[str, tuple[FoundPerson, str]] = field(default_factory=dict)   # key → (person, role)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.event.event_type

    def principal_keys(self) -> set[str]:
        return {p.key for f in self.frames for p, role in f.principals if role != "participant"}

    def add(self, person: FoundPerson, role: str) -> None:
        old = self.people.get(person.key)
        if old is None:
            self.people[person.key] = (person, role)
            return
        q, r = old
        best = person if len(person.title or "") > len(q.title or "") else q
        if best is person and not person.rank and q.rank:
            best = replace(person, rank=q.rank)
        if best is person and not person.country and q.country:
            best = replace(best, country=q.country)
        self.people[person.key] = (best, r if ROLE_RANK[r] <= ROLE_RANK[role] else role)


# --- cue phrases -----------------------------------------------------------------------------------
_CONF = r"(?:hội nghị|đối thoại|phiên đối thoại|phiên họp)"
_NOT_TIEP = (r"tục|nhận|theo|cận|xúc|thu|tế|đón|diễn|sức|giáp|quản|tay|viện|đó|sau|nối|bước|thị|"
             r"nhau|xúc|liệu|cư|dân|công dân")
PREDICATES = (
    ("conference", re.compile(
        rf"\b(?:đồng chủ trì|chủ trì|tổ chức|khai mạc|diễn ra|dự|tham dự)\s+(?:các\s+|phiên\s+)?{_CONF}\b|"
        r"\bhội nghị trực tuyến\b|"
        # "Hội nghị … lần thứ 23 giữa … đã diễn ra": the meeting named first, then said to take place
        rf"(?<!các )(?<!cuộc )(?<!những )\b{_CONF}\b(?=[^.;]{{0,220}}?\b(?:đã|vừa)\s+(?:diễn ra|được tổ chức|khai mạc|bế mạc)\b)",
        re.I)),
    ("talks", re.compile(r"\bhội đàm\b(?=[^.;]{0,40}?\bsẽ\s+(?:diễn ra|được tổ chức))|(?<!kết quả )(?<!nội dung )(?<!biên bản )(?<!cơ chế )(?<!các cuộc )(?<!những cuộc )(?<!duy trì )(?<!nhà )(?<!phòng )\bhội đàm\b|(?<!thăm )(?<!thăm, )(?<!thăm và )\blàm việc với\b|\bbuổi làm việc\b|"
                         r"\bhội đàm với\b", re.I)),
    ("reception", re.compile(rf"(?<!trực )(?<!kế )(?<!gián )(?<!liên )(?<!sự )(?<!đón )\btiếp\b(?!\s+(?:{_NOT_TIEP})\b)|"
                             r"\bđón tiếp\b|(?<!lễ )(?<!chào )(?<!mừng )(?<!vui )(?<!hân hạnh )\bđón\s+(?=[Đđ]oàn\b)|\bhội kiến\b|\bchào xã giao\b|\bthăm xã giao\b|\bgặp gỡ\b|\bcó cuộc gặp\b|\bđã gặp\b", re.I)),
    ("ceremony", re.compile(r"\blễ đón\b", re.I)),
    ("visit", re.compile(r"(?<!chuyến )(?<!cuộc )\b(?:sang thăm|thăm chính thức|thăm cấp nhà nước|thăm,? (?:và )?làm việc|"
                         r"đã thăm|đến thăm và làm việc)\b", re.I)),
)
# a phrase that points back to a meeting already named: "Tại buổi tiếp", "Kết thúc hội đàm"
BACK_POINTER = re.compile(
    r"\b(?:tại|trong|sau|kết thúc|bế mạc|phát biểu tại|dự|cùng dự|tham dự|trước)\s+(?:(?:buổi|cuộc|lễ|phiên)\s+)?"
    r"(?P<what>tiếp|hội đàm|hội kiến|làm việc|hội nghị|đối thoại|gặp|gặp gỡ|chào xã giao|lễ đón|đón)\b"
    r"(?!\s+(?:cấp|về(?!\s+phía)|lần thứ|giữa|hợp tác|định kỳ năm|thường niên|an ninh|phòng))", re.I)
BACK_KIND = {"tiếp": "reception", "hội kiến": "reception", "gặp": "reception", "gặp gỡ": "reception",
             "chào xã giao": "reception", "hội đàm": "talks", "làm việc": "talks", "hội nghị": "conference",
             "đối thoại": "conference", "lễ đón": "ceremony", "đón": "ceremony"}
# a meeting noun as the subject of its sentence points back to the meeting told of
NOUN_SUBJECT = re.compile(r"\W*(?:(?:buổi|cuộc|phiên)\s+)?(?:hội đàm|hội nghị|tiếp|hội kiến|làm việc|gặp)\s+"
                          r"(?:nhằm|là|diễn ra|được|đã diễn ra|lần này|này|đã|kết thúc|mang|có ý nghĩa)\b", re.I)
# a meeting named after "tại" and dated by an earlier month in the same clause: one recalled
RECALLED_AT = re.compile(r"(?i)\b(?:tại|trong|ở)\s+(?:(?:buổi|cuộc|phiên)\s+)?(?P<what>hội đàm|hội nghị|đối thoại|hội kiến)\b")
RECALLED_AFTER = re.compile(r"[^.;]{0,120}?\b(?:hồi|vào|trong)\s+(?:(?:đầu|giữa|cuối)\s+)?(?:tháng|năm)\b")
HOSTS_LIST = re.compile(r"(?i)(?:(?:tiếp|đón|tiếp đón)\s+(?:đoàn|đoàn công tác|đoàn đại biểu)\s+(?:có|là|gồm)|"
                        r"cùng (?:tiếp|đón|tiếp đón)\s+(?:còn\s+)?có)\b")
CO_DO_SPAN = re.compile(r"\bdo\b(?P<who>[^.;]{3,320}?)\bđồng chủ trì\b")
CHAIRS = re.compile(r"(?<!đồng )\bchủ trì\s+(?:buổi|cuộc|lễ|hội đàm|hội nghị|làm việc|tiếp)")
PASSIVE = re.compile(r"\bđược\b(?=[^.;]{0,160}$)")
# what makes a predicate subordinate: the purpose or occasion of the main meeting, not a meeting
# "Theo chương trình, sáng 15/3, Chủ tịch nước X sẽ tiếp …": a meeting announced, not held
PLANNED_BEFORE = re.compile(r"\b(?:sẽ|dự kiến(?: sẽ)?|theo (?:chương trình|kế hoạch|lịch trình),?[^.;]{0,120}?sẽ)\s+(?:có\s+(?:buổi|cuộc)\s+)?$", re.I)
SUBORDINATE = re.compile(r"\b(?:nhân dịp|trong khuôn khổ|trong chuyến|nhằm|để|chào mừng|hoan nghênh|"
                         r"cảm ơn|dịp|sau khi|trước khi|chuẩn bị|tiến tới|sẽ|dự kiến)\b[^,;]*$", re.I)
SAME_DAY = re.compile(r"^\W*(?:cũng\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày|cùng ngày|buổi\s+(?:sáng|trưa|chiều|tối)|"
                      r"trong ngày|ngay sau đó|sau đó|tiếp đó|(?:ngay\s+)?sau\s+(?:lễ đón|hội đàm|hội nghị|buổi tiếp|buổi hội đàm))\b|"
                      r"\b(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày\b", re.I)
NEXT_DAY = re.compile(r"^\W*(?:(?:sáng|trưa|chiều|tối)\s+)?(?:ngày\s+hôm\s+sau|hôm\s+sau|ngày\s+tiếp\s+theo)\b", re.I)
DELEGATION_SUBJECT = re.compile(r"(?:^|,)\s*(?:[Đđ]oàn(?: đại biểu| công tác)?|[Hh]ai (?:bên|đoàn))\s*(?:đã\s+)?"
                                r"(?:(?:đến|tới|sang)\s+)?(?:có buổi\s+)?$")
# "chủ trì hội đàm với đoàn", "tiếp Đoàn": the delegation is the counterpart, its head a principal
DELEGATION_OBJECT = re.compile(r"(?i)(?:chủ trì\s+)?(?:(?:buổi|cuộc)\s+)?(?:hội đàm|làm việc|tiếp|hội kiến|đón tiếp|lễ đón(?:\s+chính thức)?)\s+(?:với\s+)?(?:đoàn|đoàn công tác|"
                               r"đoàn đại biểu)(?:\s*[.,;]|\s*$|\s+(?:và|tại|ở)\b)")
LISTED = re.compile(r"\b(?:cùng dự|tham dự|dự hội đàm|dự buổi|tham gia đoàn|tham gia|về phía|phía|"
                    r"thành viên đoàn|cùng đi|có mặt)\b", re.I)


def mentions_a_meeting(text: str) -> bool:
    """Some sentence of the text could report a meeting (the article's first relevance test)."""
    return any(rx.search(text) for _, rx in PREDICATES) or bool(re.search(r"(?i)\bhội nghị\b|\bđối thoại\b", text))


def _main_predicates(mt: str, s: int, e: int, claimed=()) -> list[tuple[int, str]]:
    """(position, kind) of the meeting predicates of one sentence that are not subordinate or
    pointing back."""
    found = []
    backs = [(m.start(), m.end()) for m in BACK_POINTER.finditer(mt, s, e)
             if not RECALLED_AFTER.match(mt, m.end())]
    for m in RECALLED_AT.finditer(mt, s, e):   # "tại Hội nghị cấp Bộ trưởng … hồi tháng 7 vừa qua"
        if RECALLED_AFTER.match(mt, m.end()):
            found.append((m.start("what"), BACK_KIND.get(m.group("what").lower(), "talks")))
    for kind, rx in PREDICATES:
        for m in rx.finditer(mt, s, e):
            if _is_planned(mt, s, e, m.start()):
                found.append((m.start(), kind))   # a planned meeting: a frame marked planned below
                continue
            if any(a <= m.start() < b for a, b in backs):
                continue
            if kind == "reception" and (HOSTS_LIST.match(mt, m.start()) or HOSTS_LIST.match(mt, max(s, m.start() - 5))):
                continue   # "Tiếp đoàn có ông X": who received the delegation at the meeting told of
            if NOUN_SUBJECT.match(mt[s:e]) and NOUN_SUBJECT.match(mt[s:e]).end() > m.start() - s:
                continue   # "Hội đàm nhằm …", "Buổi tiếp diễn ra …": the meeting told of, as subject
            if kind == "conference" and any(a <= m.end() - 1 < b for a, b in claimed):
                continue   # "thống nhất tổ chức Hội nghị … lần thứ 8 … năm 2022": a planned one
            clause_start = max(mt.rfind(",", s, m.start()), mt.rfind(";", s, m.start()), s)
            if SUBORDINATE.search(mt[max(s, clause_start - 60):m.start()]):
                continue
            if kind == "conference" and SUBORDINATE.search(mt[max(s, m.start() - 40):m.start()]):
                continue
            found.append((m.start(), kind))
    return sorted(found)


# --- frames ------------------------------------------------------------------------------------------
def _own_date(article: Article, s: int, e: int, claimed, context: DateValue | None) -> DateValue | None:
    """The day-level date of a clause: an explicit full date wins over a partial or relative one
    ("Chiều nay (14/3/2036)")."""
    exprs = [x for x in _dates_in(article, s, e) if x.kind in DAY_KINDS
             and not any(a <= x.char_start < b for a, b in claimed)]
    if not exprs:
        return None
    full = [x for x in exprs if x.kind != "relative_day" and (x.year or x.end_year)]
    written = [x for x in exprs if x.kind != "relative_day"]
    chosen = (full or written or exprs)[0]
    value = _resolve(chosen, article, context)
    return value if value.known or chosen.kind == "relative_day" else None


def _frame_people(mt: str, s: int, e: int, at: int, kind: str, people: list[FoundPerson],
                  claimed=(), lex: Lexicon | None = None) -> list[tuple[FoundPerson, str]]:
    """People of the frame's sentence with the role their position gives them."""
    out = []
    listed = LISTED.search(mt, s, e)
    for p in people:
        if not (s <= p.start < e) or any(a <= p.start < b for a, b in claimed):
            continue
        role = "participant"
        for m in P.HEAD_SPAN.finditer(mt, s, e):
            if m.start("who") <= p.start < m.end("who"):
                role = "head_of_delegation"
                # "Đoàn đại biểu Cục Công an châu Văn Sơn do ông X, Cục trưởng làm Trưởng đoàn"
                before = P.DELEGATION_BEFORE.search(mt[s:m.start()])
                side = country_of(before.group(0), lex) if before else None
                if not p.country and side in ("VN", "CN"):
                    p = replace(p, country=side)
        for m in P.HOST_DO_SPAN.finditer(mt, s, e):
            if m.start("who") <= p.start < m.end("who") and role == "participant":
                role = "host"
                # "hội đàm với Sở Công an tỉnh Vân Nam do ông Y chủ trì"
                side = country_of(mt[max(s, m.start() - 80):m.start()].split(" với ")[-1], lex)
                if not p.country and side in ("VN", "CN"):
                    p = replace(p, country=side)
        for m in CO_DO_SPAN.finditer(mt, s, e):   # "Hội nghị do X, …, và ông Y, … đồng chủ trì"
            if m.start("who") <= p.start < m.end("who"):
                role = "co_chair"
        if _chair_is(mt, s, p.start) == "co_chair":   # "Đồng chủ trì Hội nghị là A và B"
            role = "co_chair"
        co = P.CO_CHAIR.search(mt, p.end, e)
        if co and not re.search(r"[.;]|\bdo\b", mt[p.end:co.start()]) and not re.search(
                r"\b(?:dẫn đầu|tiếp|đón|cho biết|phát biểu|đánh giá)\b", mt[p.end:co.start()]):
            role = "co_chair"
        chair = CHAIRS.search(mt, p.end, min(e, p.end + 160))
        if role == "participant" and chair and not re.search(r"[.;]|\b(?:và|cùng)\b", mt[p.end:chair.start()]):
            role = "host"   # "X, Giám đốc Sở, chủ trì buổi làm việc": who chairs on the home side
        if role == "participant" and not (listed and listed.start() < p.start):
            if kind in ("reception", "ceremony"):
                # "A tiếp B": A hosts; "B chào xã giao A": B is the visitor; "B được A tiếp": passive
                visitor_first = re.match(r"(?i)chào xã giao|thăm xã giao", mt[at:at + 20])
                passive = PASSIVE.search(mt, s, at)
                before = p.start < at
                if passive and kind == "reception":
                    role = ("head_of_delegation" if p.start < passive.start() else
                            "host" if p.start < at else "participant")
                else:
                    role = ("head_of_delegation" if before else "host") if visitor_first else (
                        "host" if before else "head_of_delegation")
            elif kind in ("talks", "visit"):
                role = "principal"     # host or visitor: decided by the side below
        out.append((p, role))
    return out


def find_frames(article: Article, body, people: list[FoundPerson], claimed, lex: Lexicon) -> list[Frame]:
    mt = article.match_text
    frames: list[Frame] = []
    context = None   # the last stated range ("từ ngày 15 - 19/8/2039"): the year of "Ngày 16/8"
    pending = None   # the day of a subheading ("* Sáng 21/11: hội đàm tại Hà Nội") for the frame below it
    for s, e in body:
        if not any(a <= s and e <= b for a, b in claimed):
            for x in _dates_in(article, s, e):
                if x.kind == "day_range" and not any(a <= x.char_start < b for a, b in claimed):
                    value = _resolve(x, article, None)
                    if value.known:
                        context = value
        if any(a <= s and e <= b for a, b in claimed) or _headline(article, s, e):
            continue
        if _dated_subheading(article, s, e):
            pending = _own_date(article, s, e, claimed, context)
            continue
        preds = _main_predicates(mt, s, e, claimed)
        preds = [(at, kind) for at, kind in preds if not any(a <= at < b for a, b in claimed)]
        if not preds:
            continue
        # one frame per kind and sentence; a sentence of talks that also names its ceremony is talks
        kinds = list(dict.fromkeys(kind for _, kind in preds))
        if "visit" in kinds and len(kinds) > 1:
            # a delegation "sang thăm" named inside a reception's sentence is that reception's
            # visitor; with its own days it is the visit itself
            if any(x.kind == "day_range" for x in _dates_in(article, s, e)):
                kinds = ["visit"]
            else:
                kinds.remove("visit")
        if len(kinds) > 1 and "ceremony" in kinds:
            kinds.remove("ceremony")
        for kind in kinds[:1]:
            at = next(a for a, k in preds if k == kind)
            head = mt[s:at]
            if kind == "visit" and not any(x.kind == "day_range" for x in _dates_in(article, s, e)) \
                    and frames:
                continue   # "sang thăm, làm việc" without its days, after another meeting: a frame of that one
            frame = Frame(kind, (s, e), at, _own_date(article, s, e, claimed, context),
                          same_day=bool(SAME_DAY.search(mt[s:e])), next_day=bool(NEXT_DAY.search(mt[s:e])),
                          principals=_frame_people(mt, s, e, at, kind, people, claimed, lex),
                          by_delegation=bool(DELEGATION_SUBJECT.search(head) or DELEGATION_OBJECT.match(mt, at, e)
                                             or _passive_delegation(mt, s, at)))
            frame.past = _recalled_date(article, s, e, at, claimed)
            frame.planned = _is_planned(mt, s, e, at)
            if frame.planned and frame.date is None:
                frame.date = _planned_date(article, s, e, claimed)
            frame.counterpart = _counterpart(mt, at, e)
            if frame.date is None and pending is not None:
                frame.date = pending
            pending = None
            frames.append(frame)
    return frames


COUNTERPART = re.compile(r"(?i)(?:làm việc|hội đàm|hội kiến|gặp)\s+với\s+(?P<org>(?:Bộ|Sở|Cục|Công an|Ủy ban|Uỷ ban|Ban|"
                         r"Tổng cục|Văn phòng|Viện|Đoàn)\b[^,.;(]{2,80})")


def _counterpart(mt: str, at: int, end: int) -> str | None:
    """The body met ("làm việc với Bộ Tư lệnh Bộ đội Biên phòng"), as a key."""
    m = COUNTERPART.match(mt, at, end)
    if not m:
        return None
    org = re.split(r"\s+(?:do|của|về|tại|ở|trong|và)\s+", m.group("org"))[0]
    return " ".join(org.lower().split())


def _recalled_date(article: Article, s: int, e: int, at: int, claimed) -> DateValue | None:
    """"Hồi tháng 3 vừa qua, hai bên đã hội đàm tại Đông Hưng": a meeting dated only by an earlier
    month or year of its own clause is one the article recalls, not reports."""
    exprs = [x for x in _dates_in(article, s, e) if not any(a <= x.char_start < b for a, b in claimed)]
    if any(x.kind in DAY_KINDS for x in exprs):
        return None
    months = [x for x in exprs if x.kind in ("month", "relative_month", "year", "relative_year")
              and abs(x.char_start - at) < 120]
    if not months:
        return None
    value = _resolve(months[0], article, None)
    if not value.known or not article.published.known or value.end >= article.published.start:
        return None
    return value


NEXT_ROUND = re.compile(r"(?i)^[^.;]{0,60}?\b(?:lần tới|lần sau|kỳ tới|tiếp theo|năm tới|năm sau)\b|^[^.;]{0,60}?\bsẽ\s+(?:diễn ra|được tổ chức)\b")


def _is_planned(mt: str, s: int, e: int, at: int) -> bool:
    """"sẽ tiếp", "theo chương trình … sẽ", "hội đàm lần tới", "hội đàm sẽ diễn ra": announced, not held."""
    return bool(PLANNED_BEFORE.search(mt[max(s, at - 40):at]) or NEXT_ROUND.match(mt[at:e]))


def _planned_date(article: Article, s: int, e: int, claimed) -> DateValue | None:
    """A planned meeting is dated as the text dates it: a day, a month or a year ("trong năm 2049")."""
    for x in _dates_in(article, s, e):
        if x.kind != "years_ago" and not any(a <= x.char_start < b for a, b in claimed):
            value = _resolve(x, article, None)
            if value.known:
                return value
    return None


def _passive_delegation(mt: str, s: int, at: int) -> bool:
    """"Đoàn này đã được Thủ tướng X tiếp": the delegation, received."""
    passive = PASSIVE.search(mt, s, at)
    return bool(passive and re.search(r"[Đđ]oàn\b", mt[s:passive.start()]))


def _dated_subheading(article: Article, s: int, e: int) -> bool:
    """"* Chiều 22/11: chào Thường trực Ban Bí thư": a short line of its own with a day, introducing
    the paragraph below."""
    text = article.text[s:e].strip()
    line_start = article.text.rfind("\n", 0, s) + 1
    line_end = article.text.find("\n", e)
    whole_line = article.text[line_start:line_end if line_end >= 0 else len(article.text)].strip() == text
    return (whole_line and len(text.split()) <= 16 and not text.endswith((".", "!", "?", "…", ";"))
            and any(x.kind in ("day", "day_range") for x in _dates_in(article, s, e)))


def _headline(article: Article, s: int, e: int) -> bool:
    """A line of its own without final punctuation or a date: a headline or a caption-like title,
    which names a meeting the body tells of."""
    text = article.text[s:e].strip()
    line_start = article.text.rfind("\n", 0, s) + 1
    line_end = article.text.find("\n", e)
    whole_line = article.text[line_start:line_end if line_end >= 0 else len(article.text)].strip() == text
    return (whole_line and not text.endswith((".", "!", "?", "…", ":", ";", '"', "”")) and len(text.split()) <= 30
            and not any(x.kind in DAY_KINDS for x in _dates_in(article, s, e)))


# --- meetings -------------------------------------------------------------------------------------------
def _same_meeting(m: Meeting, f: Frame) -> bool:
    if m.kind != _event_kind(f.kind) or (m.event.mention == "reference") != (f.past is not None or f.planned):
        return False
    bodies = {x.counterpart for x in m.frames if x.counterpart}
    if f.counterpart and bodies and f.counterpart not in bodies:
        return False     # talks with one body, then with another
    keys = {p.key for p, role in f.principals if role != "participant"}
    shared = bool(keys & m.principal_keys())
    dated = [x.date for x in m.frames if x.date is not None and x.date.known]
    if not dated and not m.principal_keys():
        return True      # a meeting named without people or day ("Hội đàm nhằm …") is the one told of
    if (f.date is None or not f.date.known) and not keys and not (f.same_day or f.next_day):
        return True
    if f.date is not None and f.date.known and dated and not _same_days(dated[0], f.date):
        return False
    if _other_counterpart(m, f):
        return False     # A met B, then A met C: two meetings
    if f.same_day or f.next_day:
        return shared or not keys
    return True


def _other_counterpart(m: Meeting, f: Frame) -> bool:
    """The frame names, on one side, principals none of whom the meeting has on that side."""
    def by_side(pairs):
        sides: dict[str, set[str]] = {}
        for p, role in pairs:
            if role != "participant" and p.country:
                sides.setdefault(p.country, set()).add(p.key)
        return sides
    mine = by_side([pr for x in m.frames for pr in x.principals])
    theirs = by_side(f.principals)
    return any(c in mine and not (keys & mine[c]) for c, keys in theirs.items())


def _same_days(a: DateValue, b: DateValue) -> bool:
    return a.start == b.start and a.end == b.end


def _event_kind(kind: str) -> str:
    return "reception" if kind == "ceremony" else kind


def build_meetings(article: Article, body, frames: list[Frame], lex: Lexicon) -> list[Meeting]:
    meetings: list[Meeting] = []
    last_date: DateValue | None = _lead_date(article, body)
    for f in frames:
        if f.date is None and (f.same_day or f.next_day) and last_date is not None:
            f.date = last_date if f.same_day else _shift(last_date, 1)
        if f.date is not None and f.date.known and f.date.precision == "day" and not (f.planned or f.past):
            last_date = f.date   # the day "cùng ngày" refers to: a reported meeting's, not a plan's
        target = next((m for m in meetings if _same_meeting(m, f)), None)
        if target is None:
            visit = next((m for m in meetings if m.kind == "visit" and m.event.mention == "primary"), None)
            conference = next((m for m in meetings if m.kind == "conference" and m.event.mention == "primary"), None)
            if f.kind in ("talks", "ceremony") and visit is not None and f.date is None and not f.same_day \
                    and not f.next_day:
                target = visit
            elif f.kind in ("talks", "ceremony") and conference is not None and _within(f, conference):
                target = conference
        if target is None:
            target = Meeting(_new_event(article, f), [])
            if f.past is not None:
                target.event.mention = "reference"
                target.event.date = f.past
            elif f.planned:
                target.event.mention, target.event.status = "reference", "planned"
            meetings.append(target)
        target.frames.append(f)
    # "đây là hội nghị …", "Tại hội nghị": the meeting the article reports is a conference even
    # when no sentence says "tổ chức hội nghị"
    if meetings and not any(m.kind == "conference" and m.event.mention == "primary" for m in meetings) and _conference_spoken_of(article, body):
        m = next((m for m in meetings if m.kind in ("reception", "talks") and
                  all(f.kind in ("ceremony", "talks") for f in m.frames)), None)
        if m is not None:
            m.event.event_type = "conference"
    # a welcome ceremony is part of the talks held on its day (when there is no conference)
    for m in list(meetings):
        if m.kind == "reception" and all(f.kind == "ceremony" for f in m.frames) and m.event.mention == "primary":
            talks = next((t for t in meetings if t.kind == "talks" and t.event.mention == "primary"
                          and _same_day_meetings(m, t)), None)
            if talks is not None:
                talks.frames = sorted(talks.frames + m.frames, key=lambda f: f.at)
                meetings.remove(m)
    # a ceremony or talks of the conference's own heads, on its day, were part of the conference
    conference = next((m for m in meetings if m.kind == "conference" and m.event.mention == "primary"), None)
    if conference is not None:
        for m in list(meetings):
            if m is not conference and m.kind in ("talks", "reception") and _within_meeting(m, conference):
                conference.frames = sorted(conference.frames + m.frames, key=lambda f: f.at)
                meetings.remove(m)
    for m in meetings:
        m.frames.sort(key=lambda f: f.at)
    return meetings


CONFERENCE_SPOKEN = re.compile(r"\bđây là hội nghị\b|\b(?:tại|kết thúc|bế mạc|phát biểu tại) hội nghị\b"
                               r"(?!\s+(?:cấp|về|lần thứ|giữa|hợp tác|an ninh|phòng))", re.I)


def _conference_spoken_of(article: Article, body) -> bool:
    return any(CONFERENCE_SPOKEN.search(article.match_text, s, e) for s, e in body)


def _same_day_meetings(a: Meeting, b: Meeting) -> bool:
    da = [f.date for f in a.frames if f.date is not None and f.date.known]
    db = [f.date for f in b.frames if f.date is not None and f.date.known]
    return bool(da and db and _same_days(da[0], db[0]))


def _lead_date(article: Article, body) -> DateValue | None:
    """"Ngày 20/11, tại Bắc Kinh, Đoàn … đã có loạt hoạt động": the day the next meetings share."""
    for s, e in body[:2]:
        value = _own_date(article, s, e, (), None)
        if value is not None and value.known and value.precision == "day" and value.start == value.end:
            return value
    return None


def _within(f: Frame, conference: Meeting) -> bool:
    dated = [x.date for x in conference.frames if x.date is not None and x.date.known]
    if f.date is not None and f.date.known and dated and not _same_days(dated[0], f.date):
        return False
    keys = {p.key for p, role in f.principals if role != "participant"}
    return not keys or keys <= conference.principal_keys() | {p.key for x in conference.frames for p, _ in x.principals}


def _within_meeting(m: Meeting, conference: Meeting) -> bool:
    """A welcome ceremony on the conference's day is part of it; talks are when their principals
    are the conference's own."""
    if m.kind == "reception" and not all(f.kind == "ceremony" for f in m.frames):
        return False
    dated = [x.date for x in conference.frames if x.date is not None and x.date.known]
    for f in m.frames:
        if f.date is not None and f.date.known and dated and not _same_days(dated[0], f.date):
            return False
    if all(f.kind == "ceremony" for f in m.frames):
        return True
    keys = {p.key for f in m.frames for p, role in f.principals if role != "participant"}
    theirs = {p.key for x in conference.frames for p, _ in x.principals}
    # the conference named without its people ("Hội nghị … đã diễn ra"): talks of its day are its own
    return not keys or not theirs or bool(keys & theirs)


def _shift(date: DateValue, days: int) -> DateValue:
    import datetime as dt
    if date.precision != "day" or date.start is None:
        return date
    d = date.start + dt.timedelta(days=days)
    return replace(date, start=d, end=d, text="", char_start=-1, char_end=-1)


def _new_event(article: Article, f: Frame) -> EventMention:
    s, e = f.sentence
    return EventMention(
        article_id=article.article_id, mention="primary", event_type=_event_kind(f.kind),
        title_vi="", series=None, series_number=None, series_number_inferred=False,
        date=UNKNOWN_DATE, location_city=None, location_country=None, host_country=None,
        status="held", evidence=evidence(article, s, e))


# --- ownership of sentences -----------------------------------------------------------------------------
def assign_sentences(article: Article, body, meetings: list[Meeting], claimed) -> dict[tuple[int, int], Meeting]:
    """Each body sentence → the meeting it speaks of."""
    mt = article.match_text
    frame_of = {f.sentence: m for m in meetings for f in m.frames}
    owner: dict[tuple[int, int], Meeting] = {}
    current = None
    first = min(meetings, key=lambda m: m.frames[0].at) if meetings else None
    for s, e in body:
        if any(a <= s and e <= b for a, b in claimed):
            continue
        if (s, e) in frame_of:
            if frame_of[(s, e)].event.mention == "reference" and current is not None:
                owner[(s, e)] = current   # a recalled meeting named in passing: the story goes on
                continue
            current = frame_of[(s, e)]
        else:
            back = BACK_POINTER.search(mt, s, e)
            if back:
                kind = _event_kind(BACK_KIND.get(back.group("what").lower(), ""))
                # "Kết thúc hội đàm": the talks reported, not the next round planned
                reported = [m for m in meetings if m.kind == kind and m.event.mention == "primary"]
                before = [m for m in reported if m.frames[0].at < s]
                candidates = before or reported or [m for m in meetings if m.kind == kind]
                if candidates:
                    current = max(candidates, key=lambda m: max(f.at for f in m.frames if f.at < s)
                                  if any(f.at < s for f in m.frames) else -1)
                elif kind in ("talks", "reception") and current is None:
                    current = first
        owner[(s, e)] = current or first
    for sent, m in owner.items():
        if m is not None:
            m.sentences.append(sent)
    return owner


# --- what each meeting is -----------------------------------------------------------------------------
def describe(article: Article, meetings: list[Meeting], people: list[FoundPerson], owner, deleg: str | None,
             lex: Lexicon, claimed) -> None:
    """Date, place, sides and participants of every meeting (mutates the events)."""
    mt = article.match_text
    visit = next((m for m in meetings if m.kind == "visit" and m.event.mention == "primary"), None)
    for m in meetings:
        ev = m.event
        own = [f.date for f in m.frames if f.date is not None and f.date.known]
        ev.date = own[0] if own else (ev.date if ev.mention == "reference" else UNKNOWN_DATE)
        online = any(ONLINE.search(mt, *f.sentence) for f in m.frames)
        city = country = None
        if not online:
            for f in m.frames:
                city, country = locate(article, *f.sentence, lex)
                if city or country:
                    break
        if m.kind == "visit":
            cities = _cities(article, [f.sentence for f in m.frames] + m.sentences, lex)
            taken = {c for other in meetings if other is not m for c in
                     _cities(article, [f.sentence for f in other.frames], lex)}
            own_cities = cities - taken if cities - taken else cities
            city, c_country = next(iter(own_cities)) if len(own_cities) == 1 else (None, None)
            country = c_country or country or OTHER_SIDE.get(deleg or "")   # stated place first
        ev.location_city, ev.location_country = city, country
        ev.host_country = country if m.kind != "visit" else (OTHER_SIDE.get(deleg or "") or country)
        if ev.host_country is None and deleg:
            ev.host_country = OTHER_SIDE[deleg]
            ev.location_country = ev.location_country or (None if online else ev.host_country)
        if online:
            ev.location_city = ev.location_country = None
        ev.evidence = evidence(article, *m.frames[0].sentence)
    # undated meetings: inside the visit's days, else the bounds the text allows
    for m in meetings:
        ev = m.event
        if ev.date.known and ev.date.precision != "unknown":
            continue
        if visit is not None and m is not visit and visit.event.date.known:
            ev.date = replace(visit.event.date, precision="unknown", basis="inferred")
        elif not article.published.known:
            bounds = bounds_from_text(mt)
            if bounds is not None:
                ev.date = replace(bounds, basis="inferred")
    _participants(article, meetings, people, owner, deleg, lex, claimed)


MEMBERS = re.compile(r"\b(?:[Tt]ham gia [Đđ]oàn|[Tt]hành viên [Đđ]oàn|[Cc]ùng đi (?:với|trong) [Đđ]oàn|[Đđ]oàn gồm)\b")
SIDE_LIST = re.compile(r"\b(?:[Vv]ề\s+)?(?:[Pp]hía|[Bb]ên|[Đđ]oàn)\s+(?P<side>Trung Quốc|Việt Nam|bạn)\b|"
                       r"\bđiểm cầu\s+(?P<end>[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3})(?=,?\s+(?:có|là)\b)")


def _country_of_place(place: str) -> str | None:
    from .lexicon import load
    return country_of(place, load())


def _side_of_list(mt: str, p: FoundPerson) -> str | None:
    """"Phía Trung Quốc có ông X, …; Về phía Việt Nam có …": the side a listed person sits on."""
    s = p.sentence[0]
    clause_start = max(mt.rfind(";", s, p.start), mt.rfind(".", s, p.start), s)
    side = None
    for m in SIDE_LIST.finditer(mt, clause_start, p.start):
        # "phía bạn": the partner side, which a Vietnamese outlet writes of as its friend;
        # "tại điểm cầu Bắc Kinh có ông X": the end of an online meeting where X sits
        if m.group("end"):
            side = _country_of_place(m.group("end"))
        else:
            side = {"trung quốc": "CN", "việt nam": "VN", "bạn": "CN"}.get(m.group("side").lower())
    return side


def _article_identity(people: list[FoundPerson], mt: str) -> dict[str, FoundPerson]:
    """Per person, the fullest introduction in the article: a later bare "Bộ trưởng X" is the same
    person, of the country, title and rank the first mention gave."""
    best: dict[str, FoundPerson] = {}
    for p in people:
        country = p.country or _side_of_list(mt, p)
        if country and not p.country:
            p = replace(p, country=country)
        old = best.get(p.key)
        if old is None or len(p.title or "") > len(old.title or "") and (p.country or not old.country):
            merged = p
            if old is not None:
                merged = replace(p, country=p.country or old.country, rank=p.rank or old.rank)
            best[p.key] = merged
        elif not old.country and p.country:
            best[p.key] = replace(old, country=p.country)
        elif not old.rank and p.rank:
            best[p.key] = replace(old, rank=p.rank)
    return best


def _participants(article: Article, meetings: list[Meeting], people: list[FoundPerson], owner, deleg, lex,
                  claimed) -> None:
    mt = article.match_text
    identity = _article_identity(people, mt)
    # the delegation's head: "Đoàn … do X dẫn đầu" anywhere outside recalled clauses
    spans = [(h.start("who"), h.end("who")) for h in P.HEAD_SPAN.finditer(mt)
             if not any(a <= h.start() < b for a, b in claimed)]
    heads = [identity.get(p.key, p) for p in people if any(a <= p.start < b for a, b in spans)]
    for m in meetings:
        host = m.event.host_country
        framed = {f.sentence for f in m.frames}
        for f in m.frames:
            for p, role in f.principals:
                known = identity.get(p.key)
                if not p.country and known is not None and known.country:
                    p = replace(p, country=known.country)
                m.add(p, _side_role(p, role, host, deleg, lex, m.event.location_country))
            if f.by_delegation and heads and not any(r == "head_of_delegation" for _, r in f.principals):
                m.add(heads[0], "head_of_delegation")
        for sent in m.sentences:
            if sent in framed:
                continue
            for p in people:
                if sent[0] <= p.start < sent[1] and not any(a <= p.start < b for a, b in claimed):
                    if p.phrase_start == p.start and p.key not in m.people:
                        continue   # a bare name never introduced at this meeting
                    hosts = HOSTS_LIST.search(mt, sent[0], p.start)
                    chair = CHAIRS.search(mt, p.end, min(sent[1], p.end + 160))
                    chairs = chair and not re.search(r"[.;]|\b(?:và|cùng)\b", mt[p.end:chair.start()])
                    named_chair = _chair_is(mt, sent[0], p.start)
                    spans = _span_role(mt, sent, p)
                    if spans:   # "Đoàn Lai Châu do X dẫn đầu; phía bạn do ông Y chủ trì"
                        m.add(p, spans)
                    elif named_chair == "co_chair":
                        m.add(p, "co_chair")
                    elif named_chair:   # "Chủ trì phía bạn là ông X": the chair of a side hosts at home
                        located = m.event.location_country
                        m.add(p, "host" if not (p.country and located) or p.country == located
                              else "head_of_delegation")
                    else:
                        m.add(p, "host" if hosts or chairs else "participant")
        for key, (p, role) in list(m.people.items()):
            known = identity.get(key)
            # a side list ("về phía Trung Quốc có ông X, Thứ trưởng Bộ Công an") says more than a bare
            # "Bộ Công an" in the title, which Vietnamese news reads as Viet Nam's by default
            country = (_side_of_list(mt, p) or p.country or (known.country if known else None)
                       or (deleg if MEMBERS.search(mt, p.sentence[0], p.start) else None)
                       or _country_from_role(role, host, deleg) or ("VN" if p.rank or (known and known.rank) else None)
                       or ("VN" if (p.title or (known.title if known else None)) else None))
            if known is not None and not p.title:
                p = replace(p, title=known.title, rank=p.rank or known.rank, organization=known.organization)
            m.people[key] = (replace(p, country=country), role)
        _promote_unnamed_chairs(mt, m, people, lex)


def _promote_unnamed_chairs(mt: str, m: Meeting, people: list[FoundPerson], lex: Lexicon) -> None:
    """'Thượng tướng X và Bộ trưởng Công an Trung Quốc đồng chủ trì': a co-chair named by title only
    is the participant of that country who holds that title."""
    for s, e in [f.sentence for f in m.frames]:
        co = P.CO_CHAIR.search(mt, s, e)
        if not co:
            continue
        subject = mt[s:co.start()]
        for part in re.split(r"\s+và\s+|,\s+", subject):
            low = part.lower().strip()
            title = next((t for t in lex.titles if low.startswith(t.lower())), None)
            if not title:
                continue
            offset = s + subject.find(part)
            if any(offset <= p.start < offset + len(part) for p in people):
                continue  # a named person: already handled
            country = country_of(part, lex)
            for key, (p, role) in m.people.items():
                if p.country == country and title.lower() in (p.title or "").lower() and role != "co_chair":
                    m.people[key] = (p, "co_chair")


def _span_role(mt: str, sent: tuple[int, int], p: FoundPerson) -> str | None:
    """The role a "do … dẫn đầu / chủ trì / đồng chủ trì" span gives a person, in any sentence."""
    s, e = sent
    for rx, role in ((CO_DO_SPAN, "co_chair"), (P.HEAD_SPAN, "head_of_delegation"), (P.HOST_DO_SPAN, "host")):
        for m in rx.finditer(mt, s, e):
            if m.start("who") <= p.start < m.end("who"):
                return role
    return None


CHAIR_IS = re.compile(r"(?i)\b(?P<co>đồng )?chủ trì(?:\s+[^,.;]{0,40}?)?\s+là\b")


def _chair_is(mt: str, start: int, pos: int) -> str | None:
    """"Đồng chủ trì Hội nghị là A và B", "Chủ trì hội đàm phía Việt Nam là X": the chairs named after 'là'."""
    clause = max(mt.rfind(";", start, pos), start)
    m = None
    for m in CHAIR_IS.finditer(mt, clause, pos):
        pass
    if m is None:
        return None
    return "co_chair" if m.group("co") else "chair"


def _side_role(p: FoundPerson, role: str, host: str | None, deleg: str | None, lex, located: str | None = None) -> str:
    if role in ("host", "head_of_delegation") and p.country and located:
        # "Đại tướng X hội kiến đồng chí Y" in Beijing: who receives is who is at home
        return "host" if p.country == located else "head_of_delegation"
    if role != "principal":
        return role
    country = p.country
    if country and host:
        return "host" if country == host else "head_of_delegation"
    if country and deleg:
        return "head_of_delegation" if country == deleg else "host"
    return "participant"


def _country_from_role(role: str, host: str | None, deleg: str | None) -> str | None:
    if role == "host":
        return host or OTHER_SIDE.get(deleg or "")
    if role == "head_of_delegation":
        return deleg or OTHER_SIDE.get(host or "")
    return None


# --- is it a Viet Nam–China meeting? --------------------------------------------------------------------
# an actor of one side named in the meeting's own sentence: "Đoàn đại biểu Công an tỉnh Vân Nam",
# "với Bộ Công an Trung Quốc"; "hợp tác với Bộ Công an Trung Quốc" is a topic, not an actor
ACTOR = re.compile(r"(?:[Đđ]oàn(?: đại biểu| công tác)?|[Bb]ộ [A-ZĐ]\w*(?: [a-zđ]\w*)*|[Ss]ở [Cc]ông an|[Cc]ục [Cc]ông an|"
                   r"[Cc]ông an (?:tỉnh|thành phố|châu|huyện)|Ủy ban [Cc]hính pháp|[Pp]hía|[Đđ]ại sứ|[Ll]ực lượng)"
                   r"[^.;,]{0,60}")
TOPIC_BEFORE = re.compile(r"(?:hợp tác|quan hệ|kết quả)\s+(?:với|giữa)\s*$|(?:hợp tác|quan hệ)\s*$")


MULTILATERAL = re.compile(r"\bASEAN\w*|\bASEANAPOL\b|\b[Ii]nterpol\b|\bINTERPOL\b|\bMê Công\b|\bMekong\b|"
                          r"\bđa phương\b|\bcác nước thành viên\b|\bLiên Hợp Quốc\b|\bSCO\b|\bAPEC\b")


def is_bilateral(article: Article, m: Meeting, lex: Lexicon, lenient: bool = True) -> bool:
    """Both sides are Viet Nam and China: a room of one country's officials reviewing cooperation
    with the other, or a meeting with a third country, is not a bilateral meeting."""
    countries = {p.country for p, _ in m.people.values()}
    if m.event.location_country not in (None, "VN", "CN"):
        return False
    if lenient and m.event.mention == "reference" and not countries - {None, "VN", "CN"}:
        return True   # a meeting the article recalls or plans between the sides it reports on
    principals = {p.country for p, role in m.people.values() if role != "participant"}
    if principals - {None, "VN", "CN"}:
        return False
    mt = article.match_text
    for f in m.frames:   # "hội đàm với Tư lệnh Cảnh sát Hoàng gia Thái Lan": a third country's meeting
        end = min([x for x in (mt.find(".", f.at, f.sentence[1]), mt.find(";", f.at, f.sentence[1])) if x >= 0]
                  or [f.sentence[1]])
        clause = article.match_text[max(f.sentence[0], f.at - 120):min(end, f.at + 160)]
        for place in lex.places:
            if place.kind == "country" and place.country not in ("VN", "CN") and re.search(
                    r"\b" + re.escape(place.name_vi) + r"\b(?!\s+[A-ZĐÀ-Ỹ])", clause):
                return False
    if any(MULTILATERAL.search(mt, *f.sentence) for f in m.frames):
        return False   # ASEANAPOL, Interpol, Mekong: China at a multilateral table is not a bilateral meeting
    sides = countries & {"VN", "CN"}
    if m.event.location_country in ("VN", "CN"):
        sides.add(m.event.location_country)   # a delegation received in the other country
    mt = article.match_text
    for f in m.frames:
        s, e = f.sentence
        # a conference is the two sides' when they hold it: its subject names them, or people of
        # both sides take part; "tổ chức Hội nghị sơ kết … hợp tác giữa … và Bộ Công an Trung Quốc"
        # names the other side only as the topic of a review held at home
        if m.kind == "conference":
            e = f.at
        for a in ACTOR.finditer(mt, s, e):
            if TOPIC_BEFORE.search(mt[max(s, a.start() - 25):a.start()]):
                continue
            c = country_of(a.group(0), lex)
            if c in ("VN", "CN"):
                sides.add(c)
            elif c is not None:
                return False
    return sides == {"VN", "CN"}


# --- the two sides ----------------------------------------------------------------------------------------
SIDE_ORG = re.compile(r"(?:Bộ Tư lệnh|Bộ(?! trưởng)|Sở(?! trưởng)|Cục(?! trưởng)|Tổng cục(?! trưởng)|Công an|Ủy ban|Uỷ ban|"
                      r"Ban(?! Thường vụ| Chấp hành| Bí thư)|Văn phòng|Quốc hội|Chính phủ|Học viện)\b[^,.;()]{0,70}")
BOTH = re.compile(r"(?i)\bhai (?:nước|bên|bộ|đoàn)\b")   # "Bộ Công an hai nước" is both sides
GENERIC_END = re.compile(r"(?i)(?:\b(?:tỉnh|thành phố|châu|sở|cục|bộ)|Công an)$")


def name_sides(article: Article, m: Meeting, lex: Lexicon) -> None:
    """The organisation of each side: the body in the title of its leading participant ("Giám đốc
    Công an tỉnh Lào Cai" → "Công an tỉnh Lào Cai"), else a body of that country named in the
    meeting's own sentences ("hội đàm với Sở Công an tỉnh Vân Nam"). A short form ("Giám đốc Sở")
    gives way to the full name written elsewhere in the meeting."""
    ranked = sorted(m.people.values(), key=lambda pr: ROLE_RANK[pr[1]])
    mt = article.match_text
    named = []
    starts = sorted(p.start for p, _ in m.people.values())
    for f in m.frames:
        for a in SIDE_ORG.finditer(mt, *f.sentence):
            end = min([x for x in starts if a.start() < x < a.end()] or [a.end()])   # a name ends the body
            named.append(_trim_org(article.text[a.start():end]))
    for country in ("VN", "CN"):
        leading = [o for p, role in ranked if p.country == country and role != "participant"
                   for o in [_org_of(p.title or "")] if o]
        # a participant's own department ("Cục Đối ngoại") is not the side; only the leaders' bodies
        # and the bodies named as meeting are
        candidates = leading + [o for o in named if country_of(o, lex) == country]
        candidates = [o for o in candidates if not BOTH.search(o)]
        full = [o for o in candidates if len(o.split()) >= 2 and not GENERIC_END.search(o)]
        org = (full or candidates or [None])[0]
        if org:
            m.event.sides[country] = org


def _org_of(title: str) -> str | None:
    """"Phó Giám đốc Sở Công an tỉnh Vân Nam" → "Sở Công an tỉnh Vân Nam"; "Bộ trưởng" → None."""
    for part in reversed([p.strip() for p in title.split(",")]):
        m = SIDE_ORG.search(part)
        if m:
            return _trim_org(part[m.start():])
    return None


def _trim_org(phrase: str) -> str:
    phrase = re.split(r"\s+(?:do|dẫn đầu|làm|đã|đang|và|tại|ở|sang|về|cùng|với|nhân|đến|tới|thăm|chủ trì|tiếp|"
                      r"hội đàm|trong|theo|nhằm|để|hồi|lần thứ|đồng|đón|vào|năm|từ|giai đoạn)\b", phrase)[0]
    return phrase.strip(" ,")
