"""Issue 7: a scanned report (printed, rotated, specked, no text layer) is read by OCR, gives the same
numbers as the original, and every value from it asks for a person."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kto_ingest import ocr
from kto_ingest.pipeline import Options, process_file

from .conftest import FIXTURES

sys.path.insert(0, str(FIXTURES))
from rescan import rescan  # noqa: E402

ORIGINAL = FIXTURES / "leer-unique-2019.pdf"
NUMBERS = ("service", "group", "is_total", "netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer", "publicatie", "page")

if not ocr.available():
    if os.environ.get("KTO_REQUIRE_OCR"):
        raise RuntimeError("KTO_REQUIRE_OCR is set but Tesseract with Dutch data (tesseract-ocr-nld) is not installed")
    pytest.skip("Tesseract with Dutch language data is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    return rescan(ORIGINAL, tmp_path_factory.mktemp("scan") / "leer-unique-2019-scan.pdf")


@pytest.fixture(scope="module")
def scanned_run(scan):
    """The command as an account manager runs it, with a time limit the OCR alone would overrun
    (12 pages at about 3 s): each scanned page extends it."""
    proc = subprocess.run([sys.executable, "-m", "kto_ingest", str(scan), "--format", "json", "--timeout", "15"],
                          capture_output=True, text=True, timeout=600)
    return json.loads(proc.stdout)["reports"][0]


def test_the_scan_has_no_text_layer(scan):
    from kto_ingest._pymupdf import pymupdf

    with pymupdf.open(scan) as doc:
        assert not any(page.get_text().strip() for page in doc)


def test_ocr_gives_the_numbers_of_the_original(scanned_run, registry):
    original = process_file(ORIGINAL, registry).model_dump(mode="json")
    assert scanned_run["status"] == "parsed", scanned_run.get("error")
    assert scanned_run["parser"] == "panteia-bow"
    pick = lambda rows: [{k: r[k] for k in NUMBERS} for r in rows]  # noqa: E731
    assert pick(scanned_run["results"]) == pick(original["results"])
    for field in ("meetperiode", "supplier", "report_date", "approached", "final", "bureau"):
        assert scanned_run[field] == original[field], field


def test_every_value_read_by_ocr_is_marked_and_needs_a_person(scanned_run):
    assert scanned_run["confidence"] == "low"
    assert scanned_run["ocr_pages"] == list(range(1, 13))
    assert scanned_run["evidence"] and all(ev["ocr"] for ev in scanned_run["evidence"].values())
    assert "tekstherkenning (OCR)" in scanned_run["warnings"][0]
    assert not [c for c in scanned_run["checks"] if c["status"] == "pass"]
    norm = next(c for c in scanned_run["checks"] if c["rule"] == "SCH-NORM")
    assert norm["status"] == "manual" and "lage zekerheid" in norm["message"]


def test_without_tesseract_a_scan_says_what_to_install(scan, registry, monkeypatch):
    monkeypatch.setenv("KTO_INGEST_NO_OCR", "1")
    entry = process_file(scan, registry, Options())
    assert entry.error.code == "no_text"
    assert "tesseract-ocr-nld" in entry.error.message
