"""Find the events of one article: the meeting it reports and the events it references.

Input: a cleaned `Article`, its body sentences and the people found in them. Output: `EventMention`s
with participants (documents and topics are added by their own modules). The rules read cue
phrases (patterns.py), dates (dates.py) and lexicons; none knows a particular meeting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import patterns as P
from .dates import find_date_expressions, resolve, shifted, written_at
from .fastscan import Scan
from .lexicon import CITY_NOUN, CITY_NOUN_SHORT, Lexicon, index_of
from .cleaning import variant_key
from .people import FoundPerson, country_of
from .records import UNKNOWN_DATE, Article, DateValue, EventMention, Evidence, ParticipantMention, PersonMention

# "hội nghị trực tuyến", "điểm cầu": a meeting held online; not "đánh bạc trực tuyến" (online gambling)
ONLINE = Scan(re.compile(r"\b(?:hội nghị|họp|hội đàm|đối thoại) trực tuyến\b|\bđiểm cầu\b", re.I))
ROLE_RANK = {"co_chair": 0, "head_of_delegation": 1, "host": 2, "participant": 3}
DAY_KINDS = {"day", "day_range", "relative_day"}


@dataclass
class Claim:
    """A reference event found in the text, with the spans it owns."""
    event: EventMention
    span: tuple[int, int]
    people: list[tuple[FoundPerson, str]] = field(default_factory=list)  # (person, role)
    mention_start: int = -1


def evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(article.article_id, start, end, article.text[start:end])


def _sentence_of(pos: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _dates_in(article: Article, start: int, end: int) -> tuple:
    """Date expressions wholly inside [start, end) of the article (offsets into the article),
    except the article's own date ("Quảng Châu, 10/6/2067 (TTXVN) - Chiều hôm qua, …")."""
    own = article.published
    found = _dates_at(article.match_text, start, end)
    if start <= own.char_start < end:   # (-1 when the date was not read from the text)
        return tuple(x for x in found if not (x.char_start < own.char_end and own.char_start < x.char_end))
    return found


@lru_cache(maxsize=4096)    # several stages ask for the dates of the same sentence of an article
def _dates_at(text: str, start: int, end: int) -> tuple:
    return tuple(shifted(expr, start) for expr in find_date_expressions(text[start:end]))


def _resolve(expr, article: Article, context: DateValue | None = None) -> DateValue:
    value = resolve(expr, article.published, context)
    return written_at(value, article.text[expr.char_start:expr.char_end], expr.char_start, expr.char_end)


# "tại/ở <place>"; "đến <place> và làm việc với …": where the delegation went to meet
_VENUE_CUE = Scan(re.compile(r"\b(?:tại|ở)\s+|\bđến\s+(?=[^,.;]{1,50}?(?:,\s*(?:tỉnh|thành phố|khu tự trị|Khu tự trị|châu)\s[^,.;]{1,40}?)?"
                             r"(?:\s+và|,)?\s+(?:làm việc|hội đàm|hội kiến|được)\b)|"
                             # "thăm chính thức Việt Nam": the country or city visited, named right after
                             r"\b(?P<visit>thăm(?:\s+(?:chính thức|cấp nhà nước|hữu nghị(?: chính thức)?|làm việc))?)\s+(?:tới\s+|đến\s+)?"))


def locate(article: Article, start: int, end: int, lex: Lexicon) -> tuple[str | None, str | None]:
    """(city, country) of 'tại/ở <place>' inside the span; a province gives only the country.
    A city named after a country or province of the same country is the more precise place
    ("Trong khuôn khổ chuyến công tác tại Trung Quốc, chiều 22/9, tại Thượng Hải")."""
    low = article.match_text[start:end].lower()
    index = index_of(lex)
    first: tuple[str | None, str] | None = None      # the first place named, when only a country
    for m in _VENUE_CUE.finditer(low):
        if _posted_at(index.countries).search(low, max(0, m.start() - 80), m.start()):
            continue   # "Tổng Lãnh sự Trung Quốc tại Đà Nẵng": a diplomat's post, in his title
        window = low[m.end():m.end() + 90]
        here = _place(window, index, at_start=True) if m.group("visit") else (
            _venue(window, index) or _place(window, index))
        if here is None:
            continue
        if here[0] is not None:
            return here if first is None or first[1] == here[1] else first
        first = first or here
    return first or (None, None)


# an office held abroad ("Đại sứ", "Tổng Lãnh sự"): its holder's post is in his title
DIPLOMATIC_OFFICE = r"(?:đại sứ|lãnh sự|tham tán|tùy viên|tuỳ viên)"


@lru_cache(maxsize=4)
def _posted_at(countries) -> re.Pattern:
    """A diplomat's office and country, ending where "tại <his post>" begins ("Tổng Lãnh sự Trung
    Quốc ", "Đại sứ đặc mệnh toàn quyền nước Cộng hòa nhân dân Trung Hoa ")."""
    names = "|".join(sorted((re.escape(name) for name, _, _ in countries), key=len, reverse=True))
    return re.compile(rf"(?<!\w){DIPLOMATIC_OFFICE}(?:\s+quán)?(?:\s+đặc mệnh toàn quyền)?\s+(?:{names})\s*$")


def _venue(window: str, index) -> tuple[str, str] | None:
    """A known building at the head of the window, after at most a few words ("Nhà khách Điếu Ngư Đài")."""
    for venue, city, country in index.venues_low:
        if venue not in window:
            continue   # (a plain test first: most windows name no venue)
        i = _word_at(window[:len(venue) + 20], venue)
        # "trụ sở Bộ Công an Trung Quốc" is not the Vietnamese ministry's headquarters
        if i >= 0 and "," not in window[:i] and not re.match(r"\s*(?:trung quốc|nước cộng hòa)",
                                                              window[i + len(venue):]):
            return city, country
    return None


def _place(window: str, index, at_start: bool = False) -> tuple[str | None, str] | None:
    """(city or None, country) of the nearest place named as a whole word in the first 60
    characters; "thành phố Cao Bằng" is the city named like its province."""
    best = None
    cities = []
    for name_low, place in index.places_low:
        if name_low not in window:
            continue   # (a plain test first: a window names few of the places)
        i = _word_at(window, name_low)
        # the nearest; of two at one place the longer ("Điện Biên Phủ", not "Điện Biên")
        if i >= 0 and (best is None or (i, -len(name_low)) < best[:2]):
            best = (i, -len(name_low), place)
        if i >= 0 and place.kind == "city":
            cities.append((i, -len(name_low), place))
    if best is None or best[0] > (0 if at_start else 60):
        return None
    if best[2].kind != "city" and not at_start:
        # "tại trụ sở Công an tỉnh Nghệ An, thành phố Vinh": the city of that province is the more precise
        city = min((c for c in cities if c[0] <= 60 and c[2].country == best[2].country), default=None,
                   key=lambda c: c[:2])
        best = city or best
    i, _, place = best
    if place.kind == "city" or (place.kind == "province" and window[:i].endswith((CITY_NOUN,) + CITY_NOUN_SHORT)):
        return place.name_en, place.country
    return None, place.country


def _word_at(text: str, word: str) -> int:
    """Where `word` first stands as a whole word in `text` (-1: nowhere)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return i
        i = text.find(word, i + 1)
    return -1


def _cities(article: Article, spans: list[tuple[int, int]], lex: Lexicon) -> set[tuple[str, str]]:
    found = set()
    for s, e in spans:
        low = article.match_text[s:e].lower()
        for name_low, pattern, place in index_of(lex).cities:
            if name_low in low and pattern.search(low):
                found.add((place.name_en, place.country))
    return found


# "tại Thủ đô Bắc Kinh và tỉnh Vân Nam", "ở Hà Nội và Quảng Ninh": two places joined by "và"
_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:các\s+)?")
_PLACE_NOUN = re.compile(r"(?:thủ đô|thành phố|tp\.?|tỉnh|khu tự trị|châu)\s+")
_AND = re.compile(r"\s+và\s+")


def _place_end(low: str, i: int, index) -> int | None:
    """End of a place of the lexicon (not a country) named at `i`, after an optional noun."""
    noun = _PLACE_NOUN.match(low, i)
    j = noun.end() if noun else i
    longest = max((len(name) for name, place in index.places_low if place.kind != "country"
                   and low.startswith(name, j) and not low[j + len(name):j + len(name) + 1].isalnum()), default=0)
    return j + longest if longest else None


def names_two_places(article: Article, spans: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether a sentence says that what it tells was held in two places ("với các hoạt động tại
    Thủ đô Bắc Kinh và tỉnh Vân Nam"): a visit told so was in no single city."""
    index = index_of(lex)
    for s, e in spans:
        low = article.match_text[s:e].lower()
        for at in _AT.finditer(low):
            first = _place_end(low, at.end(), index)
            joined = _AND.match(low, first) if first is not None else None
            if joined and _place_end(low, joined.end(), index) is not None:
                return True
    return False


def _person_record(p: FoundPerson, article: Article, country: str | None) -> PersonMention:
    s, e = p.sentence
    return PersonMention(name=article.text[p.start:p.end], country=country, title=p.title, rank=p.rank,
                         organization=p.organization, evidence=evidence(article, s, e), span=(p.start, p.end),
                         canonical=p.canonical)


# --- the primary event -------------------------------------------------------------------------
def delegation_country(article: Article, body: list[tuple[int, int]], lex: Lexicon) -> str | None:
    """The country of the travelling delegation ("Đoàn … Trung Quốc … do … dẫn đầu")."""
    mt = article.match_text
    for s, e in body:
        for m in P.HEAD_SPAN.finditer(mt, s, e):
            before = P.DELEGATION_BEFORE.search(mt[s:m.start()])
            if before:
                c = country_of(before.group(0), lex)
                if c:
                    return c
    for s, e in body:   # "…, ông Y, …, sang thăm và làm việc tại Việt Nam từ ngày …": Y's side travels
        m = VISITING.search(mt, s, e)
        if m:
            return "CN" if m.group("dest") == "Việt Nam" else "VN"
    return None


# a visitor, named before, said to be visiting the other country (not "chuyến sang thăm …", a trip named)
VISITING = Scan(re.compile(r"(?<!chuyến )\b(?:sang|đến)\s+thăm(?:\s+(?:chính thức|và làm việc|làm việc))*"
                           r"\s+(?:tại\s+)?(?P<dest>Việt Nam|Trung Quốc)\b"))


# --- reference events -----------------------------------------------------------------------------
def _status(article: Article, sentence: tuple[int, int], clause_end: int, date: DateValue) -> str:
    if P.PLAN_CUES.search(article.match_text, sentence[0], clause_end):
        return "planned"
    if date.known and article.published.known and date.start > article.published.end:
        return "planned"
    return "held"


RELATIVE_KINDS = ("relative_day", "relative_week", "relative_recent", "relative_month", "relative_year")


def office_holders(both: re.Match | None, people) -> dict[str, dict[str, FoundPerson]]:
    """"hai Thứ trưởng", "Bộ trưởng hai nước" (patterns.BOTH_SIDES): on each side, the people (by key)
    who hold that office, not its deputy's; {} when the phrase names no office ("hai bên")."""
    title = (both.group("title") or both.group("title2") or "").lower() if both else ""
    if title in ("", "bên", "bộ", "đồng chủ trì", "trưởng đoàn"):
        return {}
    holds = re.compile(r"(?<!phó )\b" + re.escape(title) + r"\b")
    return {c: {p.key: p for p in people if p.country == c and holds.search((p.title or "").lower())}
            for c in ("VN", "CN")}


def _co_chairs_by_office(mt: str, start: int, end: int, people: list[FoundPerson]) -> list[tuple[FoundPerson, str]]:
    """"(Hội nghị …,) do hai Thứ trưởng đồng chủ trì": the article's holder of that office on each side."""
    co = P.CO_CHAIR.search(mt, start, end)
    holders = office_holders(P.BOTH_SIDES.search(mt, max(start, co.start() - 40), co.start()) if co else None, people)
    if not holders or not all(len(h) == 1 for h in holders.values()):
        return []
    return [(next(iter(h.values())), "co_chair") for h in holders.values()]


def conference_references(article: Article, body: list[tuple[int, int]], people: list[FoundPerson],
                           lex: Lexicon) -> list[Claim]:
    mt = article.match_text
    claims: dict[tuple, Claim] = {}
    for s, e in body:
        for m in P.CONFERENCE_MENTION.finditer(mt, s, e):
            number = P.ordinal_value(m.group("n"))
            if number is None:
                continue
            skey = P.series_key(m.group(0))
            nxt = re.search(r"[;]|[Hh]ội nghị", mt[m.end():e])
            clause_end = m.end() + nxt.start() if nxt else e
            dates = [x for x in _dates_in(article, m.end(), clause_end) if x.kind not in ("years_ago",)]
            # "diễn ra hôm qua (8/11)": the day written out, rather than the relative one before it
            written = [x for x in dates if x.kind not in RELATIVE_KINDS]
            dates = written[:1] + dates if written and dates[0].kind == "relative_day" else dates
            date = _resolve(dates[0], article) if dates else UNKNOWN_DATE
            city, country = locate(article, m.start(), clause_end, lex)
            if ONLINE.search(mt, m.start(), clause_end):
                city, country = None, None
            status = _status(article, (s, e), clause_end, date)
            # people recalled at that conference: "nhận thức chung của X và Y tại Hội nghị … lần thứ N"
            owned_from = m.start()
            of = mt.rfind(" của ", s, m.start())
            if of >= 0 and re.search(r"\btại\s*$", mt[s:m.start()]):
                owned_from = of
            members = [(p, "participant") for p in people if owned_from <= p.start < m.start() and p.title]
            members += _co_chairs_by_office(mt, m.end(), clause_end, people)
            event = EventMention(
                article_id=article.article_id, mention="reference", event_type="conference",
                title_vi=article.text[m.start():m.end()], series=P.series_of(m.group(0)), series_number=number,
                series_number_inferred=False, date=date, location_city=city, location_country=country,
                host_country=country, status=status, evidence=evidence(article, s, e), series_key=skey,
                location_basis="stated" if city or country else None)
            claim = Claim(event, (owned_from, clause_end), members, m.start())
            # the same series and ordinal (a bare "Hội nghị lần thứ 14" joins the one with that ordinal)
            key = next((k for k in claims if k[1] == number and (k[0] == skey or not skey or not k[0])),
                       (skey, number))
            old = claims.get(key)
            if old is None or (not old.event.date.known and date.known):
                if old is not None:  # keep what the first mention knew
                    event.series = event.series or old.event.series
                    event.series_key = event.series_key or old.event.series_key
                    claim.people = old.people + claim.people
                    del claims[key]
                    key = (event.series_key, number)
                claims[key] = claim
            elif old is not None:
                old.people += members
                old.event.series = old.event.series or event.series
    return list(claims.values())


def _delegation_body(phrase: str) -> str | None:
    """The body a delegation phrase names ("đoàn công tác Công an tỉnh Nghệ An hồi tháng 4" → "Công
    an tỉnh Nghệ An"), as the sides of a meeting are read."""
    from .sides import SIDE_ORG, _trim_org   # (sides reads this module: imported when first used)
    m = SIDE_ORG.search(phrase)
    return (_trim_org(phrase[m.start():]) or None) if m else None


def visit_references(article: Article, body: list[tuple[int, int]], people: list[FoundPerson],
                     lex: Lexicon, primary_sentences: set[tuple[int, int]]) -> list[Claim]:
    """Leaders' state visits and other dated visits that the article recalls or anticipates."""
    mt = article.match_text
    claims = []
    for p in people:
        if not p.title:
            continue
        low_title = p.title.lower()
        leader = any(t.lower() in low_title for t in lex.leader_titles)
        m = P.VISIT_OF.search(mt, p.sentence[0], p.phrase_start)
        if not (leader and m):
            continue
        s, e = p.sentence
        clause_end = min([x for x in (mt.find(";", p.end, e), mt.find(", cũng", p.end, e)) if x >= 0] or [e])
        # "Trong khuôn khổ chuyến thăm … của Tổng Bí thư X (từ ngày 3 đến 6/4), tối 4/4, Bộ trưởng A
        # hội đàm …": the visit's phrase ends at the comma after the name (and its bracket); what
        # follows is the meeting the article reports
        after = re.match(r"\s*(?:\([^()]{0,60}\))?[^,;()]{0,60}?(?=,)", mt[p.end:clause_end])
        phrase_end = p.end + after.end() if after else clause_end
        dates = [x for x in _dates_in(article, m.start(), phrase_end) if x.kind not in ("years_ago",)] or \
            [x for x in _dates_in(article, m.start(), clause_end) if x.kind not in ("years_ago",)]
        if dates and dates[0].char_start >= phrase_end:
            phrase_end = clause_end   # its dates come after the comma: the phrase runs on to them
        date = _resolve(dates[0], article) if dates else UNKNOWN_DATE
        kind = m.group("kind").lower()
        leader_country = country_of(p.title, lex) or "VN"
        basis = "stated"
        if "trung quốc" in kind:
            dest = "CN"
        elif "việt nam" in kind:
            dest = "VN"
        else:   # the leader travels to the other side
            dest, basis = {"VN": "CN", "CN": "VN"}[leader_country], "inferred"
        event = EventMention(
            article_id=article.article_id, mention="reference", event_type="leaders_visit",
            title_vi=article.text[m.start():p.end], series=None, series_number=None,
            series_number_inferred=False, date=date, location_city=None, location_country=dest,
            host_country=dest, status=_status(article, (s, e), clause_end, date), evidence=evidence(article, s, e),
            location_basis=basis)
        p_country = replace(p, country=p.country or leader_country)
        same = next((c for c in claims if c.people and c.people[0][0].key == p.key), None)
        if same is not None:   # "chuyến thăm của Tổng Bí thư X" again: the visit told before
            if not same.event.date.known and date.known:
                same.event.date = date
            continue
        claims.append(Claim(event, (m.start(), phrase_end), [(p_country, "head_of_delegation")]))
    # a dated visit by a delegation "trong chuyến thăm … do X dẫn đầu", outside the primary's sentences
    for s, e in body:
        if (s, e) in primary_sentences or not re.search(r"[Cc]huyến thăm", mt[s:e]):
            continue
        if re.search(r"(?i)trong khuôn khổ (?:chuyến thăm|chuyến công tác)|(?:đang|nhân dịp) (?:sang )?thăm", mt[s:e]):
            continue   # the frame of the meetings the article reports, not a visit it recalls
        head = P.HEAD_SPAN.search(mt, s, e)
        dates = [x for x in _dates_in(article, s, e) if x.kind not in ("years_ago",)]
        if not head or not dates:
            continue
        if any(c.span[0] <= head.start() < c.span[1] for c in claims):
            continue
        date = _resolve(dates[0], article)
        city, country = locate(article, s, e, lex)
        before = P.DELEGATION_BEFORE.search(mt[max(s, head.start() - 160):head.start()])
        deleg = country_of(before.group(0), lex) if before else None
        heads = [(replace(p, country=p.country or deleg), "head_of_delegation")
                 for p in people if head.start() <= p.start < head.end()]
        basis = "stated" if city or country else None
        if not country and deleg in ("VN", "CN"):
            country, basis = {"VN": "CN", "CN": "VN"}[deleg], "inferred"   # the delegation goes to the other side
        v = re.search(r"[Cc]huyến thăm", mt[s:e])
        event = EventMention(
            article_id=article.article_id, mention="reference", event_type="visit",
            title_vi=article.text[s + v.start():head.end()], series=None, series_number=None,
            series_number_inferred=False, date=date, location_city=city, location_country=country,
            host_country=country, status=_status(article, (s, e), e, date), evidence=evidence(article, s, e),
            location_basis=basis)
        org = _delegation_body(before.group(0)) if before else None
        if org and deleg in ("VN", "CN") and country_of(org, lex) == deleg:
            # "chuyến thăm … của đoàn công tác Công an tỉnh Nghệ An … do X dẫn đầu": that body's visit
            event.sides, event.sides_basis = {deleg: org}, "stated"
        claims.append(Claim(event, (s, e), heads))
    return claims


# --- roles -----------------------------------------------------------------------------------------
def resolve_people(rows: list[tuple[FoundPerson, str, str | None]], deleg: str | None,
                   host: str | None) -> dict[str, tuple[FoundPerson, str, str | None]]:
    """One entry per person (by name key): the strongest role, the first stated country, the
    fullest title; a person with no country takes the side their role implies."""
    merged: dict[str, tuple[FoundPerson, str, str | None]] = {}
    for p, role, country in rows:
        key = variant_key(p.name)
        if key in merged:
            q, r, c = merged[key]
            best = p if (p.title and len(p.title or "") > len(q.title or "")) else q
            if best is p and not p.rank and q.rank:
                best = replace(p, rank=q.rank)
            elif best is q and not q.rank and p.rank:
                best = replace(q, rank=p.rank)
            merged[key] = (best, r if ROLE_RANK[r] <= ROLE_RANK[role] else role, c or country)
        else:
            merged[key] = (p, role, country)
    for key, (p, role, country) in merged.items():
        if country is None:
            if role == "head_of_delegation":
                country = deleg
            elif role == "host" and deleg:
                country = {"VN": "CN", "CN": "VN"}[deleg]
            elif p.rank:
                country = "VN"  # the text gives Vietnamese officers their rank; Chinese ones rarely
        merged[key] = (p, role, country)
    return merged


def to_participants(article: Article, merged, keys_order) -> list[ParticipantMention]:
    out = []
    for key in keys_order:
        p, role, country = merged[key]
        out.append(ParticipantMention(_person_record(p, article, country), role))
    return out


PLANNED_MEETING = re.compile(
    r"(?:thống nhất|nhất trí|thỏa thuận)(?P<mid>[^.;]{0,60}?)\b(?:sẽ )?tổ chức (?P<what>hội đàm|hội nghị|cuộc gặp|giao ban)"
    r"(?P<rest>[^.;]{0,100})")
# "luân phiên tổ chức hội đàm hằng năm, năm 2044 sẽ tổ chức tại thành phố Phổ Nhĩ"
# "Hai bên thống nhất cuộc hội đàm giữa năm sẽ tổ chức tại thành phố Văn Sơn vào tháng 10/2078"
PLANNED_NAMED_FIRST = re.compile(r"(?:thống nhất|nhất trí|thỏa thuận)\s+(?:cuộc |buổi |phiên |lần |kỳ )?(?P<what>hội đàm|hội nghị|cuộc gặp)"
                                 r"(?P<mid>[^.;]{0,40}?)\s+sẽ (?:được )?(?:tổ chức|diễn ra)(?P<rest>[^.;]{0,100})")
PLANNED_NEXT = re.compile(r"(?P<what>hội đàm|hội nghị)[^.;]{0,60}?,\s*(?P<rest>(?:năm|vào năm) \d{4} (?:sẽ )?(?:được )?tổ chức[^.;]{0,80})")
# "… tại Hội nghị đối thoại cấp Thứ trưởng về an ninh chính trị, dự kiến tổ chức tại Hà Nội vào tháng 12":
# a conference named, then said to be planned (no ordinal: one with an ordinal is a conference mention)
PLANNED_CONFERENCE = re.compile(r"(?P<what>[Hh]ội nghị|[Đđ]ối thoại)(?P<mid>[^.;]{0,120}?),?\s+(?:dự kiến|sẽ)\s+"
                                r"(?:được\s+)?(?:tổ chức|diễn ra)(?P<rest>[^.;]{0,100})")
_PLANNED_CONFERENCE = Scan(PLANNED_CONFERENCE)   # (sought where "hội nghị" or "đối thoại" begins)
# "Việt Nam sẽ đăng cai hội nghị lần kế tiếp vào năm 2041": the next round, planned
PLANNED_NEXT_ROUND = re.compile(r"\b(?:đăng cai|tổ chức)\s+(?P<what>hội nghị|hội đàm|đối thoại)\s+(?:lần|kỳ)\s+"
                                r"(?:kế tiếp|tiếp theo|tới)\b(?P<rest>[^.;]{0,100})", re.I)
NEXT_ROUND = re.compile(r"(?i)^(?:hội nghị|hội đàm|đối thoại)\s+(?:lần|kỳ)\s+(?:kế tiếp|tiếp theo|tới)\b")
# "Hai bên thống nhất tăng cường …; tổ chức hội đàm năm 2090 tại thành phố Sùng Tả": a plan that is
# an item of the list the sides agreed on (AGREED before it in the sentence)
PLANNED_LIST_ITEM = re.compile(r";\s*(?:sẽ\s+)?tổ chức (?P<what>hội đàm|hội nghị|cuộc gặp|giao ban)(?P<rest>[^.;]{0,100})")
AGREED = re.compile(r"\b(?:thống nhất|nhất trí|thỏa thuận)\b")
PLANNED_TYPE = {"hội đàm": "talks", "hội nghị": "conference", "cuộc gặp": "other", "giao ban": "talks",
                "đối thoại": "conference"}
# "Việt Nam sẽ đăng cai …": the host named as the subject of hosting
HOSTING = re.compile(r"(?P<host>Việt Nam|Trung Quốc|[Pp]hía (?:Việt Nam|Trung Quốc|bạn))\s+(?:sẽ\s+)?(?:đăng cai|là nước chủ nhà)")


def planned_meetings(article: Article, body: list[tuple[int, int]], taken: list[tuple[int, int]],
                     lex: Lexicon) -> list[Claim]:
    """'thống nhất tổ chức hội đàm định kỳ năm 2032 tại tỉnh Lào Cai': the next meeting, planned."""
    mt = article.match_text
    claims = []
    for s, e in body:
        seen_what = set()
        for m in list(PLANNED_MEETING.finditer(mt, s, e)) + list(PLANNED_NEXT.finditer(mt, s, e)) + list(
                PLANNED_NAMED_FIRST.finditer(mt, s, e)) + list(_PLANNED_CONFERENCE.finditer(mt, s, e)) + list(
                PLANNED_NEXT_ROUND.finditer(mt, s, e)) + [
                m for m in PLANNED_LIST_ITEM.finditer(mt, s, e) if AGREED.search(mt, s, m.start())]:
            if any(a <= m.start("what") < b for a, b in taken) or P.ORDINAL.search(m.group("rest")) \
                    or P.ORDINAL.search(m.group(0)[:m.start("rest") - m.start()]):
                continue   # a numbered conference: conference_references reads it
            if m.start("what") in seen_what or any(m.start() <= w < m.end() for w in seen_what):
                continue   # one plan read by both patterns
            seen_what.add(m.start("what"))
            dates = [x for x in _dates_in(article, m.start(), m.end())
                     if x.kind in ("year", "month", "day", "relative_month", "relative_year")]
            if not dates:
                continue
            date = _resolve(dates[0], article)
            if not date.known:
                continue
            city, country = locate(article, m.start("rest"), m.end(), lex)
            host = HOSTING.search(mt, max(s, m.start() - 40), m.start("what"))
            if not country and host and "bạn" not in host.group("host"):
                country = country_of(host.group("host"), lex)
            what = m.group("what").lower()
            event = EventMention(
                article_id=article.article_id, mention="reference", event_type=PLANNED_TYPE[what],
                # (a conference named first is titled by its name: "Hội nghị đối thoại … về an ninh chính trị")
                title_vi=article.text[m.start("what"):m.end("mid") if m.re is PLANNED_CONFERENCE else m.end()].strip(" ,"),
                series=P.series_of(m.group(0)) if PLANNED_TYPE[what] == "conference" else None, series_number=None,
                series_number_inferred=False, date=date, location_city=city, location_country=country,
                host_country=country, status="planned", evidence=evidence(article, s, e),
                location_basis="stated" if city or country else None)
            claims.append(Claim(event, (m.start(), m.end()), [], m.start("what")))
    return claims
