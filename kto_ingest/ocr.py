"""Read scanned pages with Tesseract (through PyMuPDF), when Tesseract and its Dutch data are there.

A page is read by OCR only when it has no text layer but does show an image: a born-digital page
never is, and a blank page is not worth the seconds. What OCR reads is never trusted on its own:
the pipeline marks the report ``confidence = "low"`` and every value from such a page with
``ocr = true`` in its evidence, so rules that would pass ask a person to look.

Tesseract is a system program (Debian: ``tesseract-ocr tesseract-ocr-nld``). Without it a scan
gives the error ``no_text`` with a message that says what to install.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from pathlib import Path

from ._pymupdf import pymupdf

LANGUAGE = "nld"
DPI = 200  # what scanners deliver; 300 doubles the time for no gain on these reports
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
    return not words and bool(page.get_images(full=False))


# OCR takes seconds a page (about 3 s at 200 dpi on a 2-core machine). A worker process sets this
# hook so that each scanned page extends its time limit instead of running into it.
SECONDS_PER_PAGE = 10.0
MAX_EXTENDED_PAGES = 100
before_page: Callable[[], None] | None = None


def words(page: "pymupdf.Page") -> list[tuple]:
    """PyMuPDF's word tuples for one page, read by Tesseract."""
    if before_page is not None:
        before_page()
    with _tesseract_quiet():
        textpage = page.get_textpage_ocr(language=LANGUAGE, dpi=DPI, full=True, tessdata=tessdata())
    return page.get_text("words", textpage=textpage)


@contextlib.contextmanager
def _tesseract_quiet():
    """Tesseract, linked into MuPDF, writes English notes ("Line cannot be recognized!!", "Image
    too small to scale!!") straight to file descriptor 2; keep them off the account manager's
    screen. What OCR did is in the report (``ocr_pages``, the warnings)."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
    finally:
        os.close(saved)
