"""Command line: python -m builder {build,validate,evaluate,codebook,card,publish}."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_SETS = ((REPO / "tests" / "fixtures" / "dev_articles", "synthetic development set"),
            (REPO / "tests" / "fixtures" / "dev_articles_2", "second development set (multi-meeting, dates, sides, negatives)"),
            (REPO / "tests" / "fixtures" / "holdout", "third set (held out until first scored; see its README)"),
            (REPO / "tests" / "fixtures" / "holdout_2", "fourth set (held out until first scored; see its README)"),
            (REPO / "tests" / "fixtures" / "holdout_3", "fifth set (held out until first scored; see its README)"),
            (REPO / "tests" / "fixtures" / "holdout_4", "held-out set (never tuned on)"),
            (REPO / "tests" / "fixtures" / "dev_articles_3", "third development set (role cues, document forms, date forms)"),
            (REPO / "tests" / "fixtures" / "dev_articles_4", "fourth development set (older register, pinyin, state visits, reposts)"),
            (REPO / "tests" / "fixtures" / "dev_articles_5", "fifth development set (a week of news, many outlets)"),
            (REPO / "tests" / "fixtures" / "holdout_5", "held-out set 5 (never tuned on)"))
# sets kept unseen: their scores are printed, their misses only on request (reading them would
# turn an honest estimate into one more development set)
UNSEEN = {REPO / "tests" / "fixtures" / "holdout_4", REPO / "tests" / "fixtures" / "holdout_5"}


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


def score(seeds: Path, gold: Path, label: str, as_json: bool, show_misses: bool = True):
    from .build import build
    from .evaluate import evaluate, format_report, load_gold, load_tables, report_to_dict
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "package"
        build(seeds, out, None, timeline=False, stream=open("/dev/null", "w"))
        report = evaluate(load_tables(out), load_gold(gold))
    if as_json:
        data = report_to_dict(report)
        if not show_misses:
            data["misses"] = "not shown for a held-out set (--show-unseen)"
        return report, data
    print(f"== {label}: {seeds.relative_to(REPO) if seeds.is_relative_to(REPO) else seeds}")
    print(format_report(report, max_misses=None if show_misses else 0))
    if not show_misses:
        print("(misses of a held-out set are not shown; --show-unseen prints them)")
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
        unseen = seeds.resolve() in {u.resolve() for u in UNSEEN}
        report, data = score(seeds, gold, label, args.json, show_misses=args.show_unseen or not unseen)
        out[label] = data
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_codebook(args) -> int:
    from .codebook import render
    Path(args.out).write_text(render() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def cmd_card(args) -> int:
    from .card import with_header
    path = Path(args.readme)
    path.write_text(with_header(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the dataset-card header of {path}")
    return 0


def cmd_publish(args) -> int:
    from .metadata import MetadataError
    from .release import Options, PublishError, publish
    opts = Options(previous=Path(args.previous) if args.previous else None, bump=args.bump,
                   created=args.created, dry_run=args.dry_run)
    for attr in ("package_dir", "dist", "releases", "metadata_path", "sources_root"):
        if getattr(args, attr):
            setattr(opts, attr, Path(getattr(args, attr)))
    try:
        release = publish(opts, log=lambda m: print(m, file=sys.stderr))
    except (PublishError, MetadataError) as e:
        print(f"publish refused: {e}", file=sys.stderr)
        return 2
    verb = "Would publish" if args.dry_run else "Published"
    where = release.zip_path or Path(opts.dist) / f"{release.name}-{release.version}.zip"
    print(f"{verb} {where} — version {release.version} ({release.bump}), created {release.created}")
    for rel in sorted(release.files):
        print(f"  {len(release.files[rel]):>10,d}  {rel}")
    if release.zip_sha256:
        print(f"sha256 {release.zip_sha256}")
    if release.problems:
        print(f"publish would refuse until {opts.metadata_path.name} is filled in:\n  - "
              + "\n  - ".join(release.problems))
    print()
    print(release.entry)
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
                   help="processes for reading, extraction and the timeline (default: the machine's cores); "
                        "the output does not depend on it")
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
    e.add_argument("--show-unseen", action="store_true",
                   help="also list the misses of the held-out sets (which are then no longer unseen)")
    e.set_defaults(func=cmd_evaluate)
    c = sub.add_parser("codebook", help="regenerate CODEBOOK.md from the schema and vocabulary")
    c.add_argument("--out", default=str(REPO / "CODEBOOK.md"))
    c.set_defaults(func=cmd_codebook)
    cd = sub.add_parser("card", help="regenerate the Hugging Face dataset-card header of README.md")
    cd.add_argument("--readme", default=str(REPO / "README.md"))
    cd.set_defaults(func=cmd_card)
    pb = sub.add_parser("publish", help="validate the package and write a versioned release zip into dist/")
    pb.add_argument("--dry-run", action="store_true", help="print what would go out and the diff; write nothing")
    pb.add_argument("--previous", help="the release zip (or any older package folder) to diff against "
                                       "(default: the newest zip in dist/)")
    pb.add_argument("--bump", choices=("major", "minor", "patch"),
                    help="override the version part the data diff chose (never smaller than it)")
    pb.add_argument("--created", help="release date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today, UTC)")
    pb.add_argument("--package-dir", help="the built package to release (default: datapackage/)")
    pb.add_argument("--dist", help="where release zips go (default: dist/)")
    pb.add_argument("--releases", help="the committed record of releases (default: releases/)")
    pb.add_argument("--metadata-path", help="the dataset metadata file (default: dataset.toml)")
    pb.add_argument("--sources-root", help="folder the articles' paths are relative to (default: the repository)")
    pb.set_defaults(func=cmd_publish)
    args = p.parse_args(argv)
    return args.func(args)
