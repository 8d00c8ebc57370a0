"""Time spent inside each compiled pattern of the builder while extracting the synthetic archive.

Wall-clock profilers spread a flat profile over hundreds of functions; this asks one question:
how much of extraction is the regex engine, and which patterns. Every compiled pattern held by a
module of `builder` (alone, or in a list, tuple or dict, or inside a `fastscan.Scan` with its
literal seeks) is replaced by a proxy that times its calls; module-level `re.search(...)` calls
are timed too. The figures include the proxy's own cost (about a microsecond a call), and a
pattern held elsewhere (a default argument, a closure) is not seen.

Run: .venv/bin/python benchmarks/profile_patterns.py [N_ARTICLES]   (default 600; first pass only)

For instruction counts, which vary far less than times on a shared machine, run the same
extraction under valgrind, once with no article and once with N, and subtract:
  PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=cg.out \\
      .venv/bin/python benchmarks/profile_patterns.py 150 --plain
  callgrind_annotate cg.out | head -40
"""
from __future__ import annotations

import collections
import importlib
import io
import pkgutil
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TIMES: dict[tuple[str, str], list] = collections.defaultdict(lambda: [0, 0.0])
_clock = time.perf_counter


class TimedPattern:
    """A compiled pattern whose calls are timed (finditer is consumed inside the timing)."""

    def __init__(self, rx: re.Pattern, label: str) -> None:
        self._rx, self._label = rx, label
        self.pattern, self.flags, self.groupindex, self.groups = rx.pattern, rx.flags, rx.groupindex, rx.groups

    def _timed(self, name: str, *args, **kwargs):
        start = _clock()
        result = getattr(self._rx, name)(*args, **kwargs)
        if name == "finditer":
            result = list(result)
        entry = TIMES[(self._label, name)]
        entry[0] += 1
        entry[1] += _clock() - start
        return iter(result) if name == "finditer" else result

    def __getattr__(self, name: str):
        if name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            return lambda *a, **k: self._timed(name, *a, **k)
        return getattr(self._rx, name)

    def __hash__(self) -> int:
        return hash(self._rx)

    def __eq__(self, other) -> bool:
        return self._rx == getattr(other, "_rx", other)


def _wrap(value, label: str):
    from builder.fastscan import Scan
    if isinstance(value, re.Pattern):
        return TimedPattern(value, label)
    if isinstance(value, Scan):
        value.rx = TimedPattern(value.rx, label)
        if value._seek is not None:
            value._seek = TimedPattern(value._seek, "seek " + label)
            value._seek_caseless = TimedPattern(value._seek_caseless, "seek " + label)
        return value
    if isinstance(value, list):
        value[:] = [_wrap(x, label) for x in value]
        return value
    if isinstance(value, tuple):
        return tuple(_wrap(x, label) for x in value)
    if isinstance(value, dict):
        for key in list(value):
            value[key] = _wrap(value[key], label)
        return value
    return value


def instrument() -> None:
    import builder
    for info in pkgutil.iter_modules(builder.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module("builder." + info.name)
        for name, value in list(vars(module).items()):
            if not name.startswith("__") and isinstance(value, (re.Pattern, list, tuple, dict)) or \
                    type(value).__name__ == "Scan":
                setattr(module, name, _wrap(value, f"{info.name}.{name}"))
    for fn in ("search", "match", "finditer", "sub", "findall", "fullmatch", "split"):
        original = getattr(re, fn)

        def timed(pattern, *args, _original=original, _fn=fn, **kwargs):
            start = _clock()
            result = _original(pattern, *args, **kwargs)
            if _fn == "finditer":
                result = list(result)
            text = pattern if isinstance(pattern, str) else getattr(pattern, "pattern", "?")
            entry = TIMES[(f"re.{_fn} {text[:50]}", _fn)]
            entry[0] += 1
            entry[1] += _clock() - start
            return iter(result) if _fn == "finditer" else result
        setattr(re, fn, timed)


def main(n: int, plain: bool) -> None:
    if not plain:
        instrument()
    from builder.build import read_inputs
    from builder.extract import extract
    from builder.lexicon import load
    from synthetic_corpus import generate
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        folder.mkdir()
        for name, text in list(generate(max(n, 1))[0].items())[:n]:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        sources = read_inputs(folder, io.StringIO()) if n else []
    lex = load()
    TIMES.clear()
    start = _clock()
    for source in sources:
        extract(source, lex)
    total = _clock() - start
    if plain or not sources:
        return
    inside = sum(t for _, t in TIMES.values())
    print(f"{len(sources)} articles extracted in {total:.3f} s; inside patterns {inside:.3f} s ({inside / total:.0%})")
    kinds: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    for (label, fn), (count, seconds) in TIMES.items():
        kind = "seek" if label.startswith("seek ") else "re module" if label.startswith("re.") else fn
        kinds[kind] += seconds
        calls[kind] += count
    for kind, seconds in kinds.most_common():
        print(f"  {kind:10s} {seconds * 1000:8.1f} ms {calls[kind]:8d} calls")
    print("the 25 costliest:")
    for (label, fn), (count, seconds) in sorted(TIMES.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"  {seconds * 1000:7.1f} ms {count:7d} {fn:9s} {label[:100]}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 600, "--plain" in sys.argv)
