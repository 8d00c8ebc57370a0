"""The Hugging Face dataset-card header of README.md (YAML front matter: licence, languages, one
config per table on its Parquet file), generated from the schema and dataset.toml so it cannot
drift; `python -m builder card` rewrites it in place."""
from __future__ import annotations

import re

import yaml

from . import metadata
from .schema import TABLES

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def yaml_header(meta: metadata.Metadata | None = None) -> str:
    meta = meta or metadata.load()
    header = {
        "license": "cc-by-4.0",
        "language": list(meta.languages),
        "pretty_name": meta.title,
        "tags": sorted({re.sub(r"[^a-z0-9]+", "-", k.lower()).strip("-") for k in meta.keywords}),
        "configs": [{"config_name": t.name, "data_files": [{"split": "train", "path": f"datapackage/{t.name}.parquet"}],
                     **({"default": True} if t.name == "events" else {})} for t in TABLES],
    }
    return "---\n" + yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100) + "---\n"


def with_header(readme: str, meta: metadata.Metadata | None = None) -> str:
    """README text with its front matter replaced (or added) by the generated one."""
    return yaml_header(meta) + _FRONT_MATTER.sub("", readme, count=1).lstrip("\n")
