"""The controlled vocabularies of the dataset, defined once.

The extractor emits these codes, the Table Schema turns them into `enum` constraints, and the
codebook prints their definitions. Add a code here and all three follow.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    definition: str


def codes(vocabulary: tuple[Code, ...]) -> list[str]:
    return [c.code for c in vocabulary]


EVENT_TYPES: tuple[Code, ...] = (
    Code("visit", "Delegation visit",
         "A delegation of one side travels to the other side to visit and work "
         "(\"sang thăm, làm việc\", \"do … dẫn đầu\", \"làm Trưởng đoàn\")."),
    Code("conference", "Conference",
         "A named conference (\"Hội nghị\"), including a ministerial series, a dialogue, or an "
         "online conference. A visit whose centrepiece is a conference is coded as the conference."),
    Code("reception", "Reception / courtesy call",
         "One side's official receives the other's (\"tiếp\", \"tiếp xã giao\", \"hội kiến\", "
         "\"chào xã giao\") without a conference."),
    Code("talks", "Talks",
         "Bilateral talks (\"hội đàm\") reported as the event itself, e.g. annual border-province talks."),
    Code("leaders_visit", "Leaders' visit",
         "A state or official visit by a party or state leader (Tổng Bí thư, Chủ tịch nước, Thủ tướng), "
         "reported (\"Tổng Bí thư X đã thăm cấp Nhà nước tới Trung Quốc\", with the Minister of Public "
         "Security in the delegation), recalled or anticipated."),
    Code("other", "Other", "A bilateral security event that fits none of the types above: a phone call "
         "between the two sides (\"điện đàm\"), which has no place, or a ceremony of both sides that opens "
         "something (\"Lễ khai trương đường dây nóng\", \"Lễ ra quân tuần tra chung\", \"Lễ khai giảng\"); "
         "such a ceremony followed on its day by talks is part of the talks."),
)

SERIES: tuple[Code, ...] = (
    Code("crime_prevention_conference", "Ministerial conference on crime prevention",
         "\"Hội nghị (cấp Bộ trưởng) (về) hợp tác phòng, chống tội phạm\" between the two Ministries "
         "of Public Security, numbered \"lần thứ N\"."),
    Code("political_security_dialogue", "Vice-ministerial political-security dialogue",
         "\"(Hội nghị) đối thoại cấp thứ trưởng về an ninh chính trị\", numbered \"lần thứ N\"."),
)

# the two sides of every meeting of a ministerial series, by the series' definition above
SERIES_SIDES = {"VN": "Bộ Công an Việt Nam", "CN": "Bộ Công an Trung Quốc"}

ORGANIZATION_BASES: tuple[Code, ...] = (
    Code("stated", "Stated", "The text names both sides' bodies (as far as they are given)."),
    Code("inferred", "Inferred",
         "A side the text does not name for this meeting is filled from the definition of its ministerial "
         "series: both Ministries of Public Security."),
    Code("same_article", "Same article",
         "The text names a side's body at another meeting of the article, not at this one: the body its leading "
         "participant speaks for there (\"Đoàn đại biểu Bộ Công an Trung Quốc do ông X dẫn đầu\", then \"… tiếp "
         "Thứ trưởng X\")."),
    Code("same_exchange", "Same exchange",
         "The text names no body for this earlier or next round (\"Biên bản ký tại buổi hội đàm năm trước\", "
         "\"lần hội đàm tiếp theo sẽ diễn ra …\"); its sides are those of the meeting of the same kind the "
         "article reports."),
)

PARTICIPANT_ROLES: tuple[Code, ...] = (
    Code("head_of_delegation", "Head of delegation",
         "Leads the travelling delegation (\"do … dẫn đầu\", \"làm Trưởng đoàn\")."),
    Code("host", "Host",
         "Receives the visiting side (\"tiếp\", \"đón\", \"chủ trì lễ đón\", \"chủ trì\" on the host side)."),
    Code("co_chair", "Co-chair",
         "Chairs the meeting jointly (\"đồng chủ trì\"); takes precedence over head of delegation."),
    Code("participant", "Participant",
         "Named as attending (\"cùng dự\", \"tham gia đoàn\", \"hội đàm với\") without a leading role."),
)

DOCUMENT_TYPES: tuple[Code, ...] = (
    Code("memorandum_of_understanding", "Memorandum of understanding", "\"Bản ghi nhớ\"."),
    Code("minutes", "Minutes", "\"Biên bản (Hội nghị|hội đàm|…)\"."),
    Code("agreement", "Agreement", "\"Thỏa thuận\", \"Hiệp định\"."),
    Code("joint_statement", "Joint statement", "\"Tuyên bố chung\"."),
    Code("other", "Other document",
         "A plan, programme or a counted group of unnamed documents (\"5 văn bản hợp tác\")."),
)

DATE_PRECISIONS: tuple[Code, ...] = (
    Code("day", "Day", "The day is known; date_start and date_end are real days."),
    Code("month", "Month", "Only the month is known; the dates span the whole month."),
    Code("year", "Year", "Only the year is known; the dates span the whole year."),
    Code("unknown", "Unknown",
         "The date is not known. Dates are empty, or, with date_basis = inferred, they bound an "
         "interval the text implies (e.g. \"từ 2014 đến nay\" … \"từ nay đến 2018\")."),
)

DATE_BASES: tuple[Code, ...] = (
    Code("stated", "Stated", "The text states the date, year included or resolvable from a stated range."),
    Code("article_date", "From the article date",
         "A partial or relative date (\"Chiều 1/12\", \"hồi tháng 9 vừa qua\", \"Chiều nay\") "
         "completed with the article's own date."),
    Code("inferred", "Inferred", "Not stated: bounded by other statements in the text."),
)

LOCATION_BASES: tuple[Code, ...] = (
    Code("stated", "Stated", "The meeting's own sentences (or the dated subheading they stand under) name the place."),
    Code("inferred", "Inferred",
         "Not named for this meeting: taken from a meeting of the same trip on the same day that is placed "
         "(\"Trước đó, sáng cùng ngày, Đoàn đã hội đàm với …\" after a reception in Quảng Châu), or, for the "
         "country only, from the side that receives the visiting delegation."),
)

STATUSES: tuple[Code, ...] = (
    Code("held", "Held", "The event took place (as of the article)."),
    Code("planned", "Planned", "The article says it will take place (\"sẽ tổ chức\", \"dự kiến\", \"nhất trí tổ chức\")."),
)

MENTIONS: tuple[Code, ...] = (
    Code("primary", "Primary", "The meeting the article reports."),
    Code("reference", "Reference", "An earlier or later event the article mentions."),
)

COUNTRIES: tuple[Code, ...] = (
    Code("VN", "Viet Nam", "Viet Nam (ISO 3166-1 alpha-2)."),
    Code("CN", "China", "People's Republic of China (ISO 3166-1 alpha-2)."),
)

def _venue_countries() -> tuple[Code, ...]:
    """Where a meeting may be held: the two sides, and the third countries of the place lexicon
    (ministers meet bilaterally on the sidelines of Interpol or ASEANAPOL meetings abroad)."""
    import csv

    from .lexicon import LEXICON_DIR
    with open(LEXICON_DIR / "places.csv", encoding="utf-8", newline="") as f:
        third = {r["country"]: r["name_en"] for r in csv.DictReader(f)
                 if r["kind"] == "country" and r["country"] not in ("VN", "CN")}
    return COUNTRIES + tuple(Code(code, name, f"{name} (ISO 3166-1 alpha-2): a venue abroad, e.g. a meeting on "
                                  "the sidelines of a multilateral one.") for code, name in sorted(third.items()))


VENUE_COUNTRIES = _venue_countries()

ARTICLE_STATUSES: tuple[Code, ...] = (
    Code("ok", "OK", "Read and at least one event extracted."),
    Code("not_relevant", "Not relevant", "Read, but it reports no bilateral security meeting."),
    Code("not_vietnamese", "Not Vietnamese",
         "Read, but written in another language (English, French, Chinese, Spanish …); the dataset reads "
         "Vietnamese news only, so nothing is extracted from it."),
    Code("duplicate", "Duplicate", "Byte-identical or text-identical to another input; its twin is used."),
    Code("unreadable", "Unreadable", "Could not be decoded as text (binary, unknown encoding)."),
    Code("empty", "Empty", "No text (zero bytes or whitespace only)."),
)

PUBLISHED_SOURCES: tuple[Code, ...] = (
    Code("header", "Header", "The ' date YYYY-MM' first line written when the article was saved."),
    Code("date_line", "Date line", "A short publication line with a full date ('10/01/2024 21:00')."),
    Code("body", "Body", "A date found in the article's running text."),
    Code("sidecar", "Sidecar file", "The `published` column of the optional seeds/articles.csv (the text had no date)."),
    Code("none", "None", "No date for the article."),
)

# Topic codes with the Vietnamese cues that signal them. Cues are matched on the normalised,
# lower-cased text of an event's evidence, so one spelling per cue is enough.
TOPICS: tuple[Code, ...] = (
    Code("drugs", "Drugs", "ma túy"),
    Code("human_trafficking", "Human trafficking", "mua bán người|buôn bán người|lừa bán"),
    Code("high_tech_crime", "High-tech crime", "công nghệ cao|tội phạm mạng|tội phạm trên không gian mạng"),
    Code("telecom_fraud", "Telecom and online fraud", "lừa đảo qua mạng|lừa đảo viễn thông|lừa đảo qua mạng viễn thông"),
    Code("gambling", "Gambling", "đánh bạc|cờ bạc"),
    Code("terrorism", "Terrorism", "khủng bố"),
    Code("money_laundering", "Money laundering", "rửa tiền"),
    Code("illegal_migration", "Illegal migration and exit/entry",
         "xuất, nhập cảnh trái phép|xuất nhập cảnh trái phép|xuất cảnh trái phép|di cư trái phép|quản lý xuất, nhập cảnh|quản lý xuất nhập cảnh|kiểm soát xuất nhập cảnh"),
    Code("fugitives", "Fugitives", "truy nã|truy bắt"),
    Code("border_security", "Border security", "biên giới|cửa khẩu"),
    Code("cyber_security", "Cyber security", "an ninh mạng|không gian mạng|tấn công mạng"),
    Code("political_security", "Political security", "an ninh chính trị|thế lực thù địch|chia rẽ"),
    Code("citizen_protection", "Citizen protection", "bảo hộ công dân|bảo vệ công dân|công dân hai nước|quyền và lợi ích hợp pháp|quyền, lợi ích hợp pháp"),
    Code("event_security", "Security of events and leaders' visits", "sự kiện chính trị|sự kiện quan trọng|an ninh các chuyến thăm|an toàn chuyến thăm|đoàn lãnh đạo cấp cao"),
    Code("training", "Training and capacity building", "đào tạo|tập huấn|bồi dưỡng"),
    Code("information_sharing", "Information sharing", "trao đổi thông tin|chia sẻ thông tin|chia sẻ dữ liệu|đường dây nóng"),
    Code("economic_crime", "Economic crime", "tội phạm kinh tế|buôn lậu"),
    Code("organized_crime", "Transnational organised crime", "xuyên quốc gia|có tổ chức"),
    Code("data_management", "Population data and digital identity", "cơ sở dữ liệu|dữ liệu số|dữ liệu cá nhân|sinh trắc"),
)


def topic_cues() -> dict[str, list[str]]:
    return {t.code: t.definition.split("|") for t in TOPICS}


ALL_VOCABULARIES: dict[str, tuple[Code, ...]] = {
    "event_type": EVENT_TYPES,
    "series": SERIES,
    "role": PARTICIPANT_ROLES,
    "doc_type": DOCUMENT_TYPES,
    "date_precision": DATE_PRECISIONS,
    "date_basis": DATE_BASES,
    "location_basis": LOCATION_BASES,
    "organization_basis": ORGANIZATION_BASES,
    "status": STATUSES,
    "mention": MENTIONS,
    "country": COUNTRIES,
    "venue_country": VENUE_COUNTRIES,
    "article_status": ARTICLE_STATUSES,
    "published_source": PUBLISHED_SOURCES,
    "topic": TOPICS,
}
