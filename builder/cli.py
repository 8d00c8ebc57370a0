"""Command line: python -m builder {build,validate,evaluate,codebook}."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_SETS = ((REPO / "tests" / "fixtures" / "dev_articles", "synthetic development set"),
            (REPO / "tests" / "fixtures" / "dev_articles_2", "second development set (multi-meeting, dates, sides, negatives)"))


def cmd_build(args) -> int:
    from .build import build
    from .reading import SeedsError
    out = Path(args.out)
    root_descriptor = REPO / "datapackage.json" if out.resolve() == (REPO / "datapackage").resolve() else None
    try:
        build(Path(args.seeds), out, root_descriptor, strict=args.strict, jobs=args.jobs,
              cache_dir=None if args.no_cache else Path(args.cache))
    except SeedsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


def cmd_validate(args) -> int:
    from .validate import validate
    errors = validate(Path(args.descriptor), REPO)
    for e in errors:
        print(e)
    print("VALID" if not errors else f"INVALID: {len(errors)} error(s)")
    return 1 if errors else 0


def score(seeds: Path, gold: Path, label: str, as_json: bool):
    from .build import build
    from .evaluate import evaluate, format_report, load_gold, load_tables, report_to_dict
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "package"
        build(seeds, out, None, timeline=False, stream=open("/dev/null", "w"))
        report = evaluate(load_tables(out), load_gold(gold))
    if as_json:
        return report, report_to_dict(report)
    print(f"== {label}: {seeds.relative_to(REPO) if seeds.is_relative_to(REPO) else seeds}")
    print(format_report(report))
    return report, None


def cmd_evaluate(args) -> int:
    if args.articles:   # a corpus of one's own: --articles DIR --gold DIR
        sets = [(Path(args.articles), Path(args.gold or Path(args.articles) / "gold"), "corpus")]
    else:
        sets = [(Path(args.seeds), Path(args.gold or REPO / "tests" / "gold" / "seeds"), "seed articles")]
        if not args.seeds_only:
            sets += [(folder, folder / "gold", label) for folder, label in DEV_SETS if (folder / "gold").is_dir()]
    for seeds, gold, _ in sets:
        if not seeds.is_dir() or not gold.is_dir():
            print(f"error: {seeds if not seeds.is_dir() else gold} is not a folder", file=sys.stderr)
            return 2
    out = {}
    for seeds, gold, label in sets:
        report, data = score(seeds, gold, label, args.json)
        out[label] = data
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_codebook(args) -> int:
    from .codebook import render
    Path(args.out).write_text(render() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the seeds and write the data package, timeline and build report")
    b.add_argument("--seeds", default=str(REPO / "seeds"), help="folder of input articles, or one archive file "
                   "(.jsonl, .csv or .parquet with url, published, title, text columns) (default: seeds/)")
    b.add_argument("--out", default=str(REPO / "datapackage"), help="output folder (default: datapackage/)")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input was not read cleanly")
    b.add_argument("--jobs", type=int, default=None,
                   help="extraction processes (default: the machine's cores); the output does not depend on it")
    b.add_argument("--cache", default=str(REPO / ".cache" / "extract"),
                   help="folder of cached per-article extractions (default: .cache/extract/; safe to delete)")
    b.add_argument("--no-cache", action="store_true", help="extract every article afresh and keep nothing")
    b.set_defaults(func=cmd_build)
    v = sub.add_parser("validate", help="frictionless validation of both formats plus the project's own checks")
    v.add_argument("descriptor", nargs="?", default=str(REPO / "datapackage.json"))
    v.set_defaults(func=cmd_validate)
    e = sub.add_parser("evaluate", help="score a build of the seeds (and the dev set) against hand-written gold")
    e.add_argument("--seeds", default=str(REPO / "seeds"), help="the seed articles (default: seeds/)")
    e.add_argument("--gold", default=None,
                   help="gold folder (default: tests/gold/seeds/, or ARTICLES/gold with --articles)")
    e.add_argument("--articles", default=None,
                   help="score this folder of articles alone against --gold (a corpus of your own)")
    e.add_argument("--seeds-only", action="store_true", help="skip the development sets")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.set_defaults(func=cmd_evaluate)
    c = sub.add_parser("codebook", help="regenerate CODEBOOK.md from the schema and vocabulary")
    c.add_argument("--out", default=str(REPO / "CODEBOOK.md"))
    c.set_defaults(func=cmd_codebook)
    args = p.parse_args(argv)
    return args.func(args)
