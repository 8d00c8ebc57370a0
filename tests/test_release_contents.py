"""What is inside a release: the DuckDB database and its views, the citation files, the workbook,
the dataset-card header and the codebook (both generated, both checked for drift)."""
from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path

import duckdb
import jsonschema
import pytest
import yaml

from builder import card, codebook
from builder.duckdb_export import VIEWS
from builder.schema import TABLES
from builder.workbook import DICTIONARY_SHEET

from .conftest import REPO

NAME = "vn-cn-public-security-cooperation"
CFF_SCHEMA = Path(__file__).parent / "fixtures" / "cff" / "schema-1.2.0.json"


def _csv_count(folder: Path, table: str) -> int:
    with (folder / "datapackage" / f"{table}.csv").open(encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


@pytest.fixture(scope="module")
def db(unpacked_release):
    con = duckdb.connect(str(unpacked_release / f"{NAME}.duckdb"), read_only=True)
    yield con
    con.close()


def test_duckdb_holds_every_table_with_keys_and_comments(db, unpacked_release):
    for t in TABLES:
        assert db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] == _csv_count(unpacked_release, t.name)
        assert db.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [t.name]).fetchone()[0] \
            == t.description
        comments = dict(db.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?",
                               [t.name]).fetchall())
        assert comments == {f.name: f.description for f in t.fields}
        constraints = [c for (c,) in db.execute("SELECT constraint_text FROM duckdb_constraints() WHERE table_name = ?",
                                            [t.name]).fetchall()]
        if t.primary_key:
            assert f"PRIMARY KEY({', '.join(t.primary_key)})" in constraints
        for fields, ref, _ in t.foreign_keys:
            assert any(c.startswith(f"FOREIGN KEY ({', '.join(fields)}) REFERENCES {ref}(") for c in constraints)


def test_duckdb_views_answer_who_met_whom_and_who_signed(db):
    assert {v for (v,) in db.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()} == set(VIEWS)
    meetings = db.execute("SELECT event_id, date_start, vn_name, cn_name FROM meetings").fetchall()
    assert meetings and all(vn and cn for _, _, vn, cn in meetings)
    # the 2023 reception in Hanoi: Trần Quốc Tỏ received Dương Xuân Lôi
    assert any(vn == "Trần Quốc Tỏ" and cn == "Dương Xuân Lôi" for _, _, vn, cn in meetings)
    signed = db.execute("SELECT document_id, signatory_vn_name, signatory_cn_name FROM document_signatories").fetchall()
    assert len(signed) == db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert ("crime-prevention-conference-05-doc1", "Tô Lâm", "Quách Thanh Côn") in signed
    # event_persons de-duplicates participants to one row per event × person
    per_event = db.execute("SELECT count(*), count(DISTINCT (event_id, person_id)) FROM event_persons").fetchone()
    assert per_event[0] == per_event[1] == db.execute(
        "SELECT count(DISTINCT (event_id, person_id)) FROM participants").fetchone()[0]
    topics = db.execute("SELECT count(*), count(DISTINCT (event_id, topic)) FROM event_topics").fetchone()
    assert topics[0] == topics[1] > 0


def test_duckdb_enforces_the_foreign_keys(unpacked_release, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(unpacked_release / f"{NAME}.duckdb", copy)
    con = duckdb.connect(str(copy))
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO topics VALUES ('no-such-event', 'drugs', '000_7525bd6585515489', 0, 1, 'x')")
    con.close()


def test_citation_cff_is_valid_cff_1_2(unpacked_release):
    cff = yaml.safe_load((unpacked_release / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.validate(cff, json.loads(CFF_SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    descriptor = json.loads((unpacked_release / "datapackage.json").read_text())
    assert cff["version"] == descriptor["version"] == "1.0.0"
    assert cff["date-released"] == descriptor["created"][:10]
    assert cff["authors"][0]["orcid"] == "https://orcid.org/0000-0002-1825-0097"
    broken = {**cff, "authors": [{"given-names": "A", "orcid": "0000-0002-1825-0097"}]}   # not a URL
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(CFF_SCHEMA.read_text()))


def test_zenodo_metadata_carries_the_release(unpacked_release):
    z = json.loads((unpacked_release / ".zenodo.json").read_text(encoding="utf-8"))
    assert z["upload_type"] == "dataset" and z["license"] == "cc-by-4.0" and z["version"] == "1.0.0"
    assert z["creators"] == [{"name": "Carberry, Josiah", "orcid": "0000-0002-1825-0097",
                              "affiliation": "Brown University"}]
    assert z["publication_date"] == "2026-12-01" and z["keywords"] and z["related_identifiers"]
    assert "not the full texts" in z["description"]


def test_licences_in_repository_and_release(unpacked_release):
    for name in ("LICENSE", "LICENSE-DATA"):
        assert (unpacked_release / name).read_bytes() == (REPO / name).read_bytes()
    assert "MIT License" in (REPO / "LICENSE").read_text()
    data = (REPO / "LICENSE-DATA").read_text()
    assert "Attribution 4.0 International Public License" in data and "Section 3 -- License Conditions" in data


def test_workbook_has_the_dictionary_and_one_sheet_per_table(unpacked_release):
    with zipfile.ZipFile(unpacked_release / f"{NAME}.xlsx") as x:
        sheets = re.findall(r'<sheet name="([^"]+)"', x.read("xl/workbook.xml").decode())
        strings = x.read("xl/sharedStrings.xml").decode("utf-8")
        first_table = x.read("xl/worksheets/sheet3.xml").decode()          # events
    assert sheets == [DICTIONARY_SHEET] + [t.name for t in TABLES]
    assert "Quách Thanh Côn" in strings                                   # UTF-8 survives
    n_events = _csv_count(unpacked_release, "events")
    assert f'<row r="{n_events + 1}"' in first_table and f'<row r="{n_events + 2}"' not in first_table


def test_readme_has_the_generated_dataset_card_header():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(card.yaml_header()), "README header drifted: run python -m builder card"
    header = yaml.safe_load(readme.split("---\n")[1])
    assert header["license"] == "cc-by-4.0" and "vi" in header["language"]
    assert [c["config_name"] for c in header["configs"]] == [t.name for t in TABLES]
    assert "CITATION.cff" in readme and "How to cite" in readme


def test_hugging_face_configs_point_at_files_in_the_release(unpacked_release):
    header = yaml.safe_load((unpacked_release / "README.md").read_text(encoding="utf-8").split("---\n")[1])
    for config in header["configs"]:
        for data_file in config["data_files"]:
            assert (unpacked_release / data_file["path"]).is_file()


def test_codebook_is_generated_and_states_the_grain():
    text = (REPO / "CODEBOOK.md").read_text(encoding="utf-8")
    assert text == codebook.render() + "\n", "CODEBOOK.md drifted: run python -m builder codebook"
    assert "One row per event × person × article" in text and "event × cooperation topic × article" in text
    assert "erDiagram" in text and "persons ||--o{ documents" in text
