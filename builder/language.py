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


def language_of(text: str) -> str:
    """'Vietnamese', 'Chinese', 'English', … or 'unknown' (too little text to tell)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 40:
        return "unknown"
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
    if cjk > 0.3 * len(letters):
        return "Chinese"
    latin = [c for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff"]
    decomposed = unicodedata.normalize("NFD", "".join(latin))
    marked = sum(1 for c in decomposed if c in _VI_TONES) + sum(1 for c in latin if c in _VI_LETTERS)
    if latin and marked / len(latin) >= 0.08:
        return "Vietnamese"
    words = re.findall(r"[a-záéíóúñüàèìòùâêîôûçäöß]+", text.lower())
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 3 else "unknown"
