"""What each meeting is: its date and place, and who took part in which role and for which side.

Input: the meetings built by `meetings.py`, the people of the article and the meeting each
sentence speaks of. Roles come from the frame's syntax ("A tiếp B", "do … dẫn đầu", "đồng chủ trì",
"Chủ trì phía bạn là X") and, where the text allows, from the side each person sits on.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import patterns as P
from .dates import bounds_from_text
from .events import DIPLOMATIC_OFFICE, ONLINE, _cities, evidence, locate, names_two_places, office_holders
from .fastscan import Scan
from .lexicon import Lexicon, index_of
from .meetings import (CHAIRS, CO_DO_SPAN, HOSTS_LIST, OTHER_SIDE, Meeting, _chair_is, _own_date, at_another_meeting,
                       co_chair_after, joint_chair)
from .people import FoundPerson, country_named_in, country_of, side_overrides
from .records import UNKNOWN_DATE, Article

# --- what each meeting is -----------------------------------------------------------------------------
def describe(article: Article, meetings: list[Meeting], people: list[FoundPerson], owner, deleg: str | None,
             lex: Lexicon, claimed) -> None:
    """Date, place, sides and participants of every meeting (mutates the events)."""
    mt = article.match_text
    visit = next((m for m in meetings if m.kind == "visit" and m.event.mention == "primary"), None)
    in_a_room = []
    for m in meetings:
        ev = m.event
        own = [f.date for f in m.frames if f.date is not None and f.date.known]
        ev.date = own[0] if own else (ev.date if ev.mention == "reference" else UNKNOWN_DATE)
        online = any(ONLINE.search(mt, *f.sentence) for f in m.frames)
        if not online:
            in_a_room.append(m)
        city = country = None
        if not online:
            # the frame's own sentences first, then the dated subheading it hangs under
            for span in [f.sentence for f in m.frames] + [f.heading for f in m.frames if f.heading]:
                city, country = locate(article, *span, lex)
                if city or country:
                    break
        if m.kind == "visit":
            cities = _cities(article, [f.sentence for f in m.frames] + m.sentences, lex)
            # a dated subheading over another meeting ("* Ngày 6/4: hội đàm tại Hà Nội") is that meeting's
            taken = {c for other in meetings if other is not m for c in
                     _cities(article, [f.sentence for f in other.frames] + [f.heading for f in other.frames
                                                                              if f.heading], lex)}
            # every city also another meeting's: only the visit's own meetings place it (its talks
            # with the host ministry in Beijing), not where it landed ("Đoàn đến sân bay … Bắc Kinh")
            own_cities = cities - taken or _cities(article, [f.sentence for f in m.frames], lex)
            if names_two_places(article, [f.sentence for f in m.frames], lex):
                own_cities = set()     # "với các hoạt động tại Thủ đô Bắc Kinh và tỉnh Vân Nam"
            if country:   # "đã thăm, làm việc tại …, Trung Quốc": a city of another country (in a
                # body's name, "Công an thành phố Hà Nội") is not where the visit went
                own_cities = {c for c in own_cities if c[1] == country}
            city, c_country = next(iter(own_cities)) if len(own_cities) == 1 else (None, None)
            country = c_country or country   # stated place first
            if country is None and OTHER_SIDE.get(deleg or ""):
                country, ev.location_basis = OTHER_SIDE[deleg], "inferred"   # the side visited
        ev.location_city, ev.location_country = city, country
        if (city or country) and ev.location_basis is None:
            ev.location_basis = "stated"
        ev.host_country = country if m.kind != "visit" else (OTHER_SIDE.get(deleg or "") or country)
        if ev.host_country is None and deleg:
            ev.host_country = OTHER_SIDE[deleg]
            if not ev.location_country and not online:
                ev.location_country, ev.location_basis = ev.host_country, "inferred"
        if online:
            ev.location_city = ev.location_country = ev.location_basis = None
        ev.evidence = evidence(article, *m.frames[0].sentence)
    _place_by_the_same_days_meeting(in_a_room)
    _place_by_the_lead(article, [m for m in in_a_room if m.kind != "visit"], list(owner)[:2],
                       {f.sentence for m in meetings for f in m.frames}, lex)
    _place_by_the_body_visited([m for m in in_a_room if m.kind != "visit"], deleg, lex)
    _visit_in_its_meetings_city(article, meetings, owner, lex)
    # a delegation stated to be in a third country ("thăm và làm việc tại Vương quốc Campuchia") is
    # there for its other sessions too, not in the other side's country by default
    abroad = {m.event.location_country for m in meetings if m.event.location_basis == "stated"
              and m.event.location_country not in (None, "VN", "CN")}
    if len(abroad) == 1:
        third = next(iter(abroad))
        for m in meetings:
            if m.event.location_basis == "inferred" and not m.event.location_city:
                m.event.location_country = m.event.host_country = third
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
    _place_by_the_host(in_a_room)


DELEGATION_WORD = re.compile(r"\b[Đđ]oàn\b")
# an office held abroad: its holder receives in the country of his post, not his own
POSTED_ABROAD = re.compile(rf"(?i)\b{DIPLOMATIC_OFFICE}\b")


def _place_by_the_host(meetings: list[Meeting]) -> None:
    """A reception with no place said ("Giám đốc Công an tỉnh Cao Bằng đã tiếp ông Y, Tổng Lãnh sự
    …") is held in its host's country, marked inferred; a host posted abroad tells nothing of it.
    (`meetings`: those held in a room, not online.)"""
    for m in meetings:
        ev = m.event
        if m.kind != "reception" or ev.mention != "primary" or ev.location_country:
            continue
        hosts = [p for p, role in m.people.values() if role == "host"]
        countries = {h.country for h in hosts}
        if hosts and len(countries) == 1 and None not in countries \
                and not any(POSTED_ABROAD.search(h.title or "") for h in hosts):
            ev.location_country, ev.location_basis = next(iter(countries)), "inferred"
            ev.host_country = ev.host_country or ev.location_country


def _visit_in_its_meetings_city(article: Article, meetings: list[Meeting], owner, lex: Lexicon) -> None:
    """A visit that names no city of its own is in the one city where every meeting held within
    its days took place (reception at Nhà Quốc hội, talks at the ministry: Hanoi), marked inferred;
    meetings in two cities, or another city the visit's own sentences name (sightseeing in Hạ
    Long), leave it without one."""
    for v in meetings:
        ev = v.event
        if v.kind != "visit" or ev.mention != "primary" or ev.location_city or not ev.date.known \
                or ev.date.precision != "day" or names_two_places(article, [f.sentence for f in v.frames], lex):
            continue
        inside = [m.event for m in meetings if m is not v and m.event.mention == "primary" and m.event.date.known
                  and m.event.date.precision == "day" and ev.date.start <= m.event.date.start <= ev.date.end]
        places = {(e.location_city, e.location_country) for e in inside}
        # (the sentences of no other meeting, and a paragraph on the delegation kept out of the body
        # for naming no security matter: "Đoàn đã đi thăm … vịnh Hạ Long" belongs to the trip)
        trip = [(a, b) for a, b, kind in article.noise if kind == "off_topic" and DELEGATION_WORD.search(article.text, a, b)]
        places |= _cities(article, [f.sentence for f in v.frames] + v.sentences + trip
                          + [sent for sent, m in owner.items() if m is None], lex)
        if len(places) == 1 and None not in next(iter(places)) \
                and ev.location_country in (None, next(iter(places))[1]):
            ev.location_city, ev.location_country = next(iter(places))
            ev.location_basis = "inferred"


def _place_by_the_same_days_meeting(meetings: list[Meeting]) -> None:
    """"Trước đó, sáng cùng ngày, Đoàn đã hội đàm với Sở Công an tỉnh Quảng Đông" after a reception
    in Quảng Châu: a meeting of the trip with no place of its own is where the placed meeting of its
    day was (a different country stated for it forbids that), marked inferred. (`meetings`: those
    held in a room, not online.)"""
    def day_of(m: Meeting):
        d = m.event.date
        return d.start if d.known and d.precision == "day" and d.start == d.end else None

    placed = [m for m in meetings if m.kind != "visit" and m.event.mention == "primary"
              and m.event.location_city and m.event.location_basis == "stated" and day_of(m)]
    for m in meetings:
        ev = m.event
        if m.kind == "visit" or ev.mention != "primary" or ev.location_city or day_of(m) is None:
            continue
        same = {(o.event.location_city, o.event.location_country) for o in placed
                if o is not m and day_of(o) == day_of(m)
                and (ev.location_country is None or o.event.location_country == ev.location_country)}
        if len(same) == 1:
            ev.location_city, ev.location_country = next(iter(same))
            ev.location_basis = "inferred"


def _place_by_the_lead(article: Article, meetings: list[Meeting], opening, framed, lex: Lexicon) -> None:
    """"Ngày 20/11, tại thủ đô Bắc Kinh, Đoàn … đã có loạt hoạt động …": the lead, which tells of no
    meeting itself, gives the day and city of the meetings told after it; one of that day with no
    city of its own is there (a different country stated for it forbids that), marked inferred."""
    for s, e in opening:
        if (s, e) in framed:
            continue
        day = _own_date(article, s, e, (), None)
        if day is None or not day.known or day.precision != "day" or day.start != day.end:
            continue
        city, country = locate(article, s, e, lex)
        if city is None:
            return
        for m in meetings:
            ev = m.event
            d = ev.date
            if ev.mention == "primary" and not ev.location_city and d.known and (d.start, d.end) == (day.start, day.end) \
                    and ev.location_country in (None, country):
                ev.location_city, ev.location_country, ev.location_basis = city, country, "inferred"
        return


# a national ministry sits in its country's capital
CAPITALS = {"VN": "Hà Nội", "CN": "Bắc Kinh"}


def _place_by_the_body_visited(meetings: list[Meeting], deleg: str | None, lex: Lexicon) -> None:
    """A delegation abroad that "làm việc với Công an thành phố Hải Phòng", "với Bộ An ninh Quốc gia
    Trung Quốc", no place said, went to that body: to the city its name holds, or to the capital for
    a ministry (marked inferred). A body's delegation ("với Đoàn …") may have come to it instead."""
    home = OTHER_SIDE.get(deleg or "")
    if home is None:
        return
    index = index_of(lex)
    for m in meetings:
        ev = m.event
        bodies = {f.counterpart for f in m.frames if f.counterpart}
        if ev.mention != "primary" or ev.location_city or len(bodies) != 1:
            continue
        body = next(iter(bodies))
        if body.startswith("đoàn") or country_of(body, lex) != home or ev.location_country not in (None, home):
            continue
        seat = next((p for _, pattern, p in index.cities if p.country == home and pattern.search(body)), None)
        if seat is None and body.startswith("bộ "):
            seat = next((p for _, _, p in index.cities if p.name_vi == CAPITALS[home]), None)
        if seat is not None:
            ev.location_city, ev.location_country, ev.location_basis = seat.name_en, home, "inferred"


ALL_MEETINGS = Scan(re.compile(r"(?i)\b(?:dự|tham dự)\s+(?:cả\s+)?(?:hai|2|các|cả hai)\s+(?:cuộc|buổi)\s+"
                               r"(?:làm việc|hội đàm|tiếp|hội kiến|gặp)\b"))
# who travels with the delegation ("Phó Trưởng đoàn là bà Y": its deputy head is one of its members)
MEMBERS = Scan(re.compile(r"\b(?:[Tt]ham gia [Đđ]oàn|[Tt]hành viên [Đđ]oàn|[Cc]ùng đi (?:với|trong) [Đđ]oàn|[Cc]ùng đi có|[Đđ]oàn gồm|"
                          r"[Cc]ùng đi với [^.;,]{1,40}? có|"   # "Cùng đi với Tổng Lãnh sự có bà X": the visitor's side
                          r"[Pp]hó [Tt]rưởng [Đđ]oàn)\b"))
SIDE_LIST = Scan(re.compile(r"\b(?:[Vv]ề\s+)?(?:[Pp]hía|[Bb]ên|[Đđ]oàn)\s+(?P<side>Trung Quốc|Việt Nam|bạn)\b|"
                            r"\bđiểm cầu\s+(?P<end>[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3})(?=,?\s+(?:có|là)\b)|"
                            # "về phía Cục Công an thành phố Đông Hưng có đồng chí X": the body's side
                            r"\b(?:[Vv]ề\s+)?[Pp]hía\s+(?P<body>(?:Bộ|Sở|Cục|Tổng cục|Công an|Ủy ban|Uỷ ban|Ban|Văn phòng|"
                            r"Học viện|Đoàn|Bộ Tư lệnh)\s[^,.;:()]{2,100}?)(?=,?\s+(?:có|là|gồm)\b)"))


def _country_of_place(place: str) -> str | None:
    from .lexicon import load
    return country_of(place, load())


LIST_GOES_ON = re.compile(r"\s*(?:cùng (?:tham )?dự có|cùng có|cùng dự|và)\b", re.I)


def _side_of_list(mt: str, p: FoundPerson) -> str | None:
    """"Phía Trung Quốc có ông X, …; Về phía Việt Nam có …": the side a listed person sits on."""
    s = p.sentence[0]
    clause_start = max(mt.rfind(";", s, p.start), mt.rfind(".", s, p.start), s)
    # "Về phía Trung Quốc có các đồng chí: A, …; B, …": the list after the colon is that side's to its end
    opened = [m for m in SIDE_LIST.finditer(mt, s, p.start) if mt.find(":", m.end(), min(m.end() + 40, p.start)) >= 0] \
        if mt.find(":", s, p.start) >= 0 else []
    if opened and clause_start > opened[-1].end() and "." not in mt[opened[-1].end():p.start]:
        clause_start = opened[-1].start()
    if clause_start > s and LIST_GOES_ON.match(mt, clause_start + 1, p.start):
        # "Chủ trì phía bạn là ông X; cùng dự có bà Y": the list of that side goes on
        clause_start = max(mt.rfind(";", s, clause_start), mt.rfind(".", s, clause_start), s)
    side = None
    for m in SIDE_LIST.finditer(mt, clause_start, p.start):
        if mt.endswith("của ", max(0, m.start() - 4), m.start()):
            continue   # "theo đề nghị của phía Trung Quốc, Đại tướng X …": whose request, not X's side
        if mt[max(0, m.start() - 8):m.start()].lower().endswith("trưởng "):
            continue   # "Trưởng đoàn Việt Nam": an office, not a list of that side
        # "phía bạn": the partner side, which a Vietnamese outlet writes of as its friend;
        # "tại điểm cầu Bắc Kinh có ông X": the end of an online meeting where X sits
        if m.group("end"):
            side = _country_of_place(m.group("end"))
        elif m.group("body"):
            side = _country_of_place(m.group("body"))
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
    # a side a meeting's sentence gave a person ("Đoàn … Trung Quốc do ông X, Thứ trưởng làm Trưởng
    # đoàn") is the person's wherever a bare office names him again ("hội đàm với Thứ trưởng X")
    learned: dict[str, set[str]] = {}
    for m in meetings:
        for f in m.frames:
            for p, _ in f.principals:
                if p.country:
                    learned.setdefault(p.key, set()).add(p.country)
    for key, countries in learned.items():
        known = identity.get(key)
        # (also over a country read only from a bare body, "Bộ trưởng Bộ Công an", when the meeting's
        # sentence gave another: "Đoàn đại biểu Bộ Công an nước CHND Trung Hoa do đồng chí X, … dẫn đầu")
        if known is not None and len(countries) == 1 and side_overrides(known.country, known.title,
                                                                        next(iter(countries)), lex):
            identity[key] = replace(known, country=next(iter(countries)))
    # the delegation's head: "Đoàn … do X dẫn đầu" anywhere outside recalled clauses
    spans = [(h.start("who"), h.end("who")) for h in P.HEAD_SPAN.finditer(mt)
             if not any(a <= h.start() < b for a, b in claimed)]
    heads = [identity.get(p.key, p) for p in people if any(a <= p.start < b for a, b in spans)
             or _leads_delegation(mt, p, people, claimed)]
    # who receives or is received in a sentence that tells of a meeting: that meeting's, not an
    # attendee of another ("Theo chương trình, Chủ tịch nước X sẽ tiếp …" after the talks)
    principal_of = {(f.sentence, p.start): m for m in meetings for f in m.frames for p, role in f.principals
                    if role != "participant"}
    # "… cùng dự hai cuộc làm việc": who attended every meeting the article reports
    every_meeting = [sent for m in meetings for sent in m.sentences if ALL_MEETINGS.search(mt, *sent)]
    for m in meetings:
        host = m.event.host_country
        framed = {f.sentence for f in m.frames}
        for f in m.frames:
            for p, role in f.principals:
                known = identity.get(p.key)
                if not p.country and known is not None and known.country:
                    p = replace(p, country=known.country)
                listed = _side_of_list(mt, p)   # "…; phía Trung Quốc có ông X, Thứ trưởng Bộ Công an"
                if listed and listed != p.country:
                    p = replace(p, country=listed)
                facing = {q.country for q, r in f.principals if r == "principal" and q.country
                          and (q.start < f.at) != (p.start < f.at)}   # (across the predicate)
                if role == "principal" and not p.country and len(facing) == 1 and OTHER_SIDE.get(next(iter(facing))):
                    # "Bộ trưởng A đã hội đàm với ông B, Bộ trưởng Bộ Công an Trung Quốc": A, of no stated
                    # country, is of the other side than the one he faces
                    p = replace(p, country=OTHER_SIDE[next(iter(facing))])
                m.add(p, _side_role(p, role, host, deleg, lex, m.event.location_country))
            if f.by_delegation and heads and not any(r == "head_of_delegation" for _, r in f.principals):
                m.add(heads[0], "head_of_delegation")
        shared = [x for x in every_meeting if x not in m.sentences] \
            if m.event.mention == "primary" and m.kind != "visit" else []
        for sent in m.sentences + shared:
            if sent in framed or HANDOVER.search(mt, *sent):
                continue   # (who hands over wanted persons at the border attends no meeting)
            for p in people:
                if principal_of.get((sent, p.start), m) is not m:
                    continue
                if sent[0] <= p.start < sent[1] and not any(a <= p.start < b for a, b in claimed) \
                        and not _greeting_sender(mt, sent, p.start) and not _whose_visit(mt, sent, p) \
                        and not at_another_meeting(mt, sent[0], p):
                    if p.phrase_start == p.start and p.key not in m.people:
                        continue   # a bare name never introduced at this meeting
                    hosts = HOSTS_LIST.search(mt, sent[0], p.start)
                    if hosts and JOINED_HOSTS.search(mt, max(sent[0], hosts.start() - 6), hosts.end()):
                        hosts = None   # "Cùng tiếp (đoàn) có X": X sits in beside the one who receives
                    receiver = next((q for q in people if hosts and hosts.end() <= q.start < p.start), None)
                    if receiver is not None:
                        # "Tiếp đoàn có ông A, …; ông B, …": A receives, B sits in beside him, on his side
                        hosts = None
                        if not p.country and receiver.country:
                            p = replace(p, country=receiver.country)
                    chair = CHAIRS.search(mt, p.end, min(sent[1], p.end + 160))
                    chairs = chair and not re.search(r"[.;]|\b(?:và|cùng)\b", mt[p.end:chair.start()])
                    named_chair = _chair_is(mt, sent[0], p.start)
                    spans = _span_role(mt, sent, p)
                    if spans:   # "Đoàn Lai Châu do X dẫn đầu; phía bạn do ông Y chủ trì"
                        m.add(p, spans)
                    elif named_chair == "co_chair" or co_chair_after(mt, p.end, sent[1]) \
                            or joint_chair(mt, p, people, sent[1]):
                        m.add(p, "co_chair")
                    elif named_chair:   # "Chủ trì phía bạn là ông X": the chair of a side hosts at home
                        located = m.event.location_country
                        m.add(p, "host" if not (p.country and located) or p.country == located
                              else "head_of_delegation")
                    else:
                        role = "host" if hosts or chairs else "participant"
                        if role == "participant" and _subject_at_the_meeting(mt, sent, p) and p.country \
                                and not any(q.country == p.country and r != "participant" for q, r in m.people.values()):
                            # "Tại buổi làm việc, Thứ trưởng A và đồng chí B, Thứ trưởng Bộ An ninh Quốc gia
                            # Trung Quốc đã trao đổi …": the two who spoke for their sides
                            role = "host" if p.country == (m.event.host_country or m.event.location_country) \
                                else "head_of_delegation"
                        m.add(p, role)
        # the travelling side: the article's delegation, else that of this meeting's head
        travelling = deleg or _head_country(mt, m, identity)
        defaults: dict[str, str] = {}
        for key, (p, role) in list(m.people.items()):
            known = identity.get(key)
            # a side list ("về phía Trung Quốc có ông X, Thứ trưởng Bộ Công an") says more than a bare
            # "Bộ Công an" in the title, which Vietnamese news reads as Viet Nam's by default
            member = travelling if MEMBERS.search(mt, p.sentence[0], p.start) else None
            # a member of the delegation is of its side, unless the title names the other country:
            # a Chinese "Cục Quản lý xuất nhập cảnh quốc gia" is no Vietnamese department
            named = bool(member) and country_named_in(p.title or "", lex)
            country = (_side_of_list(mt, p) or (member if member and not named else None) or p.country
                       or (known.country if known else None) or member
                       or _country_from_role(role, host, deleg))
            # a bare rank or title is read as Viet Nam's, but a co-chair's side is first paired with
            # the other co-chair's ("A, Giám đốc Công an tỉnh và ông B, Cục trưởng đồng chủ trì")
            by_default = "VN" if p.rank or (known and known.rank) or p.title or (known and known.title) else None
            if known is not None and not p.title:
                p = replace(p, title=known.title, rank=p.rank or known.rank, organization=known.organization)
            m.people[key] = (replace(p, country=country or (None if role == "co_chair" else by_default)), role)
            if not country and role == "co_chair" and by_default:
                defaults[key] = by_default
        _promote_unnamed_chairs(mt, m, people, lex)
        _pair_the_co_chairs(m)
        for key, country in defaults.items():
            if key in m.people and m.people[key][0].country is None:
                m.people[key] = (replace(m.people[key][0], country=country), m.people[key][1])
        _pair_the_co_chairs(m)   # a side known only by default is paired too ("Đại tướng A và ông B")
        if not m.people:
            _both_by_office(mt, m, [identity.get(p.key, p) for p in people])


JOINED_HOSTS = re.compile(r"(?i)\bcùng\s+(?:tiếp|đón|tiếp đón)\b")
# "Tại buổi làm việc, A và B đã trao đổi …": the meeting told of, then who spoke at it
AT_THE_MEETING = re.compile(r"(?i)\W*(?:tại|trong)\s+(?:buổi|cuộc)\s+(?:làm việc|hội đàm|hội kiến|tiếp|gặp)\s*,\s*")
SPOKE = re.compile(r"\b(?:đã\s+)?(?:trao đổi|thảo luận|nhất trí|thống nhất|đánh giá)\b")


def _subject_at_the_meeting(mt: str, sent: tuple[int, int], p: FoundPerson) -> bool:
    lead = AT_THE_MEETING.match(mt, sent[0], sent[1])
    if not lead or p.start < lead.end():
        return False
    verb = SPOKE.search(mt, lead.end(), sent[1])
    return bool(verb) and p.start < verb.start() and not re.search(r"[.;]", mt[lead.end():verb.start()])


# a hand-over of wanted persons or victims at the border: not a meeting, and not attending one
HANDOVER = Scan(re.compile(r"(?i)\b(?:bàn giao|trao trả|dẫn độ)\b[^.;]{0,80}?\b(?:đối tượng|người|công dân|nghi phạm|"
                           r"phạm nhân|nạn nhân)\b|\bviệc (?:bàn giao|trao trả|dẫn độ)\b"))
# "chuyển lời thăm hỏi của Bộ trưởng X tới …": X sends greetings, and is not in the room
GREETINGS_OF = re.compile(r"(?i)\blời\s+(?:thăm hỏi|hỏi thăm|chào|chúc mừng|chúc)(?:\s+(?:trân trọng|thân ái|nồng nhiệt|"
                          r"tốt đẹp nhất))?\s+của\s+(?P<who>[^.;]{3,160}?)(?=\s+(?:tới|đến|gửi)\b|[.;]|$)")


# "chúc mừng chuyến thăm của Tổng Bí thư X": X is whose visit it is, spoken of, not in the room
VISIT_OF = re.compile(r"(?i)\bchuyến\s+(?:thăm|công tác)\b[^.;,]{0,80}?\bcủa\s+$")


def _whose_visit(mt: str, sent: tuple[int, int], p: FoundPerson) -> bool:
    return bool(VISIT_OF.search(mt, max(sent[0], p.phrase_start - 100), p.phrase_start))


def _greeting_sender(mt: str, sent: tuple[int, int], pos: int) -> bool:
    if mt.find("lời", *sent) < 0 and mt.find("Lời", *sent) < 0:
        return False
    return any(g.start("who") <= pos < g.end("who") for g in GREETINGS_OF.finditer(mt, *sent))


# "X, Thứ trưởng Bộ Công an, (đang) dẫn đầu Đoàn đại biểu …": the person, then the verb
LEADS_AFTER = re.compile(r"[^.;]{0,160}?(?:,\s*|\s+)(?:đang\s+|đã\s+|là người\s+)?dẫn đầu\s+[Đđ]oàn\b")


def _leads_delegation(mt: str, p: FoundPerson, people: list[FoundPerson], claimed) -> bool:
    if mt.find("dẫn đầu", p.end, p.sentence[1]) < 0 or p.phrase_start == p.start and not p.title \
            or any(a <= p.start < b for a, b in claimed):
        return False
    m = LEADS_AFTER.match(mt, p.end, p.sentence[1])
    return bool(m) and not any(p.end < q.start < m.end() for q in people)


def _head_country(mt: str, m: Meeting, identity: dict[str, FoundPerson]) -> str | None:
    """The side of the meeting's head of delegation, as its list, mention or introduction gives it."""
    for key, (p, role) in m.people.items():
        if role == "head_of_delegation":
            known = identity.get(key)
            country = _side_of_list(mt, p) or p.country or (known.country if known else None)
            if country:
                return country
    return None


def _pair_the_co_chairs(m: Meeting) -> None:
    """"Bộ trưởng Bộ Công an hai nước là Đại tướng A và ông B đã cùng chủ trì": two co-chairs, one
    side known, the other sits for the other side."""
    chairs = [(k, p) for k, (p, role) in m.people.items() if role == "co_chair"]
    if len(chairs) != 2:
        return
    known = {p.country for _, p in chairs} - {None}
    if len(known) == 1 and next(iter(known)) in OTHER_SIDE:
        other = OTHER_SIDE[next(iter(known))]
        for k, p in chairs:
            if p.country is None:
                m.people[k] = (replace(p, country=other), "co_chair")


def _promote_unnamed_chairs(mt: str, m: Meeting, people: list[FoundPerson], lex: Lexicon) -> None:
    """'Thượng tướng X và Bộ trưởng Công an Trung Quốc đồng chủ trì': a co-chair named by title only
    is the participant of that country who holds that title."""
    # "…, do hai Thứ trưởng đồng chủ trì", wherever the meeting is told of
    for s, e in dict.fromkeys(list(m.sentences) + [f.sentence for f in m.frames]):
        co = P.CO_CHAIR.search(mt, s, e)
        if co:
            both = P.BOTH_SIDES.search(mt, max(s, co.start() - 40), co.start())
            _promote_both(mt, m, both)
            # a side whose holder of that office the meeting's sentences do not name: the article's
            for holders in office_holders(both, people).values():
                if len(holders) == 1 and not any(k in m.people for k in holders):
                    m.add(next(iter(holders.values())), "co_chair")
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


def _promote_both(mt: str, m: Meeting, both: re.Match | None) -> None:
    """"Hội nghị …, do hai Thứ trưởng đồng chủ trì": on each side, the one participant who holds that
    office co-chairs."""
    for holders in office_holders(both, [p for p, _ in m.people.values()]).values():
        if len(holders) == 1:
            key = next(iter(holders))
            m.people[key] = (m.people[key][0], "co_chair")


def _both_by_office(mt: str, m: Meeting, people: list[FoundPerson]) -> None:
    """"Theo chương trình, sáng 17-4, tại Hà Nội, hai Bộ trưởng sẽ hội đàm": a meeting that names no one
    but the holders of an office on both sides: on each side, the one person of the article who holds
    it, hosting where the meeting is held, co-chairing a conference."""
    for f in m.frames:
        found = office_holders(P.BOTH_SIDES.search(mt, f.sentence[0], f.at), people)
        if not found or not all(len(holders) == 1 for holders in found.values()):
            continue
        held_in = m.event.location_country
        for country, holders in found.items():
            role = ("co_chair" if m.kind == "conference" else "participant" if held_in not in ("VN", "CN")
                    else "host" if country == held_in else "head_of_delegation")
            m.add(next(iter(holders.values())), role)
        return


def _span_role(mt: str, sent: tuple[int, int], p: FoundPerson) -> str | None:
    """The role a "do … dẫn đầu / chủ trì / đồng chủ trì" span gives a person, in any sentence."""
    s, e = sent
    if P.named_head(mt, s, e, p.start):
        return "head_of_delegation"
    if P.chair_of_role(mt, s, e, p.start):
        return P.chair_of_role(mt, s, e, p.start)
    for rx, role in ((CO_DO_SPAN, "co_chair"), (P.HEAD_SPAN, "head_of_delegation"), (P.HOST_DO_SPAN, "host")):
        for m in rx.finditer(mt, s, e):
            if m.start("who") <= p.start < m.end("who"):
                return role
    return None


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


