"""Issue 7: a scanned report (printed, rotated, specked, no text layer) is read by OCR, gives the same
numbers as the original, and every value from it asks for a person."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kto_ingest import ocr
from kto_ingest._pymupdf import pymupdf
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime

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


@pytest.fixture(scope="module")
def searchable_scan(scan, tmp_path_factory, registry):
    """The scan as a 'searchable PDF' from a scanner: its own OCR as invisible text over each page
    (the original's words where they stand), with one misread: the first rapportcijfer of the
    results table printed as '5,1'. Only the cover and the results page, to keep OCR short."""
    original = process_file(ORIGINAL, registry)
    page_no = original.results[0].page
    wrong = original.results[0].raw.get("rapportcijfer") or f"{original.results[0].rapportcijfer:.1f}".replace(".", ",")
    out = pymupdf.open()
    with pymupdf.open(scan) as scanned, pymupdf.open(ORIGINAL) as born:
        for n in (1, page_no):
            out.insert_pdf(scanned, from_page=n - 1, to_page=n - 1)
            page, misread = out[-1], n == page_no
            for x0, y0, x1, y1, text, *_ in born[n - 1].get_text("words"):
                if misread and text == wrong:
                    text, misread = "5,1", False
                page.insert_text((x0, y1 - 0.2 * (y1 - y0)), text, fontsize=max(4.0, 0.8 * (y1 - y0)), render_mode=3)
    path = tmp_path_factory.mktemp("searchable") / "searchable.pdf"
    out.save(path)
    return path, original, page_no


def test_a_scanners_invisible_text_layer_is_read_again_by_ocr(searchable_scan, registry):
    """A scan that arrives with the scanner's own OCR as invisible text is a scan: its words come
    from kto-ingest's OCR (marked as such), not from the scanner's layer with its misread."""
    path, original, page_no = searchable_scan
    entry = process_file(path, registry, Options())
    assert entry.ocr_pages == [1, 2] and entry.confidence == "low"
    assert entry.results and entry.results[0].rapportcijfer == original.results[0].rapportcijfer


def test_without_tesseract_a_scanners_text_layer_counts_as_ocr(searchable_scan, registry, monkeypatch):
    """Without Tesseract, the scanner's own layer is read, but as OCR: its misread '5,1' under the
    norm makes SCH-NORM ask a person, never fail the report."""
    monkeypatch.setenv("KTO_INGEST_NO_OCR", "1")
    path, _original, _ = searchable_scan
    entry = process_file(path, registry, Options())
    assert entry.status == "parsed", entry.error
    assert entry.ocr_pages == [1, 2] and entry.confidence == "low"
    assert entry.results and entry.results[0].rapportcijfer == 5.1
    assert not [c for c in entry.checks if c.status == "fail" and c.rule == "SCH-NORM"], entry.checks


def test_a_results_table_pasted_as_a_picture_is_read_by_ocr_and_never_trusted_alone(registry, tmp_path):
    """A born-digital report whose results table is a picture (a spreadsheet pasted into Word): no
    parser recognises the text layer, so the pictures are read by OCR; the table is read from
    them, marked as OCR, and a score under the norm asks a person instead of failing."""
    table = pymupdf.open()
    tp = table.new_page(width=500, height=130)
    rows = [["Perceel", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer"], ["Opleidingen", "80", "36", "45,0%", "7,6"],
            ["Leerbanen", "40", "20", "50,0%", "8,4"], ["Totaal", "120", "56", "46,7%", "7,9"]]
    for r, row in enumerate(rows):
        tp.insert_text((10, 25 + 25 * r), row[0], fontsize=11)
        for text, right in zip(row[1:], (250, 320, 400, 490)):
            tp.insert_text((right - pymupdf.get_text_length(text, fontsize=11), 25 + 25 * r), text, fontsize=11)
    png = tp.get_pixmap(dpi=200).tobytes("png")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for y, text in ((80, "Klanttevredenheidsonderzoek scholingsdiensten 2021"), (110, "In opdracht van Leerhuis Oost"),
                    (130, "Meetperiode: 1 januari 2021 t/m 31 december 2021"), (170, "Tabel 1 Resultaten per perceel")):
        page.insert_text((60, y), text, fontsize=11)
    page.insert_image(pymupdf.Rect(60, 185, 560, 315), stream=png)
    path = tmp_path / "tabel-als-plaatje.pdf"
    doc.save(path)
    entry = process_file(path, registry, Options(regime=load_regime()))
    assert entry.status == "parsed", entry.error
    assert entry.ocr_pages == [1] and entry.confidence == "low"
    assert "Afbeeldingen op pagina 1" in entry.warnings[0]
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in entry.results] == [
        ("Opleidingen", 80, 36, 45.0, 7.6), ("Leerbanen", 40, 20, 50.0, 8.4), ("Totaal", 120, 56, 46.7, 7.9)]
    assert entry.supplier == "Leerhuis Oost"  # the text layer outside the picture is still read as printed
    assert not [c for c in entry.checks if c.status == "fail" and c.rule == "SCH-NORM"]
