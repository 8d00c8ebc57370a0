"""Signed and issued documents: what was signed, when, at which event, and by whom."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from . import patterns as P
from .cleaning import variant_key
from .events import _dates_in, _resolve, evidence, locate
from .fastscan import Scan
from .lexicon import load
from .meetings import _headline
from .people import FoundPerson
from .records import Article, DateValue, DocumentMention, EventMention, PersonMention


# what may stand between a document's title and its own signing date: ", được ký tại Nam Ninh hồi"
SIGNED_ON = re.compile(r"^[\s,]*(?:(?:được|đã)\s+)?(?:ký(?: kết)?|ban hành)(?:\s+(?:tại|ở)\s+[^,;.]{1,60}?)?\s*(?:vào|hồi|ngày)?\s*$")


NOT_YET_SIGNED = re.compile(r"\bsẽ\s+(?:được\s+)?(?:hoàn thiện|ký|trao đổi|xem xét)|\bchưa\s+ký\b|\bdự kiến\s+(?:sẽ\s+)?ký\b|"
                            # "Hai bên nhất trí sớm ký kết Thỏa thuận …": agreed to be signed
                            r"\b(?:nhất trí|thống nhất|đồng ý)\s+(?:(?:sớm|cùng|tiến tới)\s+)*ký(?:\s+kết)?\b|"
                            # "… để trình lãnh đạo hai Bộ ký", "tiến tới ký": a signing still to come
                            r"\b(?:để|tiến tới)\s+(?:[^.;,]{0,60}?\s)?ký(?:\s+kết)?\b")
DRAFT_BEFORE = re.compile(r"(?i)\bdự thảo\s+$")   # "hoàn thiện dự thảo Thỏa thuận …": not signed
# the document names sought only where one can begin (their matches are still P.DOC_RE's own)
DOCS = Scan(P.DOC_RE)
DOCS_ANYCASE = Scan(P.DOC_RE_ANYCASE)
# "ký biên bản …", a signing written with the document in any case (sought only where "ký" is)
SIGNS_A_DOCUMENT = Scan(re.compile(r"\b(?:ký|ký kết)\s+(?=(?i:bản ghi nhớ|biên bản|thỏa thuận|hiệp định))"))


def event_day(date: DateValue) -> DateValue:
    """The signing date implied by the event's date: the day for a one-day event; for a longer
    event only the month (or year) the whole event shares."""
    if date.precision == "unknown":
        return replace(date, start=None, end=None)  # inferred bounds of a meeting do not date its papers
    if not date.known or date.precision != "day" or date.start == date.end:
        return date
    s, e = date.start, date.end
    if (s.year, s.month) == (e.year, e.month):
        last = calendar.monthrange(s.year, s.month)[1]
        return replace(date, start=dt.date(s.year, s.month, 1), end=dt.date(s.year, s.month, last),
                       precision="month")
    if s.year == e.year:
        return replace(date, start=dt.date(s.year, 1, 1), end=dt.date(s.year, 12, 31), precision="year")
    return replace(date, precision="unknown", basis="inferred")


def _title_end(mt: str, start: int, limit: int) -> int:
    m = P.DOC_TITLE_STOP.search(mt, start + 3, limit)
    return m.start() if m else limit


def find_documents(article: Article, body: list[tuple[int, int]], captions: list[tuple[int, int]],
                   events: list[EventMention], people: list[FoundPerson], owner_of=None) -> None:
    """Attach documents to the events they were signed at (mutates `events`). `owner_of(pos)`
    names the meeting a sentence speaks of (default: the first primary event)."""
    mt = article.match_text
    first = next((e for e in events if e.mention == "primary"), None)
    if first is None:
        return
    owner_of = owner_of or (lambda pos: first)
    numbered = [e for e in events if e.series_number is not None]
    seen: set[tuple[str, str]] = set()
    # a signing told only in a photo caption ("A và B ký Biên bản hội đàm") counts too, for the
    # meeting whose participants signed (a caption sentence names no meeting of its own)
    signing_captions = [(s, e) for s, e in captions if P.SIGNED_ANY.search(mt[s:e])]
    for s, e in body + signing_captions:
        in_caption = (s, e) not in body
        caption_meeting = _meeting_of_signers(mt, s, e, people, events) if in_caption else None
        if in_caption and caption_meeting is None:
            continue
        sentence = mt[s:e]
        signed_here = P.SIGNED_ANY.search(sentence)
        # a document written in lower case counts right after a signing verb ("hai bên ký biên bản
        # hội đàm") or when recalled with its date ("thực hiện biên bản hội đàm năm 2035")
        recalled_lower = [m for m in DOCS_ANYCASE.finditer(mt, s, e) if mt[m.start()].islower()
                          and (RECALLED_DOC.search(mt[max(s, m.start() - 40):m.start()])
                               or P.SIGN_BEFORE.search(mt[max(s, m.start() - 30):m.start()]))]
        titled: list[tuple[int, int]] = []   # the title spans of this sentence's documents
        for m in list(DOCS.finditer(mt, s, e)) + recalled_lower + list(_counted(mt, s, e)):
            doc_type = m.lastgroup if m.re is not P.COUNTED_DOCS else "other"
            count = int(m.group("n")) if m.re is P.COUNTED_DOCS else 1
            t_end = m.end() if m.re is P.COUNTED_DOCS else _title_end(mt, m.start(), e)
            if any(a < m.start() < b for a, b in titled):
                continue   # "Nghị định thư sửa đổi Hiệp định …": the agreement amended is in the title
            titled.append((m.start(), t_end))
            if m.re is P.DOC_RE_ANYCASE and not P.SIGN_BEFORE.search(mt[max(s, m.start() - 30):m.start()]) \
                    and not any(x.kind in ("year", "month", "day") for x in _dates_in(article, m.start(), t_end)):
                continue   # a lower-case recalled document is kept only with a date of its own
            title = article.text[m.start():t_end].strip()
            direct = bool(P.SIGN_BEFORE.search(mt[max(s, m.start() - 30):m.start()]))
            bare = len(title.split()) <= len(m.group(0).split()) + 1 and m.re is not P.COUNTED_DOCS
            if doc_type == "joint_statement":
                continue  # joint statements belong to leaders' visits (below)
            recalled_doc = RECALLED_DOC.search(mt[max(s, m.start() - 40):m.start()])
            if not (direct or (signed_here and not bare) or recalled_doc):
                continue
            if in_caption and (not direct or any(d.doc_type == doc_type for d in caption_meeting.documents)):
                continue   # a caption of a signing the body told already
            if NOT_YET_SIGNED.search(mt, max(s, m.start() - 60), min(e, t_end + 60)) or \
                    DRAFT_BEFORE.search(mt, max(s, m.start() - 12), m.start()):
                continue   # "Biên bản hội đàm sẽ được hoàn thiện, ký …": to be signed, not signed
            key = (doc_type, title.lower()[:40])
            if key in seen:
                continue
            seen.add(key)
            # the event: a conference named in the title, a date stated after it, or the meeting
            # the sentence speaks of
            primary = caption_meeting or owner_of(s) or first
            target = primary
            ordinal = P.ORDINAL.search(mt, m.start(), t_end) or _signed_at_numbered(mt, t_end, e)
            own = [x for x in _dates_in(article, t_end, min(e, t_end + 90))
                   if x.kind not in ("years_ago",) and SIGNED_ON.match(mt[t_end:x.char_start])]
            before = [x for x in _dates_in(article, s, m.start()) if x.kind in ("day", "relative_day")]
            if ordinal:
                # "Biên bản Đối thoại an ninh chiến lược lần thứ 7": that series' 7th, not another's
                n, key = P.ordinal_value(ordinal.group("n")), P.series_key(title)
                same = [x for x in numbered if x.series_number == n]
                keyed = [x for x in same if key and x.series_key == key]
                target = (keyed or [x for x in same if x.mention == "primary"] or same or [target])[0]
            date = None
            if own:
                date = _resolve(own[0], article, primary.date if primary.date.known else None)
                if not ordinal:
                    # the signing clause runs on past its date: "ký tại buổi hội đàm ngày 20/10 ở thành phố X"
                    after = CLAUSE_END.search(mt, own[0].char_end, min(e, own[0].char_end + 80))
                    signed_at = (t_end, after.start() if after else min(e, own[0].char_end + 80))
                    target = _event_at(events, date) or _recalled_meeting(article, events, title, date, primary,
                                                                          (s, e), signed_at) or primary
            elif recalled_doc or not signed_here:
                # "thực hiện Biên bản hội đàm năm 2035": the minutes of an earlier meeting
                in_title = [x for x in _dates_in(article, m.start(), t_end) if x.kind in ("year", "month", "day")]
                if in_title:
                    date = _resolve(in_title[0], article, None)
                    target = _event_at(events, date) or _recalled_meeting(article, events, title, date, primary,
                                                                          (s, e)) or primary
                    if target is primary:
                        continue   # not dated apart from the meeting reported: a mention, not a signing
            elif before:
                date = _resolve(before[-1], article, primary.date if primary.date.known else None)
            if date is None:
                date = event_day(target.date)
            # "Dưới sự chứng kiến của hai đồng chủ trì, A và B đã ký …": A and B sign; the witnesses
            # named in the phrase before the comma do not
            witnessed = WITNESSED_BY.search(mt, s, m.start())
            passive = _signed_by(mt, t_end, e, people, article)
            if passive:   # "…, do A và B ký": whoever witnessed it, A and B sign
                signers = passive
            elif witnessed:
                signers = _signatories(mt, s, m.start(), people, target, article, after=witnessed.end())
            else:
                signers = [] if P.WITNESS.search(mt, s, m.start()) else _signatories(mt, s, m.start(), people, target, article)
            target.documents.append(DocumentMention(doc_type, title, date, count, signers, evidence(article, s, e)))
    _joint_statements(article, body, events)
    _signers_from_followups(article, body + captions, events, people)
    for ev in events:
        ev.documents = _without_headline_names(article, _without_short_repeats(ev.documents))


def _without_short_repeats(docs: list[DocumentMention]) -> list[DocumentMention]:
    """"ký kết Thoả thuận hợp tác" in the headline and "Thoả thuận hợp tác về quản lý cư dân …" in
    the body are one document: a title that begins a longer one of the same type and date goes."""
    def longer_of(d: DocumentMention) -> bool:
        short = " ".join(variant_key(d.title_vi).split())
        return any(o is not d and o.doc_type == d.doc_type and o.date == d.date and o.count == d.count
                   and len(o.title_vi) > len(d.title_vi)
                   and " ".join(variant_key(o.title_vi).split()).startswith(short + " ") for o in docs)
    return [d for d in docs if not longer_of(d)]


def _without_headline_names(article: Article, docs: list[DocumentMention]) -> list[DocumentMention]:
    """Headline "… ký kết biên bản hợp tác", body "hai bên đã ký Biên bản hội đàm về …": the headline
    names, in short, a document the body tells of; it goes when the body names one of its type."""
    in_headline = [_headline(article, d.evidence.char_start, d.evidence.char_end) for d in docs]
    told = {d.doc_type for d, head in zip(docs, in_headline) if not head}
    return [d for d, head in zip(docs, in_headline) if not (head and d.doc_type in told)]


def _meeting_of_signers(mt: str, s: int, e: int, people: list[FoundPerson],
                        events: list[EventMention]) -> EventMention | None:
    """The reported meeting with the most of the people a caption names among its participants."""
    named = {variant_key(p.name) for p in people if s <= p.start < e}
    scored = [(len(named & {variant_key(x.person.name) for x in ev.participants}), ev) for ev in events
              if ev.mention == "primary"]
    best = max((n for n, _ in scored), default=0)
    found = [ev for n, ev in scored if n == best and n > 0]
    return found[0] if len(found) == 1 else None


CLAUSE_END = re.compile(r"[.;,]|\s+(?:và|nhằm|để|với)\s")
# "thực hiện/triển khai Biên bản hội đàm năm 2035": the minutes of an earlier round, recalled
RECALLED_DOC = re.compile(r"\b(?:thực hiện|triển khai|kết quả thực hiện|theo)\s+(?:các\s+)?$")


def _recalled_meeting(article: Article, events: list[EventMention], title: str, date: DateValue,
                      primary: EventMention, sentence: tuple[int, int],
                      signed: tuple[int, int] | None = None) -> EventMention | None:
    """A document signed well before the reported meeting, at a meeting the article names only
    through it ("Biên bản hội đàm ký tại Cao Bằng hồi tháng 3-2041"): that meeting, as a reference,
    placed where the signing clause (`signed`) says it was."""
    if not (date.known and primary.date.known and date.end < primary.date.start - dt.timedelta(days=7)):
        return None
    kind = "conference" if re.search(r"(?i)hội nghị|đối thoại", title) else "talks"
    city, country = locate(article, *signed, load()) if signed else (None, None)
    ev = EventMention(
        article_id=article.article_id, mention="reference", event_type=kind, title_vi=title,
        series=None, series_number=None, series_number_inferred=False, date=date, location_city=city,
        location_country=country, host_country=country, status="held", evidence=evidence(article, *sentence),
        location_basis="stated" if city or country else None)
    events.append(ev)
    return ev


# "… mà hai Bộ trưởng đã ký tại Hội nghị … lần thứ 25 ở Hà Nội": the numbered meeting it was signed at
SIGNED_AT_NUMBERED = re.compile(r"[^.;]{0,60}?\bký(?: kết)? tại (?:[Hh]ội nghị|[Đđ]ối thoại|[Pp]hiên)[^.;]{0,120}?"
                                r"(?=\b[Ll]ần thứ )")


def _signed_at_numbered(mt: str, t_end: int, e: int):
    m = SIGNED_AT_NUMBERED.match(mt, t_end, e)
    return P.ORDINAL.match(mt, m.end(), e) if m else None


def _counted(mt: str, s: int, e: int):
    if not any(mt.find(w, s, e) >= 0 for w in P.COUNTED_WORDS):
        return   # (a plain test first: the pattern, which opens with a number, walks the whole sentence)
    for m in P.COUNTED_DOCS.finditer(mt, s, e):
        if P.SIGN_BEFORE.search(mt[max(s, m.start() - 30):m.start()]):
            yield m


def _event_at(events: list[EventMention], date: DateValue) -> EventMention | None:
    for ev in events:
        if ev.date.known and date.known and ev.date.start <= date.start <= ev.date.end:
            return ev
    return None


def _person(article: Article, p: FoundPerson) -> PersonMention:
    return PersonMention(article.text[p.start:p.end], p.country, p.title, p.rank, p.organization,
                         evidence(article, *p.sentence), (p.start, p.end), p.canonical)


WITNESSED_BY = re.compile(r"(?i)\b(?:dưới|trước) sự chứng kiến của\b[^.;,]{3,120},")


# "Bản ghi nhớ về …, do đồng chí A và đồng chí B, Bộ trưởng …, ký": the signers after the title
SIGNED_BY = re.compile(r"[^.;]{0,160}?,?\s+do\s+(?P<who>[^.;]{3,300}?),?\s+(?:cùng\s+)?ký(?: kết)?\b")


def _signed_by(mt: str, t_end: int, e: int, people: list[FoundPerson], article: Article) -> list[PersonMention]:
    """The people named in a passive "do … ký" that follows the document's title in its sentence,
    before any other document or signing verb."""
    m = SIGNED_BY.match(mt, t_end, e)
    if m is None or P.SIGN_VERB.search(mt, t_end, m.start("who")) or DOC_WORD.search(mt, t_end, m.start("who")):
        return []
    return _unique(article, [p for p in people if m.start("who") <= p.start < m.end("who")])


DOC_WORD = re.compile(r"\b(?:[Bb]iên bản|[Bb]ản ghi nhớ|[Tt]hỏa thuận|[Tt]hoả thuận|[Hh]iệp định|[Kk]ế hoạch|[Qq]uy chế)\b")


def _signatories(mt: str, s: int, doc_start: int, people: list[FoundPerson], event: EventMention,
                 article: Article, after: int | None = None) -> list[PersonMention]:
    """Named subjects of the signing verb, else 'hai Bộ trưởng' resolved to the event's leaders.
    `after`: where the subject begins (past a "Dưới sự chứng kiến của …," phrase)."""
    verb = None
    for v in P.SIGN_VERB.finditer(mt, s, doc_start):
        verb = v
    if verb is None:
        return []
    # the subject is in the signing verb's own clause: "Hai bên nhất trí …; kết thúc hội đàm, hai Bộ trưởng đã ký"
    start = max(after or s, mt.rfind(";", s, verb.start()) + 1)
    named = [p for p in people if start <= p.start < verb.start() and p.sentence[0] == s]
    if named:
        return _unique(article, named)
    both = P.BOTH_SIDES.search(mt, start, verb.start())
    if not both or re.search(r"đại diện|các đơn vị", mt[s:verb.start()]):
        return []
    title = (both.group("title") or both.group("title2") or "").lower()
    if title in ("bên", "bộ"):
        return []   # "hai bên ký": the text names no signer; the heads of the two sides are a guess
    chosen = []
    for country in ("VN", "CN"):
        cands = [pm for pm in event.participants if pm.person.country == country]
        if title == "trưởng đoàn":   # the heads of the two sides: host and visitor, or co-chairs
            cands = [pm for pm in cands if pm.role != "participant"]
        elif title == "đồng chủ trì":   # "hai đồng chủ trì ký …": the co-chairs
            cands = [pm for pm in cands if pm.role == "co_chair"]
        elif not any(title in (pm.person.title or "").lower() for pm in cands):
            # "Bộ trưởng Bộ Công an hai nước là A và B đã cùng chủ trì …; Hai Bộ trưởng đã ký":
            # no title written at the meeting, so the side's leading principal
            cands = [pm for pm in cands if pm.role != "participant"]
        elif title not in ("bên", "bộ"):
            cands = [pm for pm in cands if title in (pm.person.title or "").lower()]
        cands.sort(key=lambda pm: {"co_chair": 0, "head_of_delegation": 1, "host": 2}.get(pm.role, 3))
        if cands and (cands[0].role != "participant" or title not in ("bên", "bộ")):
            chosen.append(cands[0].person)
    return chosen


JOINT_STATEMENT = re.compile(r"Tuyên bố chung[^.;,]*?(?= trong| được| và|[.;,]|$)")
# "kết thúc chuyến thăm, hai bên ra Tuyên bố chung …": issued in a sentence of its own
ISSUES_A_STATEMENT = re.compile(r"\b(?:ra|ký|ký kết|thông qua|công bố|đưa ra)\s+(?:bản\s+)?(?=Tuyên bố chung\b)")


def _joint_statements(article: Article, body, events: list[EventMention]) -> None:
    mt = article.match_text
    visits = [ev for ev in events if ev.event_type == "leaders_visit"]
    for ev in visits:
        s, e = ev.evidence.char_start, ev.evidence.char_end
        m = JOINT_STATEMENT.search(mt[s:e])
        if m:
            title = article.text[s + m.start():s + m.end()].strip()
            ev.documents.append(DocumentMention("joint_statement", title, ev.date, 1, [],
                                                evidence(article, s, e)))
    primary = [ev for ev in visits if ev.mention == "primary"]
    if len(primary) != 1 or primary[0].documents and any(d.doc_type == "joint_statement" for d in primary[0].documents):
        return
    ev = primary[0]
    for s, e in body:
        issued = ISSUES_A_STATEMENT.search(mt, s, e)
        if issued is None:
            continue
        m = JOINT_STATEMENT.match(mt, issued.end(), e)
        days = [_resolve(x, article, ev.date) for x in _dates_in(article, s, e) if x.kind == "day"]
        # the day it was issued, when the text gives one within the visit; else the visit's dates
        day = next((d for d in days if d.known and ev.date.known and ev.date.start <= d.start <= ev.date.end), ev.date)
        ev.documents.append(DocumentMention("joint_statement", article.text[m.start():m.end()].strip(), day, 1, [],
                                            evidence(article, s, e)))
        return


def _signers_from_followups(article: Article, spans, events: list[EventMention], people) -> None:
    """'Thoả thuận do X và Y … ký kết.' or a caption 'X và Y ký Biên bản …': fill missing signers."""
    mt = article.match_text
    # a signing told now is of a meeting reported now, not of a recalled one's document
    docs = [d for ev in events if ev.mention == "primary" for d in ev.documents
            if not d.signatories and d.count == 1]
    for s, e in spans:
        m = re.match(r"\s*(?:Bản ghi nhớ|Biên bản|Thỏa thuận|Hiệp định)\b[^.]*?\bdo\b(?P<who>[^.]*?)\bký", mt[s:e])
        named = re.match(r"\s*Người ký là\b(?P<who>[^.]*)", mt[s:e])   # "Người ký là A và B."
        generic = SIGNED_GENERIC.search(mt, s, e)   # "Thay mặt hai Bộ, A và B đã ký văn kiện."
        # "Thay mặt Bộ Công an Việt Nam, Thứ trưởng A ký; thay mặt Bộ Công an Trung Quốc, Thứ trưởng B ký."
        on_behalf = list(ON_BEHALF_SIGNS.finditer(mt, s, e))
        signer_names = []
        if named or generic or on_behalf:
            signer_names = ([p for p in people if s + named.start("who") <= p.start < s + named.end("who")] if named
                            else _names_before(mt, s, generic.start(), people) if generic
                            else [p for p in people if any(c.start("who") <= p.start < c.end("who") for c in on_behalf)])
            last = next((d for d in reversed(docs) if not d.signatories), None)
            if last is not None and signer_names:
                last.signatories.extend(_unique(article, signer_names))
            continue
        if m:
            signer_names = [p for p in people if s + m.start("who") <= p.start < s + m.end("who")]
            dm = P.DOC_RE.match(mt, s + (len(mt[s:e]) - len(mt[s:e].lstrip())))
        else:
            # (a caption may write the document in lower case: "A và B ký biên bản hội đàm")
            c = SIGNS_A_DOCUMENT.search(mt[s:e])
            if not c:
                continue
            signer_names = _names_before(mt, s, s + c.start(), people)
            dm = P.DOC_RE_ANYCASE.match(mt, s + c.end())
        if not dm or not signer_names:
            continue
        for d in docs:
            if d.doc_type == dm.lastgroup and not d.signatories:
                d.signatories.extend(_unique(article, signer_names))
                break


# the document told just before, named by a generic noun: "A và B đã ký văn kiện (này)."
# (the pattern begins with its verb, so that `re` seeks the literal "ký" instead of trying every position)
SIGNED_GENERIC = re.compile(r"\bký(?: kết)?\s+(?:văn kiện|văn bản)(?:\s+(?:này|trên))?\s*[.;]")


# a clause of its own: "(t)hay mặt <body>, <who> (đã) ký (kết)" up to the clause's end
ON_BEHALF_SIGNS = Scan(re.compile(r"\b[Tt]hay mặt\s[^,.;]{2,100},\s*(?P<who>[^,.;]{3,120}?)\s+(?:đã\s+)?ký(?:\s+kết)?\s*(?=[.;]|$)"))


def _names_before(mt, s, end, people):
    return [p for p in people if s <= p.start < end]


def _unique(article, found):
    seen, out = set(), []
    for p in found:
        if p.key not in seen:
            seen.add(p.key)
            out.append(_person(article, p))
    return out
