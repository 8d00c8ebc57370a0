"""Instructions per extracted article, counted by valgrind: a measure of extraction cost that does
not vary with the machine's load (wall-clock figures on this shared machine vary by a fifth).

Runs the extraction of N synthetic articles under valgrind twice, once extracting only the first
(imports, lexicons, first-use indexes) and once all N, and prints the difference per article.
The same code gives the same count to the last digit: the hash seed is fixed, address-space
randomisation is off (`setarch -R`: object addresses order some sets), and the articles are made
in memory (a temporary folder's random name would change the counts).

Run: .venv/bin/python benchmarks/count_instructions.py [N]   (default 150; needs valgrind and setarch)
About half a minute per 150 articles. Compare two versions of the code by running it in each.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract_some(n: int, all_of_them: bool) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from builder.extract import extract
    from builder.lexicon import load
    from builder.records import InputFile
    from synthetic_corpus import generate

    articles, _ = generate(n)
    sources = [InputFile(path=f"{k}.txt", article_id=k, n_bytes=len(v.encode()), sha256=k, status="ok", text=v)
               for k, v in articles.items()]
    lex = load()
    extract(sources[0], lex)
    if all_of_them:
        for source in sources[1:]:
            extract(source, lex)


def instructions(n: int, all_of_them: bool) -> int:
    cmd = ["setarch", os.uname().machine, "-R", "valgrind", "--tool=cachegrind", "--cache-sim=no",
           "--cachegrind-out-file=/dev/null", sys.executable, __file__, "--run", str(n), str(int(all_of_them))]
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(n: int) -> None:
    missing = [tool for tool in ("valgrind", "setarch") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"needs {' and '.join(missing)} (Debian: apt-get install valgrind util-linux)")
    base, full = instructions(n, False), instructions(n, True)
    print(f"{(full - base) / (n - 1) / 1e6:.4f} M instructions per article ({n - 1} articles)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        extract_some(int(sys.argv[2]), sys.argv[3] == "1")
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
