"""One article in, its events out: the per-article stage of the build."""
from __future__ import annotations

import re

from . import patterns as P
from .cleaning import BULLET, is_off_topic, join_bullet_lists, match_form, segment, sentences
from .dates import article_date
from .documents import find_documents
from .events import (NEXT_ROUND, _person_record, conference_references, delegation_country, planned_meetings,
                     resolve_people, to_participants, visit_references)
from .meetings import assign_sentences, build_meetings, find_frames, mentions_a_meeting
from .participants import describe
from .sides import complete_generic_sides, is_bilateral, name_sides, sides_of_the_same_leaders
from .language import language_of
from .lexicon import Lexicon, load
from .people import country_of, find_people, is_leader, reconcile_spellings
from .cleaning import variant_key
from .records import Article, ArticleExtraction, InputFile, ParticipantMention
from .topics import find_topics


def make_article(source: InputFile, lex: Lexicon | None = None) -> Article:
    lex = lex or load()
    text = source.text or ""
    mt = match_form(text)
    paragraphs = segment(text)
    told = [(p.start, p.end) for p in paragraphs if p.kind == "body"]
    on_topic = {span for span in told if not is_off_topic(mt[span[0]:span[1]])}
    # a list's heading ("Đồng chủ trì buổi lễ có:") counts with the bullet lines under it
    on_topic |= {a for a, b in zip(told, told[1:]) if text[a[1] - 1] == ":" and BULLET.match(text, b[0]) and b in on_topic}
    body = [span for span in told if span in on_topic]
    noise = [(p.start, p.end, p.kind if p.kind != "body" else "off_topic") for p in paragraphs
             if (p.start, p.end) not in body]
    body, mt = join_bullet_lists(text, body, mt)
    return Article(article_id=source.article_id, path=source.path, sha256=source.sha256, text=text,
                   match_text=mt, publisher=find_publisher(text, lex), published=article_date(text),
                   body=body, noise=noise)


def find_publisher(text: str, lex: Lexicon) -> str | None:
    head = text[:400]
    for tag, name in lex.publishers:
        # (a plain test first: the tag must be in the head for the pattern; "Theo <tag>" is a literal)
        if tag in head and re.search(r"(?:^|\s)\(?" + re.escape(tag) + r"\)?\s*-", head) or "Theo " + tag in text:
            return name
    return None


# a Chinese body by what it does ("Cục Quản lý Di dân Quốc gia Trung Quốc", "Cảnh sát vũ trang nhân
# dân Trung Quốc"); a delegation of another ministry ("Bộ Thương mại Trung Quốc do …") is not one
CHINESE_SECURITY_BODY = re.compile(r"(?:công an|cảnh sát|an ninh|chính pháp|di dân|biên phòng|xuất nhập cảnh|"
                                   r"vũ cảnh)[^.;]{0,60}(?:trung quốc|trung hoa)")


CHINESE_LEADER_RECEIVES = re.compile(r"(?:quốc vụ viện|tỉnh ủy|tỉnh uỷ|khu ủy|khu uỷ|thành ủy|thành uỷ|"
                                     r"đảng cộng sản trung quốc|trung quốc)[^.;]{0,80}?\b(?:tiếp|hội kiến)\b")


def relevance(article: Article, body_sentences, lex: Lexicon) -> str:
    """Why an article reports no bilateral security meeting ('' when it may report one)."""
    mt = article.match_text
    body = " ".join(mt[s:e] for s, e in body_sentences)
    language = language_of(article.text)
    if language not in ("Vietnamese", "unknown"):
        return f"not Vietnamese: the text reads as {language}"
    if not body.strip():
        return "no article body left after removing captions, menus and footers"
    if not mentions_a_meeting(body):
        return "no meeting, visit, talks or conference is reported"
    cn = [o for o, c, sec in lex.organisations if c == "CN" and sec]
    low = body.lower()
    chinese_body = any(o.lower() in low for o in cn) or re.search(r"phía trung quốc", low) or CHINESE_SECURITY_BODY.search(low)
    # a Chinese leader receiving Viet Nam's police: the security body is the guest
    received = CHINESE_LEADER_RECEIVES.search(low) and "công an" in low
    if not (chinese_body or received):
        return "no Chinese public-security or political-legal body takes part"
    return ""


def extract(source: InputFile, lex: Lexicon | None = None) -> ArticleExtraction:
    lex = lex or load()
    article = make_article(source, lex)
    mt = article.match_text
    body = [s for a, b in article.body for s in sentences(mt, a, b)]
    reason = relevance(article, body, lex)
    if reason:
        return ArticleExtraction(article, [], reason)
    people = reconcile_spellings(find_people(mt, body, lex))
    captions = [s for a, b, kind in article.noise if kind == "caption" for s in sentences(mt, a, b)]
    caption_people = find_people(mt, captions, lex)
    conf_claims = conference_references(article, body, people, lex)
    # a conference phrase in the opening, or right after "tổ chức/đồng chủ trì", names the meeting itself
    itself = [c for c in conf_claims if _names_the_meeting(article, body, c)]
    conf_claims = [c for c in conf_claims if c not in itself]
    first_frames = find_frames(article, body, people, [c.span for c in conf_claims], lex, full=False)
    visit_claims = visit_references(article, body, people, lex, {f.sentence for f in first_frames})
    claims = conf_claims + visit_claims
    claims += planned_meetings(article, body, [c.span for c in claims], lex)
    claimed = [c.span for c in claims]
    frames = find_frames(article, body, people, claimed, lex) or \
        find_frames(article, body, people, claimed, lex, signings=True)   # a signing told alone
    if not frames:
        return ArticleExtraction(article, [], "no reported meeting found in the article body")
    meetings = build_meetings(article, body, frames, lex)
    owner = assign_sentences(article, body, meetings, claimed)
    deleg = delegation_country(article, body, lex)
    describe(article, meetings, people, owner, deleg, lex, claimed)
    for m in meetings:   # "Tổng Bí thư X đã thăm cấp Nhà nước tới Trung Quốc": led by a party or state leader
        if m.kind == "visit" and any(role == "head_of_delegation" and is_leader(p.title, lex)
                                     for p, role in m.people.values()):
            m.event.event_type = "leaders_visit"
    reported = [m for m in meetings if m.event.mention == "primary" and is_bilateral(article, m, lex)]
    # with no meeting held, a dated announcement of one ("sẽ thăm chính thức Việt Nam từ ngày 20 đến
    # 23/3") is still news, when both sides are named in it
    # a plan with no day, month or year ("ký tại lần hội đàm tiếp theo") names no event to record
    recalled = [m for m in meetings if m.event.mention == "reference"
                and is_bilateral(article, m, lex, lenient=bool(reported)) and (reported or m.event.date.known)
                and (m.event.date.known or m.event.status != "planned" or m.event.series_number is not None)]
    meetings = reported + recalled
    if not meetings:
        return ArticleExtraction(article, [], "no meeting between a Vietnamese and a Chinese side is reported")
    owner = {sent: (m if m in meetings else None) for sent, m in owner.items()}
    _name_conferences(article, meetings, itself, [c.event for c in conf_claims])
    if not any(m.kind == "conference" and m.event.mention == "primary" for m in meetings):
        # no conference is held here: a numbered one named in the opening is one recalled or
        # planned ("Hai bên đánh giá kết quả Hội nghị … lần thứ 20 tổ chức hồi tháng 10/2036"),
        # unless it falls on a reported meeting's days
        reported = [m.event.date for m in meetings if m.event.mention == "primary" and m.event.date.known]
        claims += [c for c in itself if c.event.date.known and not any(
            c.event.date.start <= d.end and d.start <= c.event.date.end for d in reported)]
    held = [m.event for m in meetings if m.kind == "conference" and m.event.series_number is not None]
    claims = [c for c in claims if not any(  # "Biên bản Hội nghị lần thứ 14": the conference held
        c.event.event_type == "conference" and c.event.series_number == h.series_number
        and (not c.event.series_key or not h.series_key or c.event.series_key == h.series_key) for h in held)]
    titles: dict[str, list[str]] = {}      # every title the article gives each person
    for p in people:
        if p.title:
            titles.setdefault(p.key, []).append(p.title)
    for m in meetings:
        name_sides(article, m, lex, titles)
        m.event.participants = [ParticipantMention(_person_record(p, article, p.country), role)
                                for p, role in m.people.values()]
        if not m.event.title_vi:
            m.event.title_vi = meeting_title(article, m)
    sides_of_the_same_leaders([m.event for m in meetings])
    complete_generic_sides([m.event for m in meetings])
    for c in claims:
        rows_c = [(p, role, p.country or country_of(p.title or "", lex)) for p, role in c.people]
        merged_c = resolve_people(rows_c, None, None)
        c.event.participants = to_participants(article, merged_c, list(dict.fromkeys(variant_key(p.name) for p, _ in c.people)))
    primaries = [m.event for m in meetings]
    events = primaries + [c.event for c in claims]

    def owner_of(pos: int):
        for (s, e), m in owner.items():
            if s <= pos < e and m is not None:
                return m.event
        return None
    find_documents(article, body, captions, events, people + caption_people, owner_of)
    _sign_with_sides(events)
    _carry_sides([e for e in events if e.mention == "primary"], [e for e in events if e.mention == "reference"])
    _next_round_series([e for e in events if e.mention == "primary"], [e for e in events if e.mention == "reference"])
    for m in meetings:
        m.event.topics = find_topics(article, [sent for sent in m.sentences
                                               if not any(cs <= sent[0] and sent[1] <= ce for cs, ce in claimed)])
    return ArticleExtraction(article, events, spellings=sorted({p.name for p in people + caption_people}))


def _carry_sides(reported, rounds) -> None:
    """A round recalled or announced that names no body of its own ("Biên bản ký tại buổi hội đàm
    tháng 9 năm trước", "lần hội đàm tiếp theo sẽ diễn ra …") is between the sides of the meeting of
    the same kind and series the article reports, when there is one such pair of sides and
    everyone the round names is at that meeting."""
    for ev in rounds:
        if ev.sides:
            continue
        same = [r for r in reported if r.sides and r.event_type == ev.event_type and r.series == ev.series]
        if len({tuple(sorted(r.sides.items())) for r in same}) != 1:
            continue
        present = {p.person.identity for r in same for p in r.participants}
        if all(p.person.identity in present for p in ev.participants):
            ev.sides, ev.sides_basis = dict(same[0].sides), "same_exchange"


def _next_round_series(reported, rounds) -> None:
    """"Việt Nam sẽ đăng cai hội nghị lần kế tiếp vào năm 2041": the next round of the numbered
    series conference the article reports."""
    held = {(e.series, e.series_key) for e in reported if e.event_type == "conference" and e.series}
    for ev in rounds:
        if ev.event_type == "conference" and ev.series is None and len(held) == 1 and NEXT_ROUND.search(ev.title_vi):
            ev.series, ev.series_key = next(iter(held))


def _sign_with_sides(events) -> None:
    """A signer named bare ("Trung tướng X và ông Y ký …") is the participant of that name: their side."""
    from dataclasses import replace as _replace
    sides = {}
    for ev in events:
        for p in ev.participants:
            if p.person.country:
                sides.setdefault(p.person.identity, p.person.country)
    other = {"VN": "CN", "CN": "VN"}
    for ev in events:
        for d in ev.documents:
            signers = [s if s.country else _replace(s, country=sides.get(s.identity)) for s in d.signatories]
            if len(signers) == 2 and sum(s.country is None for s in signers) == 1:
                # two signers, one side known: the other signs for the other side
                known = next(s.country for s in signers if s.country)
                signers = [s if s.country else _replace(s, country=other.get(known)) for s in signers]
            d.signatories = signers


def _name_conferences(article, meetings, itself, refs) -> None:
    """Series, ordinal and name of the conference being held, from the phrase that names it."""
    conferences = [m for m in meetings if m.kind == "conference" and m.event.mention == "primary"]
    if not conferences:
        return
    primary = conferences[0].event
    mt = article.match_text
    if itself:
        first = itself[0].event
        # "Nhân dịp Đối thoại … lần thứ 21 diễn ra tại Hà Nội ngày 11/6, …": the phrase that names
        # the conference may be the only one to date it
        dated = next((c.event.date for c in itself if c.event.date.known and c.event.date.precision == "day"), None)
        if dated is not None and (not primary.date.known or primary.date.precision == "unknown"):
            primary.date = dated
        primary.series_number = first.series_number
        primary.series = first.series
        primary.series_key = first.series_key
        primary.title_vi = first.title_vi
        if not primary.location_city and first.location_city:
            primary.location_city, primary.location_basis = first.location_city, first.location_basis
        if not primary.location_country and first.location_country:
            primary.location_country = first.location_country
            primary.location_basis = primary.location_basis or first.location_basis
    else:
        for f in conferences[0].frames:
            m = P.CONFERENCE_MENTION.search(mt, *f.sentence)
            if m:
                primary.series_number = P.ordinal_value(m.group("n"))
                primary.series = P.series_of(m.group(0))
                primary.series_key = P.series_key(m.group(0))
                primary.title_vi = article.text[m.start():m.end()]
                break
    if not primary.title_vi:
        for f in conferences[0].frames:
            m = re.search(r"(?:[Hh]ội nghị|[Đđ]ối thoại)[^.;,()]{0,120}", mt[f.sentence[0]:f.sentence[1]])
            if m:
                primary.title_vi = article.text[f.sentence[0] + m.start():f.sentence[0] + m.end()].strip()
                break
    _fill_series(primary, refs)


def meeting_title(article: Article, m) -> str:
    """The phrase that names the meeting: its principals and predicate, as written."""
    f = m.frames[0]
    s, e = f.sentence
    mt = article.match_text
    before = [p for p, _ in f.principals if p.start < f.at and mt.rfind(",", p.phrase_end, f.at) < 0]
    start = min((p.phrase_start for p in before), default=f.at)
    after = [p for p, _ in f.principals if p.start > f.at]
    stop = re.search(r"[.;]", mt[f.at:e])
    end = f.at + stop.start() if stop else e
    if after:
        end = min(end, max(p.phrase_end for p in after))
    text = article.text[start:end].strip(" ,")
    return text if len(text) <= 220 else text[:220].rsplit(" ", 1)[0] + " …"


def _names_the_meeting(article: Article, body, claim) -> bool:
    ms = claim.mention_start
    in_opening = any(s <= ms < e for s, e in body[:2])
    named_as_held = P.PRIMARY_CONFERENCE_BEFORE.search(article.match_text[max(0, ms - 25):ms])
    # "Đối thoại … lần thứ 9 … đã được tổ chức tại Hà Nội, do X và Y đồng chủ trì": reported as held
    e = claim.event.evidence.char_end
    told_as_held = HELD_AFTER.search(article.match_text, ms, e)
    recalled = claim.event.date.known and claim.event.date.precision != "day"
    # (a round dated by an earlier month or year, even in the opening, is one recalled)
    return claim.event.status == "held" and ((in_opening and not recalled)
                                             or (named_as_held and not claim.event.date.known)
                                             or (told_as_held and not recalled))


HELD_AFTER = re.compile(r"\b(?:đã|vừa)\s+(?:được tổ chức|diễn ra|khai mạc|bế mạc)\b|\b(?:đồng|cùng) chủ trì\b")


def _fill_series(primary, refs) -> None:
    """A conference without a series phrase takes the series of the article's other conference
    mentions; an unnumbered primary between a held N-1 and a planned N+1 is the N-th (inferred)."""
    conferences = ([primary] if primary.event_type == "conference" else []) + refs
    series = next((e.series for e in conferences if e.series), None)
    provincial = primary.event_type == "conference" and primary.series is None and primary.series_number is not None
    if series and not provincial:
        for e in conferences:
            e.series = e.series or series
    if primary.event_type == "conference" and primary.series_number is None:
        held = [e.series_number for e in refs if e.status == "held"]
        planned = [e.series_number for e in refs if e.status == "planned"]
        for n in held:
            if n + 2 in planned:
                primary.series_number = n + 1
                primary.series_number_inferred = True
                primary.series = primary.series or series
