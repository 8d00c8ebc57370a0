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
from functools import lru_cache

from . import patterns as P
from .fastscan import Scan
from .events import ROLE_RANK, _dates_in, _resolve, evidence
from .lexicon import Lexicon
from .people import FoundPerson, country_of, is_leader, side_overrides
from .records import UNKNOWN_DATE, Article, DateValue, EventMention

OTHER_SIDE = {"VN": "CN", "CN": "VN"}
DAY_KINDS = ("day", "day_range", "relative_day", "relative_week", "relative_recent", "day_of_month")


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
    heading: tuple[int, int] | None = None   # the dated subheading above it ("* Sáng 21/11: hội đàm tại Hà Nội")


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
_COUNTED = r"\s+(?:(?:hơn|gần|trên|khoảng)\s+)?(?:[0-9]+|hàng chục|hàng trăm|nhiều|hàng loạt)\s+(?:đoàn|lượt)\b"
PREDICATES = (
    ("conference", re.compile(
        rf"\b(?:đồng chủ trì|chủ trì|tổ chức|khai mạc|diễn ra|dự|tham dự)\s+(?:các\s+|phiên\s+)?{_CONF}\b|"
        r"\bhội nghị trực tuyến\b|"
        # "Hội nghị … lần thứ 23 giữa … đã diễn ra": the meeting named first, then said to take place
        rf"(?<!các )(?<!cuộc )(?<!những )\b{_CONF}\b(?=[^.;]{{0,220}}?\b(?:đã|vừa)\s+(?:diễn ra|được tổ chức|khai mạc|bế mạc)\b"
        # "…, diễn ra hôm qua (8/11) cũng tại Hà Nội": said to have taken place on a day
        r"|[^.;]{0,220}?(?<!sẽ )(?<!kiến )\bdiễn ra\s+(?:hôm qua|hôm nay|sáng|chiều|trưa|tối|ngày)\b)",
        re.I)),
    ("talks", re.compile(r"\bhội đàm\b(?=[^.;]{0,40}?\bsẽ\s+(?:diễn ra|được tổ chức))|(?<!kết quả )(?<!nội dung )(?<!biên bản )(?<!cơ chế )(?<!các cuộc )(?<!những cuộc )(?<!duy trì )(?<!nhà )(?<!phòng )\bhội đàm\b|(?<!thăm )(?<!thăm, )(?<!thăm và )\blàm việc với\b|\bbuổi làm việc\b|"
                         # ("kết quả hội đàm với Bộ trưởng X": the results of talks told of, not talks)
                         r"(?<!kết quả )(?<!nội dung )(?<!biên bản )\bhội đàm với\b", re.I)),
    # ("đã tiếp 35 đoàn khách quốc tế": a count of delegations received, in a review of the year)
    ("reception", re.compile(rf"(?<!trực )(?<!kế )(?<!gián )(?<!liên )(?<!sự )(?<!đón )\btiếp\b(?!\s+(?:{_NOT_TIEP})\b)(?!{_COUNTED})|"
                             r"(?<!sự )\bđón tiếp\b|(?<!lễ )(?<!chào )(?<!mừng )(?<!vui )(?<!hân hạnh )\bđón\s+(?=[Đđ]oàn\b)|\bhội kiến\b|\bchào xã giao\b|\bthăm xã giao\b|(?<!cơ chế )(?<!các cuộc )(?<!những cuộc )\bgặp gỡ\b|\bcó cuộc gặp\b|\bđã gặp\b|"
                             # a farewell call ("Đại sứ X đến chào từ biệt Bộ trưởng Y"), a meeting ("có buổi gặp")
                             r"\bchào (?:từ biệt|tạm biệt)\b|\bcó buổi gặp\b", re.I)),
    ("ceremony", re.compile(r"\blễ đón\b", re.I)),
    # a ceremony of the two sides that opens something: a hotline, joint patrols, a course
    # a signing held as a ceremony of its own ("tổ chức Lễ ký Bản ghi nhớ …", "Lễ ký kết … đã diễn ra");
    # "chứng kiến lễ ký" after talks is part of them
    ("launch", re.compile(r"\blễ (?:khai trương|ra quân|khai giảng|khánh thành|phát động|khởi động)\b|"
                          r"\btổ chức\s+lễ ký(?: kết)?\b|(?<!tại )(?<!kiến )\blễ ký(?: kết)?\b(?=[^.;]{0,160}?\b(?:đã|vừa)\s+diễn ra\b)",
                          re.I)),
    # a phone call between the two sides ("Bộ trưởng X đã có cuộc điện đàm với …"): an event of its own
    ("other", re.compile(r"\bđiện đàm\b", re.I)),
    ("visit", re.compile(r"(?<!chuyến )(?<!cuộc )\b(?:sang thăm|thăm chính thức|thăm cấp nhà nước|thăm,? (?:và )?làm việc|"
                         r"đã thăm|đến thăm và làm việc)\b|"
                         # "Đoàn … đã có chuyến thăm, làm việc tại Việt Nam": the visit told as news
                         r"\b(?:đã|vừa) có chuyến (?:thăm|công tác)\b", re.I)),
)
PREDICATES = tuple((kind, Scan(rx)) for kind, rx in PREDICATES)   # searched only where a cue word begins
# a phrase that points back to a meeting already named: "Tại buổi tiếp", "Kết thúc hội đàm"
BACK_POINTER = Scan(re.compile(
    r"\b(?:tại|trong|sau|kết thúc|bế mạc|phát biểu tại|dự|cùng dự|tham dự|trước)\s+(?:(?:buổi|cuộc|lễ|phiên)\s+)?"
    r"(?P<what>tiếp|hội đàm|hội kiến|làm việc|hội nghị|đối thoại|gặp|gặp gỡ|chào xã giao|lễ đón|đón|điện đàm)\b"
    r"(?!\s+(?:cấp|về(?!\s+phía)|lần thứ|giữa|hợp tác|định kỳ năm|thường niên|an ninh|phòng))", re.I))
BACK_KIND = {"tiếp": "reception", "hội kiến": "reception", "gặp": "reception", "gặp gỡ": "reception",
             "chào xã giao": "reception", "hội đàm": "talks", "làm việc": "talks", "hội nghị": "conference",
             "đối thoại": "conference", "lễ đón": "ceremony", "đón": "ceremony", "điện đàm": "other"}
# a meeting noun as the subject of its sentence points back to the meeting told of
NOUN_SUBJECT = re.compile(r"\W*(?:(?:buổi|cuộc|phiên)\s+)?(?:hội đàm|hội nghị|tiếp|hội kiến|làm việc|gặp)\s+"
                          r"(?:nhằm|là|diễn ra|được|đã diễn ra|lần này|này|đã|kết thúc|mang|có ý nghĩa)\b", re.I)
# a meeting named after "tại" and dated by an earlier month in the same clause: one recalled
RECALLED_AT = Scan(re.compile(r"(?i)\b(?:tại|trong|ở)\s+(?:(?:buổi|cuộc|phiên)\s+)?(?P<what>hội đàm|hội nghị|đối thoại|hội kiến)\b"))
DAY_AFTER = re.compile(r"\s+(?:(?:sáng|chiều|trưa|tối)\s+)?(?:ngày\s+|hôm\s+)?[0-9]{1,2}[/.-][0-9]{1,2}\b"
                       r"[^.;]{0,80}?\svới\s", re.I)
# ("Tại hội đàm, hai bên thông báo tình hình … trong năm 2098": a comma right after the meeting
# points back to the one told; the year is the period reported on)
RECALLED_AFTER = re.compile(r"(?!\s*,)[^.;]{0,120}?\b(?:hồi|vào|trong)\s+(?:(?:đầu|giữa|cuối)\s+)?(?:tháng|năm)\b")
# ("Tiếp và làm việc với đoàn có ông X": X hosts the talks told of)
HOSTS_LIST = re.compile(r"(?i)(?:(?:tiếp|đón|tiếp đón)(?:\s+và\s+(?:làm việc|hội đàm)\s+với)?\s+(?:đoàn|đoàn công tác|đoàn đại biểu)\s+(?:có|là|gồm)|"
                        r"cùng (?:tiếp|đón|tiếp đón)\s+(?:còn\s+)?có)\b")
_WELCOMED_AND = re.compile(r"(?i)\b(?:tiếp đón|tiếp|đón)\s+và\s+$")
CO_DO_SPAN = Scan(re.compile(r"\bdo\b(?P<who>[^.;]{3,320}?)\b(?:đồng|cùng) chủ trì\b"))
# "X, Giám đốc Sở, chủ trì buổi làm việc"; "X, Giám đốc Công an tỉnh chủ trì; phía bạn do Y dẫn đầu"
CHAIRS = Scan(re.compile(r"(?<!đồng )(?<!cùng )\bchủ trì(?:\s+(?:buổi|cuộc|lễ|hội đàm|hội nghị|làm việc|tiếp|đón tiếp|đón)|"
                         r"(?=\s*(?:[.;,]|$)))"))
PASSIVE = Scan(re.compile(r"\bđược\b(?=[^.;]{0,160}$)"))
# what makes a predicate subordinate: the purpose or occasion of the main meeting, not a meeting
# "Theo chương trình, sáng 15/3, Chủ tịch nước X sẽ tiếp …": a meeting announced, not held
PLANNED_BEFORE = re.compile(r"\b(?:sẽ|dự kiến(?: sẽ)?|theo (?:chương trình|kế hoạch|lịch trình),?[^.;]{0,120}?sẽ|"
                            # "Sở Công an Quảng Tây sẽ mời Công an tỉnh Quảng Ninh sang hội đàm …"
                            r"sẽ mời[^.;]{0,60}?\s(?:sang|đến|tới))\s+(?:có\s+(?:buổi|cuộc)\s+)?$", re.I)
# "X sẽ dẫn đầu Đoàn đại biểu … thăm chính thức Trung Quốc": the visit the leader will lead
PLANNED_LEAD = Scan(re.compile(r"\bsẽ\s+(?:dẫn đầu|làm [Tt]rưởng đoàn)\b[^.;]{0,100}$"))
SUBORDINATE = Scan(re.compile(r"\b(?:nhân dịp|trong khuôn khổ|trong chuyến|nhằm|để|chào mừng|hoan nghênh|"
                              r"cảm ơn|dịp|sau khi|trước khi|chuẩn bị|tiến tới|sẽ|dự kiến)\b[^,;]*$", re.I))
# "Chiều cùng ngày", "Sau đó" opening the sentence, or "… chiều cùng ngày" anywhere in it: the day
# of the frame before (two patterns: the second is sought only where its words begin, see _same_day)
SAME_DAY_OPENING = re.compile(r"^\W*(?:cũng\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày|cùng ngày|buổi\s+(?:sáng|trưa|chiều|tối)|"
                              r"trong ngày|ngay sau đó|sau đó|tiếp đó|(?:ngay\s+)?sau\s+(?:(?:buổi\s+)?lễ(?:\s+\w+){1,2}|hội đàm|hội nghị|buổi tiếp|buổi hội đàm))\b", re.I)
SAME_DAY_ANYWHERE = Scan(re.compile(r"\b(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày\b", re.I))
NEXT_DAY = re.compile(r"^\W*(?:(?:sáng|trưa|chiều|tối)\s+)?(?:ngày\s+hôm\s+sau|hôm\s+sau|ngày\s+tiếp\s+theo)\b", re.I)
DELEGATION_SUBJECT = re.compile(r"(?:^|,)\s*(?:[Đđ]oàn(?: đại biểu| công tác)?|[Hh]ai (?:bên|đoàn))\s*(?:đã\s+)?"
                                r"(?:(?:đến|tới|sang)\s+)?(?:có buổi\s+|tiến hành\s+)?$|"
                                # "Ngày 15/5, Đoàn rời Hà Khẩu đến Côn Minh và làm việc với …", "Đoàn đến
                                # tỉnh Quảng Ninh, làm việc với …": a second verb of the delegation's
                                r"(?:^|,)\s*[Đđ]oàn(?: đại biểu| công tác)?\s+(?:đã\s+)?(?:rời|đến|tới|sang|về|di chuyển)\b"
                                # ("đến thành phố Côn Minh, tỉnh Vân Nam và làm việc": the city's province after a comma)
                                r"[^,;.]{0,80}?(?:,\s*(?:tỉnh|thành phố|khu tự trị|Khu tự trị|châu|huyện)\s[^,;.]{1,40}?)?"
                                r"(?:\s+và|,)?\s+(?:(?:đến|tới|sang)\s+)?$")
# "chủ trì hội đàm với đoàn", "tiếp Đoàn": the delegation is the counterpart, its head a principal
DELEGATION_OBJECT = re.compile(r"(?i)(?:chủ trì\s+)?(?:(?:buổi|cuộc)\s+)?(?:hội đàm|làm việc|tiếp|hội kiến|đón tiếp|lễ đón(?:\s+chính thức)?)\s+(?:với\s+)?(?:đoàn|đoàn công tác|"
                               r"đoàn đại biểu)(?:\s*[.,;]|\s*$|\s+(?:và|tại|ở)\b)")
LISTED = Scan(re.compile(r"\b(?:cùng dự|tham dự|dự hội đàm|dự buổi|dự có|tham gia đoàn|tham gia|về phía|phía|"
                         r"thành viên đoàn|cùng đi|có mặt)\b", re.I))


def mentions_a_meeting(text: str) -> bool:
    """Some sentence of the text could report a meeting or a signing (the article's first relevance test)."""
    return any(rx.search(text) for _, rx in PREDICATES) or bool(re.search(r"(?i)\bhội nghị\b|\bđối thoại\b", text)) \
        or SIGNING.search(text) is not None


def _main_predicates(mt: str, s: int, e: int, claimed=()) -> list[tuple[int, str]]:
    """(position, kind) of the meeting predicates of one sentence that are not subordinate or
    pointing back."""
    return [(at, kind) for at, kind, conference_end in _candidate_predicates(mt, s, e)
            # "thống nhất tổ chức Hội nghị … lần thứ 8 … năm 2022": a planned one
            if conference_end is None or not any(a <= conference_end - 1 < b for a, b in claimed)]


@lru_cache(maxsize=4096)    # each sentence is read by the first look at frames and again in full
def _candidate_predicates(mt: str, s: int, e: int) -> tuple[tuple[int, str, int | None], ...]:
    """_main_predicates before the claimed spans are known: (position, kind, end of a conference
    predicate that a claimed span would take away, else None), sorted."""
    found = []
    backs = [(m.start(), m.end()) for m in BACK_POINTER.finditer(mt, s, e)
             if not RECALLED_AFTER.match(mt, m.end())]
    for m in RECALLED_AT.finditer(mt, s, e):   # "tại Hội nghị cấp Bộ trưởng … hồi tháng 7 vừa qua"
        # "tại buổi hội đàm sáng 11/7 ở Vũ Hán với …": named in passing with its own day and its
        # counterpart ("với"), it is told
        if RECALLED_AFTER.match(mt, m.end()) or DAY_AFTER.match(mt, m.end()):
            found.append((m.start("what"), BACK_KIND.get(m.group("what").lower(), "talks"), None))
    for kind, rx in PREDICATES:
        for m in rx.finditer(mt, s, e):
            if _is_planned(mt, s, e, m.start()):
                found.append((m.start(), kind, None))   # a planned meeting: a frame marked planned below
                continue
            if any(a <= m.start() < b for a, b in backs):
                continue
            if kind == "reception" and (HOSTS_LIST.match(mt, m.start()) or HOSTS_LIST.match(mt, max(s, m.start() - 5))):
                continue   # "Tiếp đoàn có ông X": who received the delegation at the meeting told of
            welcome = kind == "talks" and _WELCOMED_AND.search(mt, max(s, m.start() - 16), m.start())
            if welcome and HOSTS_LIST.match(mt, welcome.start()):
                continue   # "Tiếp và làm việc với đoàn có ông X": the same, for talks
            if kind == "reception" and mt.endswith("chủ trì ", max(s, m.start() - 8), m.start()) \
                    and re.match(r"\s*(?:[.;,]|$)", mt[m.end():e]):
                continue   # "Ông X, Cục trưởng …, chủ trì đón tiếp.": who hosted the meeting told of
            if NOUN_SUBJECT.match(mt[s:e]) and NOUN_SUBJECT.match(mt[s:e]).end() > m.start() - s:
                continue   # "Hội đàm nhằm …", "Buổi tiếp diễn ra …": the meeting told of, as subject
            clause_start = max(mt.rfind(",", s, m.start()), mt.rfind(";", s, m.start()), s)
            if SUBORDINATE.search(mt[max(s, clause_start - 60):m.start()]):
                continue
            if kind == "conference" and SUBORDINATE.search(mt[max(s, m.start() - 40):m.start()]):
                continue
            # "Bên lề Hội nghị …, X đã có cuộc gặp song phương với Y": two heads meeting as equals
            # hold talks (as "hội đàm song phương" does), no one receives the other
            met = kind == "reception" and MET.match(mt, m.start())
            told = "talks" if met and (BILATERAL.match(mt, met.end()) or SIDELINES.search(mt, s, m.start())) else kind
            found.append((m.start(), told, m.end() if kind == "conference" else None))
    return tuple(sorted(found, key=lambda f: f[:2]))


# --- frames ------------------------------------------------------------------------------------------
MET = re.compile(r"(?i)(?:có (?:buổi|cuộc) gặp|gặp gỡ|đã gặp)\b")
REPORTING = re.compile(r"(?i)\b(?:nói rằng|cho biết|cho rằng|khẳng định|nhấn mạnh|thông báo|tiết lộ|chia sẻ)\b")
OCCASION = Scan(re.compile(r"(?i)\b(?:bên lề|nhân dịp|trong khuôn khổ)\b"))
# a meeting on the sidelines of a multilateral one, or called bilateral
SIDELINES = Scan(re.compile(r"(?i)\bbên lề\b|\bsong phương\b"))
BILATERAL = re.compile(r"\s+song phương\b")


def _own_date(article: Article, s: int, e: int, claimed, context: DateValue | None) -> DateValue | None:
    """The day-level date of a clause: an explicit full date wins over a partial or relative one
    ("Chiều nay (14/3/2036)")."""
    exprs = [x for x in _dates_in(article, s, e) if x.kind in DAY_KINDS
             and not any(a <= x.char_start < b for a, b in claimed)]
    if not exprs:
        return None
    # "Bên lề Đại hội đồng Interpol đang diễn ra từ ngày 7 đến 10/11, chiều 9/11, …": the occasion's
    # days are not the meeting's when the meeting has a day of its own
    mt = article.match_text
    occasion = [(o.start(), (mt.find(",", o.end(), e) + 1 or e)) for o in OCCASION.finditer(mt, s, e)]
    own = [x for x in exprs if not any(a <= x.char_start < b for a, b in occasion)]
    exprs = own or exprs
    full = [x for x in exprs if x.kind not in ("relative_day", "relative_recent") and (x.year or x.end_year)]
    written = [x for x in exprs if x.kind not in ("relative_day", "relative_recent")]
    chosen = (full or written or [x for x in exprs if x.kind == "relative_day"] or exprs)[0]
    value = _resolve(chosen, article, context)
    return value if value.known or chosen.kind == "relative_day" else None


def _same_day(mt: str, s: int, e: int) -> bool:
    """The sentence [s, e) tells of the day of the frame before (SAME_DAY_OPENING or _ANYWHERE, as
    one pattern searched in mt[s:e] found them). The second is sought in the whole text, whose
    lower-cased form Scan keeps, unless a word character before `s` would change what "\\b" means
    at `s`."""
    if SAME_DAY_OPENING.match(mt[s:e]):
        return True
    if s > 0 and (mt[s - 1].isalnum() or mt[s - 1] == "_"):
        return SAME_DAY_ANYWHERE.search(mt[s:e]) is not None
    return SAME_DAY_ANYWHERE.search(mt, s, e) is not None


def co_chair_after(mt: str, end: int, sentence_end: int) -> bool:
    """"A, … và ông B, … đồng chủ trì buổi lễ": the person ending at `end` is a subject of "đồng chủ trì"."""
    co = P.CO_CHAIR.search(mt, end, sentence_end)
    return bool(co) and not re.search(r"[.;]|\bdo\b", mt[end:co.start()]) and not re.search(
        r"\b(?:dẫn đầu|tiếp|đón|cho biết|phát biểu|đánh giá|hoan nghênh|chào mừng|cảm ơn|mời|sang|tới)\b",
        mt[end:co.start()])


_NOT_A_SUBJECT = re.compile(r"[.;]|\b(?:do|cùng|dẫn đầu|tiếp|đón|cho biết|phát biểu|đánh giá|hoan nghênh|chào mừng|"
                            r"cảm ơn|mời|sang|tới|với)\b")


def joint_chair(mt: str, p: FoundPerson, people: list[FoundPerson], sentence_end: int) -> bool:
    """"A, Giám đốc Công an tỉnh … và ông B, Phó Giám đốc Sở Công an … chủ trì hội đàm": two people
    joined by "và" are the subject of a plain "chủ trì"; one of each side (a country unknown is
    not the other's) chair jointly. Two of one side chair a reception of their own."""
    chair = CHAIRS.search(mt, p.end, sentence_end)
    if chair is None:
        return False
    subjects = [q for q in people if q.sentence == p.sentence and q.end <= chair.start()]
    for first, second in zip(subjects, subjects[1:]):
        if p is not first and p is not second:
            continue
        between, after = mt[first.end:second.phrase_start], mt[second.end:chair.start()]
        if re.search(r"\bvà\b", between) and not _NOT_A_SUBJECT.search(between) \
                and not _NOT_A_SUBJECT.search(after) and not re.search(r"\bvà\b", after) \
                and not (first.country and first.country == second.country):
            return True
    return False


# "đánh giá cao kết quả hội đàm giữa A với B sáng cùng ngày": who is named as at those talks is not
# at the meeting the sentence tells of
ANOTHER_MEETING = Scan(re.compile(r"(?i)\b(?:kết quả|nội dung|thành công)\s+(?:của\s+)?(?:các\s+)?(?:cuộc\s+|buổi\s+)?"
                                  r"(?:hội đàm|hội kiến|làm việc|gặp gỡ|hội nghị)\s+(?:giữa|với)\s[^.;,]*$"))


def at_another_meeting(mt: str, s: int, p: FoundPerson) -> bool:
    return ANOTHER_MEETING.search(mt, max(s, p.phrase_start - 200), p.phrase_start) is not None


# "Tiếp Bộ trưởng X, Thủ tướng Y đánh giá cao …": the reception seen from its host, who is the
# subject after the comma
RECEIVING_OPENS = re.compile(r"\W*$")


def _frame_people(mt: str, s: int, e: int, at: int, kind: str, people: list[FoundPerson],
                  claimed=(), lex: Lexicon | None = None) -> list[tuple[FoundPerson, str]]:
    """People of the frame's sentence with the role their position gives them."""
    out = []
    listed = LISTED.search(mt, s, e)
    planned = _is_planned(mt, s, e, at)
    invitation = mt.find("lời mời", s, e) >= 0 or mt.find("Lời mời", s, e) >= 0
    # the sentence's spans, found once for all its people
    head_spans = list(P.HEAD_SPAN.finditer(mt, s, e))
    host_spans = list(P.HOST_DO_SPAN.finditer(mt, s, e))
    co_spans = list(CO_DO_SPAN.finditer(mt, s, e))
    invited_spans = list(P.INVITED_BY.finditer(mt, s, e)) if invitation else []
    # "Tiếp X, Y …" opening the sentence: X is received, Y (the subject) receives
    receiving = kind == "reception" and RECEIVING_OPENS.match(mt, s, at) and mt.startswith(("Tiếp ", "tiếp "), at)
    receiving_comma = mt.find(",", at, e) if receiving else -1
    # "Đoàn đã hội kiến ông X": whom the delegation calls on receives it
    calling_on = kind == "reception" and DELEGATION_SUBJECT.search(mt[s:at]) is not None
    for p in people:
        if not (s <= p.start < e) or any(a <= p.start < b for a, b in claimed):
            continue
        if at_another_meeting(mt, s, p):
            continue
        if planned and p.end < at and REPORTING.search(mt, p.end, at):
            continue   # "ông X nói rằng … sẽ mời … sang hội đàm": who tells of the plan is not in it
        role = "head_of_delegation" if P.named_head(mt, s, e, p.start) else "participant"
        for m in head_spans:
            if m.start("who") <= p.start < m.end("who"):
                role = "head_of_delegation"
                # "Đoàn đại biểu Cục Công an châu Văn Sơn do ông X, Cục trưởng làm Trưởng đoàn"
                before = P.DELEGATION_BEFORE.search(mt[s:m.start()])
                side = country_of(before.group(0), lex) if before else None
                # (a title that names no country, "Bộ trưởng Bộ Công an", is the delegation's ministry)
                if side in ("VN", "CN") and side_overrides(p.country, p.title, side, lex):
                    p = replace(p, country=side)
        for m in host_spans:
            if m.start("who") <= p.start < m.end("who") and role == "participant":
                role = "host"
                # "hội đàm với Sở Công an tỉnh Vân Nam do ông Y chủ trì"
                side = country_of(mt[max(s, m.start() - 80):m.start()].split(" với ")[-1], lex)
                if not p.country and side in ("VN", "CN"):
                    p = replace(p, country=side)
        for m in co_spans:   # "Hội nghị do X, …, và ông Y, … đồng chủ trì"
            if m.start("who") <= p.start < m.end("who"):
                role = "co_chair"
        invited = next((m for m in invited_spans if m.start("who") <= p.start < m.end("who")),
                       None) if invitation else None
        if invited and role == "participant" and kind in ("visit", "talks"):
            role = "host"   # "Nhận lời mời của Bộ trưởng X, …": the inviter hosts the visit
        chair_of = P.chair_of_role(mt, s, e, p.start)
        if chair_of == "co_chair" or chair_of and role == "participant":
            role = chair_of
        chaired = _chair_match(mt, s, p.start)
        if chaired and chaired.group("co"):   # "Đồng chủ trì Hội nghị là A và B"
            role = "co_chair"
        elif chaired and role == "participant" and not any(chaired.end() <= q.start < p.start for q in people):
            role = "principal"   # "Chủ trì hội đàm phía Việt Nam là X": a side's chair, host at home
        if co_chair_after(mt, p.end, e) or joint_chair(mt, p, people, e):
            role = "co_chair"
        chair = CHAIRS.search(mt, p.end, min(e, p.end + 160))
        if role == "participant" and chair and not re.search(r"[.;]|\b(?:và|cùng)\b", mt[p.end:chair.start()]):
            role = "host"   # "X, Giám đốc Sở, chủ trì buổi làm việc": who chairs on the home side
        if role == "participant" and not (listed and listed.start() < p.start):
            if kind in ("reception", "ceremony"):
                # "A tiếp B": A hosts; "B chào xã giao A": B is the visitor; "B được A tiếp": passive
                visitor_first = re.match(r"(?i)chào xã giao|thăm xã giao|chào từ biệt|chào tạm biệt", mt[at:at + 20])
                met = MET.match(mt, at, at + 20)
                passive = PASSIVE.search(mt, s, at)
                before = p.start < at
                if receiving_comma > 0:
                    role = ("head_of_delegation" if p.start < receiving_comma else
                            "host" if not mt[receiving_comma + 1:p.phrase_start].strip() else "participant")
                elif met and not passive:
                    role = "principal"   # "X đã có buổi gặp Y": who hosts follows from where, below
                elif calling_on and not passive and not before:
                    role = "host"
                elif passive and kind == "reception":
                    role = ("head_of_delegation" if p.start < passive.start() else
                            "host" if p.start < at else "participant")
                else:
                    role = ("head_of_delegation" if before else "host") if visitor_first else (
                        "host" if before else "head_of_delegation")
            elif kind == "visit" and p.end <= at and not invited:
                role = "head_of_delegation"   # "Tổng Bí thư X đã thăm cấp Nhà nước tới Trung Quốc": who visits
            elif kind in ("talks", "visit"):
                role = "principal"     # host or visitor: decided by the side below
        out.append((p, role, bool(invited)))
    # the invited: a principal of the other side than the inviter's is the visitor
    inviters = {p.country for p, role, by_invitation in out if by_invitation and role == "host" and p.country}
    return [(p, "head_of_delegation" if role == "principal" and len(inviters) == 1 and p.country
             and p.country not in inviters else role) for p, role, _ in out]


# "A và B đã ký Hiệp định …": a signing, read as the event only where no meeting is told
SIGNING = Scan(re.compile(r"\b(?:đã|vừa|cùng)\s+ký(?: kết)?\s+(?=(?:Hiệp định|Thỏa thuận|Thoả thuận|Bản ghi nhớ|"
                          r"Biên bản ghi nhớ|Kế hoạch|Nghị định thư)\b)"))


def find_frames(article: Article, body, people: list[FoundPerson], claimed, lex: Lexicon,
                full: bool = True, signings: bool = False) -> list[Frame]:
    """The frames of the body. `full=False` gives only which sentences hold a frame, of what kind
    and where (no date, people or counterpart read), for a first look. `signings`: the frames are
    the signings (a ceremony, kind "launch"), for an article that tells of no meeting."""
    mt = article.match_text
    frames: list[Frame] = []
    context = None   # the last stated range ("từ ngày 15 - 19/8/2039"): the year of "Ngày 16/8"
    pending = None   # the day of a subheading ("* Sáng 21/11: hội đàm tại Hà Nội") for the frame below it
    for s, e in body:
        if full and not any(a <= s and e <= b for a, b in claimed):
            for x in _dates_in(article, s, e):
                if x.kind == "day_range" and not any(a <= x.char_start < b for a, b in claimed):
                    value = _resolve(x, article, None)
                    if value.known:
                        context = value
        if any(a <= s and e <= b for a, b in claimed) or _headline(article, s, e):
            continue
        if _dated_subheading(article, s, e):
            pending = _own_date(article, s, e, claimed, context) if full else None
            pending_span = (s, e)
            continue
        preds = [(m.start(), "launch") for m in SIGNING.finditer(mt, s, e)] if signings else \
            _main_predicates(mt, s, e, claimed)
        preds = [(at, kind) for at, kind in preds if not any(a <= at < b for a, b in claimed)]
        if not preds:
            continue
        # one frame per kind and sentence; a sentence of talks that also names its ceremony is talks
        kinds = list(dict.fromkeys(kind for _, kind in preds))
        if "visit" in kinds and len(kinds) > 1:
            # a delegation "sang thăm" named inside a reception's sentence is that reception's
            # visitor; with its own days it is the visit itself
            dates = _dates_in(article, s, e)
            visit_at = next(a for a, k in preds if k == "visit")
            # "Sáng 30/8, X tiếp ông Y, …, sang thăm và làm việc tại Việt Nam từ ngày 29/8 đến 2/9": a
            # meeting told first, on a day of its own, with the visitor whose trip's days follow
            told_first = preds[0][1] != "visit" and any(x.kind in ("day", "relative_day") and x.char_start < visit_at
                                                        for x in dates)
            if any(x.kind == "day_range" for x in dates) and not told_first:
                kinds = ["visit"]
            else:
                kinds.remove("visit")
        for ceremonial in ("ceremony", "launch"):
            if len(kinds) > 1 and ceremonial in kinds:
                kinds.remove(ceremonial)
        if "talks" in kinds and "reception" in kinds and all(
                re.search(r"(?i)\bchủ trì\s+$", mt[max(s, a - 12):a])
                or re.match(r"(?i)(?:đón tiếp|tiếp)\s+và\s+hội đàm\b", mt[a:a + 30]) for a, k in preds if k == "reception"):
            # "chủ trì đón tiếp và hội đàm với đoàn", "X tiếp và hội đàm với Đoàn": the welcome of the
            # talks ("tiếp và làm việc" stays a reception: "làm việc" names no formal talks)
            kinds.remove("reception")
        for kind in kinds[:1]:
            at = next(a for a, k in preds if k == kind)
            head = mt[s:at]
            if kind == "visit" and not any(x.kind == "day_range" for x in _dates_in(article, s, e)) \
                    and frames:
                continue   # "sang thăm, làm việc" without its days, after another meeting: a frame of that one
            if not full:
                frames.append(Frame(kind, (s, e), at, None))
                continue
            frame = Frame(kind, (s, e), at, _own_date(article, s, e, claimed, context),
                          same_day=_same_day(mt, s, e), next_day=bool(NEXT_DAY.search(mt[s:e])),
                          principals=_frame_people(mt, s, e, at, kind, people, claimed, lex),
                          by_delegation=bool(DELEGATION_SUBJECT.search(head) or DELEGATION_OBJECT.match(mt, at, e)
                                             or _passive_delegation(mt, s, at)))
            frame.past = _recalled_date(article, s, e, at, claimed)
            if frame.past is not None:   # "Theo Đại tá X, kể từ cuộc hội đàm … năm ngoái": X tells of it
                frame.principals = [(p, r) for p, r in frame.principals if not _tells_of(mt, s, at, p)]
            frame.planned = _is_planned(mt, s, e, at)
            if frame.planned and frame.date is None:
                frame.date = _planned_date(article, s, e, claimed)
            frame.counterpart = _counterpart(mt, at, e)
            if _welcome_of_talks(mt, s, at, frame, frames, lex):
                frame.kind = "talks"   # "Đoàn đã được Đại tá X, Cục trưởng đón tiếp.": X hosts the talks told
            if frame.date is None and pending is not None:
                frame.date, frame.heading = pending, pending_span
            pending = None
            frames.append(frame)
    return frames


def _welcome_of_talks(mt: str, s: int, at: int, frame: Frame, frames: list[Frame], lex: Lexicon) -> bool:
    """A delegation "được … đón tiếp" with no day of its own, right after talks were told, by no
    party or state leader: the welcome of those talks (a leader's reception is one of its own)."""
    if frame.kind != "reception" or frame.date is not None or frame.planned or frame.past is not None \
            or not frames or frames[-1].kind != "talks" or not mt.startswith(("đón", "Đón"), at) \
            or not _passive_delegation(mt, s, at):
        return False
    return not any(is_leader(p.title, lex) or "bộ chính trị" in (p.title or "").lower() for p, _ in frame.principals)


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


def _tells_of(mt: str, s: int, at: int, p: FoundPerson) -> bool:
    """The person, named before the meeting, is the source of what the sentence tells ("Theo X, …",
    "X cho biết …"), not someone said to be at the meeting."""
    return p.end <= at and bool(re.search(r"(?i)\btheo\s+$", mt[max(s, p.phrase_start - 8):p.phrase_start])
                                or REPORTING.search(mt, p.end, at) or RECALLING.search(mt, p.end, at))


# who speaks of a past meeting: "X đánh giá, …", "X nhắc lại nhận thức chung đạt được tại Hội nghị …"
RECALLING = re.compile(r"(?i)\b(?:đánh giá|nhắc lại|nhắc tới|nhắc đến|điểm lại|ghi nhận|bày tỏ|phát biểu|nói)\b")


def _is_planned(mt: str, s: int, e: int, at: int) -> bool:
    """"sẽ tiếp", "theo chương trình … sẽ", "hội đàm lần tới", "hội đàm sẽ diễn ra": announced, not held."""
    return bool(PLANNED_BEFORE.search(mt[max(s, at - 40):at]) or PLANNED_LEAD.search(mt, max(s, at - 140), at)
                or NEXT_ROUND.match(mt[at:e]))


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
    if text.endswith((".", "!", "?", "…", ";")):
        return False   # (the cheapest test, first)
    line_start = article.text.rfind("\n", 0, s) + 1
    line_end = article.text.find("\n", e)
    whole_line = article.text[line_start:line_end if line_end >= 0 else len(article.text)].strip() == text
    return (whole_line and len(text.split()) <= 16
            and any(x.kind in ("day", "day_range") for x in _dates_in(article, s, e)))


def _headline(article: Article, s: int, e: int) -> bool:
    """A line of its own without final punctuation or a date: a headline or a caption-like title,
    which names a meeting the body tells of."""
    text = article.text[s:e].strip()
    if text.endswith((".", "!", "?", "…", ":", ";", '"', "”")):
        return False   # (the cheapest test, first)
    line_start = article.text.rfind("\n", 0, s) + 1
    line_end = article.text.find("\n", e)
    whole_line = article.text[line_start:line_end if line_end >= 0 else len(article.text)].strip() == text
    return whole_line and len(text.split()) <= 30 and not any(x.kind in DAY_KINDS for x in _dates_in(article, s, e))


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
    if any(c in mine and not (keys & mine[c]) for c, keys in theirs.items()):
        return True
    # hosts whose side the text does not say ("Tổng Bí thư X tiếp …", then "Cùng ngày, Chủ tịch
    # Quốc hội Y hội kiến …"): two hosts, none in common, are two meetings
    my_hosts = {p.key for x in m.frames for p, role in x.principals if role == "host"}
    their_hosts = {p.key for p, role in f.principals if role == "host"}
    return bool(my_hosts and their_hosts and not my_hosts & their_hosts)


def _same_days(a: DateValue, b: DateValue) -> bool:
    return a.start == b.start and a.end == b.end


def _event_kind(kind: str) -> str:
    return {"ceremony": "reception", "launch": "other"}.get(kind, kind)


def build_meetings(article: Article, body, frames: list[Frame], lex: Lexicon) -> list[Meeting]:
    meetings: list[Meeting] = []
    last_date: DateValue | None = _lead_date(article, body)
    for f in frames:
        if f.date is None and (f.same_day or f.next_day) and last_date is not None:
            f.date = last_date if f.same_day else _shift(last_date, 1)
        if f.date is not None and f.date.known and f.date.precision == "day" and not (f.planned or f.past):
            last_date = f.date   # the day "cùng ngày" refers to: a reported meeting's, not a plan's
        # an undated frame goes on with the latest meeting it fits ("… làm việc với Sở Công an
        # Thượng Hải. Ông X, Giám đốc Sở, chủ trì buổi làm việc"), a dated one with the first
        order = reversed(meetings) if f.date is None else meetings
        target = next((m for m in order if _same_meeting(m, f)), None)
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
    # a welcome or opening ceremony is part of the talks held on its day (when there is no conference)
    for m in list(meetings):
        if _ceremonial(m) and m.event.mention == "primary":
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


CONFERENCE_SPOKEN = Scan(re.compile(r"\bđây là hội nghị\b|\b(?:tại|kết thúc|bế mạc|phát biểu tại) hội nghị\b"
                                    r"(?!\s+(?:cấp|về|lần thứ|giữa|hợp tác|an ninh|phòng))", re.I))


def _ceremonial(m: Meeting) -> bool:
    """A meeting told only as a welcome or opening ceremony."""
    return all(f.kind in ("ceremony", "launch") for f in m.frames)


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
    if m.kind in ("reception", "other") and not _ceremonial(m):
        return False
    dated = [x.date for x in conference.frames if x.date is not None and x.date.known]
    for f in m.frames:
        if f.date is not None and f.date.known and dated and not _same_days(dated[0], f.date):
            return False
    if _ceremonial(m):
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
                # (a meeting of that kind, or one that took in a frame of it: talks folded into a visit)
                reported = [m for m in meetings if (m.kind == kind or any(f.kind == kind for f in m.frames))
                            and m.event.mention == "primary"]
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


# "… phía X có Đại tá Y"; "Chủ trì hội đàm, phía Việt Nam có A; phía Trung Quốc có B"
CHAIR_IS = Scan(re.compile(r"(?i)\b(?P<co>(?:đồng|cùng) )?chủ trì(?:\s+[^,.;]{0,40}?)?"
                           r"(?P<side>,\s*(?:về\s+)?phía\s+[^,.;]{0,30}?)?\s+(?:là|có)\b"))
# (its groups are CHAIR_IS's: it stands for one, "co" never taken)
SIDE_CLAUSE = re.compile(r"(?i)(?P<co>(?!))?\s*(?P<side>(?:về\s+)?phía\s+[^,.;]{0,30}?)\s+(?:là|có)\b")


def _chair_is(mt: str, start: int, pos: int) -> str | None:
    """"Đồng chủ trì Hội nghị là A và B", "Chủ trì hội đàm phía Việt Nam là X": the chairs named after 'là'."""
    m = _chair_match(mt, start, pos)
    if m is None:
        return None
    return "co_chair" if m.group("co") else "chair"


def _chair_match(mt: str, start: int, pos: int):
    """The last "(đồng) chủ trì … là" of the clause before `pos`; or of the clause before that, when
    it names a side's chair and this clause the other side's ("…, phía Việt Nam có A; phía Trung
    Quốc có B")."""
    clause = max(mt.rfind(";", start, pos), start)
    m = None
    for m in CHAIR_IS.finditer(mt, clause, pos):
        pass
    side = SIDE_CLAUSE.match(mt, clause + 1, pos) if m is None and clause > start else None
    if side is not None:
        before = _chair_match(mt, start, clause)
        return side if before is not None and (before.group("side") or "phía" in before.group(0).lower()) else None
    return m
