"""Cooperation topics named for an event, from the one controlled vocabulary."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from .events import evidence
from .fastscan import Scan
from .records import Article, Evidence
from .vocabulary import topic_cues

# one pattern per topic: any of its cues as a whole phrase
_CUES = {code: Scan(re.compile("|".join(r"\b" + re.escape(c.lower()) + r"\b" for c in cues)))
         for code, cues in topic_cues().items()}
assert not any("\n" in c for cues in topic_cues().values() for c in cues)   # see find_topics
# the literal beginnings of all topics' cues, each sought once per article: many topics share
# one ("an nin"), and a topic none of whose beginnings occurs cannot match (Scan.may_occur)
_BEGINNINGS = sorted({b for cues in _CUES.values() for b in cues.beginnings or ()})
assert not any(cues._caseless for cues in _CUES.values())   # (sought as written, in the lower-cased text)


def find_topics(article: Article, spans: list[tuple[int, int]]) -> list[tuple[str, Evidence]]:
    """Each topic once, with the first sentence that names it."""
    found: dict[str, Evidence] = {}
    whole = article.match_text.lower()
    present = {b for b in _BEGINNINGS if b in whole}
    possible = {code: cues for code, cues in _CUES.items()
                if not cues.beginnings or not present.isdisjoint(cues.beginnings)}
    # the sentences, each lower-cased, joined by line breaks (which no cue holds, and which bound a
    # whole phrase as a sentence's ends do): a topic's first match lies in its first sentence
    lows = [article.match_text[s:e].lower() for s, e in spans]
    joined = "\n".join(lows)
    starts = list(accumulate((len(low) + 1 for low in lows[:-1]), initial=0))
    for code, cues in possible.items():
        m = cues.search(joined)
        if m is not None:
            found[code] = evidence(article, *spans[bisect_right(starts, m.start()) - 1])
    order = list(_CUES)
    return sorted(found.items(), key=lambda kv: order.index(kv[0]))
