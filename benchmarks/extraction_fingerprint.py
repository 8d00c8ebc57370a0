"""Fingerprint of every extraction, to show that a speed change leaves the output unchanged.

Extracts every article of the seeds, the shared development articles, every test fixture set and
a 600-article synthetic archive, and writes {set/path: sha1 of repr(extraction)} as JSON. Run it
before and after a change and compare the two files: any difference is a changed extraction.

Run: .venv/bin/python benchmarks/extraction_fingerprint.py OUT.json
"""
from __future__ import annotations

import hashlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def fingerprints() -> tuple[dict[str, str], int, float]:
    from builder.build import read_inputs
    from builder.extract import extract
    from builder.lexicon import load
    from synthetic_corpus import generate

    folders = [ROOT / "seeds", ROOT.parent / "shared" / "dev-articles"]
    folders += sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())
    lex = load()
    out: dict[str, str] = {}
    n, seconds = 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic600"
        synthetic.mkdir()
        for name, text in generate(600)[0].items():
            (synthetic / f"{name}.txt").write_text(text, encoding="utf-8")
        for folder in folders + [synthetic]:
            try:
                sources = read_inputs(folder, io.StringIO())
            except Exception:          # a fixture folder of deliberately bad input
                continue
            t = time.perf_counter()
            for source in sources:
                x = extract(source, lex)
                out[f"{folder.name}/{source.path}"] = hashlib.sha1(repr(x).encode()).hexdigest()
            seconds += time.perf_counter() - t
            n += len(sources)
    return out, n, seconds


if __name__ == "__main__":
    prints, n, seconds = fingerprints()
    Path(sys.argv[1]).write_text(json.dumps(prints, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{n} articles extracted in {seconds:.2f} s ({n / seconds:.0f} per second); fingerprints in {sys.argv[1]}")
