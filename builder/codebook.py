"""CODEBOOK.md, generated from the schema and the vocabulary so it cannot drift from them."""
from __future__ import annotations

from . import vocabulary as V
from .schema import TABLES

CODING_RULES = """\
## Coding rules

**Articles and noise.** Each input file is one article. Text is decoded (UTF-8, UTF-8/16 with BOM,
Windows-1258, HTML converted to text) and NFC-normalised; all offsets index that text. For matching
only, tone marks are put in one place (Uỷ → Ủy, hoà → hòa, Thoả → Thỏa), dashes and spaces are made
plain; the evidence keeps the original spelling. Photo captions ("Ảnh: …", the line under an image
file name), image file names, bylines, related-story blocks ("Theo dòng sự kiện"), pasted teasers
(a headline followed by a second publisher lead), site menus and footers are not article body.
A body paragraph with no security vocabulary at all is treated as a pasted teaser. Captions may
still name the signatories of a document.

**Relevance.** An article yields events only if its body reports a meeting, visit, talks, phone
call or conference and names a Chinese public-security, political-legal, immigration or border body
(by name or by what it does), or tells of a Chinese leader receiving Viet Nam's police. Otherwise its
status is `not_relevant`, with the reason. A meeting held abroad is kept only when it is the two
sides' own, on the sidelines of a multilateral one ("bên lề", "song phương").

**Events.** The *primary* event is the meeting the article reports: a conference when the body
speaks of the conference being held ("tổ chức Hội nghị", "đồng chủ trì hội nghị", "Tại hội nghị");
otherwise a reception ("tiếp", "hội kiến", "chào xã giao"), talks ("hội đàm") or a visit ("sang thăm,
làm việc"), read from the opening sentences. A visit whose centrepiece is a conference is the
conference. *Reference* events are other conferences named with an ordinal ("Hội nghị … lần thứ 6"),
leaders' visits ("chuyến thăm … của Tổng Bí thư …"), and dated delegation visits recalled in a
sentence of their own. Series: the ministerial crime-prevention conference and the vice-ministerial
political-security dialogue; a provincial series keeps its ordinal but no series code. An ordinal
written in words ("lần thứ mười hai") is read as a number. An unnumbered conference between a held
N−1 and a planned N+1 in the same article is the N-th, and `series_number_inferred` is true.

**Dates.** The first day-like date expression of the opening sentences dates the primary event.
A day without a year takes its year from the article's date (the ` date YYYY-MM` header or a dated
line such as "10/01/2024 21:00"), choosing the year that does not put it after the article (a few
weeks' announcement margin allowed), or from the stated range it falls in. Relative words ("Chiều
nay", "hồi tháng 9 vừa qua", "cuối tháng 11 năm ngoái") are resolved against the article date and
get precision no finer than that date. An article with no date at all gets precision `unknown`;
when the text bounds it ("từ 2014 đến nay" … "từ nay đến 2018") the bounds are kept with
`date_basis = inferred`. No day is ever invented. Month and year precision dates span the whole
month or year in `date_start`/`date_end`.

**Status.** A reference is `planned` when its clause says so ("sẽ", "dự kiến", "nhất trí tổ chức",
"chuẩn bị") or its date is after the article; otherwise `held`.

**Place.** The city after "tại/ở" in the opening (English exonym from the places lexicon); a
province gives only the country; an online conference has no place. A multi-day visit gets a city
only if the article names exactly one. The host country is the country visited, or where the
meeting was held.

**People.** A person is a run of capitalised syllables starting with a known surname, introduced by
a rank (Đại tướng …), an honorific (ông, bà, đồng chí) or an office title, possibly followed by the
office's organisation. Titles after the name (", Thứ trưởng Bộ Công an") are appositions; party
membership titles ("Ủy viên Trung ương Đảng") are dropped from `title_vi`. Country: from the
organisation or place in the title (Trung Quốc, Sở/Cục Công an of a Chinese province, Ủy ban Chính
pháp → CN; Bộ Công an, Công an tỉnh → VN), else from the delegation the person leads or hosts,
else VN when a police rank is given. Roles: `co_chair` ("đồng chủ trì") > `head_of_delegation`
("do … dẫn đầu", "làm Trưởng đoàn") > `host` ("tiếp", "đón", "chủ trì", the counterpart met on a visit)
> `participant`. People named in teasers, bylines, captions, comments and footers are nobody's
participants. A leader whose visit is recalled is a participant of that visit only.

**Persons.** Spelling variants merge when their accent-free forms agree (with y written i) and the
country agrees (Thanh / Thành, Vỹ / Vĩ). Two different people
whose names differ only in tone marks would be merged too; none is known in the data. `name_zh`
and `name_en` come only from `builder/lexicon/persons_reference.csv`, which cites a source per row.

**Documents.** A document is a capitalised document-type phrase (Bản ghi nhớ, Biên bản, Thỏa
thuận, Hiệp định, Tuyên bố chung, Kế hoạch …) or a counted group ("5 văn bản hợp tác") that is the
object of a signing verb, or a specific title in a sentence that says it was signed. It belongs to
the conference its title names, else to the event its own date falls in, else to the primary event.
Its date is its own stated date, else the event's day (or the month a multi-day event shares).
Signatories are the named subjects of the signing verb; "hai Bộ trưởng" resolves to the event's
leading minister on each side; documents merely witnessed ("chứng kiến") have none. A joint
statement belongs to the leaders' visit named in its sentence.

**Topics.** Each cue phrase of the vocabulary below found in the primary event's sentences gives
that topic once per article, with the first sentence as evidence.

**Merging.** Mentions in different articles are one event when they share a series and ordinal
(a plan in one article and the held meeting in another become one event: the held date wins and the
plan stays visible in `event_sources`), or are the same type with overlapping dates and a person in
common (a leader's visit may be undated in one source). Identifiers: series events
`<series>-<NN>`; others `<type>-<date>-<leading person>`.
"""


def relations() -> list[str]:
    """A Mermaid diagram of the tables and their foreign keys (GitHub and many viewers draw it)."""
    lines = ["## Relations", "", "Drawn from the foreign keys of the schema.", "", "```mermaid", "erDiagram"]
    for t in TABLES:
        for fields, ref, ref_fields in t.foreign_keys:
            lines.append(f'    {ref} ||--o{{ {t.name} : "{", ".join(fields)}"')
    return lines + ["```", ""]


def render() -> str:
    out = ["# Codebook", "",
           "Generated by `python -m builder codebook` from `builder/schema.py` and `builder/vocabulary.py`; "
           "do not edit by hand.", "", CODING_RULES, *relations(), "## Tables", ""]
    for t in TABLES:
        out += [f"### `{t.name}`", "", t.description, ""]
        if t.primary_key:
            out.append(f"Primary key: `{', '.join(t.primary_key)}`.")
        for fields, ref, rf in t.foreign_keys:
            out.append(f"Foreign key: `{', '.join(fields)}` → `{ref}.{', '.join(rf)}`.")
        out += ["", "| field | type | required | description |", "|---|---|---|---|"]
        for f in t.fields:
            desc = f.description + (f" One of: {', '.join('`' + e + '`' for e in f.enum)}." if f.enum else "")
            out.append(f"| `{f.name}` | {f.type} | {'yes' if f.required else ''} | {desc} |")
        out.append("")
    out += ["## Vocabularies", ""]
    for name, vocab in V.ALL_VOCABULARIES.items():
        out += [f"### {name}", "", "| code | label | definition / cues |", "|---|---|---|"]
        out += [f"| `{c.code}` | {c.label} | {c.definition.replace('|', ' · ')} |" for c in vocab]
        out.append("")
    return "\n".join(out)
