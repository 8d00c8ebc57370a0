"""Score the built tables against hand-written gold (one JSON per article, see tests/gold/GOLD_FORMAT.md).

Scoring is per article: the predicted items of article A are the rows that cite A. Only articles
present in the gold are scored; an article missing from the tables loses all its gold items.

Headline tables (comparable across releases): events (type + ordinal + date), dates (exactness of
the date of events paired on type + ordinal), participants (person name + country, per article),
documents (type + date + count) and persons_noise (names the gold says are NOT participants, found
in the tables anyway).

Detail tables (stricter, so that errors the headline tables forgive still show):
participant_roles (name + country + role, on the event it was paired with), signatories (document
type + signer), event_details (city, country and status of each paired event).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

TABLES = ("events", "dates", "participants", "documents", "persons_noise",
          "participant_roles", "signatories", "event_details")
HEADLINE = ("events", "participants", "documents")


# ---------------------------------------------------------------------------------------- results

@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    # Nothing to find and nothing found is perfect; an empty side with errors on the other is 0.
    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class Miss:
    table: str
    article_id: str
    kind: str        # missed | false_positive | wrong_value
    detail: str


@dataclass
class EvaluationReport:
    scores: dict[str, Score]
    misses: list[Miss]
    n_articles: int
    per_article: dict[str, dict[str, Score]]
    primary_dates_exact: tuple[int, int] = (0, 0)   # (exact, total) over gold primary events


# ------------------------------------------------------------------------------------------ loading

def load_gold(gold_dir: Path) -> dict[str, dict]:
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data.get("article") or path.stem] = data
    return gold


def load_tables(package_dir: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False)
            for p in sorted(Path(package_dir).glob("*.csv"))}


# ------------------------------------------------------------------------------------ normalisation

# Old-style tone placement ("hoà", "thuý") → new style ("hòa", "thúy"). Applied to both sides, so
# it only has to be consistent, not orthographically right for every syllable.
_OLD_STYLE = "oà oá oả oã oạ oè oé oẻ oẽ oẹ uỳ uý uỷ uỹ uỵ".split()
_NEW_STYLE = "òa óa ỏa õa ọa òe óe ỏe õe ọe ùy úy ủy ũy ụy".split()
_OLD_TONES = dict(zip(_OLD_STYLE, _NEW_STYLE))
_OLD_TONES_RE = re.compile("|".join(_OLD_TONES))


def normalise_name(name: str | None) -> str:
    text = unicodedata.normalize("NFC", name or "").lower()   # lower first: handles "Uỷ", "OÀ"
    text = _OLD_TONES_RE.sub(lambda m: _OLD_TONES[m.group()], text)
    return " ".join(text.split())


def _canon_map(gold_article: dict):
    """Name → canonical key; gold `same_person` groups collapse to their first variant."""
    alias = {}
    for group in gold_article.get("same_person") or []:
        names = [normalise_name(n) for n in group]
        for n in names:
            alias[n] = names[0]
    return lambda name: alias.get(normalise_name(name), normalise_name(name))


def render_date(value, precision: str | None) -> str | None:
    """A date as gold writes it at `precision`: 2023-09-01 / 2023-09 / 2023; None when empty.

    `unknown` keeps only the year, so inferred bounds (2014..2018) compare by year."""
    value = str(value or "").strip()
    if not value:
        return None
    return value[:10] if precision == "day" else value[:7] if precision == "month" else value[:4]


def _ordinal(value) -> int | None:
    value = str(value if value is not None else "").strip()
    return int(float(value)) if value else None


def _count(value) -> int:
    value = str(value if value is not None else "").strip()
    return int(float(value)) if value else 1


# ------------------------------------------------------------------------------------------ helpers

def _rows(tables: dict[str, pd.DataFrame], name: str, article_id: str | None = None) -> list[dict]:
    df = tables.get(name)
    if df is None or df.empty:
        return []
    if article_id is not None:
        if "article_id" not in df.columns:
            return []
        df = df[df["article_id"] == article_id]
    return df.to_dict("records")


def _greedy(gold: list, pred: list, rank, prefer=None) -> list[tuple[int, int, int]]:
    """One-to-one pairs (tier, gold index, pred index), best tier first; rank → tier or None.
    `prefer(g, p)` orders candidates of one tier (lower first), else their order in the lists."""
    candidates = sorted((tier, prefer(g, p) if prefer else 0, gi, pi) for gi, g in enumerate(gold)
                        for pi, p in enumerate(pred) if (tier := rank(g, p)) is not None)
    used_g, used_p, pairs = set(), set(), []
    for tier, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((tier, gi, pi))
    return pairs


@dataclass
class _Event:
    type: str
    ordinal: int | None
    start: str | None      # rendered at precision
    end: str | None
    precision: str
    role: str = ""         # gold: primary | reference
    label: str = ""        # pred: event_id
    raw: dict | None = None  # the gold event, or the predicted events row with its source row

    def key(self) -> tuple:
        return (self.type, self.ordinal)

    def describe(self) -> str:
        head = self.type + (f" #{self.ordinal}" if self.ordinal is not None else "")
        if self.start is None:
            when = "no date"
        else:
            when = self.start if self.end in (None, self.start) else f"{self.start}..{self.end}"
        return f"{head} {when} ({self.precision})" + (f" [{self.label}]" if self.label else "")


def _gold_events(gold_article: dict) -> list[_Event]:
    out = []
    for e in gold_article.get("events") or []:
        prec = e.get("precision") or "unknown"
        out.append(_Event(e.get("type") or "", _ordinal(e.get("series_number")),
                          render_date(e.get("date_start"), prec), render_date(e.get("date_end"), prec),
                          prec, role=e.get("role") or "", raw=e))
    return out


def _pred_events(tables: dict[str, pd.DataFrame], article_id: str) -> list[_Event]:
    events = {r["event_id"]: r for r in _rows(tables, "events")}
    out, seen = [], set()
    for src in _rows(tables, "event_sources", article_id):
        ev = events.get(src.get("event_id"))
        if ev is None or src["event_id"] in seen:
            continue
        seen.add(src["event_id"])
        # The date as THIS article states it, when event_sources carries one.
        date_row = src if str(src.get("date_precision") or "").strip() else ev
        prec = date_row.get("date_precision") or "unknown"
        out.append(_Event(ev.get("event_type") or "", _ordinal(ev.get("series_number")),
                          render_date(date_row.get("date_start"), prec),
                          render_date(date_row.get("date_end"), prec), prec, label=src["event_id"],
                          raw={**ev, "source_status": src.get("status") or ev.get("status") or ""}))
    return out


# ------------------------------------------------------------------------------------------ matching

def match_events(gold_ev: list[_Event], pred_ev: list[_Event], article_id: str, people=None):
    """Return (events score, dates score, misses, {gold index: date exact?}, {gold index: pred index}).

    The last map pairs each gold event with its predicted event (same type and ordinal, best date
    first), for the detail tables. Two meetings of one kind on one day are told apart by the
    people they share: `people(event)` gives an event's participants' names."""
    def rank(g: _Event, p: _Event):
        if g.key() != p.key():
            return None
        if (g.start, g.precision) != (p.start, p.precision):
            # Paired for the dates score only; prefer same precision, then same year.
            return 2 + (g.precision != p.precision) + ((g.start or "")[:4] != (p.start or "")[:4])
        return 0 if g.end == p.end else 1      # exact start, end and precision first

    def shared(g: _Event, p: _Event) -> int:
        return -len(people(g) & people(p)) if people else 0

    pairs = _greedy(gold_ev, pred_ev, rank, shared)
    events, dates, misses, date_misses, exact = Score(), Score(), [], [], {}
    matched_g = {gi: pi for tier, gi, pi in pairs if tier <= 1}
    matched_p = set(matched_g.values())
    events.tp = len(matched_g)

    for tier, gi, pi in pairs:
        g, p = gold_ev[gi], pred_ev[pi]
        exact[gi] = tier == 0
        if tier == 0:
            dates.tp += 1
        else:
            dates.fp += 1
            dates.fn += 1
            date_misses.append(Miss("dates", article_id, "wrong_value",
                               f"gold {g.describe()} vs predicted {p.describe()}"))

    date_partner = {gi: pi for tier, gi, pi in pairs if tier >= 2}
    for gi, g in enumerate(gold_ev):
        if gi in matched_g:
            continue
        events.fn += 1
        pi = date_partner.get(gi)
        if pi is None and pred_ev:   # closest: same type, then same ordinal, then same date
            pi = max(range(len(pred_ev)), key=lambda j: (pred_ev[j].type == g.type,
                     pred_ev[j].ordinal == g.ordinal, pred_ev[j].start == g.start))
        closest = f" vs predicted {pred_ev[pi].describe()}" if pi is not None else " (no predicted event)"
        misses.append(Miss("events", article_id, "missed", f"gold {g.role} {g.describe()}{closest}"))
    for pi, p in enumerate(pred_ev):
        if pi not in matched_p:
            events.fp += 1
            misses.append(Miss("events", article_id, "false_positive", f"predicted {p.describe()}"))
    paired = {gi: pi for _, gi, pi in pairs}
    return events, dates, misses + date_misses, exact, paired


def _person_names(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """person_id → name_vi and aliases: the spellings that count as that person."""
    out = {}
    for r in _rows(tables, "persons"):
        aliases = [a for a in str(r.get("aliases") or "").split("|") if a.strip()]
        out[r.get("person_id", "")] = [r.get("name_vi") or ""] + aliases
    return out


def _event_people(tables, gold_article: dict, article_id: str):
    """event → the canonical names of its participants (gold events from the gold, predicted ones
    from the participants table)."""
    canon = _canon_map(gold_article)
    persons = _person_names(tables)
    predicted: dict[str, set[str]] = {}
    for r in _rows(tables, "participants", article_id):
        names = [r.get("name_vi") or ""] + persons.get(r.get("person_id") or "", [])
        predicted.setdefault(r.get("event_id") or "", set()).update(canon(n) for n in names if n.strip())

    def people(e: _Event) -> set[str]:
        if e.label:
            return predicted.get(e.label, set())
        return {canon(p.get("name") or "") for p in (e.raw or {}).get("participants") or []}
    return people


def _pred_participants(tables, article_id: str, canon) -> list[tuple[set[str], str, str]]:
    """Per article, one item per person: (accepted canonical names, country, name as written)."""
    persons = _person_names(tables)
    items: dict[tuple, tuple[set[str], str, str]] = {}
    for r in _rows(tables, "participants", article_id):
        pid = r.get("person_id") or ""
        written = r.get("name_vi") or ""
        key = (pid or canon(written), r.get("country") or "")
        names = {canon(n) for n in [written] + persons.get(pid, []) if n.strip()}
        if key in items:
            items[key][0].update(names)
        else:
            items[key] = (names, key[1], written)
    return list(items.values())


def match_participants(tables, gold_article: dict, article_id: str):
    canon = _canon_map(gold_article)
    written: dict[tuple[str, str], str] = {}     # (canonical name, country) → gold spelling
    for e in gold_article.get("events") or []:
        for p in e.get("participants") or []:
            written.setdefault((canon(p.get("name")), p.get("country") or ""), p.get("name") or "")
    gold = list(written)
    pred = _pred_participants(tables, article_id, canon)
    pairs = _greedy(gold, pred, lambda g, p: 0 if g[1] == p[1] and g[0] in p[0] else None)
    score, misses = Score(tp=len(pairs)), []
    matched_g, matched_p = {gi for _, gi, _ in pairs}, {pi for _, _, pi in pairs}
    for gi, (name, country) in enumerate(gold):
        if gi not in matched_g:
            score.fn += 1
            misses.append(Miss("participants", article_id, "missed", f"{written[name, country]} ({country})"))
    for pi, (_, country, written) in enumerate(pred):
        if pi not in matched_p:
            score.fp += 1
            misses.append(Miss("participants", article_id, "false_positive", f"{written} ({country})"))
    return score, misses


def match_documents(tables, gold_article: dict, article_id: str):
    gold = [(d.get("type") or "", render_date(d.get("date"), "day"), _count(d.get("count")))
            for e in gold_article.get("events") or [] for d in e.get("documents") or []]
    pred = [(r.get("doc_type") or "",
             render_date(r.get("date_signed"), r.get("date_precision") or "day"),
             _count(r.get("count"))) for r in _rows(tables, "documents", article_id)]

    def rank(g, p):
        if g[:2] != p[:2]:
            return None
        # The count only matters for counted groups ("3 văn bản"); a mismatch pairs for the detail.
        return 0 if g[2] == 1 or g[2] == p[2] else 1

    def show(d):
        return f"{d[0]} {d[1] or 'no date'}" + (f" x{d[2]}" if d[2] != 1 else "")

    pairs = _greedy(gold, pred, rank)
    matched_g = {gi for tier, gi, _ in pairs if tier == 0}
    matched_p = {pi for tier, _, pi in pairs if tier == 0}
    count_partner = {gi: pi for tier, gi, pi in pairs if tier == 1}
    count_partner_p = {pi: gi for gi, pi in count_partner.items()}
    score, misses = Score(tp=len(matched_g)), []
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        score.fn += 1
        if gi in count_partner:
            p = pred[count_partner[gi]]
            detail = f"{show(g)}: count mismatch, gold {g[2]} vs predicted {p[2]} (counted as fp+fn)"
        else:
            same_type = [show(p) for pi, p in enumerate(pred) if p[0] == g[0] and pi not in matched_p]
            detail = show(g) + (f" vs predicted {', '.join(same_type)}" if same_type else "")
        misses.append(Miss("documents", article_id, "missed", detail))
    for pi, p in enumerate(pred):
        if pi in matched_p:
            continue
        score.fp += 1
        detail = show(p) + (" (count mismatch with gold)" if pi in count_partner_p else "")
        misses.append(Miss("documents", article_id, "false_positive", detail))
    return score, misses


def match_noise(tables, gold_article: dict, article_id: str):
    """Gold `not_participants` names found among this article's participants or signatories (with
    every spelling their person has)."""
    canon = _canon_map(gold_article)
    found = {n for names, _, _ in _pred_participants(tables, article_id, canon) for n in names}
    # signers of this article's documents; persons of other articles may bear a name that is noise here
    persons = _person_names(tables)
    for r in _rows(tables, "documents", article_id):
        for col in ("signatory_vn", "signatory_cn"):
            found |= {canon(n) for n in persons.get(r.get(col) or "", []) if n.strip()}
    score, misses = Score(), []
    for name in gold_article.get("not_participants") or []:
        if canon(name) in found:
            score.fp += 1
            misses.append(Miss("persons_noise", article_id, "false_positive",
                               f"noise name {name} appears in persons/participants"))
    return score, misses


def _set_score(table: str, article_id: str, gold: list, pred: list, show) -> tuple[Score, list[Miss]]:
    """Multiset comparison of hashable items; every unmatched item is a miss."""
    remaining = list(pred)
    score, misses = Score(), []
    for g in gold:
        if g in remaining:
            remaining.remove(g)
            score.tp += 1
        else:
            score.fn += 1
            misses.append(Miss(table, article_id, "missed", show(g)))
    for p in remaining:
        score.fp += 1
        misses.append(Miss(table, article_id, "false_positive", show(p)))
    return score, misses


def match_roles(tables, gold_article: dict, article_id: str, gold_ev: list[_Event], pred_ev: list[_Event],
                paired: dict[int, int]):
    """Each participant with its role, on the event it belongs to: a participant of an unpaired event
    (or on the wrong event) is a miss, and so is a wrong role."""
    canon = _canon_map(gold_article)
    persons = _person_names(tables)
    rows = _rows(tables, "participants", article_id)
    gold, pred = [], []
    slot_of_pred = {pi: f"event{gi}" for gi, pi in paired.items()}
    for gi, e in enumerate(gold_ev):
        for p in (e.raw or {}).get("participants") or []:
            gold.append((f"event{gi}", canon(p.get("name")), p.get("country") or "", p.get("role") or ""))
    by_label = {p.label: pi for pi, p in enumerate(pred_ev)}
    seen = set()
    for r in rows:
        pi = by_label.get(r.get("event_id"))
        slot = slot_of_pred.get(pi, f"predicted:{r.get('event_id')}")
        names = [r.get("name_vi") or ""] + persons.get(r.get("person_id") or "", [])
        gold_names = {g[1] for g in gold if g[0] == slot}
        name = next((canon(n) for n in names if canon(n) in gold_names), canon(names[0]))
        item = (slot, name, r.get("country") or "", r.get("role") or "")
        if item not in seen:
            seen.add(item)
            pred.append(item)
    labels = {f"event{gi}": e.describe() for gi, e in enumerate(gold_ev)}
    return _set_score("participant_roles", article_id, gold, pred,
                      lambda i: f"{i[1]} ({i[2]}) as {i[3]} at {labels.get(i[0], i[0])}")


def match_signatories(tables, gold_article: dict, article_id: str):
    """(document type, signer) pairs: a signer dropped, added or on the wrong document is a miss."""
    canon = _canon_map(gold_article)
    persons = _person_names(tables)
    gold = [(d.get("type") or "", canon(name)) for e in gold_article.get("events") or []
            for d in e.get("documents") or [] for name in d.get("signatories") or []]
    pred = []
    for r in _rows(tables, "documents", article_id):
        for col in ("signatory_vn", "signatory_cn"):
            pid = r.get(col) or ""
            if pid:
                names = persons.get(pid) or [pid]
                name = next((canon(n) for n in names if (r.get("doc_type") or "", canon(n)) in gold),
                            canon(names[0]))
                pred.append((r.get("doc_type") or "", name))
    return _set_score("signatories", article_id, gold, pred, lambda i: f"{i[1]} signing {i[0]}")


def _body_key(name) -> str:
    text = normalise_name(name)
    text = re.sub(r"\b(?:nước cộng hòa nhân dân trung hoa|việt nam|trung quốc|đảng cộng sản)\b", " ", text)
    return " ".join(text.replace(",", " ").split())


def _same_body(gold, pred) -> bool:
    """One organisation named shorter or longer ("Bộ Công an" / "Bộ Công an Việt Nam")."""
    g, p = _body_key(gold), _body_key(pred)
    return bool(g and p) and (g.startswith(p) or p.startswith(g))


def match_details(gold_ev: list[_Event], pred_ev: list[_Event], paired: dict[int, int], article_id: str):
    """City, country, status and (when the gold names them) the two sides' organisations of every
    paired event: each field is one item, right or wrong."""
    score, misses = Score(), []
    for gi, pi in sorted(paired.items()):
        g, p = gold_ev[gi].raw or {}, pred_ev[pi].raw or {}
        for field, gold_value, pred_value in (
                ("location_city", g.get("location_city"), p.get("location_city")),
                ("location_country", g.get("location_country"), p.get("location_country")),
                ("status", g.get("status"), p.get("source_status") or p.get("status")),
            *(((f"side {c}", (g.get("sides") or {}).get(c), p.get(f"organization_{c.lower()}"))
               for c in ("VN", "CN")) if "sides" in g else ())):
            if field.startswith("side") and _same_body(gold_value, pred_value):
                gold_value = pred_value
            gold_value, pred_value = gold_value or "", pred_value or ""
            if gold_value == pred_value:
                score.tp += 1 if gold_value else 0
                continue
            score.fp += 1 if pred_value else 0
            score.fn += 1 if gold_value else 0
            misses.append(Miss("event_details", article_id, "wrong_value",
                               f"{gold_ev[gi].describe()}: {field} gold {gold_value or '—'} vs predicted "
                               f"{pred_value or '—'}"))
    return score, misses


# ---------------------------------------------------------------------------------------- evaluate

def evaluate(tables: dict[str, pd.DataFrame], gold: dict[str, dict]) -> EvaluationReport:
    totals = {t: Score() for t in TABLES}
    per_article: dict[str, dict[str, Score]] = {}
    misses: list[Miss] = []
    primary_exact = primary_total = 0
    for article_id in sorted(gold):
        g = gold[article_id]
        gold_ev = _gold_events(g)
        pred_ev = _pred_events(tables, article_id)
        ev_score, date_score, ev_misses, exact, paired = match_events(gold_ev, pred_ev, article_id,
                                                                      _event_people(tables, g, article_id))
        primaries = [i for i, e in enumerate(gold_ev) if e.role == "primary"]
        primary_total += len(primaries)
        primary_exact += sum(exact.get(i, False) for i in primaries)
        part_score, part_misses = match_participants(tables, g, article_id)
        doc_score, doc_misses = match_documents(tables, g, article_id)
        noise_score, noise_misses = match_noise(tables, g, article_id)
        role_score, role_misses = match_roles(tables, g, article_id, gold_ev, pred_ev, paired)
        sign_score, sign_misses = match_signatories(tables, g, article_id)
        detail_score, detail_misses = match_details(gold_ev, pred_ev, paired, article_id)
        scores = {"events": ev_score, "dates": date_score, "participants": part_score,
                  "documents": doc_score, "persons_noise": noise_score, "participant_roles": role_score,
                  "signatories": sign_score, "event_details": detail_score}
        per_article[article_id] = scores
        for t, s in scores.items():
            totals[t] = totals[t] + s
        misses += ev_misses + part_misses + doc_misses + noise_misses + role_misses + sign_misses + detail_misses
    return EvaluationReport(totals, misses, len(gold), per_article, (primary_exact, primary_total))


# ------------------------------------------------------------------------------------------ output

def format_report(report: EvaluationReport, max_misses: int | None = None) -> str:
    lines = [f"{report.n_articles} articles scored", "",
             f"{'table':<17} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for t, s in report.scores.items():
        lines.append(f"{t:<17} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    exact, total = report.primary_dates_exact
    lines.append(f"primary event dates exact: {exact}/{total}")

    by_article: dict[str, list[Miss]] = defaultdict(list)
    for m in report.misses:
        by_article[m.article_id].append(m)
    shown = 0
    for article_id in sorted(by_article):
        if max_misses is not None and shown >= max_misses:
            break
        lines += ["", f"== {article_id}"]
        for m in by_article[article_id]:
            if max_misses is not None and shown >= max_misses:
                break
            lines.append(f"  {m.table:<17} {m.kind:<15} {m.detail}")
            shown += 1
    if shown < len(report.misses):
        lines += ["", f"... {len(report.misses) - shown} more not shown"]
    return "\n".join(lines)


def _score_dict(s: Score) -> dict:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn,
            "precision": s.precision, "recall": s.recall, "f1": s.f1}


def report_to_dict(report: EvaluationReport) -> dict:
    return {
        "n_articles": report.n_articles,
        "scores": {t: _score_dict(s) for t, s in report.scores.items()},
        "primary_dates_exact": list(report.primary_dates_exact),
        "per_article": {a: {t: _score_dict(s) for t, s in sc.items()}
                        for a, sc in report.per_article.items()},
        "misses": [asdict(m) for m in report.misses],
    }
