"""Reference lexicons: the curated entity data beside the rules (each row cites its source)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .cleaning import match_form

# (found through the package, not __file__: a compiled module's file lies elsewhere, builder/compiled.py)
LEXICON_DIR = Path(str(files(__package__))) / "lexicon"


def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class Place:
    name_vi: str
    name_en: str
    country: str
    kind: str  # city | province | prefecture | country


@dataclass(frozen=True)
class Lexicon:
    ranks: tuple[str, ...]
    titles: tuple[str, ...]
    leader_titles: tuple[str, ...]
    surnames: frozenset[str]
    places: tuple[Place, ...]
    organisations: tuple[tuple[str, str, bool], ...]   # (pattern, country, security)
    publishers: tuple[tuple[str, str], ...]           # (tag, publisher)
    venues: tuple[tuple[str, str, str], ...]          # (venue, city_en, country)
    persons: tuple[dict[str, str], ...]
    # the body an office that names none speaks for, by the holder's country ("Thủ tướng" → "Chính phủ")
    office_bodies: tuple[tuple[str, str, str], ...] = ()   # (office, VN body, CN body)
    # offices and ranks only one country has ("Ủy viên Quốc vụ", "Tổng Cảnh giám": China's), lower-cased
    one_country_terms: tuple[tuple[str, str], ...] = ()    # (term, country)

    def place(self, name: str) -> Place | None:
        key = match_form(name).lower()
        for p in self.places:
            if match_form(p.name_vi).lower() == key:
                return p
        return None


@lru_cache(maxsize=1)
def load() -> Lexicon:
    titles = _rows("titles.csv")
    # longest first so "Phó Cục trưởng" wins over "Cục trưởng"
    by_len = lambda xs: tuple(sorted((match_form(x) for x in xs), key=len, reverse=True))
    return Lexicon(
        ranks=by_len(r["rank_vi"] for r in _rows("ranks.csv")),
        titles=by_len(t["title_vi"] for t in titles),
        leader_titles=by_len(t["title_vi"] for t in titles if t["kind"] == "leader"),
        surnames=frozenset(match_form(r["surname"]) for r in _rows("surnames.csv")),
        places=tuple(sorted((Place(match_form(r["name_vi"]), r["name_en"], r["country"], r["kind"])
                             for r in _rows("places.csv")), key=lambda p: -len(p.name_vi))),
        organisations=tuple((match_form(r["pattern_vi"]), r["country"], r["security"] == "yes")
                            for r in sorted(_rows("organisations.csv"), key=lambda r: -len(r["pattern_vi"]))),
        publishers=tuple((r["tag"], r["publisher"]) for r in _rows("publishers.csv")),
        venues=tuple((match_form(r["venue_vi"]), r["city_en"], r["country"]) for r in _rows("venues.csv")),
        persons=tuple(_rows("persons_reference.csv")),
        office_bodies=tuple((match_form(t["title_vi"]), t.get("body_vn") or "", t.get("body_cn") or "")
                            for t in titles if t.get("body_vn") or t.get("body_cn")),
        one_country_terms=tuple((match_form(r[col]).lower(), r["country"]) for rows, col in
                                ((titles, "title_vi"), (_rows("ranks.csv"), "rank_vi")) for r in rows if r.get("country")),
    )


@dataclass(frozen=True)
class LexiconIndex:
    """Forms of a lexicon prepared once for matching: the lower-cased names and the compiled
    patterns that the rules would otherwise rebuild for every phrase they look at."""
    # (lower-cased name, pattern, country) of every country; the pattern does not run on into a
    # longer capitalised name ("Lào" of "Lào Cai")
    countries: tuple[tuple[str, object, str], ...]
    cn_places_low: tuple[str, ...]
    organisations_low: tuple[tuple[str, str], ...]     # (lower-cased pattern, country)
    # (lower-cased name, case-sensitive pattern) of the countries other than the two sides
    third_countries: tuple[tuple[str, object], ...]
    # (lower-cased name, pattern on lower-cased text, place) of the cities
    cities: tuple[tuple[str, object, Place], ...]
    places_low: tuple[tuple[str, Place], ...]          # (lower-cased name, place), in lexicon order
    venues_low: tuple[tuple[str, str, str], ...]        # (lower-cased venue, city, country)


_INDEXES: dict[int, tuple[Lexicon, LexiconIndex]] = {}

# news abbreviates "thành phố" (city): "TP. Vinh", "TP Vinh", "TP.Vinh"
CITY_NOUN, CITY_NOUN_SHORT = "thành phố ", ("tp. ", "tp ", "tp.")


def written_forms(name_low: str) -> list[str]:
    """A lower-cased place name as news writes it: "thành phố vinh" also as "tp. vinh", "tp vinh"."""
    if not name_low.startswith(CITY_NOUN):
        return [name_low]
    rest = name_low[len(CITY_NOUN):]
    return [name_low] + [short + rest for short in CITY_NOUN_SHORT]


def index_of(lex: Lexicon) -> LexiconIndex:
    """The prepared forms of `lex`, built on first use (kept beside the lexicon object)."""
    known = _INDEXES.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    import re
    countries = [p for p in lex.places if p.kind == "country"]
    index = LexiconIndex(
        countries=tuple((p.name_vi.lower(), re.compile(r"\b" + re.escape(p.name_vi) + r"\b(?!\s+[A-ZĐÀ-Ỹ])", re.I),
                         p.country) for p in countries),
        cn_places_low=tuple(p.name_vi.lower() for p in lex.places if p.country == "CN"),
        organisations_low=tuple((pattern.lower(), country) for pattern, country, _ in lex.organisations),
        third_countries=tuple((p.name_vi.lower(), re.compile(r"\b" + re.escape(p.name_vi) + r"\b(?!\s+[A-ZĐÀ-Ỹ])"))
                              for p in countries if p.country not in ("VN", "CN")),
        cities=tuple((name, re.compile(r"\b" + re.escape(name) + r"\b"), p)
                     for p in lex.places if p.kind == "city" for name in written_forms(p.name_vi.lower())),
        places_low=tuple((name, p) for p in lex.places for name in written_forms(p.name_vi.lower())),
        venues_low=tuple((venue.lower(), city, country) for venue, city, country in lex.venues),
    )
    _INDEXES[id(lex)] = (lex, index)
    return index
