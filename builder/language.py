"""Is an article written in Vietnamese? The dataset reads Vietnamese news only; a page of a
Vietnamese outlet in English, French, Chinese or Spanish is reported as such, not mis-read."""
from __future__ import annotations

import re
import unicodedata

# letters only Vietnamese uses among Latin-script languages (base letters and tone marks)
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOPWORDS = {
    "English": {"the", "and", "of", "to", "in", "with", "on", "for", "was", "said"},
    "French": {"le", "la", "les", "des", "et", "du", "une", "avec", "pour", "dans"},
    "Spanish": {"el", "los", "las", "del", "y", "con", "para", "una", "que", "por"},
    "German": {"der", "die", "das", "und", "mit", "den", "von", "für", "ist", "ein"},
}


_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile("[\u0000-\u024f\u1e00-\u1eff]+")


def language_of(text: str) -> str:
    """'Vietnamese', 'Chinese', 'English', … or 'unknown' (too little text to tell)."""
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 40:
        return "unknown"
    cjk = len(_CJK.findall(letters))
    if cjk > 0.3 * len(letters):
        return "Chinese"
    latin = "".join(_LATIN.findall(letters))
    decomposed = unicodedata.normalize("NFD", latin)
    marked = sum(decomposed.count(t) for t in _VI_TONES) + sum(latin.count(c) for c in _VI_LETTERS)
    if latin and marked / len(latin) >= 0.08:
        return "Vietnamese"
    words = re.findall(r"[a-záéíóúñüàèìòùâêîôûçäöß]+", text.lower())
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 3 else "unknown"
