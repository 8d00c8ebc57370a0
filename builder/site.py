"""The release's static site (`site/index.html`): the timeline, a summary of the data, table
previews, the data dictionary and download links. Plain HTML and CSS with relative links, so it
works from disk and on any static host; fields and descriptions come from builder/schema.py."""
from __future__ import annotations

import csv
import html
from collections import Counter
from pathlib import Path

from . import vocabulary as V
from .schema import TABLES

PREVIEW_ROWS = 10
_PREVIEW_CELL = 80          # characters shown of a long cell (evidence sentences)

CSS = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fff}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:24px}
h1{font-size:1.6rem;line-height:1.25;margin:.2em 0}
h2{font-size:1.3rem;margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
h3{font-size:1.05rem;margin-top:1.5em}
nav a{margin-right:1em;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px}
.card b{display:block;font-size:1.4rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;font-size:.85rem;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f3f6}
td.num{text-align:right}
iframe{width:100%;height:640px;border:1px solid #d0d7de}
code{font-size:.9em}
.note{color:#57606a;font-size:.9rem}
table.preview td{white-space:nowrap}
@media (max-width:600px){body{font-size:15px}iframe{height:520px}h1{font-size:1.3rem}
 table.dict,table.dict tbody,table.dict tr,table.dict td{display:block;width:100%}
 table.dict thead{display:none}
 table.dict tr{border:1px solid #d0d7de;margin:0 0 8px;padding:4px 0}
 table.dict td{border:0;padding:1px 8px}
 table.dict td:first-child{font-weight:bold}
 table.dict td:nth-child(2):before{content:"type: "}
 table.dict td:nth-child(3):not(:empty):before{content:"required: "}}
"""


def _read(csv_dir: Path, name: str) -> list[dict[str, str]]:
    with (csv_dir / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[object]], numeric: set[int] = frozenset(), css: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="num">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    cls = f' class="{css}"' if css else ""
    return f'<div class="scroll"><table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _counts(title: str, counter: Counter, label=lambda k: k) -> str:
    rows = [[label(k), n] for k, n in counter.items()]
    return f"<h3>{_e(title)}</h3>" + _table([title.split(" per ")[-1], "events"], rows, {1})


def summary(tables: dict[str, list[dict[str, str]]]) -> str:
    events, articles = tables["events"], tables["articles"]
    labels = {c.code: c.label for vocab in V.ALL_VOCABULARIES.values() for c in vocab}
    # an event known only within bounds (precision unknown) belongs to no single year
    years = Counter(sorted((e["date_start"][:4] if e["date_start"] and e["date_precision"] != "unknown"
                            else "date not known") for e in events))
    kinds = Counter(sorted(e["event_type"] for e in events))
    sides = Counter(sorted(e["host_country"] or "unknown" for e in events))
    outlets = {a["publisher"] for a in articles if a["publisher"]}
    article_years = sorted({a["published"][:4] for a in articles if a["published"]})
    cards = [("events", len(events)), ("persons", len(tables["persons"])), ("documents", len(tables["documents"])),
             ("articles", len(articles)), ("outlets", len(outlets)),
             ("article years", f"{article_years[0]}–{article_years[-1]}" if article_years else "—")]
    out = ['<div class="cards">' + "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)
           + "</div>"]
    out.append(_counts("Events per year", years))
    out.append(_counts("Events per meeting kind", kinds, lambda k: labels.get(k, k)))
    out.append(_counts("Events per host side", sides,
                       lambda k: {"VN": "Viet Nam hosts", "CN": "China hosts"}.get(k, "not stated")))
    return "\n".join(out)


def previews(tables: dict[str, list[dict[str, str]]]) -> str:
    out = []
    for t in TABLES:
        rows = tables[t.name]
        shown = [[(v if len(v) <= _PREVIEW_CELL else v[:_PREVIEW_CELL - 1] + "…") for v in
                  (r.get(c, "") for c in t.columns)] for r in rows[:PREVIEW_ROWS]]
        out.append(f'<h3 id="preview-{t.name}">{_e(t.title)} <span class="note">({len(rows)} rows; first '
                   f'{min(len(rows), PREVIEW_ROWS)} shown)</span></h3><p>{_e(t.description)}</p>'
                   + _table(t.columns, shown, css="preview"))
    return "\n".join(out)


def dictionary() -> str:
    out = []
    for t in TABLES:
        keys = [f"Primary key: {', '.join(t.primary_key)}."] if t.primary_key else []
        keys += [f"{', '.join(f)} → {ref}.{', '.join(rf)}" for f, ref, rf in t.foreign_keys]
        rows = [[f.name, f.type, "yes" if f.required else "", f.description + (
            f" One of: {', '.join(f.enum)}." if f.enum else "")] for f in t.fields]
        out.append(f'<h3 id="dict-{t.name}">{_e(t.name)}</h3><p class="note">{_e(" ".join(keys[:1]))}'
                   + ("<br>Foreign keys: " + _e("; ".join(keys[1:])) if keys[1:] else "") + "</p>"
                   + _table(["field", "type", "required", "description"], rows, css="dict"))
    return "\n".join(out)


def downloads(files: list[str], name: str) -> str:
    """Links to every file of the release except the site itself, relative to site/."""
    described = {
        "datapackage.json": "Frictionless Data Package descriptor (schemas, keys, licence)",
        f"{name}.duckdb": "DuckDB database: tables with keys and comments, and views",
        f"{name}.xlsx": "Excel workbook: one sheet per table plus the data dictionary",
        "README.md": "Dataset card", "CODEBOOK.md": "Codebook: every field and coding rule",
        "CHANGELOG.md": "Changelog with the data diff of each release", "CITATION.cff": "How to cite (CFF)",
        ".zenodo.json": "Zenodo deposit metadata", "LICENSE": "Code licence (MIT)",
        "LICENSE-DATA": "Data licence (CC BY 4.0)", "SHA256SUMS": "Checksums of every file",
        "datapackage/timeline.html": "Interactive timeline (offline)",
    }
    rows = []
    for f in sorted(files):
        if f.startswith("site/"):
            continue
        what = described.get(f, "")
        if not what and f.startswith("datapackage/"):
            stem, _, ext = f.removeprefix("datapackage/").rpartition(".")
            what = f"{stem} table ({ext.upper() if ext == 'csv' else ext.capitalize()})"
        rows.append(f'<tr><td><a href="../{_e(f)}">{_e(f)}</a></td><td>{_e(what)}</td></tr>')
    return ('<div class="scroll"><table><thead><tr><th>file</th><th>what it is</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")


def render(release_dir: Path, files: list[str], descriptor: dict) -> str:
    csv_dir = Path(release_dir) / "datapackage"
    tables = {t.name: _read(csv_dir, t.name) for t in TABLES}
    title, version = descriptor["title"], descriptor["version"]
    name = descriptor["name"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} — {_e(version)}</title>
<style>{CSS}</style></head>
<body>
<header>
<h1>{_e(title)}</h1>
<p>Release <b>{_e(version)}</b> of {_e(descriptor['created'][:10])}. {_e(descriptor['description'])}</p>
<nav><a href="#timeline">Timeline</a><a href="#summary">Summary</a><a href="#downloads">Downloads</a>
<a href="#tables">Tables</a><a href="#dictionary">Data dictionary</a><a href="../README.md">Dataset card</a></nav>
</header>
<main>
<h2 id="timeline">Timeline</h2>
<p class="note">Hover or tap a marker for the participants, documents and sources.
<a href="../datapackage/timeline.html">Open the timeline on its own page</a>.</p>
<iframe src="../datapackage/timeline.html" title="Timeline of the events" loading="lazy"></iframe>
<h2 id="summary">Summary</h2>
{summary(tables)}
<h2 id="downloads">Downloads</h2>
<p class="note">Every file is checked by <a href="../SHA256SUMS">SHA256SUMS</a>. The release holds the tables, the
evidence sentences and each article's URL, headline, publisher and hash, not the articles' full texts.</p>
{downloads(files, name)}
<h2 id="tables">Tables</h2>
{previews(tables)}
<h2 id="dictionary">Data dictionary</h2>
{dictionary()}
</main>
<footer><p class="note">Data: <a href="../LICENSE-DATA">CC BY 4.0</a>. Code: <a href="../LICENSE">MIT</a>.
How to cite: <a href="../CITATION.cff">CITATION.cff</a>.</p></footer>
</body></html>
"""
