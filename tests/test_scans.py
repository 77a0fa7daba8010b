"""Issue 15: scans as they really arrive. Page preparation (skew, orientation, binarisation, table
rules), the repair of OCR'd numbers and the row arithmetic are tested without Tesseract; two scan
conditions of the matrix (fixtures/scanmatrix.py) are read end to end and must give the rows of
the born-digital PDF."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from kto_ingest import ocr, scan
from kto_ingest._pymupdf import pymupdf
from kto_ingest.ocr_numbers import normalise_numeric
from kto_ingest.reader.confidence import row_problems
from kto_ingest.schema import ResultRow

from .conftest import FIXTURES

sys.path.insert(0, str(FIXTURES.parent))
from fixtures.scanmatrix import Condition, ROW_FIELDS, make_scan  # noqa: E402

TEXT_PAGE = FIXTURES / "leer-unique-2019.pdf"


def _page_image(dpi: int = 150, page: int = 3) -> Image.Image:
    with pymupdf.open(TEXT_PAGE) as doc:
        pix = doc[page].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        return Image.frombytes("L", (pix.width, pix.height), pix.samples)


@pytest.mark.parametrize("angle", [-2.0, -0.7, 0.0, 0.8, 1.5, 3.0])
def test_deskew_finds_a_known_angle(angle):
    img = _page_image().rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    assert scan.estimate_skew(img, 150) == pytest.approx(angle, abs=0.1)


def test_a_page_scanned_sideways_is_seen_as_such():
    img = _page_image()
    assert not scan.is_sideways(img, 150)
    assert scan.is_sideways(img.transpose(Image.ROTATE_90), 150)
    assert scan.is_sideways(img.transpose(Image.ROTATE_270), 150)


def test_otsu_separates_ink_from_a_tinted_paper():
    grey = np.full((40, 40), 215, np.uint8)  # cream paper
    grey[10:20, 5:35] = 40  # ink
    t = scan.otsu_threshold(grey)
    assert 40 <= t < 215
    grey[30:32, 5:35] = 200  # a darker paper fibre, still paper
    out = np.asarray(scan.binarise(Image.fromarray(grey)))
    assert (out[10:20, 5:35] == 40).all()  # ink kept, with its grey
    assert (out[:10] == 255).all() and (out[30:32] == 255).all()  # paper white


def test_table_rules_are_erased_and_letters_kept():
    ink = np.zeros((300, 400), bool)
    ink[100, 20:380] = True  # a horizontal rule, a pixel thick
    ink[101, 200:380] = True  # ... stepping down a row halfway, as a levelled rule does
    ink[20:280, 50] = True  # a vertical rule
    ink[150:190, 120:126] = True  # a letter stroke, 40 px high at 300 dpi (about 10 pt)
    out = scan.remove_rules(ink, 300)
    assert not out[95:106, :].any()
    assert not out[:, 48:53].any()
    assert out[150:190, 120:126].all()


def test_a_decimal_point_is_no_speck_but_a_lone_dot_is():
    """At 300 dpi: the point of "7.1" stands some 3 pt (12 px) left of the stem of the 1 and as far
    from the foot of the 7, with white above and below it; a speck of dust in an empty cell, or
    beside one word only, has no ink on both sides."""
    ink = np.zeros((120, 400), bool)
    ink[60:66, 100:106] = True  # the decimal point, 1.4 pt across
    ink[40:66, 82:88] = True  # the foot of the "7", 12 px to its left
    ink[28:66, 118:123] = True  # the stem of the "1", 12 px to its right
    ink[60:66, 220:226] = True  # a speck alone
    ink[28:66, 280:285] = True  # the last letter of a word ...
    ink[60:66, 297:303] = True  # ... and a speck 12 px after it
    out = scan.remove_specks(ink, 300)
    assert out[60:66, 100:106].all() and out[28:66, 118:123].all() and out[28:66, 280:285].all()
    assert not out[62:64, 222:224].any() and not out[62:64, 299:301].any()  # the specks' cores are erased


def test_ocr_typesetting_is_set_right():
    words = [scan.OcrWord(10, 0, 60, 10, "telefoon/email/app)", 1, 0, 90), scan.OcrWord(62, 0, 65, 10, "?", 1, 0, 80),
             scan.OcrWord(70, 0, 120, 10, "werknemer’?", 1, 0, 90), scan.OcrWord(130, 0, 135, 10, "_", 1, 0, 20),
             scan.OcrWord(140, 0, 180, 10, "_Het", 1, 0, 80), scan.OcrWord(190, 0, 200, 10, "—", 1, 0, 80),
             scan.OcrWord(210, 0, 220, 10, "8", 1, 0, 80), scan.OcrWord(232, 0, 236, 10, ".", 1, 0, 80)]
    assert [w.text for w in scan._typeset(words)] == ["telefoon/email/app)?", "werknemer?", "Het", "–", "8", "."]


def test_a_column_of_digits_read_as_one_tall_unsure_word_is_dropped():
    """Tesseract now and then takes a column of lone digits for one block and reads it as "oo" or
    "DO", several lines high: such a word is dropped (its ink is then read as orphan ink); a word of
    a line's height, or a tall heading Tesseract is sure of, stays."""
    line = [scan.OcrWord(80 + 20 * i, 600 + 16 * (i % 4), 95 + 20 * i, 609 + 16 * (i % 4), "woord", 1, i % 4, 96) for i in range(8)]
    stack = [scan.OcrWord(331, 600, 339, 655, "oo", 2, 0, 35), scan.OcrWord(433, 600, 441, 655, "DO", 3, 0, 80)]
    heading = scan.OcrWord(77, 560, 200, 590, "Resultaten", 4, 0, 96)
    kept = scan._drop_stacks(line + stack + [heading])
    assert kept == line + [heading]


def _canned_tesseract(readings):
    """A stand-in for scan._tesseract that answers per page segmentation mode with one word."""
    def fake(img, dpi, tessdata, psm=3):
        text, conf = readings[psm]
        return ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                f"5\t1\t1\t1\t1\t1\t2\t2\t10\t20\t{conf}\t{text}\n")
    return fake


@pytest.mark.parametrize("as_line, as_word, want", [
    (("4", 67), ("1", 92), "1"),  # a clean "1" read as "4" as a line, "1" as a word: the first reading stands
    (("4", 67), ("4", 90), "4"),  # both second readings agree: the surer reading replaces the first
    (("81", 95), ("8,1", 60), "81"),  # not a lone digit: the line reading decides as before
])
def test_a_lone_digit_changed_by_the_line_reading_needs_the_word_reading_to_agree(monkeypatch, as_line, as_word, want):
    first = "8,1" if want == "81" else "1"
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: as_line, 8: as_word}))
    img = Image.new("L", (600, 600), 255)
    word = scan.OcrWord(100, 100, 104, 109, first, 1, 0, 55)
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == [want]


@pytest.mark.parametrize("first, as_line, want", [
    (("Totaai", 0), ("Totaal", 90), "Totaal"),  # a label a letter off, hardly believed: the surer reading
    (("Rapporteijt", 37), ("Rapportcijf", 84), "Rapportcijf"),
    (("Resultaten", 50), ("Resu1taten", 80), "Resultaten"),  # a reading with a digit is no word
    (("Opleidingen", 95), ("Opieidingen", 96), "Opleidingen"),  # a word Tesseract believes is not read again
])
def test_a_long_unsure_word_is_read_again(monkeypatch, first, as_line, want):
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: as_line, 8: as_line}))
    img = Image.new("L", (600, 600), 255)
    word = scan.OcrWord(100, 100, 140, 109, first[0], 1, 0, first[1])
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == [want]


def test_a_low_resolution_black_and_white_scan_is_upsampled_smoothly(tmp_path):
    """A 150 dpi thresholded scan (one bit a pixel) is turned at its own resolution and upsampled
    bicubically: its strokes get grey edges all round, as a grey scan's have, where MuPDF's own
    upsampling of the 1-bit image leaves most of the staircase hard black (a decimal comma or the
    bar of an "f" breaks up)."""
    bilevel = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "bw.pdf", Condition(150, "bilevel", -1.4, seed=13), pages=[2])
    grey = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "grey.pdf", Condition(150, "grey", -1.4, 75), pages=[2])
    with pymupdf.open(bilevel) as doc, pymupdf.open(grey) as other:
        assert scan.is_bilevel_scan(doc[0]) and not scan.is_bilevel_scan(other[0])
        img = np.asarray(scan.prepare(doc[0]).image)
    ink = img < 255
    edges = (img > 0) & ink
    assert edges.sum() > 0.7 * ink.sum()


def test_tesseract_tsv_becomes_page_points():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
           "4\t1\t1\t1\t1\t0\t300\t596\t775\t58\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t150\t50\t96.5\tOpleidingen\n"
           "5\t1\t1\t1\t1\t2\t1000\t600\t75\t50\t51.0\t96\n"
           "5\t1\t1\t1\t1\t3\t1080\t620\t20\t5\t90.0\t–\n"
           "5\t1\t1\t1\t2\t1\t300\t700\t75\t50\t90.0\tTotaal\n"
           "5\t1\t2\t1\t1\t1\t300\t900\t75\t50\t90.0\tDe\n")
    words = scan.parse_tsv(tsv, 72 / 300, (1.0, -2.0))
    assert [w.text for w in words] == ["Opleidingen", "96", "–", "Totaal", "De"]
    assert words[0][:4] == (73.0, 141.04, 109.0, 154.96)  # the line's top and bottom
    assert words[2].y0 == words[0].y0 and words[2].y1 == words[0].y1  # a dash stays in its row
    assert words[3][:4] == (73.0, 166.0, 91.0, 178.0)  # no line box: the word's own
    assert [(w.block, w.line) for w in words] == [(0, 0), (0, 0), (0, 0), (0, 1), (1, 0)]
    assert words[1].conf == 51.0


@pytest.mark.parametrize("text, want", [
    ("42,7 o/o", "42,7 %"),
    ("42,7o/o", "42,7 %"),
    ("12 %o", "12 %"),
    ("1O", "10"),
    ("4o,2", "40,2"),
    ("l2", "12"),
    ("‚22", "22"),
    ("|58", "58"),
    ("8,2", "8,2"),
    ("1.234", "1.234"),
    ("9%", "9%"),  # a well-formed number: not guessed at ("96"?); the row arithmetic flags it
    ("Opleidingen", "Opleidingen"),
    ("Oost", "Oost"),
    ("2O19-lO", "2O19-lO"),  # does not become a number: left alone
    ("3.6", "3.6"),
])
def test_numeric_normaliser(text, want):
    assert normalise_numeric(text) == want


def _row(netto, ingevuld, respons, total=False, service="Opleidingen"):
    raw = {"respons_pct": respons} if isinstance(respons, str) else {}
    value = float(respons.replace(",", ".")) if isinstance(respons, str) else respons
    return ResultRow(group=None, service=service, is_total=total, netto_steekproef=netto, ingevuld=ingevuld,
                     respons_pct=value, page=1, raw=raw)


@pytest.mark.parametrize("netto, ingevuld, respons, problem", [
    (96, 41, "42,7", None),
    (96, 41, 42.7, None),
    (4, 2, "50,0", None),
    (3, 2, "66,7", None),  # 66,666.. rounded half up
    (16, 1, "6,3", None),  # 6,25 printed as 6,3
    (16, 1, "6", None),  # printed without decimals
    (96, 41, "42,1", "is niet 41 / 96"),  # 7 read as 1
    (96, 47, "42,7", "is niet 47 / 96"),  # 1 read as 7
    (98, 41, "42,7", "is niet 41 / 98"),  # 6 read as 8
    (96, 41, "427", "is niet 41 / 96"),  # the comma lost
    (10, 11, None, "groter dan de netto steekproef"),
    (None, 41, "42,7", None),  # nothing to check against
])
def test_row_arithmetic(netto, ingevuld, respons, problem):
    problems = row_problems([_row(netto, ingevuld, respons)]).get(0, [])
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0]


def test_totals_must_be_sums():
    rows = [_row(96, 41, "42,7"), _row(58, 22, "37,9"), _row(154, 63, "40,9", total=True, service="Totaal")]
    assert row_problems(rows) == {}
    rows[1] = _row(53, 22, "41,5")  # 8 read as 3, respons fits
    flagged = row_problems(rows)
    assert list(flagged) == [2] and "niet de som" in flagged[2][0]


# --- end to end, with Tesseract -------------------------------------------------------------------

needs_ocr = pytest.mark.skipif(not ocr.available() and not os.environ.get("KTO_REQUIRE_OCR"),
                               reason="Tesseract with Dutch language data is not installed")


@pytest.fixture(scope="module")
def tesseract():
    if not ocr.available():  # KTO_REQUIRE_OCR set: a missing Tesseract is a failure, not a skip
        raise RuntimeError("KTO_REQUIRE_OCR is set but Tesseract with Dutch data (tesseract-ocr-nld) is not installed")
    return ocr.tessdata()


def _json(*paths):
    proc = subprocess.run([sys.executable, "-m", "kto_ingest", *map(str, paths), "--format", "json", "--jobs", "2"],
                          capture_output=True, text=True, timeout=900)
    return {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(proc.stdout)["reports"]}


@needs_ocr
def test_an_upside_down_page_is_turned(tesseract, tmp_path):
    path = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "upside.pdf",
                     Condition(200, "grey", 0.5, 75, upside_down=True), pages=[2])
    with pymupdf.open(path) as doc:
        words, prepared = scan.read_page(doc[0], tesseract)
    assert prepared.quarter_turns == 2
    text = " ".join(w.text for w in words)
    assert "Tabel 2.1 Respons en rapportcijfer per perceel en cluster" in text
    assert "Ervaringscertificaten 23 23 9 39,1 8,4" in text


# Two conditions of the matrix, each far from the rescan fixture's 200 dpi grey: a fax-like 300 dpi
# black-and-white scan and a 150 dpi colour JPEG at q50, both skewed, of the 2019 Panteia report.
ORIGINAL = "leer-unique-2019"
CONDITIONS = [Condition(300, "bilevel", 0.7), Condition(150, "colour", -2.0, 50)]


@needs_ocr
def test_bilevel_and_colour_scans_give_the_rows_of_the_original(tesseract, tmp_path):
    original = _json(FIXTURES / f"{ORIGINAL}.pdf")[f"{ORIGINAL}.pdf"]
    for cond in CONDITIONS:
        path = make_scan(FIXTURES / f"{ORIGINAL}.pdf", tmp_path / cond.name / f"{ORIGINAL}.pdf", cond)
        report = _json(path)[f"{ORIGINAL}.pdf"]
        assert report["status"] == "parsed", (cond.name, report.get("error"))
        assert report["parser"] == original["parser"] == "panteia-bow"
        assert report["ocr_pages"] == list(range(1, 13)) and report["confidence"] == "low"
        pick = lambda rows: [[r[k] for k in ROW_FIELDS] for r in rows]  # noqa: E731
        assert original["results"] and pick(report["results"]) == pick(original["results"]), cond.name
        for field in ("bureau", "supplier", "meetperiode", "report_date"):
            assert report[field] == original[field], (cond.name, field)


@needs_ocr
def test_a_lone_digit_in_a_table_cell_is_read(tesseract, tmp_path):
    """Tesseract's layout analysis drops the "3" alone in the 'ja' column of the jobcoaching answers
    table (200 dpi grey, -1.2°); the ink no word covers is read on its own."""
    path = make_scan(FIXTURES / "jobcoaching-rapportage-2021.pdf", tmp_path / "jc.pdf", Condition(200, "grey", -1.2, 90), pages=[2])
    with pymupdf.open(path) as doc:
        words, _ = scan.read_page(doc[0], tesseract)
    beside = [w for w in words if 460 < w.x0 < 480 and 362 < (w.y0 + w.y1) / 2 < 380]
    assert [w.text for w in beside] == ["3"]


def test_two_digits_over_each_other_read_as_one_short_unsure_word_are_dropped():
    """Two lone zeros in a column, two lines apart, read as one word "oo" two lines high: dropped,
    so their ink is read digit by digit; a two-line heading word Tesseract is unsure of stays (it is
    longer than a stack of digits)."""
    line = [scan.OcrWord(80 + 20 * i, 600 + 16 * (i % 4), 95 + 20 * i, 609.4 + 16 * (i % 4), "woord", 1, i % 4, 96) for i in range(8)]
    stack = scan.OcrWord(345, 426, 353, 450.7, "oo", 2, 0, 62)
    heading = scan.OcrWord(77, 560, 200, 584, "Resultaten", 4, 0, 70)
    assert scan._drop_stacks(line + [stack, heading]) == line + [heading]


def test_a_lone_mark_tesseract_has_no_confidence_in_is_dropped():
    """A speck in a table read as "-" or "‚" with confidence 0 would stand in a cell ("- werkgever
    2"), and so would a short word read from a cell's ink that Tesseract has no confidence in
    ("Rvt"); a dash Tesseract is sure of, a long word and a number it is unsure of, stay."""
    words = [scan.OcrWord(10, 0, 60, 10, "Werknemer", 1, 0, 96), scan.OcrWord(225, 0, 228, 10, "‚", 1, 0, 0),
             scan.OcrWord(332, 0, 336, 10, "-", 1, 0, 4), scan.OcrWord(340, 0, 346, 10, "–", 1, 0, 81),
             scan.OcrWord(367, 0, 400, 10, "Werkgever", 1, 0, 12), scan.OcrWord(511, 0, 533, 10, "Rvt", 1, 0, 0),
             scan.OcrWord(540, 0, 546, 10, "7", 1, 0, 5), scan.OcrWord(550, 0, 566, 10, "ja", 1, 0, 45)]
    assert [w.text for w in scan._typeset(words)] == ["Werknemer", "–", "Werkgever", "7", "ja"]


def test_a_letter_o_level_with_numbers_is_a_zero():
    texts = ["de", "benadering", "0", "o", "3", "3", "o", "Vraag", "O"]
    spans = [(373.9, 381.1)] * 6 + [(500, 510), (600, 610), (600, 610)]  # the last "o" and "O" stand without numbers
    assert ocr.letter_o_as_zero(texts, spans) == ["de", "benadering", "0", "0", "3", "3", "o", "Vraag", "O"]


def test_a_short_unsure_word_of_letters_takes_the_surer_reading(monkeypatch):
    """"C" read as "CG" (confidence 38): read again as a line and as one word, the surer reading in
    letters replaces it; a reading no surer than the first does not."""
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: ("CG", 48), 8: ("C", 87)}))
    img = Image.new("L", (600, 600), 255)
    word = scan.OcrWord(100, 100, 110, 109, "CG", 1, 0, 38)
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == ["C"]
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: ("GC", 20), 8: ("Cc", 30)}))
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == ["CG"]


def test_lines_far_apart_in_one_tesseract_paragraph_become_blocks():
    """Cover lines 13 pt apart that Tesseract gives as one paragraph come apart (a phrase then ends
    with its line: "ten behoeve van Werkschool Kempenland", not "... Definitief Datum ..."); the
    lines of a paragraph of text, 4 pt apart, stay one block."""
    def line(y, texts, block, number):
        return [scan.OcrWord(60 + 60 * i, y, 110 + 60 * i, y + 12.7, t, block, number, 95) for i, t in enumerate(texts)]

    cover = line(189.2, ["Rapportage", "ten", "behoeve"], 2, 0) + line(214.7, ["Definitief"], 2, 1) + line(239.6, ["Datum"], 2, 2)
    text = line(300, ["Het", "onderzoek"], 3, 0) + line(316.5, ["had", "betrekking"], 3, 1)
    got = scan.split_paragraphs(cover + text)
    assert [(w.block, w.line) for w in got] == [(0, 0)] * 3 + [(1, 0), (2, 0), (3, 0), (3, 0), (3, 1), (3, 1)]


def _digit_table(tmp_path, rows: int = 12) -> "pymupdf.Page":
    """A page with a question column and four columns of lone digits (an answer-count table)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((63, 120), "Vraag", fontsize=10, fontname="hebo")
    for k, head in enumerate(("onvoldoende", "matig", "voldoende", "goed")):
        page.insert_text((330 + 60 * k, 120), head, fontsize=10, fontname="hebo")
    for r in range(rows):
        y = 145 + 22 * r
        page.insert_text((63, y), f"Vraag nummer {r + 1} over de jobcoach?", fontsize=10, fontname="helv")
        for k in range(4):
            page.insert_text((347 + 60 * k, y), str((r * 3 + k * 5) % 7), fontsize=10, fontname="helv")
    return doc


@needs_ocr
def test_a_table_of_many_lone_digits_is_read_whole(tesseract, tmp_path):
    """An answer-count table of 48 lone digits, scanned at 180 dpi: Tesseract's layout analysis drops
    many of them, more than MAX_ORPHANS; all are read (together, in one run), none lost."""
    doc = _digit_table(tmp_path)
    path = tmp_path / "digits.pdf"
    doc.save(path)
    scanned = make_scan(path, tmp_path / "digits-scan.pdf", Condition(180, "grey", -0.5, 80, seed=31))
    with pymupdf.open(scanned) as sdoc:
        words, _ = scan.read_page(sdoc[0], tesseract)
    for r in range(12):
        y = 145 + 22 * r - 4
        got = [w.text for w in sorted(words, key=lambda w: w.x0) if w.x0 > 320 and w.y0 - 3 <= y <= w.y1 + 3]
        assert got == [str((r * 3 + k * 5) % 7) for k in range(4)], r


def test_garbage_that_reads_as_a_lone_digit_takes_the_word_reading(monkeypatch):
    """"_—" (confidence 0) read again as a line comes out "4", as a word "1": a clean "1" read as a
    line can come out "4", so the word reading is taken."""
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: ("4", 91), 8: ("1", 93)}))
    img = Image.new("L", (600, 600), 255)
    word = scan.OcrWord(100, 100, 110, 109, "_—", 1, 0, 0)
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == ["1"]


def test_a_point_after_a_number_in_a_row_of_numbers_is_dropped():
    """"117." in a results row (a speck beside the cell) is 117; a number ending a sentence keeps
    its full stop."""
    texts = ["Opleidingen", "117", "117.", "40", "34,2%", "8,3", "werkgevers", "7,2.", "8,3,"]
    spans = [(420, 430)] * 6 + [(526, 536)] * 3
    assert ocr.letter_o_as_zero(texts, spans) == ["Opleidingen", "117", "117", "40", "34,2%", "8,3", "werkgevers", "7,2.", "8,3,"]


def test_a_spaced_en_dash_read_as_a_double_hyphen_or_equals_sign_is_set_right():
    def row(*texts):
        return [scan.OcrWord(10 + 40 * i, 0, 40 + 40 * i, 10, t, 1, 0, 90) for i, t in enumerate(texts)]

    assert [w.text for w in scan._typeset(row("vaardigheidstrainingen", "--", "cluster"))] == ["vaardigheidstrainingen", "–", "cluster"]
    assert [w.text for w in scan._typeset(row("vaardigheidstrainingen", "=", "cluster"))] == ["vaardigheidstrainingen", "–", "cluster"]
    assert [w.text for w in scan._typeset(row("49,5:6", "=", "8,3"))] == ["49,5:6", "=", "8,3"]


@pytest.mark.parametrize("first, as_line, as_word, want", [
    (("ij", 35), ("Î", 21), ("1", 55), "1"),  # a lone "1" read as letters: the word reading says 1
    (("Ö", 7), ("p", 69), ("0", 81), "0"),  # not the line reading's letter: the digit
    (("CG", 38), ("CG", 48), ("C", 87), "C"),  # letters both ways: the surer
    (("ij", 35), ("Î", 21), ("1", 40), "ij"),  # a digit read without fair confidence: as it was
])
def test_a_short_garbled_word_that_reads_as_a_digit_is_one(monkeypatch, first, as_line, as_word, want):
    monkeypatch.setattr(scan, "_tesseract", _canned_tesseract({7: as_line, 8: as_word}))
    img = Image.new("L", (600, 600), 255)
    word = scan.OcrWord(100, 100, 110, 109, first[0], 1, 0, first[1])
    assert [w.text for w in scan._reread(img, 300, (144, 144), [word], None)] == [want]


def test_a_parenthesis_read_as_a_brace_is_set_right():
    words = [scan.OcrWord(10 + 40 * i, 0, 40 + 40 * i, 10, t, 1, 0, 90) for i, t in enumerate(["{per", "telefoon)", "KompAss}", "{", "}", "KompAss})"])]
    assert [w.text for w in scan._typeset(words)] == ["(per", "telefoon)", "KompAss)", "{", "}", "KompAss)"]


def _dark_border(img: Image.Image, side: str, share: float = 0.035) -> Image.Image:
    """A scanner's dark border (grey 30) along one edge, a shadow fading into the paper beside it."""
    arr = np.asarray(img, dtype=np.float32).copy()
    if side == "left":
        arr = arr.T
    width = round(arr.shape[0] * share)
    arr[:width] = 30
    fade = np.linspace(0.2, 1.0, width)[:, None]
    arr[width:2 * width] *= fade
    if side == "left":
        arr = arr.T
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")


def test_a_dark_scanner_border_does_not_steer_deskew_or_orientation():
    """A dark band along the top is a level line of ink: it pulled the skew of a page scanned 2°
    askew to 0. One along the left made an upright page look sideways. The border is no ink."""
    page = _page_image().rotate(2.0, resample=Image.BICUBIC, fillcolor=255)
    assert scan.estimate_skew(_dark_border(page, "top"), 150) == pytest.approx(2.0, abs=0.1)
    assert not scan.is_sideways(_dark_border(_page_image(), "left"), 150)
    assert scan.border_bands(np.asarray(_page_image()) < 128) == (0, 0, 0, 0)


def test_a_fault_in_reading_one_scanned_page_leaves_that_page_unread_not_the_pdf_corrupt(registry, tmp_path, monkeypatch):
    """APART3 (scored blind): a fault inside the OCR of one page (min() of nothing) stopped the whole
    report as 'corrupt'. The page stays unread, the report is read and a person is told."""
    from kto_ingest.pipeline import Options, process_file
    from kto_ingest.regime import load_regime

    path = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "scan.pdf", Condition(150, "grey", 0.0, 90), pages=[1, 2, 3])
    read = ocr.read
    calls = []

    def faulty(page):
        calls.append(page.number)
        if page.number == 2:  # the third page (0-based)
            raise ValueError("min() arg is an empty sequence")
        return read(page)

    monkeypatch.setattr(ocr, "read", faulty)
    e = process_file(path, registry, Options(regime=load_regime()))
    assert e.status == "parsed", e.error
    assert any("pagina 3 kon niet met tekstherkenning" in w for w in e.warnings)
    assert e.verdict != "voldoet"


def test_a_fax_with_pixels_twice_as_tall_as_wide_is_resized_from_its_own_pixels(tmp_path):
    """A fax (204 by 98 pixels an inch): its own pixels resized smoothly to square ones at 300 dpi
    (MuPDF's rendering repeats each row, a staircase Tesseract misreads); a scan with square
    pixels is left to MuPDF."""
    fax = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "fax.pdf", Condition(204, "bilevel", 0.6, fax=True, seed=51),
                    pages=[2])
    square = make_scan(FIXTURES / "klantstem-per-perceel-2021.pdf", tmp_path / "bw.pdf", Condition(200, "bilevel", 0.6, seed=51),
                       pages=[2])
    with pymupdf.open(fax) as doc, pymupdf.open(square) as other:
        own = scan.anisotropic_scan(doc[0])
        assert own is not None and own.height < 0.6 * own.width * doc[0].rect.height / doc[0].rect.width
        assert scan.anisotropic_scan(other[0]) is None
        prepared = scan.prepare(doc[0])
        assert abs(prepared.image.width - doc[0].rect.width * 300 / 72) <= 2
        assert abs(prepared.image.height - doc[0].rect.height * 300 / 72) <= 2
        assert abs(prepared.skew - 0.6) < 0.3  # (levelled as any scan)


@pytest.mark.parametrize("low,high,want", [
    ("18,2:", "8,81:", ["[8,2;", "8,8]"]), ("(6,5:", "8,1]", ["[6,5;", "8,1]"]), ("17.4;", "9,01:", ["[7,4;", "9,0]"]),
    ("[8,1;", "8,5]", ["[8,1;", "8,5]"]),
    ("18,2;", "25,0]", ["18,2;", "25,0]"]),  # 18,2 up to 25,0 is an interval as it stands
    ("8,5", "124", ["8,5", "124"]), ("(9,5:", "8,1]", ["(9,5:", "8,1]"]),  # no interval: its low bound is higher
])
def test_an_intervals_brackets_as_ocr_reads_them(low, high, want):
    assert ocr.interval_brackets([low, high], [(0, 0), (0, 0)]) == want
