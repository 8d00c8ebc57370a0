"""Citation and archive metadata of a release, generated from the released descriptor and the
maintainer's dataset.toml: CITATION.cff (Citation File Format 1.2.0) and .zenodo.json (Zenodo
deposit metadata)."""
from __future__ import annotations

import json

import yaml

from .metadata import Metadata

CFF_MESSAGE = "If you use this dataset, please cite it using the metadata from this file."
# ISO 639-1 → 639-3, the form Zenodo expects
_LANG3 = {"vi": "vie", "en": "eng", "zh": "zho"}


def _release_date(descriptor: dict) -> str:
    return descriptor["created"][:10]


def citation_cff(descriptor: dict, meta: Metadata) -> str:
    authors = []
    for c in meta.creators:
        a = {"given-names": c.given_names, "family-names": c.family_names}
        if c.orcid:
            a["orcid"] = f"https://orcid.org/{c.orcid}"
        if c.affiliation:
            a["affiliation"] = c.affiliation
        authors.append(a)
    cff = {
        "cff-version": "1.2.0",
        "message": CFF_MESSAGE,
        "type": "dataset",
        "title": descriptor["title"],
        "version": descriptor["version"],
        "date-released": _release_date(descriptor),
        "abstract": meta.description,
        "authors": authors,
        "license": "CC-BY-4.0",
        "url": meta.homepage,
        "keywords": list(meta.keywords),
    }
    if meta.repository:
        cff["repository-code"] = meta.repository
    return yaml.safe_dump(cff, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(descriptor: dict, meta: Metadata) -> str:
    creators = []
    for c in meta.creators:
        z = {"name": f"{c.family_names}, {c.given_names}"}
        if c.orcid:
            z["orcid"] = c.orcid
        if c.affiliation:
            z["affiliation"] = c.affiliation
        creators.append(z)
    related = [{"identifier": meta.homepage, "relation": "isDocumentedBy", "resource_type": "publication-other"}]
    if meta.repository:
        related.append({"identifier": meta.repository, "relation": "isSupplementedBy", "resource_type": "software"})
    deposit = {
        "upload_type": "dataset",
        "title": descriptor["title"],
        "description": (f"<p>{meta.description}</p><p>The deposit holds the tables (CSV, Parquet, DuckDB, "
                        "Excel), each article's URL, headline, publisher and SHA-256, and the evidence "
                        "sentences; not the full texts of the source articles, which remain their "
                        "publishers'.</p>"),
        "creators": creators,
        "version": descriptor["version"],
        "publication_date": _release_date(descriptor),
        "access_right": "open",
        "license": "cc-by-4.0",
        "keywords": list(meta.keywords),
        "language": _LANG3.get(meta.languages[0], meta.languages[0]) if meta.languages else "vie",
        "related_identifiers": related,
    }
    return json.dumps(deposit, ensure_ascii=False, indent=2) + "\n"
