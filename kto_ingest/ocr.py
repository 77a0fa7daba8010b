"""Read scanned pages with Tesseract (through PyMuPDF), when Tesseract and its Dutch data are there.

A page is read by OCR only when it shows a picture and has no text layer, or a picture covers the
page under a text layer that is invisible (a scanner's own OCR) or has no Unicode for its glyphs: a
born-digital page never is, and a blank page is not worth the seconds. Without Tesseract, a
scanner's own text layer is used, and marked as read by OCR like ours. What OCR reads is never trusted on its own:
the pipeline marks the report ``confidence = "low"`` and every value from such a page with
``ocr = true`` in its evidence, so rules that would pass ask a person to look.

How a scanned page is prepared (rendered at 300 dpi, turned upright and level, binarised) and
read is in :mod:`kto_ingest.scan`; its words come back in page points and become the same
:class:`~kto_ingest.document.Word` objects as a born-digital page's, so one table reader reads both.
Tesseract's confidence per word is kept (:attr:`Document.ocr_confidence`).

Tesseract is a system program (Debian: ``tesseract-ocr tesseract-ocr-nld``). Without it a scan
gives the error ``no_text`` with a message that says what to install.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._pymupdf import pymupdf
from .ocr_numbers import normalise_numeric

LANGUAGE = "nld"
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)


@functools.cache
def tessdata() -> str | None:
    """The folder with Tesseract's Dutch language data, or None when OCR is not available."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_CANDIDATES]
    for folder in candidates:
        if folder and (Path(folder) / f"{LANGUAGE}.traineddata").is_file():
            return folder
    return None


def available() -> bool:
    return tessdata() is not None and os.environ.get("KTO_INGEST_NO_OCR") is None


def needs_ocr(page: "pymupdf.Page", words: list) -> bool:
    """A scan: a page showing a picture and no text, or a picture that covers the page under a
    text layer no reader can trust as printed: invisible text (a scanner's own OCR, as
    'searchable PDF' scans arrive) or text without Unicode for its glyphs."""
    if not page.get_images(full=False):
        return False
    if not words:
        return True
    if not _covered_by_picture(page):
        return False  # a born-digital page with a logo or a photo
    return _invisible_share(page) >= 0.8 or _unreadable_share(words) >= 0.3


def _covered_by_picture(page: "pymupdf.Page", share: float = 0.8) -> bool:
    """One picture covers most of the page (placed, never decoded)."""
    from .document import image_boxes  # document imports this module

    area = abs(page.rect)
    return any(abs(pymupdf.Rect(box) & page.rect) >= share * area for _, box in image_boxes(page))


def _invisible_share(page: "pymupdf.Page") -> float:
    """The share of the page's characters drawn invisibly (render mode 3, or fully transparent)."""
    total = hidden = 0
    for span in page.get_texttrace():
        n = len(span.get("chars", ()))
        total += n
        if span.get("type") == 3 or span.get("opacity", 1) == 0:
            hidden += n
    return hidden / total if total else 0.0


def _unreadable_share(words: list) -> float:
    """The share of characters that are no text: U+FFFD, private use, control characters."""
    chars = "".join(w[4] for w in words)
    bad = sum(1 for c in chars if c == "\ufffd" or "\ue000" <= c <= "\uf8ff" or (c < " " and c not in "\t\n"))
    return bad / len(chars) if chars else 0.0


# OCR takes seconds a page (see README, "Scans"). A worker process sets this
# hook so that each scanned page extends its time limit instead of running into it.
SECONDS_PER_PAGE = 10.0
MAX_EXTENDED_PAGES = 100
before_page: Callable[[], None] | None = None


@dataclass(slots=True)
class OcrPage:
    words: list[tuple]  # PyMuPDF's word tuples: x0, y0, x1, y1, text, block, line, word number
    confidence: list[float]  # Tesseract's confidence (0-100) of each word, in the same order
    width: float  # the page as it lies upright, in points (width and height swap for a page
    height: float  # that was scanned sideways)
    skew: float  # degrees the scan was turned, undone before reading
    quarter_turns: int


def read(page: "pymupdf.Page") -> OcrPage:
    """One scanned page read by Tesseract, prepared by :func:`kto_ingest.scan.read_page`."""
    from . import scan

    if before_page is not None:
        before_page()
    found, prepared = scan.read_page(page, tessdata())
    numbered: dict[tuple[int, int], int] = {}
    tuples = []
    texts = decimal_points_as_commas([ocr_word(w.text) for w in found], [(w.block, w.line) for w in found])
    texts = interval_brackets(texts, [(w.block, w.line) for w in found])
    texts = letter_o_as_zero(texts, [(w.y0, w.y1) for w in found])
    for w, text in zip(found, texts):
        wno = numbered[(w.block, w.line)] = numbered.get((w.block, w.line), -1) + 1
        tuples.append((w.x0, w.y0, w.x1, w.y1, text, w.block, w.line, wno))
    return OcrPage(tuples, [w.conf for w in found], prepared.frame[0], prepared.frame[1], prepared.skew,
                   prepared.quarter_turns)


def ocr_word(text: str) -> str:
    """One word as Tesseract read it, with the number confusions repaired ("42,7o/o" -> "42,7%")
    and a table word a confusable letter or two off set right ("Totaai" -> "Totaal"); any other
    word stays as read."""
    return table_word(normalise_numeric(text).replace(" %", "%"))


# The words that make a KTO results table readable: its column headers and its total row. One
# letter misread in them ("Rapportcijt", "Totaai") and a whole column or the total is lost. An
# OCR word of the same length that differs from one of them only in one or two letters Tesseract
# is known to confuse in a thin or broken stroke (l/i/1, f/t, c/e) is taken for that word. Long
# words only: no other Dutch word lies that close to them ("Cijter" over a column of rapportcijfers
# is "Cijfer").
# The services a results table names in its rows (the lexicon's perceel labels, "Opleidingen",
# "Ervaringscertificaten") are such words too: "Ervaringscertiticaten" is one. A thin "l" may also
# lose its top and read as "t" ("Gemiddetd").
TABLE_WORDS = ("Totaal", "Rapportcijfer", "Rapportcijf", "Respons", "Ingevuld", "steekproef", "Benaderd",
               "Beëindigd", "Deelgenomen", "Publicatie", "Gemiddeld", "Gemiddelde", "Cijfer", "Cijfers")
_CONFUSABLE = {frozenset(p) for p in ("li", "l1", "i1", "ft", "ce", "lt")}


@functools.cache
def _table_words() -> tuple[str, ...]:
    from .reader import lexicon  # the reader imports the document, which imports this module

    services = [w for w in lexicon.lexicon()["labels"]["perceel"] if " " not in w and len(w) >= 6 and w.isalpha()]
    return TABLE_WORDS + tuple(sorted(set(services)))


def table_word(text: str) -> str:
    if len(text) < 6 or not text.isalpha():
        return text
    for word in _table_words():
        if len(word) != len(text) or word.lower() == text.lower():
            continue
        diffs = [(a, b) for a, b in zip(text.lower(), word.lower()) if a != b]
        if len(diffs) <= 2 and all(frozenset(d) in _CONFUSABLE for d in diffs):
            fixed = word[0].upper() + word[1:] if text[0].isupper() else word[0].lower() + word[1:]
            return fixed
    return text


_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}%?$")
_DECIMAL_POINT = re.compile(r"^\d+\.\d{1,2}%?$")
COMMA_PAGE = 3  # decimals with a comma on the page, at least, and four times as many as with a point


def decimal_points_as_commas(texts: list[str], lines: list[tuple[int, int]]) -> list[str]:
    """A decimal comma OCR read as a point ("8.1" among "6,3" and "8,1"), set right where the page
    itself says so: it prints its decimals with a comma (at least ``COMMA_PAGE`` of them, four
    times as many as with a point), and the number stands in a table row (two more numbers on its
    line), not in a caption or a section number ("Tabel 1.1", "2.1 Methode"). A page that prints
    points ("gemiddeld 7.2") keeps them."""
    numbers: dict[tuple[int, int], int] = {}
    for t, line in zip(texts, lines):
        if t[:1].isdigit():
            numbers[line] = numbers.get(line, 0) + 1
    commas = sum(bool(_DECIMAL_COMMA.match(t)) for t in texts)
    points = [i for i, t in enumerate(texts) if _DECIMAL_POINT.match(t) and numbers.get(lines[i], 0) >= 3]
    if not points or commas < COMMA_PAGE or 4 * len(points) > commas:
        return texts
    out = list(texts)
    for i in points:
        out[i] = texts[i].replace(".", ",")
    return out


# an interval's two bounds as OCR reads them: its brackets as '1', 'l', '(', '|' or lost, its
# semicolon as a colon ('18,2:' '8,81:' for '[8,2; 8,8]')
_LOW_BOUND = re.compile(r"^(?P<b>[\[\(\|{1lI])?(?P<n>\d{1,2}[.,]\d{1,2})[;:]$")
_HIGH_BOUND = re.compile(r"^(?P<n>\d{1,2}[.,]\d{1,2}?)(?P<b>[\]\)\|}1lI])?[;:.,]?$")


def interval_brackets(texts: list[str], lines: list[tuple[int, int]]) -> list[str]:
    """Two numbers of one line read as an interval's bounds ('18,2:' then '8,81:' for '[8,2; 8,8]')
    written as printed ('[8,2;' '8,8]') where only that reading makes an interval: the low bound
    no higher than the high one. A first digit 1 is taken for the bracket only when with it the
    low bound would exceed the high one."""
    out = list(texts)
    for i in range(len(texts) - 1):
        if lines[i] != lines[i + 1]:
            continue
        lo, hi = _LOW_BOUND.match(texts[i]), _HIGH_BOUND.match(texts[i + 1])
        if not (lo and hi):
            continue
        # a high bound's last digit may be its bracket ('8,81' for '8,8]'): two decimals where the low has one
        high = hi["n"]
        if hi["b"] is None and high[-1] in "1" and len(high.split(",")[-1].split(".")[-1]) == len(lo["n"].split(",")[-1].split(".")[-1]) + 1:
            high = high[:-1]
        value = lambda t: float(t.replace(",", "."))  # noqa: E731
        low = lo["n"]
        if lo["b"] is None or lo["b"] not in "1lI":
            pass
        elif value(lo["b"].replace("l", "1").replace("I", "1") + low) <= value(high):
            continue  # '18,2' up to '25,0' may be a number of its own: not changed
        if value(low) > value(high):
            continue
        comma = "," if "," in low + high else "."
        out[i], out[i + 1] = f"[{low};".replace(".", comma), f"{high}]".replace(".", comma)
    return out


_ZERO_LETTERS = {"o", "O"}
_DIGITS_ONLY = re.compile(r"^\d+(?:[.,]\d+)?%?$")
_TRAILING_POINT = re.compile(r"^(\d+(?:,\d+)?)\.$")
ROW_NUMBERS = 3  # numbers level with a word, at least, for it to stand in a table row of numbers


def _level_numbers(texts: list[str], spans: list[tuple[float, float]], i: int) -> int:
    """How many numbers stand level with word ``i``: their middle within its top and bottom (its
    line, as every OCR word gets)."""
    top, bottom = spans[i]
    return sum(1 for j, u in enumerate(texts)
               if j != i and _DIGITS_ONLY.match(u) and top <= (spans[j][0] + spans[j][1]) / 2 <= bottom)


def letter_o_as_zero(texts: list[str], spans: list[tuple[float, float]]) -> list[str]:
    """In a row of numbers: a lone "o" level with two or more numbers is the digit 0 ("0" read as
    a letter in a column of counts: "1  o  3  3"; Dutch has no word "o"); a number with a point
    after it ("117.", a speck beside the cell) level with ROW_NUMBERS numbers loses the point (a
    table cell holds no full stop; in a sentence a number ends with one, and few stand level)."""
    out = list(texts)
    for i, t in enumerate(texts):
        if t in _ZERO_LETTERS and _level_numbers(texts, spans, i) >= 2:
            out[i] = "0"
        elif (m := _TRAILING_POINT.match(t)) and _level_numbers(texts, spans, i) >= ROW_NUMBERS:
            out[i] = m[1]
    return out


def words(page: "pymupdf.Page") -> list[tuple]:
    """PyMuPDF-style word tuples for one page, read by Tesseract."""
    return read(page).words
