"""Cooperation topics named for an event, from the one controlled vocabulary."""
from __future__ import annotations

import re

from .events import evidence
from .fastscan import Scan
from .records import Article, Evidence
from .vocabulary import topic_cues

# one pattern per topic: any of its cues as a whole phrase
_CUES = {code: Scan(re.compile("|".join(r"\b" + re.escape(c.lower()) + r"\b" for c in cues)))
         for code, cues in topic_cues().items()}


def find_topics(article: Article, spans: list[tuple[int, int]]) -> list[tuple[str, Evidence]]:
    """Each topic once, with the first sentence that names it."""
    found: dict[str, Evidence] = {}
    whole = article.match_text.lower()
    possible = {code: cues for code, cues in _CUES.items() if cues.may_occur(whole)}
    for s, e in spans:
        low = article.match_text[s:e].lower()
        for code, cues in possible.items():
            if code not in found and cues.search(low):
                found[code] = evidence(article, s, e)
    order = list(_CUES)
    return sorted(found.items(), key=lambda kv: order.index(kv[0]))
