"""The two sides of a meeting: is it a Viet Nam–China meeting at all, and which body is each side."""
from __future__ import annotations

import re
from functools import lru_cache

from .events import ROLE_RANK
from .fastscan import Scan
from .lexicon import Lexicon, index_of
from .meetings import OCCASION, SIDELINES, Meeting
from .people import A_PEOPLE, NEXT_PEOPLE, country_of, split_commas
from .records import Article

# --- is it a Viet Nam–China meeting? --------------------------------------------------------------------
# an actor of one side named in the meeting's own sentence: "Đoàn đại biểu Công an tỉnh Vân Nam",
# "với Bộ Công an Trung Quốc"; "hợp tác với Bộ Công an Trung Quốc" is a topic, not an actor
# ("trụ sở Công an tỉnh …" is a headquarters, not a Chinese "Sở Công an")
ACTOR = Scan(re.compile(r"(?:[Đđ]oàn(?: đại biểu| công tác)?|[Bb]ộ [A-ZĐ]\w*(?: [a-zđ]\w*)*|(?<!trụ )[Ss]ở [Cc]ông an|[Cc]ục [Cc]ông an|"
                        r"[Cc]ông an (?:tỉnh|thành phố|châu|huyện)|Ủy ban [Cc]hính pháp|[Pp]hía|[Đđ]ại sứ|[Ll]ực lượng)"
                        # (not across "với": "Công an tỉnh A hội đàm với Cục Công an B" names two actors)
                        r"(?:(?!\svới\s)[^.;,]){0,60}"))
TOPIC_BEFORE = re.compile(r"(?:hợp tác|quan hệ|kết quả)\s+(?:với|giữa)\s*$|(?:hợp tác|quan hệ)\s*$")


MULTILATERAL = Scan(re.compile(r"\bASEAN\w*|\bASEANAPOL\b|\b[Ii]nterpol\b|\bINTERPOL\b|\bMê Công\b|\bMekong\b|"
                               r"\bđa phương\b|\bcác nước thành viên\b|\bLiên Hợp Quốc\b|\bSCO\b|\bAPEC\b"))


def _at_the_table(mt: str, sentence: tuple[int, int]) -> bool:
    """A multilateral body or forum is named in the sentence, other than as the occasion of the
    meeting ("…, nhân dịp hai bên cùng dự Hội chợ Trung Quốc - ASEAN")."""
    occasion = OCCASION.search(mt, *sentence)
    return any(occasion is None or m.start() < occasion.start() for m in MULTILATERAL.finditer(mt, *sentence))


def is_bilateral(article: Article, m: Meeting, lex: Lexicon, lenient: bool = True) -> bool:
    """Both sides are Viet Nam and China: a room of one country's officials reviewing cooperation
    with the other, or a meeting with a third country, is not a bilateral meeting."""
    countries = {p.country for p, _ in m.people.values()}
    mt = article.match_text
    # "Bên lề Đại hội đồng Interpol tại Singapore, Bộ trưởng X đã hội đàm song phương với …": a
    # meeting of the two sides abroad, at a multilateral one's side
    sidelines = any(SIDELINES.search(mt, *f.sentence) for f in m.frames)
    if m.event.location_country not in (None, "VN", "CN") and not sidelines:
        return False
    if lenient and m.event.mention == "reference" and not countries - {None, "VN", "CN"}:
        return True   # a meeting the article recalls or plans between the sides it reports on
    principals = {p.country for p, role in m.people.values() if role != "participant"}
    if principals - {None, "VN", "CN"}:
        return False
    for f in [] if sidelines else m.frames:   # "hội đàm với Tư lệnh Cảnh sát Hoàng gia Thái Lan": a third country's meeting
        end = min([x for x in (mt.find(".", f.at, f.sentence[1]), mt.find(";", f.at, f.sentence[1])) if x >= 0]
                  or [f.sentence[1]])
        clause = article.match_text[max(f.sentence[0], f.at - 120):min(end, f.at + 160)]
        clause_low = clause.lower()
        for name_low, pattern in index_of(lex).third_countries:
            if name_low in clause_low and pattern.search(clause):
                return False
    if not sidelines and any(_at_the_table(mt, f.sentence) for f in m.frames):
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
SIDE_ORG = Scan(re.compile(r"(?:Bộ Tư lệnh|Bộ(?! trưởng)|Sở(?! trưởng)|Cục(?! trưởng)|Tổng cục(?! trưởng)|Công an|Ủy ban|Uỷ ban|"
                           r"Ban(?! Thường vụ| Chấp hành| Bí thư)|Văn phòng|Quốc hội|Chính phủ|Học viện|"
                           # party committees, the Chinese cabinet, missions and border posts
                           r"Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Khu ủy|Khu uỷ|Quốc vụ viện|Đại sứ quán|(?:Tổng )?Lãnh sự quán|"
                           # the people's committee as news abbreviates it ("Chủ tịch UBND tỉnh X"), as "Ủy ban …" above
                           r"UBND|"
                           r"Đồn(?= (?:Công an|Biên phòng|biên phòng))|Trạm(?= [Kk]iểm)|Trường Đại học|Đại học)\b"
                           # (the comma of "phòng, chống" is inside the name, and the one between the
                           # peoples of an autonomous area: "Châu tự trị dân tộc Choang, Miêu Văn Sơn")
                           r"(?:(?<=[Dd]ân tộc )" + A_PEOPLE + "(?=" + NEXT_PEOPLE + r"),|[^,.;()]|(?<=[Pp]hòng),(?= chống\b)){0,70}"))
# "Hội nghị … giữa A và B": the two bodies the meeting is between (a body right after "giữa",
# or right after a "và" that follows one with no clause break between)
BETWEEN = re.compile(r"\bgiữa\s+(?:(?!\bgiữa\b)[^.;])*?$")
BOTH = re.compile(r"(?i)\bhai (?:nước|bên|bộ|đoàn)\b")   # "Bộ Công an hai nước" is both sides
# (a lower-case "châu" is the Chinese prefecture level; "Lai Châu", "Quảng Châu" end a place's name)
GENERIC_END = re.compile(r"(?:\b(?:[Tt]ỉnh|[Tt]hành phố|châu|[Ss]ở|[Cc]ục|[Bb]ộ)|Công an)$")
UNNAMED_LEVEL = re.compile(r"\b(?:[Tt]ỉnh|[Tt]hành phố|châu|[Hh]uyện|[Ss]ở|[Cc]ục)$")   # "Công an tỉnh": which province?


def name_sides(article: Article, m: Meeting, lex: Lexicon, titles: dict[str, list[str]] | None = None) -> None:
    """The organisation of each side: the body in the title of its leading participant ("Giám đốc
    Công an tỉnh Lào Cai" → "Công an tỉnh Lào Cai"), else a body of that country named in the
    meeting's own sentences ("hội đàm với Sở Công an tỉnh Vân Nam"). A short form ("Giám đốc Sở")
    gives way to the full name written elsewhere in the meeting. A leader written here with a
    bare office ("Bộ trưởng X") keeps the body of the title written for him or her
    elsewhere in the article (`titles`: person key → every title the article gives)."""
    ranked = sorted(m.people.values(), key=lambda pr: ROLE_RANK[pr[1]])
    mt = article.match_text
    named, between, met = [], [], []
    starts = sorted(p.start for p, _ in m.people.values())
    for f in m.frames:
        pos, end_of_sentence = f.sentence
        while (a := SIDE_ORG.search(mt, pos, end_of_sentence)) is not None:
            end = min([x for x in starts if a.start() < x < a.end()] or [a.end()])   # a name ends the body
            named.append(_trim_org(article.text[a.start():end]))
            # "Đoàn đại biểu Cục Bảo vệ an ninh nội địa, Bộ Công an Trung Quốc": a department of no
            # stated country, then its ministry: the department, of that ministry
            ministry = MINISTRY_AFTER.match(mt, a.start() + len(named[-1]), end_of_sentence)
            if ministry and DEPARTMENT.match(named[-1]) and country_of(named[-1], lex) is None:
                body = SIDE_ORG.match(mt, ministry.end(), end_of_sentence)
                if body is not None and country_of(body.group(0), lex) in ("VN", "CN"):
                    named[-1] = f"{named[-1]}, {_trim_org(article.text[body.start():body.end()])}"
            # the next body may begin inside this match, after the trimmed one: "Công an tỉnh Quảng
            # Ninh vừa tổ chức hội đàm với Cục Công an thành phố Đông Hưng"
            pos = max(a.start() + len(named[-1]), a.start() + 1)
            before = mt[max(f.sentence[0], a.start() - 200):a.start()]
            if before.endswith("giữa ") or before.endswith(" và ") and BETWEEN.search(before[:-4]):
                between.append(named[-1])
            if before.endswith("với "):
                met.append(named[-1])   # the body met ("làm việc với Bộ Tư lệnh Bộ đội Biên phòng")
    for country in ("VN", "CN"):
        # (a leader's bare "Bộ Công an", read as Viet Nam's, does not name a Chinese leader's body)
        leading = [o for p, role in ranked if p.country == country and role != "participant"
                   for o in [_org_of(p.title or "") or _org_elsewhere(p.key, titles)
                             or _office_body(p.title, country, lex)] if o and country_of(o, lex) in (None, country)]
        # a participant's own department ("Cục Đối ngoại") is not the side; only the leaders' bodies
        # and the bodies named as meeting are
        # the bodies the meeting is said to be between come first ("giữa Công an các tỉnh biên giới
        # Việt Nam và Sở Công an Khu tự trị …"): a vice-minister may co-chair for the provinces
        # the body met, named in full, before its leader's shorter name of it ("Phó Tư lệnh Bộ đội Biên
        # phòng" leads the "Bộ Tư lệnh Bộ đội Biên phòng")
        in_full = [o for o in met if leading and country_of(o, lex) == country and _names_in_full(o, leading[0])]
        candidates = [o for o in between if country_of(o, lex) == country] + in_full + leading + [
            o for o in named if country_of(o, lex) == country]
        candidates = [o for o in candidates if not BOTH.search(o)]
        full = [o for o in candidates if len(o.split()) >= 2 and not GENERIC_END.search(o)]
        org = (full or candidates or [None])[0]
        if org:
            m.event.sides[country] = org
    if m.event.sides:
        m.event.sides_basis = "stated"


def sides_of_the_same_leaders(events) -> None:
    """A meeting with no body named for a side takes the one body that side's leading participants
    (not mere attendees) speak for at the article's other meetings: "Đoàn đại biểu Bộ Công an Trung
    Quốc do ông X dẫn đầu", then "… đã tiếp Thứ trưởng X"."""
    for e in events:
        for country in ("VN", "CN"):
            if e.sides.get(country):
                continue
            leaders = {p.person.identity for p in e.participants if p.person.country == country and p.role != "participant"}
            bodies = {o.sides[country] for o in events if o is not e and o.sides.get(country) and any(
                p.person.identity in leaders and p.role != "participant" for p in o.participants)}
            if len(bodies) == 1:
                e.sides[country] = next(iter(bodies))
                e.sides_basis = "same_article"


def complete_generic_sides(events) -> None:
    """A side named only generically ("Công an tỉnh", from "Giám đốc Công an tỉnh") takes the one
    fuller name of that country beginning with it that another meeting of the article has
    ("Công an tỉnh Quảng Ninh")."""
    for country in ("VN", "CN"):
        full = {e.sides[country] for e in events if country in e.sides
                and len(e.sides[country].split()) >= 2 and not GENERIC_END.search(e.sides[country])}
        for e in events:
            org = e.sides.get(country)
            longer = {f for f in full if f.startswith(org + " ")} if org and UNNAMED_LEVEL.search(org) else ()
            if len(longer) == 1:
                e.sides[country] = next(iter(longer))


def _office_body(title: str | None, country: str, lex: Lexicon) -> str | None:
    """The body the titles lexicon gives an office written bare ("Thủ tướng" → "Chính phủ")."""
    offices = {o.strip().lower() for o in split_commas(title or "")}
    return next((body for office, vn, cn in lex.office_bodies for body in [vn if country == "VN" else cn]
                 if body and office.lower() in offices), None)


def _org_elsewhere(key: str, titles: dict[str, list[str]] | None) -> str | None:
    return next((o for t in (titles or {}).get(key, []) for o in [_org_of(t)] if o), None)


@lru_cache(maxsize=1 << 14)   # a pure function of a title; the same titles come back article after article
def _org_of(title: str) -> str | None:
    """"Phó Giám đốc Sở Công an tỉnh Vân Nam" → "Sở Công an tỉnh Vân Nam"; "Bộ trưởng" → None;
    "Cục trưởng Cục Cấm độc, Bộ Công an Trung Quốc" → the department, of its ministry."""
    parts = [p.strip() for p in split_commas(title)]
    for i in range(len(parts) - 1, -1, -1):
        m = SIDE_ORG.search(parts[i])
        if m:
            org = _trim_org(parts[i][m.start():])
            department = DEPARTMENT.search(parts[i - 1]) if i and MINISTRY.match(org) else None
            return f"{_trim_org(parts[i - 1][department.start():])}, {org}" if department else org
    return None


def _names_in_full(full: str, short: str) -> bool:
    """`full` names the body `short` names, with more words, ending as it does: "Bộ Tư lệnh Bộ đội
    Biên phòng" for "Bộ đội Biên phòng", "Cục Công an Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà"
    for "Cục Công an châu Hồng Hà"; not "Bộ Công an Việt Nam" for "Bộ Công an" (a country added)."""
    long_words, short_words = full.lower().replace(",", " ").split(), short.lower().replace(",", " ").split()
    if len(long_words) <= len(short_words) or not short_words or long_words[-1] != short_words[-1]:
        return False
    rest = iter(long_words)
    return all(w in rest for w in short_words)   # (each word found after the one before)


MINISTRY = re.compile(r"Bộ (?!Tư lệnh)")
MINISTRY_AFTER = re.compile(r",\s*(?=Bộ (?!Tư lệnh|trưởng))")
DEPARTMENT = re.compile(r"\b(?:Cục(?! trưởng)|Tổng cục(?! trưởng)|Vụ(?! trưởng)|Văn phòng|Bộ Tư lệnh|Học viện)\b")


def _trim_org(phrase: str) -> str:
    phrase = re.split(r"\s+(?:do|dẫn đầu|làm|đã|đang|vừa|sẽ|mời|tổ chức|và|tại|ở|sang|về(?! ma túy| trật tự| tham nhũng| kinh tế| môi trường)|cùng|cũng|với|nhân(?!\s+dân)|đến|tới|thăm|chủ trì|tiếp|"
                      r"hội đàm|trong|theo|nhằm|để|hồi|lần thứ|đồng|đón|vào|năm|từ|giai đoạn|"
                      # "Bộ trưởng Bộ Công an Đại tướng X": a rank begins the person, after the body
                      r"(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy|uý))\b", phrase)[0]
    return phrase.strip(" ,")
