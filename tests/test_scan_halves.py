"""Scores in halves printed with the fraction glyph ("7½") on a scan: Tesseract reads no "½", so the
glyph is told by its shape; and a periods row whose score was not read does not end the table."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from kto_ingest import ocr, scan
from kto_ingest._pymupdf import pymupdf
from kto_ingest.document import Page, Word
from kto_ingest.schema import Facts, Jobcoaching
from kto_ingest.tables import _visual_rows
from parsers.jobcoaching import JobcoachingParser

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="Tesseract with Dutch data is not installed")


def _printed(text: str, dpi: int = 300, size: float = 10) -> Image.Image:
    """``text`` printed in Helvetica and rendered grey at ``dpi``, a little white around it."""
    doc = pymupdf.open()
    page = doc.new_page(width=60, height=24)
    page.insert_text((6, 17), text, fontname="helv", fontsize=size)
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def test_a_number_without_a_fraction_is_no_half_mark():
    """Two digits side by side ("72") are both full height: not the shape of "7½", and no
    Tesseract run is spent on it."""
    calls = []
    real = scan._tesseract
    scan._tesseract = lambda *a, **k: calls.append(a) or real(*a, **k)
    try:
        assert scan.read_half_mark(_printed("72"), 300, ocr.tessdata()) is None
        assert scan.read_half_mark(_printed("7,5"), 300, ocr.tessdata()) is None
    finally:
        scan._tesseract = real
    assert calls == []


@needs_ocr
def test_a_half_mark_is_read_by_its_shape():
    assert scan.read_half_mark(_printed("7½"), 300, ocr.tessdata()).text == "7½"
    assert scan.read_half_mark(_printed("10½"), 300, ocr.tessdata()).text == "10½"
    # a fraction that is not a half is not read as one
    assert scan.read_half_mark(_printed("7¼"), 300, ocr.tessdata()) is None


@needs_ocr
def test_a_page_word_over_a_half_mark_is_read_again(monkeypatch):
    """The page reading gave "7" for "7½" (the glyph dropped, the box still over it): read by shape."""
    img = _printed("7½")
    scale = 300 / 72
    frame = (img.width / scale, img.height / scale)
    ink = np.argwhere(np.asarray(img) < 160)
    (y0, x0), (y1, x1) = ink.min(axis=0), ink.max(axis=0) + 1
    word = scan.OcrWord(x0 / scale, y0 / scale, x1 / scale, y1 / scale, "7", 0, 0, 90.0)
    other = scan.OcrWord(1, 1, 3, 3, "Werknemer", 0, 0, 95.0)
    out = scan._half_marks(img, 300, frame, [word, other], ocr.tessdata())
    assert [w.text for w in out] == ["7½", "Werknemer"]


def _row(y: float, cells: list[tuple[float, str]]) -> list[Word]:
    words = []
    for x, text in cells:
        for k, part in enumerate(text.split()):
            words.append(Word(x + 40 * k, y, x + 40 * k + 6 * len(part), y + 8, part, 1, 0, 0))
    return words


def test_a_periods_row_with_a_score_not_read_does_not_end_the_table():
    """Row 2's werknemer score ("7½" on a scan) was not read: the rows after it are still read, and
    a warning names the row (its score is not guessed)."""
    head = _row(100, [(60, "Periode"), (130, "Werknemer"), (270, "Cijfer"), (340, "Werkgever"), (480, "Cijfer")])
    body = [(1, "Werknemer A", "9", "Werkgever 1", "5"), (2, "Werknemer B", "", "Werkgever 3", "6"),
            (3, "Werknemer C", "7", "Werkgever 2", "5"), (4, "Werknemer D", "8", "Werkgever 3", "6")]
    words = list(head)
    for i, (n, wn, a, wg, b) in enumerate(body):
        words += _row(118 + 18 * i, [(62, str(n)), (130, wn)] + ([(320, a)] if a else []) + [(340, wg), (525, b)])
    page = Page(1, 595, 842, words)
    facts = Facts(jobcoaching=Jobcoaching())
    JobcoachingParser().periods(page, _visual_rows(words), facts)
    got = [(p.werknemer, p.werknemer_cijfer, p.werkgever, p.werkgever_cijfer) for p in facts.jobcoaching.periods]
    assert got == [("Werknemer A", 9.0, "Werkgever 1", 5.0), ("Werknemer C", 7.0, "Werkgever 2", 5.0),
                   ("Werknemer D", 8.0, "Werkgever 3", 6.0)]
    assert any("Werknemer B" in w and "mist een cijfer" in w for w in facts.warnings)


def test_specks_spread_over_a_crop_are_no_half_mark_and_no_error():
    """APART3 (phone photo, scored blind): a crop holding only specks spread over its height left no
    part after the speck filter, and min() of nothing stopped the whole report as 'corrupt'."""
    from PIL import Image

    from kto_ingest.scan import read_half_mark

    img = Image.new("L", (60, 60), 255)
    for x, y in ((5, 2), (20, 20), (35, 38), (50, 56)):
        for dx in range(2):
            for dy in range(2):
                img.putpixel((x + dx, y + dy), 0)
    assert read_half_mark(img, 300, None) is None
